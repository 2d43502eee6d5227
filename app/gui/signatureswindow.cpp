#include "signatureswindow.h"

#include "jobs/storedrun.h"
#include "render/routingimages.h"
#include "store/database.h"
#include "viewexport.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScatterSeries>
#include <QSplitter>
#include <QTableWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>
#include <limits>
#include <map>

namespace moescope::gui {

namespace {

QString shapeOf(const std::vector<int> &shape)
{
    return QString::fromStdString(routing::Signature::shapeText(shape));
}

// Low similarity pale, high dark (viridis reversed reads badly on text).
QColor similarityColour(double s)
{
    const int shade = int(255 - 170 * std::clamp(s, 0.0, 1.0));
    return QColor(shade, shade + (255 - shade) / 3, 255);
}

} // namespace

SignaturesWindow::SignaturesWindow(const store::Database *db, QWidget *parent)
    : QWidget(parent, Qt::Window), m_db(db)
{
    setObjectName(QStringLiteral("signaturesWindow"));
    setWindowTitle(tr("Routing signatures"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_sourceCombo = new QComboBox(this);
    m_sourceCombo->setObjectName(QStringLiteral("signatureSourceCombo"));
    m_sourceCombo->setToolTip(tr("Stored runs, or the items of a gallery"));
    m_sourceCombo->addItem(tr("Stored runs"));
    QString error;
    for (const store::GalleryInfo &g : m_db->listGalleries(&error))
        m_sourceCombo->addItem(tr("Gallery %1").arg(g.name), g.name);
    m_groupCombo = new QComboBox(this);
    m_groupCombo->setToolTip(tr("Signatures compare only between runs whose layers have the same "
                                "numbers of experts"));
    m_colourCombo = new QComboBox(this);
    m_colourCombo->addItems({tr("Model"), tr("Task"), tr("Input"), tr("Predicted label")});
    m_info = new QLabel(this);
    m_info->setWordWrap(true);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_sourceCombo);
    controls->addWidget(new QLabel(tr("Experts per layer"), this));
    controls->addWidget(m_groupCombo, 1);
    controls->addWidget(new QLabel(tr("Colour by"), this));
    controls->addWidget(m_colourCombo);

    m_chart = new QChart;
    m_chart->setTitle(tr("Signatures, first two principal components"));
    auto *chartView = new QChartView(m_chart, this);
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumSize(360, 300);
    m_matrix = new QTableWidget(this);
    m_matrix->setObjectName(QStringLiteral("signatureMatrix"));
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrix->setToolTip(tr("Similarity of two runs' routing: 1 − the mean JS divergence of "
                            "their layers' loads (1: the same); double-click to open the row's "
                            "run"));
    m_matrix->horizontalHeader()->setDefaultSectionSize(46);
    m_like = new QTableWidget(0, 4, this);
    m_like->setObjectName(QStringLiteral("likeTable"));
    m_like->setHorizontalHeaderLabels({tr("Run"), tr("Similarity"), tr("Model"), tr("Input")});
    m_like->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_like->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_like->verticalHeader()->hide();
    m_like->horizontalHeader()->setStretchLastSection(true);
    m_like->setVisible(false);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(chartView);
    auto *right = new QSplitter(Qt::Vertical, split);
    right->addWidget(m_matrix);
    right->addWidget(m_like);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_info);
    layout->addWidget(split, 1);

    connect(m_groupCombo, &QComboBox::activated, this, &SignaturesWindow::showGroup);
    connect(m_sourceCombo, &QComboBox::activated, this, [this](int index) {
        QString error;
        const bool ok = index == 0 ? refresh(&error)
                                   : showGallery(m_sourceCombo->itemData(index).toString(), &error);
        if (!ok)
            m_info->setText(error);
    });
    connect(m_colourCombo, &QComboBox::activated, this,
            [this](int index) { setColourBy(ColourBy(index)); });
    connect(m_matrix, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        if (m_group >= 0 && row < int(m_groups[size_t(m_group)].entries.size()))
            activate(m_groups[size_t(m_group)].entries[size_t(row)]);
    });
    connect(m_like, &QTableWidget::cellDoubleClicked, this,
            [this](int row) { Q_EMIT runActivated(m_like->item(row, 0)->text().toLongLong()); });
    installExportActions(this);
}

bool SignaturesWindow::refresh(QString *error, int limit)
{
    const QList<store::RunRecord> runs = m_db->listRuns(error, limit);
    if (!error->isEmpty())
        return false;
    std::vector<Entry> entries;
    for (const store::RunRecord &r : runs) {
        routing::Signature s = signatureOfRun(r);
        if (!s.loads.empty())
            entries.push_back({r.id,
                               r.model.name,
                               r.model.task,
                               QFileInfo(r.image.path).fileName(),
                               predictedLabelOfRun(r),
                               std::move(s),
                               {},
                               {},
                               0});
    }
    m_gallery = false;
    m_sourceCombo->setCurrentIndex(0);
    setEntries(std::move(entries));
    return true;
}

