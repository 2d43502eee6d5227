#include "pacsclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/scu.h>
#include <dcmtk/oflog/oflog.h>

#include <algorithm>
#include <mutex>

namespace moescope::pacs {

namespace {

// DCMTK logs warnings and errors to stderr itself; ours are one line each.
void quietDcmtk()
{
    static std::once_flag once;
    std::call_once(once, [] { OFLog::getLogger("dcmtk").setLogLevel(OFLogger::FATAL_LOG_LEVEL); });
}

OFString ofs(const QString &s)
{
    return OFString(s.toLatin1().constData());
}

QString text(DcmItem *item, const DcmTagKey &tag)
{
    OFString value;
    if (item->findAndGetOFStringArray(tag, value).bad())
        return {};
    return QString::fromLatin1(value.c_str()).trimmed();
}

int number(DcmItem *item, const DcmTagKey &tag)
{
    bool ok = false;
    const int n = text(item, tag).toInt(&ok);
    return ok ? n : -1;
}

// The transfer syntaxes we take: the uncompressed ones, and the compressed
// ones our DICOM reader decodes, so a node may send what it stores.
OFList<OFString> transferSyntaxes(bool compressedToo)
{
    OFList<OFString> xfers;
    xfers.push_back(UID_LittleEndianExplicitTransferSyntax);
    xfers.push_back(UID_LittleEndianImplicitTransferSyntax);
    if (compressedToo)
        for (const char *uid :
             {UID_JPEGProcess1TransferSyntax, UID_JPEGProcess2_4TransferSyntax,
              UID_JPEGProcess14SV1TransferSyntax, UID_JPEGLSLosslessTransferSyntax,
              UID_JPEGLSLossyTransferSyntax, UID_RLELosslessTransferSyntax})
            xfers.push_back(uid);
    return xfers;
}

// The failure of one DCMTK call in words a user can act on.
QString describe(const OFCondition &cond, const Node &node)
{
    const QString dcmtk = QString::fromLatin1(cond.text());
    if (cond == DUL_ASSOCIATIONREJECTED)
        return QCoreApplication::translate(
                   "moescope::pacs::Client",
                   "the node refused the association; check that it knows our AE title \"%1\" "
                   "and that its own is \"%2\"")
            .arg(node.callingAet, node.calledAet);
    if (dcmtk.contains(QLatin1String("Connection refused"), Qt::CaseInsensitive))
        return QCoreApplication::translate(
                   "moescope::pacs::Client",
                   "nothing answers at %1:%2 (connection refused); check the host and port, "
                   "and that the node runs")
            .arg(node.host)
            .arg(node.port);
    if (dcmtk.contains(QLatin1String("timeout"), Qt::CaseInsensitive) ||
        dcmtk.contains(QLatin1String("timed out"), Qt::CaseInsensitive))
        return QCoreApplication::translate("moescope::pacs::Client", "no answer within %1 s (%2)")
            .arg(node.timeoutSeconds)
            .arg(dcmtk);
    if (cond == DUL_PEERABORTEDASSOCIATION || cond == DUL_PEERREQUESTEDRELEASE ||
        dcmtk.contains(QLatin1String("Illegal PDU"), Qt::CaseInsensitive) ||
        dcmtk.contains(QLatin1String("Unrecognized PDU"), Qt::CaseInsensitive))
        return QCoreApplication::translate(
                   "moescope::pacs::Client",
                   "the peer is not a DICOM node or closed the connection (%1)")
            .arg(dcmtk);
    if (dcmtk.contains(QLatin1String("Name or service not known"), Qt::CaseInsensitive) ||
        dcmtk.contains(QLatin1String("unknown host"), Qt::CaseInsensitive))
        return QCoreApplication::translate("moescope::pacs::Client",
                                           "the host \"%1\" is not known (%2)")
            .arg(node.host, dcmtk);
    return dcmtk;
}

// A C-GET session: stores each instance as <folder>/<SOP Instance UID>.dcm,
// counts them, and stops when asked to.
class GetScu : public DcmSCU
{
public:
    QString folder;
    std::function<void(int, int)> progress;
    const std::atomic_bool *cancel = nullptr;
    QStringList files;
    int total = -1;
    int failed = 0;
    bool cancelled = false;

protected:
    OFString createStorageFilename(DcmDataset *dataset) override
    {
        QString uid = text(dataset, DCM_SOPInstanceUID);
        // A UID is digits and dots; anything else must not become a path.
        uid.remove(QRegularExpression(QStringLiteral("[^0-9.]")));
        if (uid.isEmpty())
            uid = QStringLiteral("instance-%1").arg(files.size() + 1);
        const QString path = QDir(folder).filePath(uid + QStringLiteral(".dcm"));
        files << path;
        return OFString(QFile::encodeName(path).constData());
    }

