#pragma once
// One SAR run over a scene or a region of it: tiles read at the product's
// native spacing (or scaled to the model's input when --tile differs),
// converted to the representation the model declares (its "sar" input:
// amplitude / intensity / dB over a range, an optional speckle filter),
// batched by the host, and stitched tile centre by tile centre into
// scene-sized rasters written as they finish: labels, class probabilities,
// each MoE layer's expert probabilities and top-1 expert, the physics
// descriptors. Summaries (area per class, expert share per class per layer)
// are counted on the way, so memory does not grow with the scene.

#include "outputraster.h"
#include "speckle.h"
#include "tiling.h"

#include "plugin/taskplugin.h"

#include <QImage>
#include <QJsonObject>
#include <QSharedPointer>
#include <QStringList>

#include <memory>
#include <vector>

namespace moescope::sar {

class GdalScene;

// PrepareOptions::extra keys a SAR run reads (the CLI's run options, the
// window's settings).
namespace option {
inline constexpr char kTile[] = "tile";                  // int: scene pixels a tile side
inline constexpr char kOverlap[] = "overlap";            // int: pixels shared by neighbours
inline constexpr char kBands[] = "bands";                // QStringList: bands the model sees
inline constexpr char kFilter[] = "filter";              // none | lee | refined-lee | frost
inline constexpr char kRegion[] = "region";              // QRect or "x,y,w,h"
inline constexpr char kOutputDir[] = "output_dir";       // where rasters go; none = summaries only
inline constexpr char kRasterLayout[] = "raster_layout"; // geotiff (default) | cog
} // namespace option

class SarRun final : public TaskRun
{
public:
    static std::unique_ptr<SarRun> create(const model::ModelContract &contract,
                                          QSharedPointer<const SceneSource> source,
                                          const PrepareOptions &options, QString *error);
    ~SarRun() override;

    int stepCount() const override { return m_plan.count(); }
    bool prepare(int step, model::InputBatch *batch, StepOrigins *origins, QString *error) override;
    QJsonObject consume(int step, const model::ForwardResult &result, int b) override;
    QJsonObject finish(bool cancelled) override;
    QJsonObject snapshot() const override;
    StepRetention retention() const override { return StepRetention::SummariesOnly; }
    QRect modelRegion() const override { return m_plan.region; }
    QStringList warnings() const override { return m_warnings; }
    QString failure() const override { return m_failure; }

private:
    SarRun(const model::ModelContract &contract, QSharedPointer<const SceneSource> source);
    bool configure(const PrepareOptions &options, QString *error);
    bool openRasters(const QString &dir, QString *error);
    bool readTile(const QRect &footprint, std::vector<float> *input, QString *error) const;
    void fail(const QString &why);
    // Everything finish() says but the rasters.
    QJsonObject summary(bool cancelled) const;

    const model::ModelContract &m_contract;
    QSharedPointer<const SceneSource> m_source;
    const GdalScene *m_scene = nullptr; // m_source read through GDAL, else nullptr
    const model::InputSpec *m_input = nullptr;
    model::InputSpec::SarInput m_representation;
    std::vector<int> m_bands;
    QStringList m_bandNames;
    SpeckleParams m_filter;
    TilingPlan m_plan;

    // The model's outputs this run stitches.
    std::string m_maskOutput, m_physicsOutput;
    QStringList m_labels, m_physicsNames;
    int m_maskSize = 0;    // mask side in output pixels per tile
    int m_grid = 0;        // token grid side per tile
    int m_gridOffset = 0;  // first token of the grid in the router tensors
    double m_maskCell = 0; // scene pixels per mask pixel
    double m_tokenCell = 0;

    // Rasters, when an output folder was given.
    QString m_outputDir;
    bool m_cloudOptimised = false; // rasters finished as COGs (raster_layout "cog")
    std::unique_ptr<OutputRaster> m_labelRaster, m_probRaster, m_top1Raster, m_physicsRaster;
    std::vector<std::unique_ptr<OutputRaster>> m_layerRasters;
    QStringList m_written;
    // The stitched labels at most 1024 pixels a side, for the window's
    // overlay, the result's quick-look and result.json (label_map_png).
    QImage m_quickLook;
    double m_quickScale = 1; // quick-look pixels per mask pixel
    // The physics descriptors the router saw, on the quick-look's grid
    // (NaN where no tile ran yet), for the window's descriptor overlay.
    std::vector<std::vector<float>> m_physicsLook;

    // Summaries.
    std::vector<double> m_classPixels;             // mask pixels per class
    std::vector<std::vector<double>> m_expertHits; // [layer][class * E + expert] token cells
    std::vector<double> m_physicsSum;
    int m_consumed = 0;

    QStringList m_warnings;
    QString m_failure;
};

} // namespace moescope::sar
