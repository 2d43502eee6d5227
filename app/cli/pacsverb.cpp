// moescope-cli pacs echo|find|get: query and retrieve from a DICOM node
// (core/pacs). --node takes a node named in the settings (File ▸ Settings ▸
// PACS nodes, the "pacs/nodes" key) or AET@HOST:PORT.
#include "commands.h"
#include "options.h"
#include "pacsinput.h"

#include "pacs/pacsclient.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>

#include <atomic>
#include <csignal>

namespace moescope::cli {

namespace {

std::atomic_bool g_cancel{false};

extern "C" void cancelOnSignal(int)
{
    g_cancel.store(true);
}

QJsonObject toJson(const pacs::Study &s)
{
    return QJsonObject{{"study_uid", s.studyUid},
                       {"patient_id", s.patientId},
                       {"patient_name", s.patientName},
                       {"study_date", s.studyDate},
                       {"description", s.description},
                       {"accession_number", s.accessionNumber},
                       {"modalities", QJsonArray::fromStringList(s.modalities)},
                       {"series", s.seriesCount},
                       {"instances", s.instanceCount}};
}

QJsonObject toJson(const pacs::Series &s)
{
    return QJsonObject{{"study_uid", s.studyUid},      {"series_uid", s.seriesUid},
                       {"modality", s.modality},       {"number", s.number},
                       {"description", s.description}, {"instances", s.instanceCount}};
}

} // namespace

// The window's settings (Preferences::pacsNodes): read here without the
// window's library, which the CLI does not link.
QList<pacs::Node> configuredPacsNodes()
{
    const QSettings settings;
    QList<pacs::Node> nodes =
        pacs::nodesFromStrings(settings.value(QStringLiteral("pacs/nodes")).toStringList());
    const QString aet = settings.value(QStringLiteral("pacs/aet")).toString().trimmed();
    for (pacs::Node &node : nodes)
        if (!aet.isEmpty() && aet.size() <= 16)
            node.callingAet = aet;
    return nodes;
}

int pacsCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString action = arguments.value(0);
    if (action != QLatin1String("echo") && action != QLatin1String("find") &&
        action != QLatin1String("get")) {
        err << Tr::tr("moescope-cli pacs: say echo, find or get") << "\n";
        return Usage;
    }
    QCommandLineParser parser;
    const QCommandLineOption nodeOpt(QStringLiteral("node"),
                                     Tr::tr("A node named in the settings, or AET@HOST:PORT."),
                                     QStringLiteral("NODE"));
    const QCommandLineOption aetOpt(QStringLiteral("aet"),
                                    Tr::tr("Our AE title (default MOESCOPE)."),
                                    QStringLiteral("AET"), QStringLiteral("MOESCOPE"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout"),
                                        Tr::tr("Seconds to wait for the node (default 10)."),
                                        QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption patientIdOpt(QStringLiteral("patient-id"), Tr::tr("Patient ID."),
                                          QStringLiteral("ID"));
    const QCommandLineOption patientNameOpt(QStringLiteral("patient-name"),
                                            Tr::tr("Patient name; * and ? match anything."),
                                            QStringLiteral("NAME"));
    const QCommandLineOption dateOpt(QStringLiteral("date"),
                                     Tr::tr("Study date YYYYMMDD or range YYYYMMDD-YYYYMMDD."),
                                     QStringLiteral("DATE"));
    const QCommandLineOption modalityOpt(QStringLiteral("modality"), Tr::tr("Modality, e.g. CT."),
                                         QStringLiteral("M"));
    const QCommandLineOption accessionOpt(QStringLiteral("accession"), Tr::tr("Accession number."),
                                          QStringLiteral("A"));
    const QCommandLineOption studyOpt(QStringLiteral("study"), Tr::tr("Study Instance UID."),
                                      QStringLiteral("UID"));
    const QCommandLineOption seriesOpt(QStringLiteral("series"), Tr::tr("Series Instance UID."),
                                       QStringLiteral("UID"));
    const QCommandLineOption outOpt(QStringLiteral("out"),
                                    Tr::tr("Folder for the retrieved files (default: the cache)."),
                                    QStringLiteral("DIR"));
    parser.addOptions({nodeOpt, aetOpt, timeoutOpt, jsonOption()});
    if (action == QLatin1String("find"))
        parser.addOptions(
            {patientIdOpt, patientNameOpt, dateOpt, modalityOpt, accessionOpt, studyOpt});
    if (action == QLatin1String("get"))
        parser.addOptions({studyOpt, seriesOpt, outOpt});
    if (!parse(parser, QStringLiteral("pacs ") + action, arguments.mid(1), err))
        return Usage;
    if (!parser.isSet(nodeOpt)) {
        err << Tr::tr("moescope-cli pacs %1: --node is required").arg(action) << "\n";
        return Usage;
    }
    bool okTimeout = false;
    const int timeout = parser.value(timeoutOpt).toInt(&okTimeout);
    if (!okTimeout || timeout < 1) {
        err << Tr::tr("moescope-cli pacs: --timeout takes seconds >= 1") << "\n";
        return Usage;
    }
    QString error;
    std::optional<pacs::Node> node =
        pacs::resolveNode(parser.value(nodeOpt), configuredPacsNodes(), &error);
    if (!node)
        return fail(err, error);
    if (parser.isSet(aetOpt))
        node->callingAet = parser.value(aetOpt);
    node->timeoutSeconds = timeout;
    const pacs::Client client(*node);
    const bool json = parser.isSet(jsonOption());

    if (action == QLatin1String("echo")) {
        if (!client.echo(&error))
            return fail(err, error);
        if (json)
            printJson(out, QJsonObject{{"node", node->address()}, {"echo", true}});
        else
            out << Tr::tr("%1 answers C-ECHO").arg(node->address()) << "\n";
        return Ok;
    }

    if (action == QLatin1String("find")) {
        if (parser.isSet(studyOpt) && !parser.isSet(patientIdOpt) &&
            !parser.isSet(patientNameOpt) && !parser.isSet(dateOpt) && !parser.isSet(modalityOpt) &&
            !parser.isSet(accessionOpt)) {
            const auto series = client.findSeries(parser.value(studyOpt), &error);
            if (!series)
                return fail(err, error);
            QJsonArray rows;
            for (const pacs::Series &s : *series)
                rows.append(toJson(s));
            if (json)
                printJson(out, rows);
            else if (series->isEmpty())
                out << Tr::tr("no series in study %1").arg(parser.value(studyOpt)) << "\n";
            else
                for (const pacs::Series &s : *series)
                    out << s.number << "\t" << s.modality << "\t" << s.instanceCount << "\t"
                        << s.seriesUid << "\t" << s.description << "\n";
            return Ok;
        }
        pacs::StudyQuery query;
        query.patientId = parser.value(patientIdOpt);
        query.patientName = parser.value(patientNameOpt);
        query.studyDate = parser.value(dateOpt);
        query.modality = parser.value(modalityOpt);
        query.accessionNumber = parser.value(accessionOpt);
        query.studyUid = parser.value(studyOpt);
        const auto studies = client.findStudies(query, &error);
        if (!studies)
            return fail(err, error);
        QJsonArray rows;
        for (const pacs::Study &s : *studies)
            rows.append(toJson(s));
        if (json)
            printJson(out, rows);
        else if (studies->isEmpty())
            out << Tr::tr("no study on %1 matches").arg(node->address()) << "\n";
        else
            for (const pacs::Study &s : *studies)
                out << s.studyDate << "\t" << s.patientId << "\t" << s.patientName << "\t"
                    << s.modalities.join(QLatin1Char('/')) << "\t" << s.studyUid << "\t"
                    << s.description << "\n";
        return Ok;
    }

    // get
    if (!parser.isSet(studyOpt)) {
        err << Tr::tr("moescope-cli pacs get: --study is required") << "\n";
        return Usage;
    }
    const QString study = parser.value(studyOpt);
    const QString series = parser.value(seriesOpt);
    const QString folder = parser.isSet(outOpt) ? QDir(parser.value(outOpt)).absolutePath()
                                                : pacs::Client::cacheFolder(study, series);
    std::signal(SIGINT, cancelOnSignal); // Ctrl-C: C-CANCEL, nothing half kept
    std::signal(SIGTERM, cancelOnSignal);
    const auto files = client.get(
        study, series, folder,
        [&](int received, int total) {
            if (!json)
                err << "\r"
                    << Tr::tr("received %1 of %2")
                           .arg(received)
                           .arg(total < 0 ? QStringLiteral("?") : QString::number(total))
                    << Qt::flush;
        },
        &g_cancel, &error);
    if (!json)
        err << "\n";
    if (!files)
        return fail(err, error);
    if (json)
        printJson(out, QJsonObject{{"node", node->address()},
                                   {"folder", folder},
                                   {"files", QJsonArray::fromStringList(*files)}});
    else
        out << Tr::tr("%n file(s) retrieved into %1", nullptr, int(files->size()))
                   .arg(QDir::toNativeSeparators(folder))
            << "\n";
    return Ok;
}

} // namespace moescope::cli
