#pragma once
// Query/retrieve against a DICOM node with DCMTK's DcmSCU: C-ECHO, C-FIND at
// study and series level (Study Root) and C-GET of a series into a folder.
// Blocking calls, one association each: run them off the GUI thread (the
// window does, jobs do). Every failure comes back as one line naming the node
// and the cause; DCMTK's own log never reaches the terminal.

#include "pacsnode.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace moescope::pacs {

// C-FIND keys; empty ones match anything. studyDate: YYYYMMDD, or a range
// YYYYMMDD-YYYYMMDD (either end may be left out). patientName may hold
// DICOM's wildcards (* and ?).
struct StudyQuery
{
    QString patientId;
    QString patientName;
    QString studyDate;
    QString modality;
    QString accessionNumber;
    QString studyUid;
    bool isEmpty() const;
};

struct Study
{
    QString studyUid;
    QString patientId;
    QString patientName;
    QString studyDate;
    QString description;
    QString accessionNumber;
    QStringList modalities;
    int seriesCount = -1; // -1: the node did not say
    int instanceCount = -1;
};

struct Series
{
    QString studyUid;
    QString seriesUid;
    QString modality;
    QString description;
    int number = -1;
    int instanceCount = -1;
};

class Client
{
public:
    explicit Client(Node node);

    const Node &node() const { return m_node; }

    bool echo(QString *error) const;
    std::optional<QList<Study>> findStudies(const StudyQuery &query, QString *error) const;
    std::optional<QList<Series>> findSeries(const QString &studyUid, QString *error) const;

    // C-GET of one series (every series of the study when seriesUid is
    // empty) into `folder`, one file per instance named by its SOP Instance
    // UID. `progress(received, total)` follows each instance (total -1 while
    // the node has not said). Setting *cancel stops it (C-CANCEL): the files
    // this call received are removed and *error says "cancelled". Returns
    // the files, sorted.
    std::optional<QStringList> get(const QString &studyUid, const QString &seriesUid,
                                   const QString &folder,
                                   const std::function<void(int received, int total)> &progress,
                                   const std::atomic_bool *cancel, QString *error) const;

    // Where a retrieved series is kept: the app's cache, by study and series.
    static QString cacheFolder(const QString &studyUid, const QString &seriesUid);

private:
    Node m_node;
};

} // namespace moescope::pacs
