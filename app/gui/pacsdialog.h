#pragma once
// File ▸ Open from PACS…: pick a node, query studies (patient ID or name,
// date, modality, accession number), pick a study and a series; the series
// is retrieved into the cache with progress and Cancel, then opened. The
// network work is PacsBrowser's, off the GUI thread.

#include "pacs/pacsclient.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace moescope {
class PacsBrowser;
}

namespace moescope::gui {

class PacsDialog : public QDialog
{
    Q_OBJECT
public:
    PacsDialog(const QList<pacs::Node> &nodes, const QString &ourAeTitle,
               QWidget *parent = nullptr);

    // What the user picked: a configured node's name, or AET@HOST:PORT.
    QComboBox *nodeCombo() const { return m_node; }
    QLineEdit *patientIdEdit() const { return m_patientId; }
    QLineEdit *patientNameEdit() const { return m_patientName; }
    QLineEdit *dateEdit() const { return m_date; }
    QComboBox *modalityCombo() const { return m_modality; }
    QLineEdit *accessionEdit() const { return m_accession; }
    QPushButton *searchButton() const { return m_search; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *cancelButton() const { return m_cancel; }
    QTableView *studiesView() const { return m_studiesView; }
    QTableView *seriesView() const { return m_seriesView; }
    QLabel *statusLabel() const { return m_status; }
    PacsBrowser *browser() const { return m_browser; }
    // Seconds to wait for the node (the default is the node's own, 10 s).
    void setTimeoutSeconds(int seconds) { m_timeoutSeconds = seconds; }

Q_SIGNALS:
    // The retrieved series: its folder (several files) or its one file.
    void seriesRetrieved(const QString &path);

private:
    std::optional<pacs::Node> currentNode();
    void search();
    void studySelected();
    void retrieveSelected();
    void setStatus(const QString &text, bool error = false);

    QList<pacs::Node> m_nodes;
    QString m_ourAeTitle;
    int m_timeoutSeconds = 0;
    PacsBrowser *m_browser = nullptr;
    QComboBox *m_node = nullptr;
    QPushButton *m_echo = nullptr;
    QLineEdit *m_patientId = nullptr;
    QLineEdit *m_patientName = nullptr;
    QLineEdit *m_date = nullptr;
    QComboBox *m_modality = nullptr;
    QLineEdit *m_accession = nullptr;
    QPushButton *m_search = nullptr;
    QStandardItemModel *m_studies = nullptr;
    QStandardItemModel *m_series = nullptr;
    QTableView *m_studiesView = nullptr;
    QTableView *m_seriesView = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_cancel = nullptr;
    QList<pacs::Study> m_studyRows;
    QList<pacs::Series> m_seriesRows;
};

} // namespace moescope::gui
