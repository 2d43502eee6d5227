#include "pacsdialog.h"

#include "pacsbrowser.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace moescope::gui {

namespace {

QTableView *makeTable(QStandardItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    return view;
}

// A DICOM date (YYYYMMDD) in the locale's short form; anything else as it is.
QString date(const QString &dicom)
{
    const QDate d = QDate::fromString(dicom, QStringLiteral("yyyyMMdd"));
    return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : dicom;
}

QString count(int n)
{
    return n < 0 ? QStringLiteral("–") : QString::number(n);
}

} // namespace

PacsDialog::PacsDialog(const QList<pacs::Node> &nodes, const QString &ourAeTitle, QWidget *parent)
    : QDialog(parent), m_nodes(nodes), m_ourAeTitle(ourAeTitle), m_browser(new PacsBrowser(this))
{
    setWindowTitle(tr("Open from PACS"));
    auto *layout = new QVBoxLayout(this);

    auto *nodeRow = new QHBoxLayout;
    m_node = new QComboBox(this);
    m_node->setEditable(true);
    m_node->setInsertPolicy(QComboBox::NoInsert);
    for (const pacs::Node &node : nodes)
        m_node->addItem(QStringLiteral("%1 (%2)").arg(node.name, node.address()), node.name);
    m_node->lineEdit()->setPlaceholderText(tr("AE_TITLE@HOST:PORT, or a node from Settings"));
    m_node->setToolTip(tr("The DICOM node to query: one configured in File ▸ Settings, or typed "
                          "as AE_TITLE@HOST:PORT. We call ourselves %1.")
                           .arg(ourAeTitle));
    m_echo = new QPushButton(tr("&Test"), this);
    m_echo->setToolTip(tr("Checks that the node answers (C-ECHO)"));
    auto *nodeLabel = new QLabel(tr("&Node:"), this);
    nodeLabel->setBuddy(m_node);
    nodeRow->addWidget(nodeLabel);
    nodeRow->addWidget(m_node, 1);
    nodeRow->addWidget(m_echo);
    layout->addLayout(nodeRow);

    auto *form = new QFormLayout;
    m_patientId = new QLineEdit(this);
    m_patientName = new QLineEdit(this);
    m_patientName->setPlaceholderText(tr("* and ? match anything, e.g. DOE^J*"));
    m_date = new QLineEdit(this);
    m_date->setPlaceholderText(tr("YYYYMMDD or YYYYMMDD-YYYYMMDD"));
    m_modality = new QComboBox(this);
    m_modality->addItem(tr("Any"), QString());
    for (const char *m : {"US", "CT", "MR", "CR", "DX", "XA", "SC", "OT"})
        m_modality->addItem(QString::fromLatin1(m), QString::fromLatin1(m));
    m_accession = new QLineEdit(this);
    form->addRow(tr("Patient &ID:"), m_patientId);
    form->addRow(tr("Patient na&me:"), m_patientName);
    form->addRow(tr("Study &date:"), m_date);
    form->addRow(tr("Modalit&y:"), m_modality);
    form->addRow(tr("&Accession number:"), m_accession);
    layout->addLayout(form);
    m_search = new QPushButton(tr("&Search"), this);
    m_search->setDefault(true);
    layout->addWidget(m_search, 0, Qt::AlignRight);

    m_studies = new QStandardItemModel(0, 6, this);
    m_studies->setHorizontalHeaderLabels({tr("Date"), tr("Patient ID"), tr("Patient"),
                                          tr("Modalities"), tr("Series"), tr("Description")});
    m_series = new QStandardItemModel(0, 4, this);
    m_series->setHorizontalHeaderLabels(
        {tr("Number"), tr("Modality"), tr("Instances"), tr("Description")});
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_studiesView = makeTable(m_studies, splitter);
    m_seriesView = makeTable(m_series, splitter);
    splitter->addWidget(m_studiesView);
    splitter->addWidget(m_seriesView);
    layout->addWidget(splitter, 1);

    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(this);
    m_open = buttons->addButton(tr("&Open Series"), QDialogButtonBox::AcceptRole);
    m_open->setEnabled(false);
    m_cancel = buttons->addButton(tr("Cancel &Request"), QDialogButtonBox::ActionRole);
    m_cancel->setEnabled(false);
    buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    resize(760, 620);

    connect(m_echo, &QPushButton::clicked, this, [this] {
        if (const auto node = currentNode()) {
            setStatus(tr("Calling %1…").arg(node->address()));
            m_browser->echo(*node);
        }
    });
    connect(m_search, &QPushButton::clicked, this, &PacsDialog::search);
    connect(m_studiesView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PacsDialog::studySelected);
    connect(m_seriesView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_open->setEnabled(m_seriesView->selectionModel()->hasSelection()); });
    connect(m_seriesView, &QTableView::doubleClicked, this, &PacsDialog::retrieveSelected);
    connect(m_open, &QPushButton::clicked, this, &PacsDialog::retrieveSelected);
    disconnect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_browser->cancel();
        setStatus(tr("Cancelled"));
    });

    connect(m_browser, &PacsBrowser::busyChanged, this, [this](bool busy) {
        m_cancel->setEnabled(busy);
        m_search->setEnabled(!busy);
        m_echo->setEnabled(!busy);
        m_progress->setVisible(busy);
        m_progress->setRange(0, 0); // busy until a count is known
        m_open->setEnabled(!busy && m_seriesView->selectionModel()->hasSelection());
    });
    connect(m_browser, &PacsBrowser::failed, this,
            [this](const QString &message) { setStatus(message, true); });
    connect(m_browser, &PacsBrowser::echoed, this,
            [this](const QString &address) { setStatus(tr("%1 answers").arg(address)); });
    connect(m_browser, &PacsBrowser::studiesFound, this, [this](const QList<pacs::Study> &studies) {
        m_studyRows = studies;
        m_studies->removeRows(0, m_studies->rowCount());
        m_series->removeRows(0, m_series->rowCount());
        for (const pacs::Study &s : studies) {
            QList<QStandardItem *> row;
            for (const QString &text :
                 {date(s.studyDate), s.patientId, s.patientName,
                  s.modalities.join(QLatin1Char('/')), count(s.seriesCount), s.description})
                row << new QStandardItem(text);
            row[0]->setToolTip(s.studyUid);
            m_studies->appendRow(row);
        }
        m_studiesView->resizeColumnsToContents();
        setStatus(studies.isEmpty() ? tr("No study matches")
                                    : tr("%n study(ies) found", nullptr, int(studies.size())));
        if (studies.size() == 1)
            m_studiesView->selectRow(0);
    });
    connect(m_browser, &PacsBrowser::seriesFound, this, [this](const QList<pacs::Series> &series) {
        m_seriesRows = series;
        m_series->removeRows(0, m_series->rowCount());
        for (const pacs::Series &s : series) {
            QList<QStandardItem *> row;
            for (const QString &text :
                 {count(s.number), s.modality, count(s.instanceCount), s.description})
                row << new QStandardItem(text);
            row[0]->setToolTip(s.seriesUid);
            m_series->appendRow(row);
        }
        m_seriesView->resizeColumnsToContents();
        setStatus(tr("%n series in this study", nullptr, int(series.size())));
        if (series.size() == 1)
            m_seriesView->selectRow(0);
    });
    connect(m_browser, &PacsBrowser::progress, this, [this](int received, int total) {
        m_progress->setRange(0, std::max(total, received));
        m_progress->setValue(received);
        setStatus(total > 0 ? tr("Received %1 of %2 instance(s)").arg(received).arg(total)
                            : tr("Received %1 instance(s)").arg(received));
    });
    connect(m_browser, &PacsBrowser::retrieved, this,
            [this](const QString &folder, const QStringList &files) {
                setStatus(tr("%n instance(s) retrieved", nullptr, int(files.size())));
                Q_EMIT seriesRetrieved(files.size() == 1 ? files.first() : folder);
                accept();
            });
}

