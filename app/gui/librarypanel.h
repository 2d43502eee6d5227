#pragma once
// The "Samples and models" dock's contents: the bundled sample images (and
// their task folders) and the models of the catalog, each opened with a
// double-click.

#include <QWidget>

class QListWidget;

namespace moescope {
class ModelCatalog;
class PluginRegistry;
} // namespace moescope

namespace moescope::gui {

class LibraryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LibraryPanel(QWidget *parent = nullptr);

    // Lists the catalog's models; returns the catalog's problems.
    QStringList populateModels(const ModelCatalog &catalog, const PluginRegistry &plugins);
    // resources/samples and its task folders (ultrasound/, ct/, sar/,
    // tracking/): images, cines and DICOM files, shown as "folder/name".
    void populateSamples();

Q_SIGNALS:
    void sampleActivated(const QString &path);
    void modelActivated(const QString &path);

private:
    QListWidget *m_samples = nullptr;
    QListWidget *m_models = nullptr;
};

} // namespace moescope::gui
