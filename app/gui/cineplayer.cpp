#include "cineplayer.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

namespace moescope::gui {

CinePlayer::CinePlayer(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("cinePlayer"));
    m_play = new QToolButton(this);
    m_play->setObjectName(QStringLiteral("playButton"));
    m_play->setCheckable(true);
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setToolTip(tr("Play / pause (Space)"));
    m_play->setShortcut(Qt::Key_Space);
    m_back = new QToolButton(this);
    m_back->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    m_back->setToolTip(tr("Previous frame (Left)"));
    m_back->setShortcut(Qt::Key_Left);
    m_forward = new QToolButton(this);
    m_forward->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_forward->setToolTip(tr("Next frame (Right)"));
    m_forward->setShortcut(Qt::Key_Right);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("frameSlider"));
    m_label = new QLabel(this);
    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("speedCombo"));
    m_speed->setToolTip(tr("Playback speed, relative to the file's frame time"));
    for (double s : {0.25, 0.5, 1.0, 2.0, 4.0})
        m_speed->addItem(QStringLiteral("%1×").arg(s), s);
    m_speed->setCurrentIndex(2);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_back);
    row->addWidget(m_play);
    row->addWidget(m_forward);
    row->addWidget(m_slider, 1);
    row->addWidget(m_label);
    row->addWidget(m_speed);

    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &CinePlayer::tick);
    connect(m_play, &QToolButton::toggled, this, &CinePlayer::setPlaying);
    connect(m_back, &QToolButton::clicked, this, [this] {
        setPlaying(false);
        setFrame((frame() - 1 + m_count) % std::max(1, m_count));
    });
    connect(m_forward, &QToolButton::clicked, this, [this] {
        setPlaying(false);
        setFrame((frame() + 1) % std::max(1, m_count));
    });
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        updateLabel();
        Q_EMIT frameChanged(value, !m_fromTimer);
    });
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] { updateInterval(); });
}

void CinePlayer::setFrames(int count, double frameTimeMs)
{
    setPlaying(false);
    m_count = std::max(0, count);
    m_frameTimeMs = frameTimeMs;
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setRange(0, std::max(0, m_count - 1));
        m_slider->setValue(0);
    }
    updateInterval();
    updateLabel();
    setVisible(m_count > 1);
}

int CinePlayer::frame() const
{
    return m_slider->value();
}

void CinePlayer::setFrame(int frame)
{
    m_slider->setValue(std::clamp(frame, 0, std::max(0, m_count - 1)));
}

void CinePlayer::setPlaying(bool playing)
{
    playing = playing && m_count > 1;
    if (playing == m_timer.isActive())
        return;
    if (playing) {
        m_played = 0;
        m_held = 0;
        m_clock.start();
        updateInterval();
        m_timer.start();
    } else {
        m_timer.stop();
    }
    const QSignalBlocker blocker(m_play);
    m_play->setChecked(playing);
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    Q_EMIT playingChanged(playing);
}

double CinePlayer::speed() const
{
    return m_speed->currentData().toDouble();
}

void CinePlayer::setSpeed(double factor)
{
    int index = m_speed->findData(factor);
    if (index < 0 && factor > 0) {
        m_speed->addItem(QStringLiteral("%1×").arg(factor), factor);
        index = m_speed->count() - 1;
    }
    if (index >= 0)
        m_speed->setCurrentIndex(index);
}

void CinePlayer::updateInterval()
{
    const double frameMs = m_frameTimeMs > 0 ? m_frameTimeMs : 1000.0 / 15.0;
    m_timer.setInterval(std::max(1, int(frameMs / std::max(0.01, speed()))));
}

void CinePlayer::updateLabel()
{
    m_label->setText(tr("Frame %1 / %2").arg(frame() + 1).arg(m_count));
}

void CinePlayer::tick()
{
    if (m_count < 2)
        return;
    const int next = (frame() + 1) % m_count;
    if (m_ready && !m_ready(next)) {
        ++m_held; // hold the playhead: the next frame's routing is not there yet
        Q_EMIT waitingFor(next);
        return;
    }
    m_fromTimer = true;
    m_slider->setValue(next);
    m_fromTimer = false;
    ++m_played;
}

} // namespace moescope::gui