std::optional<pacs::Node> PacsDialog::currentNode()
{
    QString text = m_node->currentText().trimmed();
    // A configured node shows as "NAME (AET@HOST:PORT)"; its data is its name.
    const int index = m_node->findText(text);
    if (index >= 0 && !m_node->itemData(index).toString().isEmpty())
        text = m_node->itemData(index).toString();
    QString error;
    std::optional<pacs::Node> node = pacs::resolveNode(text, m_nodes, &error);
    if (!node) {
        setStatus(error, true);
        return std::nullopt;
    }
    node->callingAet = m_ourAeTitle;
    if (m_timeoutSeconds > 0)
        node->timeoutSeconds = m_timeoutSeconds;
    return node;
}

void PacsDialog::search()
{
    const auto node = currentNode();
    if (!node)
        return;
    pacs::StudyQuery query;
    query.patientId = m_patientId->text().trimmed();
    query.patientName = m_patientName->text().trimmed();
    query.studyDate = m_date->text().trimmed();
    query.modality = m_modality->currentData().toString();
    query.accessionNumber = m_accession->text().trimmed();
    setStatus(tr("Searching %1…").arg(node->address()));
    m_browser->findStudies(*node, query);
}

void PacsDialog::studySelected()
{
    const QModelIndexList rows = m_studiesView->selectionModel()->selectedRows();
    m_series->removeRows(0, m_series->rowCount());
    m_open->setEnabled(false);
    if (rows.isEmpty())
        return;
    const auto node = currentNode();
    if (!node)
        return;
    m_browser->findSeries(*node, m_studyRows.at(rows.first().row()).studyUid);
}

void PacsDialog::retrieveSelected()
{
    const QModelIndexList rows = m_seriesView->selectionModel()->selectedRows();
    const auto node = rows.isEmpty() ? std::nullopt : currentNode();
    if (!node)
        return;
    const pacs::Series &series = m_seriesRows.at(rows.first().row());
    setStatus(tr("Retrieving series %1…").arg(count(series.number)));
    m_browser->retrieve(*node, series.studyUid, series.seriesUid, series.instanceCount);
}

void PacsDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    // Bold rather than a colour: it reads the same in every theme.
    m_status->setStyleSheet(error ? QStringLiteral("font-weight: bold;") : QString());
}

} // namespace moescope::gui
