// Query/retrieve against a real PACS: Orthanc, started by the test set-up
// (tests/data/check_pacs.sh → orthanc_node.sh) in a network namespace of its
// own, loaded by C-STORE with the bundled DICOM samples and a 12-instance CT
// series made from one of them. MOESCOPE_TEST_PACS names it (AET@HOST:PORT);
// MOESCOPE_TEST_PACS_HTTP is its HTTP port (not DICOM).
#include "image/imageloader.h"
#include "pacs/pacsclient.h"
#include "silentnode.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <optional>

using namespace moescope;

namespace {

QString tag(const QString &file, const DcmTagKey &key)
{
    DcmFileFormat f;
    OFString value;
    if (f.loadFile(QFile::encodeName(file).constData()).bad() ||
        f.getDataset()->findAndGetOFString(key, value).bad())
        return {};
    return QString::fromLatin1(value.c_str());
}

const QString kSample =
    QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/ct/query-chest_nodule.dcm");

} // namespace

class TestPacs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString address = qEnvironmentVariable("MOESCOPE_TEST_PACS");
        QVERIFY2(!address.isEmpty(), "run through tests/data/check_pacs.sh (ctest tst_pacs)");
        QString error;
        const auto node = pacs::Node::parse(address, &error);
        QVERIFY2(node, qPrintable(error));
        m_node = *node;
        m_node.timeoutSeconds = 5;
    }

    void parsesNodes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("aet");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("name") << "ORTHANC@pacs.example.org:4242"
                              << "ORTHANC"
                              << "pacs.example.org" << 4242;
        QTest::newRow("address") << "PACS_1@10.0.0.7:104"
                                 << "PACS_1"
                                 << "10.0.0.7" << 104;
        QTest::newRow("IPv6") << "A@[::1]:11112"
                              << "A"
                              << "::1" << 11112;
        QTest::newRow("@ in the AE title") << "A@B@host:1"
                                           << "A@B"
                                           << "host" << 1;
        QTest::newRow("no port") << "ORTHANC@host"
                                 << ""
                                 << "" << 0;
        QTest::newRow("port 0") << "ORTHANC@host:0"
                                << ""
                                << "" << 0;
        QTest::newRow("port too big") << "ORTHANC@host:70000"
                                      << ""
                                      << "" << 0;
        QTest::newRow("AE title too long") << "ABCDEFGHIJKLMNOPQ@host:1"
                                           << ""
                                           << "" << 0;
        QTest::newRow("backslash") << "A\\B@host:1"
                                   << ""
                                   << "" << 0;
        QTest::newRow("empty") << ""
                               << ""
                               << "" << 0;
    }
    void parsesNodes()
    {
        QFETCH(QString, text);
        QFETCH(QString, aet);
        QFETCH(QString, host);
        QFETCH(int, port);
        QString error;
        const auto node = pacs::Node::parse(text, &error);
        QCOMPARE(bool(node), !aet.isEmpty());
        if (!node) {
            QVERIFY(!error.isEmpty());
            return;
        }
        QCOMPARE(node->calledAet, aet);
        QCOMPARE(node->host, host);
        QCOMPARE(node->port, port);
        QCOMPARE(node->callingAet, QStringLiteral("MOESCOPE"));
    }

    void nodesFromSettings()
    {
        const QList<pacs::Node> nodes = pacs::nodesFromStrings(
            {"Radiology=RAD@10.1.1.1:104", "broken", "Lab=ORTHANC@127.0.0.1:4242"});
        QCOMPARE(nodes.size(), 2);
        QCOMPARE(pacs::nodesToStrings(nodes),
                 (QStringList{"Radiology=RAD@10.1.1.1:104", "Lab=ORTHANC@127.0.0.1:4242"}));
        QString error;
        QCOMPARE(pacs::resolveNode("Lab", nodes, &error)->port, 4242);
        QCOMPARE(pacs::resolveNode("X@h:5", nodes, &error)->calledAet, QStringLiteral("X"));
        QVERIFY(!pacs::resolveNode("Cardiology", nodes, &error));
        QVERIFY2(error.contains("Radiology, Lab"), qPrintable(error));
    }

    void echo()
    {
        QString error;
        QVERIFY2(pacs::Client(m_node).echo(&error), qPrintable(error));
    }

    // A node that is not there, is not DICOM, or never answers: one line
    // naming the node and the cause, within the timeout.
    void echoFailures_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("expected");
        QTest::newRow("nothing listens") << "closed"
                                         << "connection refused";
        QTest::newRow("not a DICOM node (HTTP)") << "http"
                                                 << "not a DICOM node";
        QTest::newRow("never answers") << "silent"
                                       << "no answer within 2 s";
        QTest::newRow("unknown host") << "unknown"
                                      << "no-such-host.invalid";
    }
    void echoFailures()
    {
        QFETCH(QString, where);
        QFETCH(QString, expected);
        pacs::Node node = m_node;
        node.timeoutSeconds = 2;
        std::optional<SilentNode> silent;
        if (where == QLatin1String("closed")) {
            node.port = 9; // discard: nothing listens in the namespace
        } else if (where == QLatin1String("http")) {
            node.port = QUrl(qEnvironmentVariable("MOESCOPE_TEST_PACS_HTTP")).port();
        } else if (where == QLatin1String("silent")) {
            silent.emplace();
            QVERIFY(silent->port() > 0);
            node.port = silent->port();
        } else {
            node.host = QStringLiteral("no-such-host.invalid");
        }
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY(!pacs::Client(node).echo(&error));
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(error.startsWith(node.address() + QLatin1String(": C-ECHO failed: ")),
                 qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
    }

    void findStudies_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("minimum"); // studies expected at least
        QTest::addColumn<int>("maximum");
        const QString id = tag(kSample, DCM_PatientID);
        QTest::newRow("patient id") << "patientId" << id << 1 << 1;
        QTest::newRow("patient id, no match") << "patientId"
                                              << "NOBODY-0000" << 0 << 0;
        QTest::newRow("modality CT") << "modality"
                                     << "CT" << 2 << 1000;
        QTest::newRow("modality MR: none loaded") << "modality"
                                                  << "MR" << 0 << 0;
        QTest::newRow("date range") << "studyDate"
                                    << "20231201-20240131" << 1 << 1000;
        QTest::newRow("date range before any") << "studyDate"
                                               << "19000101-19000102" << 0 << 0;
        QTest::newRow("name wildcard") << "patientName"
                                       << "*" << 2 << 1000;
    }
    void findStudies()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(int, minimum);
        QFETCH(int, maximum);
        pacs::StudyQuery query;
        if (field == QLatin1String("patientId"))
            query.patientId = value;
        else if (field == QLatin1String("modality"))
            query.modality = value;
        else if (field == QLatin1String("studyDate"))
            query.studyDate = value;
        else
            query.patientName = value;
        QString error;
        const auto studies = pacs::Client(m_node).findStudies(query, &error);
        QVERIFY2(studies, qPrintable(error));
        QVERIFY2(studies->size() >= minimum && studies->size() <= maximum,
                 qPrintable(QString::number(studies->size())));
        for (const pacs::Study &s : *studies) {
            QVERIFY(!s.studyUid.isEmpty());
            if (!query.modality.isEmpty())
                QVERIFY(s.modalities.contains(query.modality));
        }
        if (field == QLatin1String("patientId") && minimum == 1) {
            const pacs::Study &s = studies->first();
            QCOMPARE(s.studyUid, tag(kSample, DCM_StudyInstanceUID));
            QCOMPARE(s.studyDate, tag(kSample, DCM_StudyDate));
            QCOMPARE(s.modalities, QStringList{"CT"});
        }
    }

    // Series level, C-GET into a folder, and the file opens as an image.
    void findSeriesAndGet()
    {
        const pacs::Client client(m_node);
        QString error;
        const QString study = tag(kSample, DCM_StudyInstanceUID);
        const auto series = client.findSeries(study, &error);
        QVERIFY2(series, qPrintable(error));
        QCOMPARE(series->size(), 1);
        QCOMPARE(series->first().seriesUid, tag(kSample, DCM_SeriesInstanceUID));
        QCOMPARE(series->first().modality, QStringLiteral("CT"));
        QCOMPARE(series->first().instanceCount, 1);

        const QString folder = pacs::Client::cacheFolder(study, series->first().seriesUid);
        QVERIFY(folder.startsWith(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)));
        QList<int> seen;
        const auto files = client.get(
            study, series->first().seriesUid, folder, [&](int received, int) { seen << received; },
            nullptr, &error);
        QVERIFY2(files, qPrintable(error));
        QCOMPARE(files->size(), 1);
        QCOMPARE(seen, QList<int>{1});
        QCOMPARE(tag(files->first(), DCM_SOPInstanceUID), tag(kSample, DCM_SOPInstanceUID));
        LoadError loadError;
        const auto image = ImageLoader::load(files->first(), &loadError);
        QVERIFY2(image, qPrintable(loadError.message()));
        QCOMPARE(image->width, 256);
        QCOMPARE(image->height, 256);
    }

    // The 12-instance series: all of it; then cancelled after the third,
    // which leaves nothing behind.
    void getManyAndCancel()
    {
        const pacs::Client client(m_node);
        QString error;
        pacs::StudyQuery query;
        query.patientId = QStringLiteral("MOESCOPE-PACS-SERIES");
        const auto studies = client.findStudies(query, &error);
        QVERIFY2(studies && studies->size() == 1, qPrintable(error));
        const auto series = client.findSeries(studies->first().studyUid, &error);
        QVERIFY2(series && series->size() == 1, qPrintable(error));
        QTemporaryDir dir;
        const auto all = client.get(studies->first().studyUid, series->first().seriesUid,
                                    dir.filePath("all"), {}, nullptr, &error);
        QVERIFY2(all, qPrintable(error));
        QCOMPARE(all->size(), 12);

        std::atomic_bool cancel{false};
        int last = 0;
        const auto none = client.get(
            studies->first().studyUid, QString(), dir.filePath("cancelled"),
            [&](int received, int) {
                last = received;
                if (received == 3)
                    cancel = true;
            },
            &cancel, &error);
        QVERIFY(!none);
        QVERIFY2(error.endsWith(QLatin1String("cancelled")), qPrintable(error));
        QCOMPARE(last, 3);
        QCOMPARE(QDir(dir.filePath("cancelled")).entryList(QDir::Files).size(), 0);
        // The node is fine afterwards.
        QVERIFY2(client.echo(&error), qPrintable(error));
    }

    // moescope-cli pacs, and a PACS query as batch's and index's input: exit
    // codes, one line per failure, nodes by name from the settings.
    void cli_data()
    {
        QTest::addColumn<QStringList>("arguments"); // @NODE: the test node, @OUT: a folder
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected"); // in stdout (exit 0) or stderr
        QTest::newRow("echo") << QStringList{"pacs", "echo", "--node", "@NODE"} << 0
                              << "answers C-ECHO";
        QTest::newRow("echo, by name from the settings")
            << QStringList{"pacs", "echo", "--node", "Lab"} << 0 << "answers C-ECHO";
        QTest::newRow("echo, nothing listens")
            << QStringList{"pacs", "echo", "--node", "X@127.0.0.1:9", "--timeout", "2"} << 1
            << "connection refused";
        QTest::newRow("unknown name") << QStringList{"pacs", "echo", "--node", "Cardiology"} << 1
                                      << "no DICOM node is named \"Cardiology\" (configured: Lab)";
        QTest::newRow("find, JSON") << QStringList{"pacs",  "find",         "--node",
                                                   "@NODE", "--patient-id", "MOESCOPE-PACS-SERIES",
                                                   "--json"}
                                    << 0 << "\"patient_id\": \"MOESCOPE-PACS-SERIES\"";
        QTest::newRow("find, no match")
            << QStringList{"pacs", "find", "--node", "@NODE", "--patient-id", "NOBODY"} << 0
            << "no study on";
        QTest::newRow("get") << QStringList{"pacs",  "get",     "--node",
                                            "Lab",   "--study", "1.2.826.0.1.3680043.8.498.4242.1",
                                            "--out", "@OUT"}
                             << 0 << "12 file(s) retrieved into";
        QTest::newRow("batch over a PACS query")
            << QStringList{"batch",
                           "--model",
                           "ct-hmar-tiny",
                           "--input",
                           "pacs://Lab?patient-id=MOESCOPE-PACS-SERIES&modality=CT",
                           "--db",
                           "@OUT/runs.sqlite",
                           "--json"}
            << 0 << "\"analysed\": 12";
        QTest::newRow("index a PACS query")
            << QStringList{"index",
                           "--model",
                           "ct-hmar-tiny",
                           "--input",
                           "pacs://@NODE?patient-id=MOESCOPE-PACS-SERIES",
                           "--gallery",
                           "pacs",
                           "--db",
                           "@OUT/runs.sqlite",
                           "--json"}
            << 0 << "\"gallery_items\": 12";
        QTest::newRow("a PACS query without keys")
            << QStringList{"batch",      "--model", "ct-hmar-tiny",    "--input",
                           "pacs://Lab", "--db",    "@OUT/runs.sqlite"}
            << 1 << "needs at least one key";
    }
    void cli()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        QTemporaryDir home;
        const QString out = home.filePath(QStringLiteral("out"));
        QDir().mkpath(out);
        for (QString &a : arguments) {
            a.replace(QLatin1String("@NODE"), m_node.address());
            a.replace(QLatin1String("@OUT"), out);
        }
        // The user's settings and cache: the test's own, with one node.
        QDir().mkpath(home.filePath(QStringLiteral("config/MoEScope")));
        QFile conf(home.filePath(QStringLiteral("config/MoEScope/MoEScope.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write(QStringLiteral("[pacs]\nnodes=Lab=%1\n").arg(m_node.address()).toUtf8());
        conf.close();
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(MOESCOPE_CLI), arguments);
        QVERIFY(cli.waitForFinished(120000));
        const QString stdOut = QString::fromUtf8(cli.readAllStandardOutput());
        const QString stdErr = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(cli.exitCode() == exitCode, qPrintable(stdOut + stdErr));
        QVERIFY2((exitCode == 0 ? stdOut : stdErr).contains(expected), qPrintable(stdOut + stdErr));
        if (exitCode != 0)
            QCOMPARE(stdErr.trimmed().count(QLatin1Char('\n')), 0); // one line
        if (arguments.contains(QLatin1String("get")))
            QCOMPARE(QDir(out).entryList({"*.dcm"}, QDir::Files).size(), 12);
    }

private:
    pacs::Node m_node;
};

QTEST_GUILESS_MAIN(TestPacs)
#include "tst_pacs.moc"
