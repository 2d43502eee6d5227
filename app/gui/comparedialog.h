#pragma once
// A gallery hit next to its query, in two linked views: zoom and pan follow each other, one
// window/level (a CT preset or a right-drag in either view) draws both, and one switch shows
// the window-match heatmaps over both. The hit is read again from the file it was indexed
// from; when that file is gone its stored thumbnail stands in, with a note.

#include "jobs/retrieval.h"
#include "sceneview.h"

#include <QDialog>
#include <QSharedPointer>

class QCheckBox;
class QComboBox;
class QLabel;

namespace moescope::gui {

class CompareDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CompareDialog(QWidget *parent = nullptr);

    // The query: a frame of `image` (the region of it that was asked, invalid: all), drawn
    // with `window` at first (invalid: the file's).
    void setQuery(QSharedPointer<const ImageStack> image, int frame, const QRect &region,
                  const WindowLevel &window, double pixelAspect, const WindowGrid &grid);
    void showHit(const RetrievalHit &hit, int rank);
    void setHeatmapsVisible(bool visible);
    void setWindow(const WindowLevel &window); // invalid: each image's own

    SceneView *queryView() const { return m_queryView; }
    SceneView *hitView() const { return m_hitView; }
    WindowLevel window() const { return m_window; }
    // Whether the hit is drawn from its file (false: from its thumbnail).
    bool hitFromFile() const { return bool(m_hitImage); }
    bool hitLoading() const { return m_hitLoading; }
    QString hitNote() const;

Q_SIGNALS:
    void heatmapsToggled(bool visible);
    // The selected hit's file has been read (fromFile) or could not be (the
    // thumbnail stays).
    void hitLoaded(bool fromFile);

private:
    void render();
    void dragWindow(int dx, int dy);

    QSharedPointer<const ImageStack> m_query;
    int m_queryFrame = 0;
    double m_queryAspect = 1.0;
    QSharedPointer<const ImageStack> m_hitImage; // null: the thumbnail is shown
    QString m_hitPath;
    bool m_hitLoading = false;
    int m_hitFrame = 0;
    QImage m_hitThumbnail;
    WindowLevel m_window;
    WindowGrid m_grid;

    SceneView *m_queryView = nullptr;
    SceneView *m_hitView = nullptr;
    QComboBox *m_presetCombo = nullptr;
    QCheckBox *m_heatmapCheck = nullptr;
    QLabel *m_queryLabel = nullptr;
    QLabel *m_hitLabel = nullptr;
};

} // namespace moescope::gui
