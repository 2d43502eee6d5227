#pragma once
// Routing signatures of many stored runs, or of a gallery's items, side by
// side (issue 13). A stored run's signature is its layers' loads; a gallery
// item's, its layers' mean router probabilities (what the gallery keeps). Runs are
// grouped by their layers' expert counts (signatures compare only within a
// shape); for the group shown, a 2-D PCA layout of the signatures coloured by
// model, task, input or predicted label, and their similarity matrix
// (1 − mean JS divergence of the loads). "Runs like this one" ranks a run's
// group by similarity to it. A click (or double-click) opens a run.

#include "routing/signature.h"

#include <QPointF>
#include <QWidget>

#include <vector>

class QChart;
class QComboBox;
class QLabel;
class QTableWidget;

namespace moescope::store {
class Database;
}

namespace moescope::gui {

class SignaturesWindow : public QWidget
{
    Q_OBJECT
public:
    enum class ColourBy { Model, Task, Input, Label };

    explicit SignaturesWindow(const store::Database *db, QWidget *parent = nullptr);

    // Reads the newest `limit` runs; false with `error` when the store cannot be read.
    bool refresh(QString *error, int limit = 500);
    // Reads the first `limit` items of gallery `name` instead.
    bool showGallery(const QString &name, QString *error, int limit = 2000);
    int groupCount() const { return int(m_groups.size()); }
    void showGroup(int group);
    int shownGroup() const { return m_group; }
    void setColourBy(ColourBy by);
    // The group of run `id` and its runs ranked by similarity to it; false
    // when the run has no signature among those read.
    bool showLike(qint64 id);

    QChart *scatter() const { return m_chart; }
    QTableWidget *matrix() const { return m_matrix; }
    QTableWidget *likeTable() const { return m_like; }
    // Where run `id` lies in the layout (its PC1, PC2); (NaN, NaN) when not shown.
    QPointF pointOf(qint64 id) const;
    // As a click on the layout at `value` (chart coordinates): the nearest run.
    void activateNear(const QPointF &value);

Q_SIGNALS:
    void runActivated(qint64 id);
    // A gallery item was clicked: the file it was indexed from, and its frame.
    void itemActivated(const QString &path, int frame);

private:
    struct Entry
    {
        qint64 id; // a run's, or a gallery item's
        QString model, task, input, label;
        routing::Signature signature;
        QPointF xy;
        QString path; // a gallery item's file
        int frame = 0;
    };
    struct Group
    {
        std::vector<int> shape;
        std::vector<Entry> entries;
    };
    void setEntries(std::vector<Entry> entries);
    void activate(const Entry &e);
    void drawScatter();
    void fillMatrix();
    QString categoryOf(const Entry &e) const;

    const store::Database *m_db;
    std::vector<Group> m_groups;
    int m_group = -1;
    ColourBy m_colourBy = ColourBy::Model;
    QComboBox *m_sourceCombo = nullptr;
    bool m_gallery = false; // the entries are a gallery's items
    QComboBox *m_groupCombo = nullptr;
    QComboBox *m_colourCombo = nullptr;
    QLabel *m_info = nullptr;
    QChart *m_chart = nullptr;
    QTableWidget *m_matrix = nullptr;
    QTableWidget *m_like = nullptr;
};

} // namespace moescope::gui
