#include "pacsinput.h"

#include "options.h"
#include "pacs/pacsclient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QStandardPaths>
#include <QUrlQuery>

namespace moescope::cli {

bool isPacsInput(const QString &input)
{
    return input.startsWith(QLatin1String("pacs://"), Qt::CaseInsensitive);
}

std::optional<QString> retrievePacsInput(const QString &input, const QList<pacs::Node> &nodes,
                                         QTextStream &err, QString *error)
{
    // Not QUrl: it would lower-case a node's name taken for a host.
    const QString rest = input.mid(int(qstrlen("pacs://")));
    const QString nodePart = rest.section(QLatin1Char('?'), 0, 0);
    const QUrlQuery keys(rest.section(QLatin1Char('?'), 1));
    std::optional<pacs::Node> node =
        pacs::resolveNode(QUrl::fromPercentEncoding(nodePart.toUtf8()), nodes, error);
    if (!node)
        return std::nullopt;
    static const QStringList known{"patient-id", "patient-name", "date",
                                   "modality",   "accession",    "study"};
    pacs::StudyQuery query;
    for (const auto &[key, value] : keys.queryItems(QUrl::FullyDecoded)) {
        if (!known.contains(key)) {
            *error = Tr::tr("%1: unknown PACS query key \"%2\" (known: %3)")
                         .arg(input, key, known.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        QString &field = key == QLatin1String("patient-id")     ? query.patientId
                         : key == QLatin1String("patient-name") ? query.patientName
                         : key == QLatin1String("date")         ? query.studyDate
                         : key == QLatin1String("modality")     ? query.modality
                         : key == QLatin1String("accession")    ? query.accessionNumber
                                                                : query.studyUid;
        field = value;
    }
    if (query.isEmpty()) {
        // Not the whole PACS by a slip of the keyboard.
        *error = Tr::tr("%1: a PACS input needs at least one key (%2)")
                     .arg(input, known.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    const pacs::Client client(*node);
    const auto studies = client.findStudies(query, error);
    if (!studies)
        return std::nullopt;
    if (studies->isEmpty()) {
        *error = Tr::tr("%1: no study matches").arg(input);
        return std::nullopt;
    }
    // One folder per node and query: running the same input again reuses it.
    const QByteArray id =
        QCryptographicHash::hash(
            (node->address() + QLatin1Char('?') + keys.toString(QUrl::FullyEncoded)).toUtf8(),
            QCryptographicHash::Sha1)
            .toHex()
            .left(16);
    QString base = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (base.isEmpty())
        base = QDir::tempPath() + QStringLiteral("/moescope-cache");
    const QString folder = base + QStringLiteral("/pacs-query/") + QString::fromLatin1(id);
    int seriesCount = 0, fileCount = 0;
    for (const pacs::Study &study : *studies) {
        const auto series = client.findSeries(study.studyUid, error);
        if (!series)
            return std::nullopt;
        for (const pacs::Series &s : *series) {
            if (!query.modality.isEmpty() && s.modality != query.modality)
                continue;
            const QString target =
                QDir(folder).filePath(study.studyUid + QLatin1Char('/') + s.seriesUid);
            const int cached =
                int(QDir(target).entryList({QStringLiteral("*.dcm")}, QDir::Files).size());
            if (s.instanceCount > 0 && cached == s.instanceCount) {
                ++seriesCount;
                fileCount += cached;
                continue;
            }
            err << Tr::tr("retrieving series %1 of %2 (%3 instance(s)) from %4")
                       .arg(s.number)
                       .arg(study.patientId)
                       .arg(s.instanceCount)
                       .arg(node->address())
                << "\n";
            err.flush();
            const auto files = client.get(study.studyUid, s.seriesUid, target, {}, nullptr, error);
            if (!files)
                return std::nullopt;
            ++seriesCount;
            fileCount += int(files->size());
        }
    }
    err << Tr::tr("%1: %2 study(ies), %3 series, %4 file(s) in %5")
               .arg(input)
               .arg(studies->size())
               .arg(seriesCount)
               .arg(fileCount)
               .arg(QDir::toNativeSeparators(folder))
        << "\n";
    return folder;
}

} // namespace moescope::cli
