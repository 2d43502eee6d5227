#pragma once
// Which series of a DICOM folder to open: one row per series (UID, description, files, size,
// modality), the largest selected. Shown when a folder holds more than one.

#include "image/imageloader.h"

#include <QDialog>

class QTableWidget;

namespace moescope::gui {

class SeriesDialog : public QDialog
{
    Q_OBJECT
public:
    // `series` as ImageLoader::listSeries gives them, largest first.
    SeriesDialog(const QString &folder, const QList<SeriesInfo> &series, QWidget *parent = nullptr);

    QString folder() const { return m_folder; }
    QString chosenUid() const; // the selected row's UID
    QTableWidget *table() const { return m_table; }

private:
    QString m_folder;
    QList<SeriesInfo> m_series;
    QTableWidget *m_table = nullptr;
};

} // namespace moescope::gui
