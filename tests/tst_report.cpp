// moescope-cli report: a stored run as PDF, rendered back with poppler's
// pdftoppm and pdftotext (cmake/setup-debian.sh --tests installs them): its
// pages and pictures, the provenance, the comparison with a second run,
// identifying DICOM fields left out unless asked for, and refusals that
// leave nothing behind.
#include "clitestsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kSamples = QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/");

// The share of a PDF's first page (rendered at 40 dpi) in saturated colour:
// the routing maps.
double colouredShare(const QString &pdf, const QString &stem)
{
    QProcess render;
    render.start(QStringLiteral("pdftoppm"),
                 {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-png"),
                  QStringLiteral("-singlefile"), pdf, stem});
    if (!render.waitForFinished(60000) || render.exitCode() != 0)
        return -1;
    const QImage page(stem + QStringLiteral(".png"));
    if (page.isNull())
        return -1;
    int coloured = 0;
    for (int y = 0; y < page.height(); ++y)
        for (int x = 0; x < page.width(); ++x)
            coloured += QColor(page.pixel(x, y)).hsvSaturation() > 100;
    return double(coloured) / (page.width() * page.height());
}

QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}
} // namespace

class TestReport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    QJsonObject m_square; // run 2's `run --json`

    QString report(const QStringList &more, CliResult *r)
    {
        const QString pdf = m_dir.filePath(QStringLiteral("report-%1.pdf").arg(++m_count));
        *r = runCli(QStringList{"report", "--db", m_db, "--out", pdf} + more);
        return pdf;
    }
    int m_count = 0;

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("poppler-utils is not installed (cmake/setup-debian.sh --tests)");
        m_db = m_dir.filePath(QStringLiteral("runs.sqlite"));
        // 1: a DICOM with a patient name; 2: a PNG; 3: the PNG, an expert off.
        const QList<QStringList> runs = {
            {"--input", kSamples + "shapes-circle.dcm"},
            {"--input", kSamples + "shapes-square.png"},
            {"--input", kSamples + "shapes-square.png", "--disable-expert", "0:1"}};
        for (const QStringList &args : runs) {
            const CliResult r = runCli(
                QStringList{"run", "--model", "moe-vit-shapes-tiny", "--db", m_db, "--json"} +
                args);
            QVERIFY2(r.code == 0, r.err.constData());
            if (args[1].endsWith(QLatin1String("square.png")) && m_square.isEmpty())
                m_square = r.json();
        }
    }

    void pagesPicturesAndProvenance()
    {
        CliResult r;
        const QString pdf = report({"--run", "2", "--compare", "3"}, &r);
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.err.isEmpty());
        // Rendered, with the coloured top-1 maps on it.
        const double share = colouredShare(pdf, m_dir.filePath(QStringLiteral("page")));
        QVERIFY2(share > 0.02, qPrintable(QString::number(share)));

        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("MoEScope report: run 2")));
        QVERIFY(text.contains(m_square.value("model_sha256").toString()));
        QVERIFY(text.contains(m_square.value("input_sha256").toString()));
        QVERIFY(text.contains(QStringLiteral("blocks.1.mlp")));
        QVERIFY(text.contains(QStringLiteral("Compared with run 3")));
        QVERIFY(text.contains(QStringLiteral("moe-vit-shapes-tiny"))); // the card's title
        // The input by name only: its folder may name a patient.
        QVERIFY(!text.contains(QStringLiteral(MOESCOPE_SOURCE_DIR)));
    }

    void aSceneReadByRegion()
    {
        // A SAR product is run in tiles and read by region: its report shows
        // the part the run covered, as the window does, under each layer's map.
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("sar.sqlite"));
        const CliResult run = runCli({"run", "--model", "sar-crossearth-tiny", "--input",
                                      kSamples + "sar/sar-land.tif", "--db", db});
        QVERIFY2(run.code == 0, run.err.constData());
        const QString pdf = dir.filePath(QStringLiteral("sar.pdf"));
        const CliResult r = runCli({"report", "--run", "1", "--db", db, "--out", pdf});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString text = pdfText(pdf);
        for (const char *layer : {"blocks.0.mlp", "blocks.3.mlp"})
            QVERIFY2(text.contains(QLatin1String(layer)), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("could not")));
        const double share = colouredShare(pdf, dir.filePath(QStringLiteral("page")));
        QVERIFY2(share > 0.02, qPrintable(QString::number(share)));
    }

    void identifyingFieldsLeftOutUnlessAsked()
    {
        CliResult r;
        const QString plain = report({"--run", "1"}, &r);
        QVERIFY2(r.code == 0, r.err.constData());
        QString text = pdfText(plain);
        QVERIFY(!text.isEmpty());
        QVERIFY(!text.contains(QStringLiteral("Anonymous")));
        QVERIFY(!text.contains(QStringLiteral("MOESCOPE-SAMPLE")));
        QVERIFY(text.contains(QStringLiteral("left out")));
        const QString full = report({"--run", "1", "--include-identifying"}, &r);
        QVERIFY2(r.code == 0, r.err.constData());
        text = pdfText(full);
        QVERIFY(text.contains(QStringLiteral("Anonymous^Sample")));
        QVERIFY(text.contains(QStringLiteral("MOESCOPE-SAMPLE")));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("unwritable") << QStringList{"--run", "2", "--out", "/no/such/folder/r.pdf"}
                                    << 1 << QStringLiteral("/no/such/folder/r.pdf");
        QTest::newRow("no such run")
            << QStringList{"--run", "99", "--out", "r.pdf"} << 1 << QStringLiteral("99");
        QTest::newRow("no such compare")
            << QStringList{"--run", "2", "--compare", "98", "--out", "r.pdf"} << 1
            << QStringLiteral("98");
        QTest::newRow("no --out") << QStringList{"--run", "2"} << 2 << QStringLiteral("--out");
    }

    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QFETCH(QString, message);
        QTemporaryDir cwd;
        QProcess p;
        p.setWorkingDirectory(cwd.path());
        p.start(QStringLiteral(MOESCOPE_CLI), QStringList{"report", "--db", m_db} + arguments);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), code);
        const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
        QVERIFY(QDir(cwd.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).isEmpty());
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