bool SignaturesWindow::showGallery(const QString &name, QString *error, int limit)
{
    const std::optional<store::GalleryInfo> gallery = m_db->findGallery(name, error);
    if (!gallery) {
        if (error->isEmpty())
            *error = tr("%1: there is no gallery \"%2\"").arg(m_db->path(), name);
        return false;
    }
    const QList<store::GalleryItem> items = m_db->galleryItemPage(gallery->id, 0, limit, error);
    if (!error->isEmpty())
        return false;
    std::vector<Entry> entries;
    for (const store::GalleryItem &item : items) {
        // Its layers' mean router probabilities ({layer: {expert: p}}), in
        // the order of the names, the same for every item of the gallery.
        routing::Signature s;
        for (const QJsonValue &layer : item.gates) {
            std::vector<double> p;
            for (const QJsonValue &v : layer.toObject())
                p.push_back(v.toDouble());
            if (!p.empty())
                s.loads.push_back(std::move(p));
        }
        if (s.loads.empty())
            continue;
        entries.push_back(
            {item.id,
             gallery->modelName,
             tr("gallery"),
             QStringLiteral("%1 [%2]").arg(QFileInfo(item.path).fileName()).arg(item.frame),
             item.label,
             std::move(s),
             {},
             item.path,
             item.frame});
    }
    m_gallery = true;
    const int index = m_sourceCombo->findData(name);
    if (index >= 0)
        m_sourceCombo->setCurrentIndex(index);
    setEntries(std::move(entries));
    return true;
}

void SignaturesWindow::setEntries(std::vector<Entry> all)
{
    std::map<std::vector<int>, std::vector<Entry>> byShape;
    for (Entry &e : all)
        byShape[e.signature.shape()].push_back(std::move(e));
    m_groups.clear();
    m_groupCombo->clear();
    for (auto &[shape, entries] : byShape) {
        std::vector<routing::Signature> signatures;
        for (const Entry &e : entries)
            signatures.push_back(e.signature);
        const auto xy = routing::projectSignatures(signatures);
        for (size_t i = 0; i < entries.size(); ++i)
            entries[i].xy = QPointF(xy[i].first, xy[i].second);
        m_groupCombo->addItem(
            tr("%1 (%n item(s))", nullptr, int(entries.size())).arg(shapeOf(shape)));
        m_groups.push_back({shape, std::move(entries)});
    }
    // The largest group first.
    int largest = -1;
    for (int g = 0; g < groupCount(); ++g) {
        if (largest < 0 ||
            m_groups[size_t(g)].entries.size() > m_groups[size_t(largest)].entries.size())
            largest = g;
    }
    showGroup(largest);
}

void SignaturesWindow::activate(const Entry &e)
{
    if (m_gallery)
        Q_EMIT itemActivated(e.path, e.frame);
    else
        Q_EMIT runActivated(e.id);
}

void SignaturesWindow::showGroup(int group)
{
    m_group = group >= 0 && group < groupCount() ? group : -1;
    if (m_group >= 0)
        m_groupCombo->setCurrentIndex(m_group);
    m_like->setVisible(false);
    const int n = m_group < 0 ? 0 : int(m_groups[size_t(m_group)].entries.size());
    const QString shape = m_group < 0 ? QString() : shapeOf(m_groups[size_t(m_group)].shape);
    m_info->setText(m_group < 0 ? tr("Nothing here has routing to compare yet.")
                    : m_gallery ? tr("%n gallery item(s) whose layers have %1 experts (their mean "
                                     "router probabilities). Click a point, or double-click a "
                                     "row, to open its file.",
                                     nullptr, n)
                                      .arg(shape)
                                : tr("%n run(s) whose layers have %1 experts. Click a point, or "
                                     "double-click a row, to open its run.",
                                     nullptr, n)
                                      .arg(shape));
    drawScatter();
    fillMatrix();
}

void SignaturesWindow::setColourBy(ColourBy by)
{
    m_colourBy = by;
    m_colourCombo->setCurrentIndex(int(by));
    drawScatter();
}

QString SignaturesWindow::categoryOf(const Entry &e) const
{
    switch (m_colourBy) {
    case ColourBy::Model:
        return e.model;
    case ColourBy::Task:
        return e.task;
    case ColourBy::Input:
        return e.input;
    case ColourBy::Label:
        return e.label.isEmpty() ? tr("(no class)") : e.label;
    }
    return {};
}

