#pragma once
// One result on screen: the picture with its routing overlay (SceneView),
// the cine player, the segmentation toggle, expert load per frame, the task ×
// expert gate matrix, the image line, the model's outputs and the routing
// panel. It reads an image document and a result it does not own, so the
// window can show two side by side (two images, or two models).

#include "descriptormaps.h"
#include "image/image.h"
#include "jobs/analysis.h"

#include <QImage>
#include <QJsonObject>
#include <QMap>
#include <QVariantMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;
class QTableWidget;

namespace moescope {
class ImageDocument;
}

namespace moescope::gui {

class CinePlayer;
class RoutingPanel;
class RoutingTimeline;
class SceneView;

class ResultView : public QWidget
{
    Q_OBJECT
public:
    explicit ResultView(QWidget *parent = nullptr);

    SceneView *sceneView() const { return m_view; }
    RoutingPanel *routingPanel() const { return m_routing; }
    CinePlayer *player() const { return m_player; }

    // What frames are drawn from, and the result laid over them (either may be
    // null); both must outlive the view or be set to null first. The view
    // drives the document's window/level (right-drag on a series or volume),
    // steps its slices with the wheel and reads out the pixel under the mouse.
    void setDocument(ImageDocument *document);
    void setResult(const AnalysisResult *result) { m_result = result; }
    void setImageInfo(const QString &text);
    // Writes the routing images and result.json of the result's first step
    // (File ▸ Export): false with `error` naming the file and the cause.
    // `keepPaths`: result.json names the input's path, not only its file name.
    bool exportArtifacts(const QString &directory, QStringList *written, QString *error,
                         bool keepPaths = false) const;

    // Draws frame `frame` with the result's step for it (none: no routing).
    void showFrame(int frame);
    // Presentation mode: the picture alone (routing panel, outputs, timeline,
    // player and a tracker's extras hidden; again after each showFrame).
    void hideAllButThePicture();
    int stepIndex() const { return m_stepIndex; }
    void updateTimeChart();
    void updateOverlay();
    // Task-level gates of a task-conditioned model: one row per task.
    void setTaskGates(const model::ModelContract *contract,
                      const QMap<int, std::vector<routing::LayerRouting>> &gates, int chosenTask,
                      int frame);

Q_SIGNALS:
    // The user dragged the window/level (the tool bar shows "Custom").
    void windowAdjusted();

private:
    // The overlays' values at scene pixel `p`: the label, the top-1 expert.
    QString overlayValuesAt(const QPoint &p) const;
    void updateOutputs(const QJsonObject &outputs);
    QJsonObject currentSegmentation(QString *name = nullptr) const;
    void showScoreMap(const QJsonObject &map);
    void showSideInputs(const StepResult *step);

    ImageDocument *m_document = nullptr;
    const AnalysisResult *m_result = nullptr;
    int m_stepIndex = -1;
    QCheckBox *m_tileGridCheck = nullptr;
    QComboBox *m_shownMap = nullptr; // labels, or one of the descriptor maps
    DescriptorMaps m_descriptors;
    int m_shownFrame = -1;
    QVariantMap m_shownDisplay; // what the scene view's tiles were read with
    WindowLevel m_shownWindow;

    SceneView *m_view = nullptr;
    RoutingPanel *m_routing = nullptr;
    CinePlayer *m_player = nullptr;
    QTableWidget *m_outputs = nullptr;
    QLabel *m_imageInfo = nullptr;
    QTableWidget *m_taskMatrix = nullptr;
    QWidget *m_maskRow = nullptr;
    QCheckBox *m_maskCheck = nullptr;
    QSlider *m_maskOpacity = nullptr;
    QLabel *m_maskLegend = nullptr;
    // The segmentation on screen, decoded once, for the pixel readout.
    QImage m_labelMap;
    QStringList m_labelNames;
    RoutingTimeline *m_timeline = nullptr;
    QCheckBox *m_scoreMapCheck = nullptr;
    QLabel *m_sideInput = nullptr;
    bool m_scoreMapShown = false;
};

} // namespace moescope::gui