    OFCondition handleSTORERequest(const T_ASC_PresentationContextID presID, DcmDataset *incoming,
                                   OFBool &continueSession, Uint16 &status) override
    {
        const OFCondition cond =
            DcmSCU::handleSTORERequest(presID, incoming, continueSession, status);
        if (progress)
            progress(int(files.size()), total);
        if (cancel && cancel->load()) {
            cancelled = true;
            continueSession = OFFalse;
        }
        return cond;
    }

    OFCondition handleCGETResponse(const T_ASC_PresentationContextID presID,
                                   RetrieveResponse *response, OFBool &continueSession) override
    {
        total = response->m_numberOfRemainingSubops + response->m_numberOfCompletedSubops +
                response->m_numberOfFailedSubops + response->m_numberOfWarningSubops;
        failed = response->m_numberOfFailedSubops;
        const OFCondition cond = DcmSCU::handleCGETResponse(presID, response, continueSession);
        if (cancel && cancel->load()) {
            cancelled = true;
            continueSession = OFFalse;
        }
        return cond;
    }
};

// Opens an association for `abstractSyntax` (and, for C-GET, the storage
// classes in the SCP role). *presID is its accepted presentation context.
bool associate(DcmSCU &scu, const Node &node, const char *abstractSyntax, bool storage,
               T_ASC_PresentationContextID *presID, QString *error, const QString &what)
{
    quietDcmtk();
    const Uint32 timeout = Uint32(std::max(1, node.timeoutSeconds));
    scu.setAETitle(ofs(node.callingAet));
    scu.setPeerAETitle(ofs(node.calledAet));
    scu.setPeerHostName(ofs(node.host));
    scu.setPeerPort(Uint16(node.port));
    scu.setConnectionTimeout(Sint32(timeout));
    scu.setACSETimeout(timeout);
    scu.setDIMSETimeout(timeout);
    scu.setDIMSEBlockingMode(DIMSE_NONBLOCKING); // a node that stops answering times out
    scu.addPresentationContext(abstractSyntax, transferSyntaxes(false));
    if (storage)
        for (int i = 0; i < numberOfDcmShortSCUStorageSOPClassUIDs; ++i)
            scu.addPresentationContext(dcmShortSCUStorageSOPClassUIDs[i], transferSyntaxes(true),
                                       ASC_SC_ROLE_SCP);
    auto failed = [&](const OFCondition &cond) {
        if (error)
            *error = QStringLiteral("%1: %2: %3").arg(node.address(), what, describe(cond, node));
        return false;
    };
    OFCondition cond = scu.initNetwork();
    if (cond.bad())
        return failed(cond);
    cond = scu.negotiateAssociation();
    if (cond.bad())
        return failed(cond);
    *presID = scu.findPresentationContextID(abstractSyntax, "");
    if (*presID == 0) {
        scu.releaseAssociation();
        if (error)
            *error =
                QStringLiteral("%1: %2: %3")
                    .arg(node.address(), what,
                         QCoreApplication::translate("moescope::pacs::Client",
                                                     "the node does not offer this service (%1)")
                             .arg(QString::fromLatin1(dcmFindNameOfUID(abstractSyntax, "?"))));
        return false;
    }
    return true;
}

bool isPending(Uint16 status)
{
    return status == STATUS_Pending || status == STATUS_FIND_Pending_WarningUnsupportedOptionalKeys;
}

// Sends one C-FIND and returns the matches' datasets' values via `read`.
bool find(const Node &node, DcmDataset &keys, const QString &what,
          const std::function<void(DcmDataset *)> &read, QString *error)
{
    DcmSCU scu;
    T_ASC_PresentationContextID presID = 0;
    if (!associate(scu, node, UID_FINDStudyRootQueryRetrieveInformationModel, false, &presID, error,
                   what))
        return false;
    OFList<QRResponse *> responses;
    const OFCondition cond = scu.sendFINDRequest(presID, &keys, &responses);
    Uint16 finalStatus = STATUS_Success;
    for (QRResponse *r : responses) {
        if (r->m_dataset && isPending(r->m_status))
            read(r->m_dataset);
        else if (!isPending(r->m_status))
            finalStatus = r->m_status;
        delete r;
    }
    if (cond.bad()) {
        scu.abortAssociation();
        if (error)
            *error = QStringLiteral("%1: %2: %3").arg(node.address(), what, describe(cond, node));
        return false;
    }
    scu.releaseAssociation();
    if (finalStatus != STATUS_Success) {
        if (error)
            *error = QStringLiteral("%1: %2: %3")
                         .arg(node.address(), what,
                              QCoreApplication::translate("moescope::pacs::Client",
                                                          "the node answered with status 0x%1")
                                  .arg(finalStatus, 4, 16, QLatin1Char('0')));
        return false;
    }
    return true;
}

} // namespace

bool StudyQuery::isEmpty() const
{
    return patientId.isEmpty() && patientName.isEmpty() && studyDate.isEmpty() &&
           modality.isEmpty() && accessionNumber.isEmpty() && studyUid.isEmpty();
}

Client::Client(Node node) : m_node(std::move(node)) {}

bool Client::echo(QString *error) const
{
    DcmSCU scu;
    T_ASC_PresentationContextID presID = 0;
    const QString what = QCoreApplication::translate("moescope::pacs::Client", "C-ECHO failed");
    if (!associate(scu, m_node, UID_VerificationSOPClass, false, &presID, error, what))
        return false;
    const OFCondition cond = scu.sendECHORequest(presID);
    if (cond.bad()) {
        scu.abortAssociation();
        if (error)
            *error =
                QStringLiteral("%1: %2: %3").arg(m_node.address(), what, describe(cond, m_node));
        return false;
    }
    scu.releaseAssociation();
    return true;
}

std::optional<QList<Study>> Client::findStudies(const StudyQuery &query, QString *error) const
{
    DcmDataset keys;
    keys.putAndInsertOFStringArray(DCM_QueryRetrieveLevel, "STUDY");
    keys.putAndInsertOFStringArray(DCM_StudyInstanceUID, ofs(query.studyUid));
    keys.putAndInsertOFStringArray(DCM_PatientID, ofs(query.patientId));
    keys.putAndInsertOFStringArray(DCM_PatientName, ofs(query.patientName));
    keys.putAndInsertOFStringArray(DCM_StudyDate, ofs(query.studyDate));
    keys.putAndInsertOFStringArray(DCM_AccessionNumber, ofs(query.accessionNumber));
    keys.putAndInsertOFStringArray(DCM_ModalitiesInStudy, ofs(query.modality));
    keys.putAndInsertOFStringArray(DCM_StudyDescription, "");
    keys.putAndInsertOFStringArray(DCM_NumberOfStudyRelatedSeries, "");
    keys.putAndInsertOFStringArray(DCM_NumberOfStudyRelatedInstances, "");
    QList<Study> studies;
    const bool ok = find(
        m_node, keys,
        QCoreApplication::translate("moescope::pacs::Client", "C-FIND of studies failed"),
        [&](DcmDataset *d) {
            Study s;
            s.studyUid = text(d, DCM_StudyInstanceUID);
            s.patientId = text(d, DCM_PatientID);
            s.patientName = text(d, DCM_PatientName);
            s.studyDate = text(d, DCM_StudyDate);
            s.description = text(d, DCM_StudyDescription);
            s.accessionNumber = text(d, DCM_AccessionNumber);
            s.modalities =
                text(d, DCM_ModalitiesInStudy).split(QLatin1Char('\\'), Qt::SkipEmptyParts);
            s.seriesCount = number(d, DCM_NumberOfStudyRelatedSeries);
            s.instanceCount = number(d, DCM_NumberOfStudyRelatedInstances);
            studies << s;
        },
        error);
    if (!ok)
        return std::nullopt;
    std::sort(studies.begin(), studies.end(), [](const Study &a, const Study &b) {
        return a.studyDate != b.studyDate ? a.studyDate > b.studyDate : a.studyUid < b.studyUid;
    });
    return studies;
}

std::optional<QList<Series>> Client::findSeries(const QString &studyUid, QString *error) const
{
    DcmDataset keys;
    keys.putAndInsertOFStringArray(DCM_QueryRetrieveLevel, "SERIES");
    keys.putAndInsertOFStringArray(DCM_StudyInstanceUID, ofs(studyUid));
    keys.putAndInsertOFStringArray(DCM_SeriesInstanceUID, "");
    keys.putAndInsertOFStringArray(DCM_Modality, "");
    keys.putAndInsertOFStringArray(DCM_SeriesNumber, "");
    keys.putAndInsertOFStringArray(DCM_SeriesDescription, "");
    keys.putAndInsertOFStringArray(DCM_NumberOfSeriesRelatedInstances, "");
    QList<Series> series;
    const bool ok = find(
        m_node, keys,
        QCoreApplication::translate("moescope::pacs::Client", "C-FIND of series failed"),
        [&](DcmDataset *d) {
            Series s;
            s.studyUid = studyUid;
            s.seriesUid = text(d, DCM_SeriesInstanceUID);
            s.modality = text(d, DCM_Modality);
            s.number = number(d, DCM_SeriesNumber);
            s.description = text(d, DCM_SeriesDescription);
            s.instanceCount = number(d, DCM_NumberOfSeriesRelatedInstances);
            series << s;
        },
        error);
    if (!ok)
        return std::nullopt;
    std::sort(series.begin(), series.end(),
              [](const Series &a, const Series &b) { return a.number < b.number; });
    return series;
}

std::optional<QStringList> Client::get(const QString &studyUid, const QString &seriesUid,
                                       const QString &folder,
                                       const std::function<void(int, int)> &progress,
                                       const std::atomic_bool *cancel, QString *error) const
{
    const QString what = QCoreApplication::translate("moescope::pacs::Client", "C-GET failed");
    auto fail = [&](const QString &cause) -> std::optional<QStringList> {
        if (error)
            *error = QStringLiteral("%1: %2: %3").arg(m_node.address(), what, cause);
        return std::nullopt;
    };
    if (!QDir().mkpath(folder))
        return fail(
            QCoreApplication::translate("moescope::pacs::Client", "cannot create the folder %1")
                .arg(QDir::toNativeSeparators(folder)));
    GetScu scu;
    scu.folder = folder;
    scu.progress = progress;
    scu.cancel = cancel;
    scu.setStorageMode(DCMSCU_STORAGE_DISK);
    scu.setStorageDir(ofs(QDir::toNativeSeparators(folder)));
    T_ASC_PresentationContextID presID = 0;
    if (!associate(scu, m_node, UID_GETStudyRootQueryRetrieveInformationModel, true, &presID, error,
                   what))
        return std::nullopt;
    DcmDataset keys;
    keys.putAndInsertOFStringArray(DCM_QueryRetrieveLevel,
                                   seriesUid.isEmpty() ? "STUDY" : "SERIES");
    keys.putAndInsertOFStringArray(DCM_StudyInstanceUID, ofs(studyUid));
    if (!seriesUid.isEmpty())
        keys.putAndInsertOFStringArray(DCM_SeriesInstanceUID, ofs(seriesUid));
    OFList<RetrieveResponse *> responses;
    const OFCondition cond = scu.sendCGETRequest(presID, &keys, &responses);
    for (RetrieveResponse *r : responses)
        delete r;
    auto removeReceived = [&] {
        for (const QString &file : scu.files)
            QFile::remove(file);
    };
    if (scu.cancelled) {
        scu.abortAssociation(); // the node may still be sending; we are not listening
        removeReceived();
        return fail(QCoreApplication::translate("moescope::pacs::Client", "cancelled"));
    }
    if (cond.bad()) {
        scu.abortAssociation();
        removeReceived();
        return fail(describe(cond, m_node));
    }
    scu.releaseAssociation();
    QStringList files;
    for (const QString &file : scu.files)
        if (QFile::exists(file))
            files << file;
    if (scu.failed > 0) {
        removeReceived();
        return fail(QCoreApplication::translate(
                        "moescope::pacs::Client",
                        "the node could not send %1 of %2 instance(s), e.g. in a compression it "
                        "cannot convert; nothing was kept")
                        .arg(scu.failed)
                        .arg(std::max(scu.total, scu.failed)));
    }
    if (files.isEmpty())
        return fail(
            QCoreApplication::translate("moescope::pacs::Client",
                                        "the node sent nothing for this %1")
                .arg(seriesUid.isEmpty()
                         ? QCoreApplication::translate("moescope::pacs::Client", "study")
                         : QCoreApplication::translate("moescope::pacs::Client", "series")));
    files.sort();
    return files;
}

QString Client::cacheFolder(const QString &studyUid, const QString &seriesUid)
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (base.isEmpty())
        base = QDir::tempPath() + QStringLiteral("/moescope-cache");
    // UIDs are digits and dots; keep it so, whatever a node returns.
    auto clean = [](QString uid) {
        uid.remove(QRegularExpression(QStringLiteral("[^0-9.]")));
        return uid.isEmpty() ? QStringLiteral("unknown") : uid;
    };
    QString folder = base + QStringLiteral("/pacs/") + clean(studyUid);
    if (!seriesUid.isEmpty())
        folder += QLatin1Char('/') + clean(seriesUid);
    return folder;
}

} // namespace moescope::pacs
