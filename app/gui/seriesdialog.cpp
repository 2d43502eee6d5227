#include "seriesdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace moescope::gui {

SeriesDialog::SeriesDialog(const QString &folder, const QList<SeriesInfo> &series, QWidget *parent)
    : QDialog(parent), m_folder(folder), m_series(series)
{
    setObjectName(QStringLiteral("seriesDialog"));
    setWindowTitle(tr("Choose a series"));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(
        tr("%1 holds %n DICOM series. Which one should be opened?", nullptr, int(series.size()))
            .arg(folder),
        this);
    label->setWordWrap(true);
    layout->addWidget(label);

    m_table = new QTableWidget(int(series.size()), 5, this);
    m_table->setObjectName(QStringLiteral("seriesTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Description"), tr("Files"), tr("Size"), tr("Modality"), tr("Series UID")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < series.size(); ++row) {
        const SeriesInfo &s = series[row];
        const QString description =
            s.description.isEmpty()
                ? (s.number ? tr("Series %1").arg(s.number) : tr("(no description)"))
                : (s.number ? QStringLiteral("%1 (%2)").arg(s.description).arg(s.number)
                            : s.description);
        const QStringList cells = {description, QString::number(s.files),
                                   QStringLiteral("%1 × %2").arg(s.columns).arg(s.rows), s.modality,
                                   s.uid};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column == 1)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    if (!series.isEmpty())
        m_table->selectRow(0); // the largest, what opening the folder without asking would take
    layout->addWidget(m_table, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &QDialog::accept);
    layout->addWidget(buttons);
    resize(720, 320);
}

QString SeriesDialog::chosenUid() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_series.size() ? m_series[row].uid : QString();
}

} // namespace moescope::gui
