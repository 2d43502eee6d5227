#include "settingsdialog.h"

#include "preferences.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
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
    layout->addWidget(buildPacsNodes());

    auto *note = new QLabel(
        tr("Language, CPU threads and the run database take effect at the next start."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QWidget *SettingsDialog::buildPacsNodes()
{
    auto *box =
        new QGroupBox(tr("PACS nodes (File ▸ Open from PACS…, moescope-cli pacs --node)"), this);
    auto *layout = new QVBoxLayout(box);
    m_pacsNodes = new QTableWidget(0, 4, box);
    m_pacsNodes->setObjectName(QStringLiteral("pacsNodes"));
    m_pacsNodes->setHorizontalHeaderLabels({tr("Name"), tr("AE title"), tr("Host"), tr("Port")});
    m_pacsNodes->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_pacsNodes->verticalHeader()->hide();
    m_pacsNodes->setMinimumHeight(110);
    for (const pacs::Node &node : m_preferences->pacsNodes()) {
        const int row = m_pacsNodes->rowCount();
        m_pacsNodes->insertRow(row);
        const QStringList cells{node.name, node.calledAet, node.host, QString::number(node.port)};
        for (int c = 0; c < cells.size(); ++c)
            m_pacsNodes->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add Node"), box);
    auto *remove = new QPushButton(tr("Remo&ve Node"), box);
    connect(add, &QPushButton::clicked, this, [this] {
        const int row = m_pacsNodes->rowCount();
        m_pacsNodes->insertRow(row);
        const QStringList cells{tr("PACS %1").arg(row + 1), QString(), QString(),
                                QStringLiteral("104")};
        for (int c = 0; c < cells.size(); ++c)
            m_pacsNodes->setItem(row, c, new QTableWidgetItem(cells[c]));
        m_pacsNodes->editItem(m_pacsNodes->item(row, 1));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_pacsNodes->currentRow() >= 0)
            m_pacsNodes->removeRow(m_pacsNodes->currentRow());
    });
    m_pacsAet = new QLineEdit(m_preferences->pacsAeTitle(), box);
    m_pacsAet->setMaxLength(16);
    m_pacsAet->setToolTip(tr("The AE title MoEScope calls itself; the PACS must know it"));
    auto *aetLabel = new QLabel(tr("O&ur AE title:"), box);
    aetLabel->setBuddy(m_pacsAet);
    buttons->addWidget(aetLabel);
    buttons->addWidget(m_pacsAet);
    buttons->addStretch(1);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    m_pacsProblem = new QLabel(box);
    m_pacsProblem->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_pacsProblem->setWordWrap(true);
    m_pacsProblem->hide();
    layout->addWidget(m_pacsNodes);
    layout->addLayout(buttons);
    layout->addWidget(m_pacsProblem);
    return box;
}

bool SettingsDialog::apply()
{
    QList<pacs::Node> nodes;
    for (int row = 0; row < m_pacsNodes->rowCount(); ++row) {
        auto cell = [&](int c) {
            const QTableWidgetItem *item = m_pacsNodes->item(row, c);
            return item ? item->text().trimmed() : QString();
        };
        QString error;
        std::optional<pacs::Node> node = pacs::Node::parse(
            cell(1) + QLatin1Char('@') + cell(2) + QLatin1Char(':') + cell(3), &error);
        if (node && cell(0).isEmpty())
            error = tr("every node needs a name");
        if (!node || !error.isEmpty()) {
            m_pacsProblem->setText(tr("PACS node %1: %2").arg(row + 1).arg(error));
            m_pacsProblem->show();
            m_pacsNodes->setCurrentCell(row, 1);
            return false;
        }
        node->name = cell(0);
        nodes << *node;
    }
    m_pacsProblem->hide();
    m_preferences->setPacsNodes(nodes);
    m_preferences->setPacsAeTitle(m_pacsAet->text());
    m_preferences->setDevice(m_device->currentData().toString());
    m_preferences->setCpuThreads(m_threads->value());
    m_preferences->setRunDatabase(m_database->text().trimmed());
    m_preferences->setLanguage(m_language->currentData().toString());
    m_preferences->setTheme(m_theme->currentData().toString());
    m_preferences->setRunOnOpen(m_runOnOpen->isChecked());
    m_preferences->setTileCacheMegabytes(m_cache->value());
    m_preferences->setKeepPaths(m_keepPaths->isChecked());
    m_preferences->sync();
    return true;
}

} // namespace moescope::gui
