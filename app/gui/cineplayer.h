#pragma once
// Cine transport: play/pause, step, scrub and speed over the frames of a
// multi-frame image, timed by the file's Frame Time. The player does not
// know about routing: before each timed step it asks `frameReady` whether the
// next frame may be shown, so the window can hold the playhead until the
// worker has routed that frame (playback stays in sync with the routing) and
// ask for it meanwhile (`waitingFor`).

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace moescope::gui {

class CinePlayer : public QWidget
{
    Q_OBJECT
public:
    explicit CinePlayer(QWidget *parent = nullptr);

    // frameTimeMs <= 0: the file gives none; plays at 15 frames/s.
    void setFrames(int count, double frameTimeMs);
    int frameCount() const { return m_count; }
    int frame() const;
    void setFrame(int frame); // as if the user moved there (frameChanged(frame, true))
    bool isPlaying() const { return m_timer.isActive(); }
    void setPlaying(bool playing);
    double speed() const;
    void setSpeed(double factor);
    void setFrameReady(std::function<bool(int)> ready) { m_ready = std::move(ready); }

    // Since play was last pressed: frames shown and the time it took.
    int framesPlayed() const { return m_played; }
    double playedSeconds() const { return m_clock.isValid() ? m_clock.nsecsElapsed() / 1e9 : 0.0; }
    int ticksHeld() const { return m_held; } // timer ticks that waited for a frame

Q_SIGNALS:
    void frameChanged(int frame, bool byUser);
    void waitingFor(int frame);
    void playingChanged(bool playing);

private:
    void tick();
    void updateLabel();
    void updateInterval();

    QSlider *m_slider = nullptr;
    QLabel *m_label = nullptr;
    QToolButton *m_play = nullptr;
    QToolButton *m_back = nullptr;
    QToolButton *m_forward = nullptr;
    QComboBox *m_speed = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::function<bool(int)> m_ready;
    int m_count = 0;
    double m_frameTimeMs = 0;
    int m_played = 0;
    int m_held = 0;
    bool m_fromTimer = false;
};

} // namespace moescope::gui
