#include "settingsdialog.h"

#include "preferences.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace moescope::gui {

SettingsDialog::SettingsDialog(Preferences *preferences, bool cudaAvailable, QWidget *parent)
    : QDialog(parent), m_preferences(preferences)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_device = new QComboBox(this);
    m_device->addItem(tr("Automatic (GPU when there is one)"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(cudaAvailable ? tr("GPU (CUDA)") : tr("GPU (CUDA): none found"),
                      QStringLiteral("cuda"));
    m_device->setCurrentIndex(std::max(0, m_device->findData(preferences->device())));
    form->addRow(tr("&Device:"), m_device);

    m_threads = new QSpinBox(this);
    m_threads->setRange(0, 1024);
    m_threads->setSpecialValueText(
        tr("Automatic (%n core(s))", nullptr, QThread::idealThreadCount()));
    m_threads->setValue(preferences->cpuThreads());
    m_threads->setToolTip(
        tr("Threads LibTorch computes with on the CPU; takes effect at the next start"));
    form->addRow(tr("CPU &threads:"), m_threads);

    auto *dbRow = new QHBoxLayout;
    m_database = new QLineEdit(preferences->runDatabase(), this);
    m_database->setPlaceholderText(tr("The default (in the app's data folder)"));
    m_database->setToolTip(
        tr("The SQLite file runs are stored in, or a PostgreSQL database a lab shares "
           "(postgresql://user@host/dbname); takes effect at the next start"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Run database"), m_database->text(), tr("SQLite databases (*.sqlite *.db)"),
            nullptr, QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            m_database->setText(path);
    });
    dbRow->addWidget(m_database, 1);
    dbRow->addWidget(browse);
    // A row of a layout has no buddy of its own: the label names the line edit.
    auto *dbLabel = new QLabel(tr("Run data&base:"), this);
    dbLabel->setBuddy(m_database);
    form->addRow(dbLabel, dbRow);

    m_language = new QComboBox(this);
    m_language->addItem(tr("System (%1)").arg(QLocale::system().nativeLanguageName()), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(preferences->language())));
    m_language->setToolTip(tr("Takes effect at the next start"));
    form->addRow(tr("&Language:"), m_language);

    m_theme = new QComboBox(this);
    m_theme->addItem(tr("System"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(preferences->theme())));
    form->addRow(tr("T&heme:"), m_theme);

    m_runOnOpen = new QCheckBox(tr("Run the proposed model as soon as a file opens"), this);
    m_runOnOpen->setChecked(preferences->runOnOpen());
    form->addRow(tr("&Open:"), m_runOnOpen);

    m_cache = new QSpinBox(this);
    m_cache->setRange(16, 16384);
    m_cache->setSuffix(tr(" MB"));
    m_cache->setValue(preferences->tileCacheMegabytes());
    m_cache->setToolTip(
        tr("Tiles of a large scene (a SAR product) the image view keeps in memory"));
    form->addRow(tr("Tile &cache:"), m_cache);

    m_keepPaths =
        new QCheckBox(tr("Exports name the input's folder, not only its file name"), this);
    m_keepPaths->setChecked(preferences->keepPaths());
    m_keepPaths->setToolTip(tr("Off: an exported result.json holds no folder name that could "
                               "identify a patient or a site"));
    form->addRow(tr("&Privacy:"), m_keepPaths);
    layout->addLayout(form);

    auto *note = new QLabel(
        tr("Language, CPU threads and the run database take effect at the next start."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void SettingsDialog::apply()
{
    m_preferences->setDevice(m_device->currentData().toString());
    m_preferences->setCpuThreads(m_threads->value());
    m_preferences->setRunDatabase(m_database->text().trimmed());
    m_preferences->setLanguage(m_language->currentData().toString());
    m_preferences->setTheme(m_theme->currentData().toString());
    m_preferences->setRunOnOpen(m_runOnOpen->isChecked());
    m_preferences->setTileCacheMegabytes(m_cache->value());
    m_preferences->setKeepPaths(m_keepPaths->isChecked());
    m_preferences->sync();
}

} // namespace moescope::gui
