#include "viewexport.h"

#include "expertpathsview.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QChartView>
#include <QCoreApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTableView>

namespace moescope::gui {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::gui::ViewExport)
};

QString csvField(QString s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) ||
        s.contains(QLatin1Char('\n')))
        s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
            QLatin1Char('"');
    return s;
}

void addPictureActions(QWidget *widget)
{
    widget->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (const bool svg : {false, true}) {
        auto *action = new QAction(svg ? Tr::tr("Save as SVG…") : Tr::tr("Save as PNG…"), widget);
        action->setObjectName(svg ? QStringLiteral("saveSvgAction")
                                  : QStringLiteral("savePngAction"));
        QObject::connect(action, &QAction::triggered, widget, [widget, svg] {
            const QString path = QFileDialog::getSaveFileName(
                widget, Tr::tr("Save view"),
                svg ? QStringLiteral("view.svg") : QStringLiteral("view.png"),
                svg ? Tr::tr("SVG (*.svg)") : Tr::tr("PNG (*.png)"));
            QString error;
            if (!path.isEmpty() && !saveWidgetPicture(widget, path, &error))
                QMessageBox::warning(widget, Tr::tr("Save view"), error);
        });
        widget->addAction(action);
    }
}

void addTableActions(QTableView *table)
{
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *action = new QAction(Tr::tr("Export as CSV…"), table);
    action->setObjectName(QStringLiteral("exportCsvAction"));
    QObject::connect(action, &QAction::triggered, table, [table] {
        const QString path = QFileDialog::getSaveFileName(
            table, Tr::tr("Export table"), QStringLiteral("table.csv"), Tr::tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !saveTableCsv(table->model(), path, &error))
            QMessageBox::warning(table, Tr::tr("Export table"), error);
    });
    table->addAction(action);
}

} // namespace

bool saveWidgetPicture(QWidget *widget, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(widget->size());
        svg.setViewBox(widget->rect());
        svg.setTitle(widget->windowTitle());
        svg.setDescription(Tr::tr("Saved by MoEScope"));
        QPainter painter(&svg);
        widget->render(&painter);
    } else if (!widget->grab().save(&file, "PNG")) {
        *error = Tr::tr("%1: the picture could not be encoded").arg(path);
        return false;
    }
    if (!file.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool saveTableCsv(const QAbstractItemModel *model, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    QStringList lines, header;
    const bool rowNames = model->headerData(0, Qt::Vertical).isValid() &&
                          !model->headerData(0, Qt::Vertical).toString().isEmpty();
    if (rowNames)
        header << QString();
    for (int c = 0; c < model->columnCount(); ++c)
        header << csvField(model->headerData(c, Qt::Horizontal).toString());
    lines << header.join(QLatin1Char(','));
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList row;
        if (rowNames)
            row << csvField(model->headerData(r, Qt::Vertical).toString());
        for (int c = 0; c < model->columnCount(); ++c)
            row << csvField(model->data(model->index(r, c)).toString());
        lines << row.join(QLatin1Char(','));
    }
    if (file.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8()) < 0 ||
        !file.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void installExportActions(QWidget *root)
{
    for (QChartView *chart : root->findChildren<QChartView *>())
        if (chart->actions().isEmpty())
            addPictureActions(chart);
    for (AlluvialView *paths : root->findChildren<AlluvialView *>())
        if (paths->actions().isEmpty())
            addPictureActions(paths);
    for (QTableView *table : root->findChildren<QTableView *>())
        if (table->findChild<QAction *>(QStringLiteral("exportCsvAction")) == nullptr)
            addTableActions(table);
}

} // namespace moescope::gui
