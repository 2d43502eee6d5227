// moescope-cli compare on stored runs of the bundled tracker (a crop pair,
// one step, 8 routed layers): the same run with itself, with an expert of
// the last layer switched off, and with another picture; the maps it writes;
// the runs' routing signatures.
#include "clitestsupport.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {
const QString kSamples = QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/tracking/");
const QString kModel =
    QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/models/track-spmtrack-tiny.pt");
} // namespace

class TestCompare : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;

    QJsonArray compareLayers(qint64 a, qint64 b, const QStringList &more = {})
    {
        const CliResult r = runCli(QStringList{"compare", "--run", QString::number(a), "--run",
                                               QString::number(b), "--db", m_db, "--json"} +
                                   more);
        if (r.code != 0)
            qWarning("%s", r.err.constData());
        return r.json().value("layers").toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_dir.filePath("runs.sqlite");
        // Runs 1 and 2: one picture, the second with expert 1 of layer 7 off;
        // run 3: another picture.
        const QList<QStringList> runs = {
            {"--input", kSamples + "MoEScope_Synth_000001.search-00000002.png", "--image",
             "template=" + kSamples + "MoEScope_Synth_000001.template.png"},
            {"--input", kSamples + "MoEScope_Synth_000001.search-00000002.png", "--image",
             "template=" + kSamples + "MoEScope_Synth_000001.template.png", "--disable-expert",
             "7:1"},
            {"--input", kSamples + "MoEScope_Synth_000002.search-00000002.png", "--image",
             "template=" + kSamples + "MoEScope_Synth_000002.template.png"}};
        for (const QStringList &args : runs) {
            const CliResult r =
                runCli(QStringList{"run", "--model", kModel, "--db", m_db, "--json"} + args);
            QVERIFY2(r.code == 0, r.err.constData());
        }
    }

    void sameRun()
    {
        const QJsonArray layers = compareLayers(1, 1);
        QCOMPARE(layers.size(), 8);
        for (const QJsonValue &v : layers) {
            const QJsonObject l = v.toObject();
            QVERIFY(l.value("token_wise").toBool());
            QCOMPARE(l.value("agreement").toDouble(), 1.0);
            QCOMPARE(l.value("mean_js_bits").toDouble(), 0.0);
            QCOMPARE(l.value("mean_jaccard").toDouble(), 1.0);
            QCOMPARE(l.value("load_js_bits").toDouble(), 0.0);
        }
    }

    void expertSwitchedOff()
    {
        const QString out = m_dir.filePath("maps");
        const QJsonArray layers = compareLayers(1, 2, {"--out", out});
        QCOMPARE(layers.size(), 8);
        // Layers before the one changed route exactly as before.
        for (int l = 0; l < 7; ++l)
            QCOMPARE(layers[l].toObject().value("agreement").toDouble(), 1.0);
        const QJsonObject last = layers[7].toObject();
        QVERIFY(last.value("token_wise").toBool());
        QCOMPARE(last.value("tokens").toInt(), 256); // the search region's 16 x 16
        const double agreement = last.value("agreement").toDouble();
        QVERIFY(agreement < 1.0);
        QVERIFY(last.value("mean_js_bits").toDouble() > 0.0);
        // Expert 1 is off in B: it takes no token there.
        QCOMPARE(last.value("load_b").toArray()[1].toDouble(), 0.0);
        // The agreement map: a 16-pixel cell per token, black where the
        // top-1 expert changed, as many as the figure says.
        const QImage map(out + "/L7-agreement.png");
        QCOMPARE(map.size(), QSize(256, 256));
        int changed = 0;
        for (int r = 0; r < 16; ++r)
            for (int c = 0; c < 16; ++c)
                changed += qGray(map.pixel(c * 16 + 8, r * 16 + 8)) < 128;
        QCOMPARE(changed, qRound((1.0 - agreement) * 256));
        QVERIFY(QFile::exists(out + "/L7-js.png") && QFile::exists(out + "/L7-entropy-change.png"));
    }

    void differentPicturesCompareLoadsOnly()
    {
        const QJsonArray layers = compareLayers(1, 3);
        QCOMPARE(layers.size(), 8);
        const QJsonObject l = layers[0].toObject();
        QVERIFY(!l.value("token_wise").toBool());
        QVERIFY(l.value("reason").toString().contains("different pictures"));
        QVERIFY(!l.contains("agreement"));
        QVERIFY(l.value("load_js_bits").isDouble());
        QVERIFY(l.value("entropy_a_bits").toDouble() > 0);
    }

    // Signatures: each run's per-layer loads (from `runs --json`), compared
    // as 1 - mean JS divergence of the loads; the run itself first.
    void signaturesLike()
    {
        const CliResult listed = runCli({"runs", "--db", m_db, "--json"});
        QCOMPARE(listed.code, 0);
        QMap<qint64, QJsonArray> routing;
        for (const QJsonValue &v : QJsonDocument::fromJson(listed.out).array())
            routing[v.toObject().value("id").toInteger()] = v.toObject().value("routing").toArray();
        const auto js = [](const QJsonArray &p, const QJsonArray &q) {
            double d = 0;
            for (int i = 0; i < p.size(); ++i) {
                const double a = p[i].toDouble(), b = q[i].toDouble(), m = 0.5 * (a + b);
                d += (a > 0 ? 0.5 * a * std::log2(a / m) : 0) +
                     (b > 0 ? 0.5 * b * std::log2(b / m) : 0);
            }
            return d;
        };
        const auto similarity = [&](qint64 x, qint64 y) {
            double sum = 0;
            for (int l = 0; l < 8; ++l)
                sum += js(routing[x][l].toObject().value("load").toArray(),
                          routing[y][l].toObject().value("load").toArray());
            return 1.0 - sum / 8;
        };
        const CliResult r = runCli({"signatures", "--db", m_db, "--like", "1", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray runs = r.json().value("runs").toArray();
        QCOMPARE(runs.size(), 3);
        QCOMPARE(runs[0].toObject().value("id").toInteger(), 1);
        QCOMPARE(runs[0].toObject().value("similarity").toDouble(), 1.0);
        for (const QJsonValue &v : runs) {
            const qint64 id = v.toObject().value("id").toInteger();
            QVERIFY(std::abs(v.toObject().value("similarity").toDouble() - similarity(1, id)) <
                    1e-5);
        }
        QVERIFY(runs[1].toObject().value("similarity").toDouble() >=
                runs[2].toObject().value("similarity").toDouble());

        // All of them: one group (8 layers of 4 experts), laid out centred.
        const CliResult all = runCli({"signatures", "--db", m_db, "--json"});
        QVERIFY2(all.code == 0, all.err.constData());
        const QJsonArray groups = all.json().value("groups").toArray();
        QCOMPARE(groups.size(), 1);
        const QJsonObject g = groups[0].toObject();
        QCOMPARE(g.value("experts_per_layer").toArray().size(), 8);
        QCOMPARE(g.value("runs").toArray().size(), 3);
        double sumX = 0, spread = 0;
        for (const QJsonValue &v : g.value("runs").toArray()) {
            sumX += v.toObject().value("pc1").toDouble();
            spread += std::abs(v.toObject().value("pc1").toDouble());
        }
        QVERIFY(std::abs(sumX) < 1e-4 && spread > 0);
        const QJsonArray matrix = g.value("similarity").toArray();
        QCOMPARE(matrix[0].toArray()[0].toDouble(), 1.0);
        QCOMPARE(matrix[0].toArray()[1].toDouble(), matrix[1].toArray()[0].toDouble());

        const CliResult missing = runCli({"signatures", "--db", m_db, "--like", "42"});
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains("run 42"));
    }

    void badRequests_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("one run") << QStringList{"--run", "1"} << 2 << "two runs";
        QTest::newRow("no such run")
            << QStringList{"--run", "1", "--run", "99"} << 1 << "no such run";
    }
    void badRequests()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const CliResult r = runCli(QStringList{"compare", "--db", m_db} + args);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1); // one line
    }

    void expertPaths()
    {
        const CliResult r = runCli({"paths", "--run", "1", "--db", m_db, "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject json = r.json();
        const QJsonArray layers = json.value("layers").toArray();
        const QJsonArray transitions = json.value("transitions").toArray();
        QCOMPARE(layers.size(), 8);
        QCOMPARE(transitions.size(), 7);
        const int tokens = json.value("tokens").toInt();
        QVERIFY(tokens > 0);
        for (int k = 0; k < transitions.size(); ++k) {
            const QJsonArray m = transitions[k].toObject().value("matrix").toArray();
            const QJsonArray from = layers[k].toObject().value("counts").toArray();
            const QJsonArray to = layers[k + 1].toObject().value("counts").toArray();
            int total = 0;
            QVector<int> columns(to.size(), 0);
            for (int a = 0; a < m.size(); ++a) {
                int row = 0;
                const QJsonArray cells = m[a].toArray();
                for (int b = 0; b < cells.size(); ++b) {
                    row += cells[b].toInt();
                    columns[b] += cells[b].toInt();
                }
                QCOMPARE(row, from[a].toInt()); // every token of expert a goes somewhere
                total += row;
            }
            for (int b = 0; b < to.size(); ++b)
                QCOMPARE(columns[b], to[b].toInt());
            QCOMPARE(total, tokens);
        }
        const CliResult bad = runCli({"paths", "--run", "99", "--db", m_db});
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains("99"), bad.err.constData());
    }

    void everyBundledModel_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("input");
        const QString samples = QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/");
        QTest::newRow("ultrasound")
            << "us-m2dino-tiny" << samples + "ultrasound/us-linear-solid.png";
        QTest::newRow("ct") << "ct-hmar-tiny" << samples + "ct/query-chest_nodule.dcm";
        QTest::newRow("sar") << "sar-crossearth-tiny" << samples + "sar/sar-land.tif";
        QTest::newRow("shapes") << "moe-vit-shapes-tiny" << samples + "shapes-circle.png";
        // A third-party model through the export helper (expert_mask=True).
        QTest::newRow("exported V-MoE")
            << QStringLiteral(MOESCOPE_TEST_DATA_DIR "/export/vmoe-example.pt")
            << samples + "shapes-circle.png";
    }

    void everyBundledModel()
    {
        QFETCH(QString, model);
        QFETCH(QString, input);
        QTemporaryDir dir;
        const QString db = dir.filePath("runs.sqlite");
        // Run 1 as it is, run 2 with expert 0 of the first MoE layer off.
        for (const QStringList &more : {QStringList{}, QStringList{"--disable-expert", "0:0"}}) {
            const CliResult r = runCli(
                QStringList{"run", "--model", model, "--input", input, "--db", db, "--json"} +
                more);
            QVERIFY2(r.code == 0, r.err.constData());
        }
        const auto compared = [&](const char *a, const char *b) {
            const CliResult r = runCli({"compare", "--run", a, "--run", b, "--db", db, "--json"});
            if (r.code != 0)
                qWarning("%s", r.err.constData());
            return r.json().value("layers").toArray();
        };
        const QJsonArray same = compared("1", "1");
        QVERIFY(!same.isEmpty());
        for (const QJsonValue &l : same) {
            QCOMPARE(l["entropy_change_bits"].toDouble(), 0.0);
            if (l["token_wise"].toBool())
                QCOMPARE(l["agreement"].toDouble(), 1.0);
        }
        const QJsonArray off = compared("1", "2");
        QCOMPARE(off.size(), same.size());
        for (const QJsonValue &l : off) {
            if (l["token_wise"].toBool()) {
                QVERIFY(l["agreement"].toDouble() >= 0 && l["agreement"].toDouble() <= 1);
                QVERIFY(l["mean_js_bits"].toDouble() >= 0 && l["mean_js_bits"].toDouble() <= 1);
            }
        }
        // Expert 0 of the first layer took tokens: its layer cannot agree everywhere.
        const QJsonObject first = off.first().toObject();
        const bool hadTokens = first["load_a"].toArray().first().toDouble() > 0;
        if (first["token_wise"].toBool())
            QCOMPARE(first["agreement"].toDouble() < 1.0, hadTokens);
    }

    void damagedOrMissingRouting()
    {
        // A copy of the store with run 2's routing cut short and run 3's gone.
        const QString copy = m_dir.filePath("damaged.sqlite");
        QFile::remove(copy);
        QVERIFY(QFile::copy(m_db, copy));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "damage");
            db.setDatabaseName(copy);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(
                q.exec("UPDATE routing SET probs = x'0102' WHERE run_id = 2 AND layer_index = 3"));
            QVERIFY(q.exec("DELETE FROM routing WHERE run_id = 3"));
            db.close();
        }
        QSqlDatabase::removeDatabase("damage");
        const CliResult damaged = runCli({"compare", "--run", "1", "--run", "2", "--db", copy});
        QCOMPARE(damaged.code, 1);
        QVERIFY2(damaged.err.contains("run 2") && damaged.err.contains("does not match"),
                 damaged.err.constData());
        QCOMPARE(damaged.err.trimmed().count('\n'), 0);
        const CliResult missing = runCli({"compare", "--run", "1", "--run", "3", "--db", copy});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains("run 3") && missing.err.contains("no stored routing"),
                 missing.err.constData());
    }
};

QTEST_MAIN(TestCompare)
#include "tst_compare.moc"
