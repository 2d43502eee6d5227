#pragma once
// The gallery and query side of a retrieval model (a plugin of shape TaskShape::Gallery):
// the galleries of the run database, indexing a folder into one on the model's worker (with
// progress, Cancel and a summary), querying it with the slice on screen or a region drawn on
// it, and the answer: a strip of hits best first, the query's and the chosen hit's expert
// gates, the local-window match heatmaps over both, and a side-by-side comparison.
//
// It reads and edits the gallery list through the window's own database connection (main
// thread); indexing and queries go to the window's ModelSession, which has its own.

#include "jobs/modelsession.h"
#include "jobs/retrieval.h"
#include "sceneview.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QToolButton;

namespace moescope {
class TaskPlugin;
namespace store {
class Database;
}
} // namespace moescope

namespace moescope::gui {

class CompareDialog;

class GalleryPanel : public QWidget
{
    Q_OBJECT
public:
    // What a query is made from: the stack on screen (a series or volume in the plane shown),
    // the frame shown and the window it is drawn with.
    struct QueryImage
    {
        QSharedPointer<const ImageStack> image;
        int frame = 0;
        WindowLevel window;
        double pixelAspect = 1.0;
    };
    using QuerySource = std::function<QueryImage()>;

    GalleryPanel(ModelSession *session, store::Database *db, QWidget *parent = nullptr);

    void setQuerySource(QuerySource source) { m_source = std::move(source); }
    // The model loaded in the session and its task's plugin; a plugin of another shape than
    // Gallery (or none) disables indexing and queries.
    void setModel(const LoadedModel &model, TaskPlugin *plugin);
    bool modelUsable() const;

    // Rereads the galleries of the database; keeps the current one when it is still there.
    void refreshGalleries();
    QString currentGallery() const;
    void setCurrentGallery(const QString &name);

    // Indexes `folder` into gallery `name` (created when missing) on the worker. What the
    // Index button does after its dialogs; false (with a message) when it cannot start.
    bool indexFolder(const QString &folder, const QString &name);
    void cancelIndexing();
    bool isIndexing() const { return m_indexing; }
    const IndexReport &lastReport() const { return m_report; }

    // Queries the current gallery with the frame on screen, or with `region` of it (frame
    // pixels). False (with a message) when it cannot start.
    bool querySlice();
    bool queryRegion(const QRect &region);
    // Whether "Query region" is on: a rectangle drawn on the image is a query
    // (another tool may draw one for itself).
    bool isRegionMode() const;
    bool isQuerying() const { return m_querying; }
    const QueryResult &lastResult() const { return m_result; }
    // What lastResult() was asked with.
    const QueryImage &queryImage() const { return m_queryImage; }
    int selectedHit() const;
    void selectHit(int index);
    // The side-by-side view of the query and hit `index` (the selected one when -1).
    CompareDialog *compare(int index = -1);

    QString message() const { return m_message; }
    SceneView *queryView() const { return m_queryView; }
    SceneView *hitView() const { return m_hitView; }
    void setHeatmapsVisible(bool visible);

Q_SIGNALS:
    void indexFinished(bool ok, const moescope::IndexReport &report);
    void queryShown();
    void queryRefused(const QString &message);
    // The "Query region" toggle: the image view should let the user drag a rectangle.
    void regionModeChanged(bool on);
    // A line for the status bar.
    void statusMessage(const QString &message, int timeoutMs);

private:
    void buildUi();
    void updateEnabled();
    void showMessage(const QString &message, bool error = false);
    bool startQuery(const QRect &region);
    void onIndexFinished(bool ok, const QString &message, const IndexReport &report);
    void onQueryFinished(const QueryResult &result);
    void showHit(int index);
    void fillGates();
    void renameCurrent();
    void deleteCurrent();
    void chooseFolderAndIndex();

    ModelSession *m_session;
    store::Database *m_db;
    QuerySource m_source;
    LoadedModel m_model;
    TaskPlugin *m_plugin = nullptr;
    WindowGrid m_grid;
    bool m_indexing = false, m_querying = false;
    QString m_indexingGallery;
    IndexReport m_report;
    QueryResult m_result;
    QueryImage m_queryImage; // what m_result was asked with
    QString m_message;
    QPointer<CompareDialog> m_compare;

    QComboBox *m_galleryCombo = nullptr;
    QToolButton *m_renameButton = nullptr;
    QToolButton *m_deleteButton = nullptr;
    QPushButton *m_indexButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_currentFile = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_summary = nullptr;
    QToolButton *m_failuresButton = nullptr;
    QListWidget *m_failures = nullptr;
    QPushButton *m_queryButton = nullptr;
    QPushButton *m_regionButton = nullptr;
    QSpinBox *m_topK = nullptr;
    QLabel *m_messageLabel = nullptr;
    QListWidget *m_hitList = nullptr;
    SceneView *m_queryView = nullptr;
    SceneView *m_hitView = nullptr;
    QCheckBox *m_heatmapCheck = nullptr;
    QPushButton *m_compareButton = nullptr;
    QTableWidget *m_gates = nullptr;
};

} // namespace moescope::gui