void SignaturesWindow::drawScatter()
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes())
        m_chart->removeAxis(axis);
    if (m_group < 0)
        return;
    const Group &g = m_groups[size_t(m_group)];
    std::map<QString, QScatterSeries *> series;
    double lo = 0, hi = 0;
    for (const Entry &e : g.entries) {
        QScatterSeries *&s = series[categoryOf(e)];
        if (!s) {
            s = new QScatterSeries;
            s->setName(categoryOf(e));
            s->setMarkerSize(11);
            s->setColor(render::expertColor(int(series.size()) - 1));
        }
        s->append(e.xy);
        lo = std::min({lo, e.xy.x(), e.xy.y()});
        hi = std::max({hi, e.xy.x(), e.xy.y()});
    }
    const double pad = std::max(0.02, (hi - lo) * 0.1);
    auto *x = new QValueAxis;
    auto *y = new QValueAxis;
    x->setRange(lo - pad, hi + pad);
    y->setRange(lo - pad, hi + pad);
    x->setTitleText(tr("PC 1"));
    y->setTitleText(tr("PC 2"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    for (auto &[name, s] : series) {
        m_chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
        connect(s, &QScatterSeries::clicked, this, &SignaturesWindow::activateNear);
        connect(s, &QScatterSeries::hovered, this, [this](const QPointF &p, bool on) {
            if (!on || m_group < 0)
                return;
            for (const Entry &e : m_groups[size_t(m_group)].entries) {
                if (std::abs(e.xy.x() - p.x()) < 1e-9 && std::abs(e.xy.y() - p.y()) < 1e-9) {
                    QToolTip::showText(
                        QCursor::pos(),
                        tr("Run %1: %2 on %3 (%4)").arg(e.id).arg(e.model, e.input, e.label));
                    return;
                }
            }
        });
    }
}

void SignaturesWindow::fillMatrix()
{
    m_matrix->clear();
    if (m_group < 0) {
        m_matrix->setRowCount(0);
        m_matrix->setColumnCount(0);
        return;
    }
    const std::vector<Entry> &entries = m_groups[size_t(m_group)].entries;
    const int n = int(entries.size());
    m_matrix->setRowCount(n);
    m_matrix->setColumnCount(n);
    QStringList names;
    for (const Entry &e : entries)
        names << QString::number(e.id);
    m_matrix->setHorizontalHeaderLabels(names);
    m_matrix->setVerticalHeaderLabels(names);
    for (int i = 0; i < n; ++i) {
        m_matrix->verticalHeaderItem(i)->setToolTip(
            tr("Run %1: %2 on %3")
                .arg(entries[size_t(i)].id)
                .arg(entries[size_t(i)].model, entries[size_t(i)].input));
        for (int j = 0; j < n; ++j) {
            const double s = routing::signatureSimilarity(entries[size_t(i)].signature,
                                                          entries[size_t(j)].signature);
            auto *item = new QTableWidgetItem(QString::number(s, 'f', 2));
            item->setData(Qt::UserRole, s);
            item->setTextAlignment(Qt::AlignCenter);
            item->setBackground(similarityColour(s));
            item->setForeground(s > 0.6 ? Qt::white : Qt::black);
            m_matrix->setItem(i, j, item);
        }
    }
}

bool SignaturesWindow::showLike(qint64 id)
{
    for (int g = 0; g < groupCount(); ++g) {
        const std::vector<Entry> &entries = m_groups[size_t(g)].entries;
        const auto self = std::find_if(entries.begin(), entries.end(),
                                       [id](const Entry &e) { return e.id == id; });
        if (self == entries.end())
            continue;
        showGroup(g);
        std::vector<std::pair<double, const Entry *>> ranked;
        for (const Entry &e : entries)
            ranked.push_back({routing::signatureSimilarity(self->signature, e.signature), &e});
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const auto &a, const auto &b) { return a.first > b.first; });
        m_like->setRowCount(int(ranked.size()));
        for (int row = 0; row < int(ranked.size()); ++row) {
            const Entry &e = *ranked[size_t(row)].second;
            m_like->setItem(row, 0, new QTableWidgetItem(QString::number(e.id)));
            m_like->setItem(
                row, 1, new QTableWidgetItem(QString::number(ranked[size_t(row)].first, 'f', 4)));
            m_like->setItem(row, 2, new QTableWidgetItem(e.model));
            m_like->setItem(row, 3, new QTableWidgetItem(e.input));
        }
        m_like->setVisible(true);
        m_info->setText(tr("Runs whose routing resembles run %1 most, first (double-click to "
                           "open).")
                            .arg(id));
        return true;
    }
    return false;
}

QPointF SignaturesWindow::pointOf(qint64 id) const
{
    if (m_group >= 0) {
        for (const Entry &e : m_groups[size_t(m_group)].entries) {
            if (e.id == id)
                return e.xy;
        }
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {nan, nan};
}

void SignaturesWindow::activateNear(const QPointF &value)
{
    if (m_group < 0)
        return;
    const Entry *nearest = nullptr;
    double best = 0;
    for (const Entry &e : m_groups[size_t(m_group)].entries) {
        const double d = std::hypot(e.xy.x() - value.x(), e.xy.y() - value.y());
        if (!nearest || d < best) {
            nearest = &e;
            best = d;
        }
    }
    if (nearest)
        activate(*nearest);
}

} // namespace moescope::gui
