#pragma once
// The stored runs as a table for Qt's views: one row per run, newest first.
// A new run goes on top without reading the list again (the list grows with
// every run; the cost of a run must not).

#include "store/database.h"

#include <QAbstractTableModel>
#include <QList>

namespace moescope {

class RunsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, Time, Model, Image, Device, Frames, Author, ColumnCount };

    explicit RunsModel(QObject *parent = nullptr);

    // Reads the newest `limit` runs of `db`; false with `error` when it cannot.
    bool refresh(const store::Database &db, QString *error, int limit = 500);
    // Adds a run in its place by time (newest first); one already listed is
    // left as it is (a window hears of its own runs twice on a shared store).
    void prepend(const store::RunRecord &run);
    void removeRun(qint64 id);
    bool contains(qint64 id) const;
    qint64 runId(int row) const;
    const store::RunRecord &run(int row) const { return m_runs.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<store::RunRecord> m_runs;
};

} // namespace moescope
