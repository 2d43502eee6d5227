#include "runsmodel.h"

#include <QFileInfo>
#include <QLocale>

#include <algorithm>

namespace moescope {

RunsModel::RunsModel(QObject *parent) : QAbstractTableModel(parent) {}

bool RunsModel::refresh(const store::Database &db, QString *error, int limit)
{
    QList<store::RunRecord> runs;
    if (db.isOpen()) {
        error->clear();
        runs = db.listRuns(error, limit);
        if (!error->isEmpty())
            return false;
    }
    beginResetModel();
    m_runs = runs;
    endResetModel();
    return true;
}

void RunsModel::prepend(const store::RunRecord &run)
{
    if (contains(run.id))
        return;
    // Runs from other machines may commit out of order; keep the list's order.
    qsizetype row = 0;
    while (row < m_runs.size() &&
           (m_runs[row].createdAt > run.createdAt ||
            (m_runs[row].createdAt == run.createdAt && m_runs[row].id > run.id)))
        ++row;
    beginInsertRows({}, int(row), int(row));
    m_runs.insert(row, run);
    endInsertRows();
}

void RunsModel::removeRun(qint64 id)
{
    for (qsizetype row = 0; row < m_runs.size(); ++row) {
        if (m_runs[row].id == id) {
            beginRemoveRows({}, int(row), int(row));
            m_runs.removeAt(row);
            endRemoveRows();
            return;
        }
    }
}

bool RunsModel::contains(qint64 id) const
{
    return std::any_of(m_runs.cbegin(), m_runs.cend(),
                       [id](const store::RunRecord &r) { return r.id == id; });
}

qint64 RunsModel::runId(int row) const
{
    return row >= 0 && row < m_runs.size() ? m_runs.at(row).id : 0;
}

int RunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_runs.size())
        return {};
    const store::RunRecord &r = m_runs.at(index.row());
    if (role == Qt::UserRole)
        return r.id;
    if (role == Qt::ToolTipRole && index.column() == Image)
        return r.image.path;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Id:
        return QString::number(r.id);
    case Time:
        // The locale's own date and time (Settings ▸ Language, or the system's).
        return QLocale().toString(r.createdAt.toLocalTime(), QLocale::ShortFormat);
    case Model:
        return r.model.name;
    case Image:
        return QFileInfo(r.image.path).fileName();
    case Device:
        return r.device;
    case Frames:
        return QString::number(r.frameCount);
    case Author:
        return r.createdOn.isEmpty() ? r.createdBy : r.createdBy + QLatin1Char('@') + r.createdOn;
    }
    return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Run");
    case Time:
        return tr("When");
    case Model:
        return tr("Model");
    case Image:
        return tr("Image");
    case Device:
        return tr("Device");
    case Frames:
        return tr("Frames");
    case Author:
        return tr("By");
    }
    return {};
}

} // namespace moescope
