// Expert ablation (issue 13): the output-change measures on cases worked by
// hand, and moescope-cli ablate on the bundled models: its effects agree
// with separate `run --disable-expert` runs, loads with the baseline's
// routing, the deletion curves have their points, and a model without an
// expert_mask, a layer not there or a missing file are refused in one line.
#include "clitestsupport.h"
#include "jobs/ablation.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace moescope;

namespace {
const QString kSamples = QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/");

model::HostTensor tensor(std::vector<int64_t> shape, std::vector<float> values)
{
    return {std::move(shape), std::move(values)};
}

model::OutputSpec spec(model::OutputKind kind, const std::string &format = {})
{
    model::OutputSpec s;
    s.name = "out";
    s.kind = kind;
    s.format = format;
    return s;
}
} // namespace

class TestAblation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void measures_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QVector<float>>("before");
        QTest::addColumn<QVector<float>>("after");
        QTest::addColumn<QVector<qint64>>("shape");
        QTest::addColumn<double>("effect");
        QTest::addColumn<double>("score");
        const auto K = [](model::OutputKind k) { return int(k); };
        // Logits 0,0 → p = (½, ½); ln 3, 0 → q = (¾, ¼): TV = ¼; q of class 0 = ¾.
        QTest::newRow("classes") << K(model::OutputKind::Classes) << QString()
                                 << QVector<float>{0, 0} << QVector<float>{float(std::log(3.0)), 0}
                                 << QVector<qint64>{1, 2} << 0.25 << 0.75;
        // 2 classes over 4 pixels: labels (0,0,1,1) → (0,1,1,1). Dice of 0:
        // 2·1/(2+1) = ⅔, of 1: 2·2/(2+3) = ⅘; mean 11/15.
        QTest::newRow("segmentation")
            << K(model::OutputKind::Segmentation) << QString()
            << QVector<float>{1, 1, 0, 0, 0, 0, 1, 1} << QVector<float>{1, 0, 0, 0, 0, 1, 1, 1}
            << QVector<qint64>{1, 2, 2, 2} << 1 - 11.0 / 15 << 11.0 / 15;
        // (1, 0) and (1, 1): cos = 1/√2.
        QTest::newRow("embedding")
            << K(model::OutputKind::Embedding) << QString() << QVector<float>{1, 0}
            << QVector<float>{1, 1} << QVector<qint64>{1, 2} << 1 - 1 / std::sqrt(2.0)
            << 1 / std::sqrt(2.0);
        // Unit squares shifted by half: intersection ½, union 3/2, IoU ⅓.
        QTest::newRow("box cxcywh")
            << K(model::OutputKind::Box) << QStringLiteral("cxcywh")
            << QVector<float>{0.5, 0.5, 1, 1} << QVector<float>{1.0, 0.5, 1, 1}
            << QVector<qint64>{1, 4} << 2.0 / 3 << 1.0 / 3;
        QTest::newRow("box xyxy") << K(model::OutputKind::Box) << QStringLiteral("xyxy")
                                  << QVector<float>{0, 0, 1, 1} << QVector<float>{0.5, 0, 1.5, 1}
                                  << QVector<qint64>{1, 4} << 2.0 / 3 << 1.0 / 3;
        // ‖(0, 1)‖ / ‖(3, 4)‖ = 1/5.
        QTest::newRow("other") << K(model::OutputKind::Other) << QString() << QVector<float>{3, 4}
                               << QVector<float>{3, 5} << QVector<qint64>{1, 2} << 0.2 << 0.8;
        QTest::newRow("the same") << K(model::OutputKind::Classes) << QString()
                                  << QVector<float>{2, 1, 0} << QVector<float>{2, 1, 0}
                                  << QVector<qint64>{1, 3} << 0.0
                                  << std::exp(2.0) / (std::exp(2.0) + std::exp(1.0) + 1);
    }

    void measures()
    {
        QFETCH(int, kind);
        QFETCH(QString, format);
        QFETCH(QVector<float>, before);
        QFETCH(QVector<float>, after);
        QFETCH(QVector<qint64>, shape);
        QFETCH(double, effect);
        QFETCH(double, score);
        const std::vector<int64_t> dims(shape.begin(), shape.end());
        const OutputChange c = compareOutput(spec(model::OutputKind(kind), format.toStdString()),
                                             tensor(dims, {before.begin(), before.end()}),
                                             tensor(dims, {after.begin(), after.end()}));
        QVERIFY2(std::abs(c.effect - effect) < 1e-6,
                 qPrintable(QStringLiteral("effect %1, expected %2").arg(c.effect).arg(effect)));
        QVERIFY2(std::abs(c.score - score) < 1e-6,
                 qPrintable(QStringLiteral("score %1, expected %2").arg(c.score).arg(score)));
    }

    void sweepAgreesWithSeparateRuns()
    {
        const QString image = kSamples + QStringLiteral("shapes-square.png");
        const CliResult r = runCli({"ablate", "--model", "moe-vit-shapes-tiny", "--input", image,
                                    "--keep-only", "--deletion", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject json = r.json();
        const QJsonArray effects = json.value("effects").toArray();
        // 2 layers of 4 experts, off and alone: 16 effects, 17 passes with the
        // baseline, and 8 deletion curves of 9 points each on top.
        QCOMPARE(effects.size(), 16);
        QCOMPARE(json.value("output").toString(), QStringLiteral("logits"));
        QCOMPARE(json.value("measure").toString(), QStringLiteral("total_variation"));
        const QJsonArray curves = json.value("deletion").toArray();
        QCOMPARE(curves.size(), 8);
        int erased = 0;
        for (const QJsonValue &v : curves) {
            const QJsonArray scores = v.toObject().value("scores").toArray();
            if (v.toObject().value("tokens").toInt() > 0) {
                QCOMPARE(scores.size(), 9);
                erased += 9;
            }
            for (const QJsonValue &s : scores)
                QVERIFY(s.toDouble() >= 0 && s.toDouble() <= 1);
        }
        QCOMPARE(json.value("passes").toInt(), 17 + erased);
        QVERIFY(json.value("forward_ms").toDouble() > 0);
        QVERIFY(json.value("total_ms").toDouble() >= json.value("forward_ms").toDouble());
        // Ranked: largest effect first.
        for (int i = 1; i < effects.size(); ++i)
            QVERIFY(effects[i - 1].toObject().value("effect").toDouble() >=
                    effects[i].toObject().value("effect").toDouble());

        // The baseline's loads are the plain run's; each "off" effect is the
        // total variation between the plain run's and a masked run's probabilities.
        const CliResult plain = runCli(
            {"run", "--model", "moe-vit-shapes-tiny", "--input", image, "--no-store", "--json"});
        QVERIFY2(plain.code == 0, plain.err.constData());
        const QJsonArray routing = plain.json().value("routing").toArray();
        const QJsonArray p = plain.json()
                                 .value("outputs")
                                 .toObject()
                                 .value("logits")
                                 .toObject()
                                 .value("probabilities")
                                 .toArray();
        int checked = 0;
        for (const QJsonValue &v : effects) {
            const QJsonObject e = v.toObject();
            const int layer = e.value("layer").toInt(), expert = e.value("expert").toInt();
            QCOMPARE(e.value("load").toDouble(),
                     std::round(routing[layer]["load"][expert].toDouble() * 1e6) / 1e6);
            if (e.value("mode").toString() != QLatin1String("off") || (layer + expert) % 3 != 0)
                continue; // a few masked runs are enough
            const CliResult masked = runCli({"run", "--model", "moe-vit-shapes-tiny", "--input",
                                             image, "--no-store", "--json", "--disable-expert",
                                             QStringLiteral("%1:%2").arg(layer).arg(expert)});
            QVERIFY2(masked.code == 0, masked.err.constData());
            const QJsonArray q = masked.json()
                                     .value("outputs")
                                     .toObject()
                                     .value("logits")
                                     .toObject()
                                     .value("probabilities")
                                     .toArray();
            double tv = 0;
            for (int k = 0; k < p.size(); ++k)
                tv += std::abs(p[k].toDouble() - q[k].toDouble()) / 2;
            QVERIFY2(std::abs(tv - e.value("effect").toDouble()) < 1e-4,
                     qPrintable(QStringLiteral("layer %1 expert %2: %3 vs %4")
                                    .arg(layer)
                                    .arg(expert)
                                    .arg(tv)
                                    .arg(e.value("effect").toDouble())));
            ++checked;
        }
        QVERIFY(checked >= 2);
    }

    void everyBundledModel_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("measure");
        QTest::newRow("ultrasound") << QStringList{"--model", "us-m2dino-tiny", "--input",
                                                   kSamples + "ultrasound/us-linear-solid.png"}
                                    << QStringLiteral("1-dice");
        QTest::newRow("ct") << QStringList{"--model", "ct-hmar-tiny", "--input",
                                           kSamples + "ct/query-chest_nodule.dcm"}
                            << QStringLiteral("1-cosine");
        QTest::newRow("sar") << QStringList{"--model", "sar-crossearth-tiny", "--input",
                                            kSamples + "sar/sar-land.tif"}
                             << QStringLiteral("1-dice");
        QTest::newRow("tracking")
            << QStringList{"--model",
                           "track-spmtrack-tiny",
                           "--input",
                           kSamples + "tracking/MoEScope_Synth_000001.search-00000002.png",
                           "--image",
                           "template=" + kSamples + "tracking/MoEScope_Synth_000001.template.png"}
            << QStringLiteral("1-iou");
        // A third-party model through the export helper (expert_mask=True): 8 experts.
        QTest::newRow("exported V-MoE")
            << QStringList{"--model",
                           QStringLiteral(MOESCOPE_TEST_DATA_DIR "/export/vmoe-example.pt"),
                           "--input", kSamples + "shapes-square.png"}
            << QStringLiteral("total_variation");
    }

    void everyBundledModel()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, measure);
        QTemporaryDir dir;
        const QString csv = dir.filePath("effects.csv");
        const CliResult r =
            runCli(QStringList{"ablate", "--layer", "0", "--json", "--csv", csv} + arguments);
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject json = r.json();
        QCOMPARE(json.value("measure").toString(), measure);
        const QJsonArray effects = json.value("effects").toArray();
        QVERIFY(!effects.isEmpty());
        QCOMPARE(json.value("passes").toInt(), effects.size() + 1);
        double loads = 0;
        for (const QJsonValue &v : effects) {
            const double effect = v["effect"].toDouble();
            QVERIFY(effect >= 0 && effect <= 1);
            QCOMPARE(v["layer"].toInt(), 0);
            loads += v["load"].toDouble();
        }
        QVERIFY(std::abs(loads - 1.0) < 1e-3); // every expert of the layer, once
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().trimmed().split('\n').size(), effects.size() + 1);
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString image = kSamples + "shapes-square.png";
        QTest::newRow("no expert_mask")
            << QStringList{"--model",
                           QStringLiteral(MOESCOPE_TEST_DATA_DIR "/models/no-expert-mask.pt"),
                           "--input", image}
            << 1 << QStringLiteral("takes no expert_mask input");
        QTest::newRow("no such layer")
            << QStringList{"--model", "moe-vit-shapes-tiny", "--input", image, "--layer", "5"} << 1
            << QStringLiteral("there is no layer 5");
        QTest::newRow("missing file")
            << QStringList{"--model", "moe-vit-shapes-tiny", "--input", "/no/such/file.png"} << 1
            << QStringLiteral("/no/such/file.png");
        QTest::newRow("bad layer")
            << QStringList{"--model", "moe-vit-shapes-tiny", "--input", image, "--layer", "x"} << 2
            << QStringLiteral("--layer");
        QTest::newRow("unwritable csv") << QStringList{"--model", "moe-vit-shapes-tiny",
                                                       "--input", image,
                                                       "--layer", "1",
                                                       "--csv",   "/no/such/folder/effects.csv"}
                                        << 1 << QStringLiteral("/no/such/folder/effects.csv");
    }

    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QFETCH(QString, message);
        const CliResult r = runCli(QStringList{"ablate"} + arguments);
        QCOMPARE(r.code, code);
        const QString err = QString::fromUtf8(r.err).trimmed();
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err)); // one line
        QVERIFY(r.out.isEmpty());
    }

    void stabilityWithoutPerturbationNeverFlips()
    {
        const CliResult r = runCli({"stability", "--model", "moe-vit-shapes-tiny", "--input",
                                    kSamples + "shapes-square.png", "--passes", "3", "--noise", "0",
                                    "--shift", "0", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray layers = r.json().value("layers").toArray();
        QCOMPARE(layers.size(), 2);
        for (const QJsonValue &l : layers)
            QCOMPARE(l["mean_flip_rate"].toDouble(), 0.0);
        QCOMPARE(r.json().value("mean_output_change").toDouble(), 0.0);
    }

    void stabilityFlipsMoreUnderMoreNoise()
    {
        QTemporaryDir dir;
        const auto flips = [&](const QString &noise, const QStringList &more = {}) {
            const CliResult r =
                runCli(QStringList{"stability", "--model", "moe-vit-shapes-tiny", "--input",
                                   kSamples + "shapes-square.png", "--passes", "8", "--noise",
                                   noise, "--shift", "1", "--json"} +
                       more);
            if (r.code != 0)
                qWarning("%s", r.err.constData());
            return r.json();
        };
        const QJsonObject low = flips("0.01", {"--out", dir.path()});
        const QJsonObject high = flips("0.3");
        const QJsonObject again = flips("0.01");
        QCOMPARE(again.value("layers"), low.value("layers")); // one seed, one answer
        const QJsonArray a = low.value("layers").toArray(), b = high.value("layers").toArray();
        QCOMPARE(a.size(), 2);
        for (int l = 0; l < a.size(); ++l) {
            QVERIFY(b[l]["mean_flip_rate"].toDouble() > a[l]["mean_flip_rate"].toDouble());
            const QJsonArray rates = a[l]["flip_rate"].toArray();
            QCOMPARE(rates.size(), 256); // 16 × 16 tokens
            for (const QJsonValue &v : rates) {
                const double eighths = v.toDouble() * 8;
                QVERIFY(std::abs(eighths - std::round(eighths)) < 1e-4); // k of 8 passes
            }
            for (const char *map : {"flip-rate", "entropy"})
                QVERIFY(
                    QImage(dir.filePath(QStringLiteral("L%1-%2.png").arg(l).arg(map))).width() ==
                    256);
        }
        const CliResult bad = runCli({"stability", "--model", "moe-vit-shapes-tiny", "--input",
                                      kSamples + "shapes-square.png", "--passes", "0"});
        QCOMPARE(bad.code, 2);
    }
};

QTEST_MAIN(TestAblation)
#include "tst_ablation.moc"
