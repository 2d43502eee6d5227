// moescope.json parsing: each rule of the contract refused with its message,
// hostile sizes and JSON refused, damaged model archives refused.
#include "model/archive.h"
#include "model/contract.h"
#include "model/engine.h"
#include "model/json.h"
#include "text/text.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace moescope::model;

namespace {

const char *const kValid = R"({
  "schema": 1, "name": "m", "task": "ultrasound",
  "inputs": [
    {"name": "image", "kind": "image", "channels": 1, "height": 32, "width": 32,
     "mean": [0.5], "std": [0.25], "windows": [[40, 400]]},
    {"name": "task", "kind": "index", "choices": ["seg", "cls"]},
    {"name": "physics", "kind": "vector", "size": 3, "names": ["a", "b", "c"]},
    {"name": "expert_mask", "kind": "expert_mask"}
  ],
  "outputs": {"logits": {"kind": "classes", "labels": ["a", "b"]},
              "mask": {"kind": "segmentation", "labels": ["bg", "lesion"], "task_choice": "seg"},
              "score": {"kind": "score_map", "input": "image", "grid": [4, 4]},
              "windows": {"kind": "window_embeddings", "input": "image", "grid": [3, 2],
                          "window": [8, 6], "stride": [4, 5]}},
  "moe_layers": [
    {"name": "blocks.1.mlp", "experts": 4, "top_k": 1, "router": "top-k",
     "tokens": [{"input": "image", "offset": 1, "grid": [4, 4]}]},
    {"name": "task_gate", "experts": 8, "top_k": 2, "router": "task", "tokens": []}
  ]
})";

QString replaced(const QString &from, const QString &to)
{
    QString s = QString::fromUtf8(kValid);
    Q_ASSERT(s.contains(from));
    return s.replace(from, to);
}

} // namespace

class TestContract : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The Qt-free core's messages go through the translator the app installs
    // (here one that tags each template with its context), placeholders filled after.
    void messagesGoThroughTheTranslator()
    {
        moescope::text::setTranslator([](const char *context, const char *text) {
            return std::string("[") + context + "] " + text;
        });
        ModelContract c;
        std::string error;
        const bool parsed = parseContract("{\"schema\": 7}", &c, &error);
        moescope::text::setTranslator(nullptr);
        QVERIFY(!parsed);
        QVERIFY2(error.rfind("[moescope::model::Contract] moescope.json has schema 7", 0) == 0,
                 error.c_str());
        QCOMPARE(moescope::text::modelText("x", "%2 and %1 and %1").arg("a").arg("b").str(),
                 std::string("b and a and a"));
    }

    void validContract()
    {
        ModelContract c;
        std::string error;
        QVERIFY2(parseContract(kValid, &c, &error), error.c_str());
        QCOMPARE(c.name, std::string("m"));
        QCOMPARE(c.inputs.size(), size_t(4));
        QCOMPARE(c.inputs[0].std[0], 0.25f);
        QCOMPARE(c.inputs[1].choices.size(), size_t(2));
        QVERIFY(c.takesExpertMask());
        QCOMPARE(c.maxExperts(), 8);
        QCOMPARE(c.moeLayers[0].tokens[0].offset, 1);
        QCOMPARE(c.moeLayers[0].tokens[0].cols, 4);
        QVERIFY(c.moeLayers[1].tokens.empty());
        QVERIFY(c.output("mask")->kind == OutputKind::Segmentation);
        QCOMPARE(c.output("mask")->taskChoice, std::string("seg"));
        QVERIFY(c.output("logits")->taskChoice.empty());
        QCOMPARE(c.inputs[0].windows.size(), size_t(1));
        QCOMPARE(c.inputs[0].windows[0].center, 40.0f);
        QCOMPARE(c.inputs[0].windows[0].width, 400.0f);
        QVERIFY(c.output("score")->kind == OutputKind::Other);
        QCOMPARE(c.output("score")->kindText, std::string("score_map"));
        QCOMPARE(c.output("score")->gridRows, 4);
        QCOMPARE(c.output("score")->windowRows, 0); // not given
        const OutputSpec *windows = c.output("windows");
        QVERIFY(windows);
        QCOMPARE(windows->gridRows, 3);
        QCOMPARE(windows->gridCols, 2);
        QCOMPARE(windows->windowRows, 8);
        QCOMPARE(windows->windowCols, 6);
        QCOMPARE(windows->strideRows, 4);
        QCOMPARE(windows->strideCols, 5);
        QCOMPARE(c.taskInput()->name, std::string("task"));
        QCOMPARE(c.flopsPerImage, 0.0); // not given: unknown

        QVERIFY2(parseContract(replaced(QStringLiteral("\"task\": \"ultrasound\""),
                                        QStringLiteral("\"task\": \"ultrasound\", "
                                                       "\"flops_per_image\": 4.6e9"))
                                   .toStdString(),
                               &c, &error),
                 error.c_str());
        QCOMPARE(c.flopsPerImage, 4.6e9);
    }

    void brokenRules_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QStringLiteral("{\"schema\": 1,")
                                  << QStringLiteral("not valid JSON");
        QTest::newRow("not an object") << QStringLiteral("[1]") << QStringLiteral("JSON object");
        QTest::newRow("schema missing")
            << replaced(QStringLiteral("\"schema\": 1,"), {}) << QStringLiteral("no \"schema\"");
        QTest::newRow("schema newer")
            << replaced(QStringLiteral("\"schema\": 1"), QStringLiteral("\"schema\": 2"))
            << QStringLiteral("schema 2");
        QTest::newRow("name missing")
            << replaced(QStringLiteral("\"name\": \"m\","), {}) << QStringLiteral("no \"name\"");
        QTest::newRow("task empty") << replaced(QStringLiteral("\"task\": \"ultrasound\""),
                                                QStringLiteral("\"task\": \"\""))
                                    << QStringLiteral("\"task\" must be a non-empty string");
        QTest::newRow("image without height")
            << replaced(QStringLiteral("\"height\": 32,"), {})
            << QStringLiteral("input \"image\" has no \"height\"");
        QTest::newRow("mean per channel")
            << replaced(QStringLiteral("\"mean\": [0.5]"), QStringLiteral("\"mean\": [0.5, 0.5]"))
            << QStringLiteral("one value per channel");
        QTest::newRow("std zero") << replaced(QStringLiteral("\"std\": [0.25]"),
                                              QStringLiteral("\"std\": [0]"))
                                  << QStringLiteral("> 0");
        QTest::newRow("unknown input kind") << replaced(QStringLiteral("\"kind\": \"vector\""),
                                                        QStringLiteral("\"kind\": \"audio\""))
                                            << QStringLiteral("unknown kind \"audio\"");
        QTest::newRow("index without choices")
            << replaced(QStringLiteral("\"choices\": [\"seg\", \"cls\"]"),
                        QStringLiteral("\"choices\": []"))
            << QStringLiteral("non-empty \"choices\"");
        QTest::newRow("classes without labels")
            << replaced(QStringLiteral("{\"kind\": \"classes\", \"labels\": [\"a\", \"b\"]}"),
                        QStringLiteral("{\"kind\": \"classes\"}"))
            << QStringLiteral("needs a non-empty \"labels\"");
        QTest::newRow("no moe layers")
            << replaced(QStringLiteral("\"moe_layers\""), QStringLiteral("\"layers\""))
            << QStringLiteral("no \"moe_layers\"");
        QTest::newRow("experts zero")
            << replaced(QStringLiteral("\"experts\": 4"), QStringLiteral("\"experts\": 0"))
            << QStringLiteral("\"experts\" must be an integer from 1 to 4096");
        QTest::newRow("top_k > experts")
            << replaced(QStringLiteral("\"top_k\": 1"), QStringLiteral("\"top_k\": 5"))
            << QStringLiteral("larger than \"experts\"");
        QTest::newRow("tokens missing")
            << replaced(QStringLiteral(", \"tokens\": []"), {}) << QStringLiteral("no \"tokens\"");
        QTest::newRow("grid bad") << replaced(QStringLiteral("\"grid\": [4, 4]"),
                                              QStringLiteral("\"grid\": [4]"))
                                  << QStringLiteral("[rows, cols]");
        QTest::newRow("tokens over a non-image")
            << replaced(QStringLiteral("{\"input\": \"image\", \"offset\": 1"),
                        QStringLiteral("{\"input\": \"task\", \"offset\": 1"))
            << QStringLiteral("not an image input");
        QTest::newRow("windows per channel")
            << replaced(QStringLiteral("[[40, 400]]"), QStringLiteral("[[40, 400], [0, 100]]"))
            << QStringLiteral("one [center, width] per channel");
        QTest::newRow("window width zero")
            << replaced(QStringLiteral("[[40, 400]]"), QStringLiteral("[[40, 0]]"))
            << QStringLiteral("width > 0");
        QTest::newRow("task_choice unknown")
            << replaced(QStringLiteral("\"task_choice\": \"seg\""),
                        QStringLiteral("\"task_choice\": \"segment\""))
            << QStringLiteral("not a choice of any index input");
        QTest::newRow("output over a non-image")
            << replaced(QStringLiteral("\"input\": \"image\", \"grid\": [4, 4]"),
                        QStringLiteral("\"input\": \"task\", \"grid\": [4, 4]"))
            << QStringLiteral("not an image input");
        QTest::newRow("output grid bad")
            << replaced(QStringLiteral("\"input\": \"image\", \"grid\": [4, 4]"),
                        QStringLiteral("\"input\": \"image\", \"grid\": [0, 4]"))
            << QStringLiteral("[rows, cols]");
        QTest::newRow("output stride bad") << replaced(QStringLiteral("\"stride\": [4, 5]"),
                                                       QStringLiteral("\"stride\": [4, 0.5]"))
                                           << QStringLiteral("\"stride\" must be [rows, cols]");
        QTest::newRow("reserved output name")
            << replaced(QStringLiteral("\"logits\":"), QStringLiteral("\"router.0\":"))
            << QStringLiteral("reserved");
        for (const char *flops : {"0", "-3", "\"many\"", "1e30"})
            QTest::addRow("flops_per_image %s", flops)
                << replaced(QStringLiteral("\"task\": \"ultrasound\""),
                            QStringLiteral("\"task\": \"ultrasound\", \"flops_per_image\": %1")
                                .arg(QLatin1String(flops)))
                << QStringLiteral("flops_per_image");
    }
    void brokenRules()
    {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        ModelContract c;
        std::string error;
        QVERIFY(!parseContract(json.toStdString(), &c, &error));
        QVERIFY2(QString::fromStdString(error).contains(expected), error.c_str());
    }

    // Sizes a hostile or damaged moescope.json may carry: each is refused with
    // its bounds before anything is allocated from it or multiplied with it,
    // and no exception leaves the parser (a catalog lists such files as broken).
    void hostileSizes_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const char *from, const char *to, const char *words) {
            QTest::newRow(name) << replaced(QLatin1String(from), QLatin1String(to))
                                << QString::fromLatin1(words);
        };
        row("channels 1e10", "\"channels\": 1", "\"channels\": 1e10",
            "\"channels\" must be an integer from 1 to 64");
        row("channels negative", "\"channels\": 1", "\"channels\": -1", "\"channels\" must be");
        row("channels fractional", "\"channels\": 1", "\"channels\": 1.5", "\"channels\" must be");
        row("height 100,000", "\"height\": 32", "\"height\": 100000",
            "\"height\" must be an integer from 1 to 8192");
        row("width INT_MAX", "\"width\": 32", "\"width\": 2147483647", "\"width\" must be");
        row("width past 2^64", "\"width\": 32", "\"width\": 1e30", "\"width\" must be");
        row("64 x 8192 x 8192 values", "\"channels\": 1, \"height\": 32, \"width\": 32",
            "\"channels\": 64, \"height\": 8192, \"width\": 8192", "more than 268435456");
        row("vector size 1e12", "\"size\": 3", "\"size\": 1e12", "\"size\" must be");
        row("experts 5000", "\"experts\": 4", "\"experts\": 5000", "\"experts\" must be");
        row("top_k 1e10", "\"top_k\": 1", "\"top_k\": 1e10", "\"top_k\" must be");
        row("offset near INT_MAX", "\"offset\": 1", "\"offset\": 2147483000",
            "\"offset\" must be an integer from 0 to 16777216");
        row("offset + grid past the last token", "\"offset\": 1", "\"offset\": 16777210",
            "reaches past token 16777216");
        row("token grid side 5000", "\"grid\": [4, 4]", "\"grid\": [5000, 4]",
            "[rows, cols] of integers from 1 to 4096");
        row("token grid INT_MAX x 2", "\"grid\": [4, 4]", "\"grid\": [2147483647, 2]",
            "[rows, cols] of integers");
        row("output grid 4097", "\"grid\": [3, 2]", "\"grid\": [4097, 1]", "[rows, cols]");
        row("window 1e9", "\"window\": [8, 6]", "\"window\": [1e9, 6]", "[rows, cols]");
        row("schema 1e300", "\"schema\": 1", "\"schema\": 1e300", "\"schema\" must be");
        row("number beyond double", "\"schema\": 1", "\"schema\": 1e999", "number overflow");
    }
    void hostileSizes() { brokenRules(); } // the same check, on the rows above

    // A model file damaged after it was saved (one byte of tensor data
    // flipped: LibTorch itself would load and run it) and one holding two
    // moescope.json entries are refused before LibTorch runs them.
    void damagedArchivesAreRefused()
    {
        QTemporaryDir dir;
        const QString source =
            QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/models/moe-vit-shapes-tiny.pt");
        QFile in(source);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        // The largest stored entry (a tensor), from the zip's central
        // directory (LibTorch's local headers leave the sizes to a descriptor).
        qsizetype dataStart = -1, dataSize = 0;
        const auto u16 = [&](qsizetype o) {
            return qFromLittleEndian<quint16>(bytes.constData() + o);
        };
        const auto u32 = [&](qsizetype o) {
            return qFromLittleEndian<quint32>(bytes.constData() + o);
        };
        for (qsizetype at = bytes.indexOf("PK\x01\x02"); at >= 0 && at + 46 <= bytes.size();
             at = bytes.indexOf("PK\x01\x02", at + 4)) {
            const qsizetype size = u32(at + 20), local = u32(at + 42);
            if (size > dataSize && local + 30 <= bytes.size()) {
                dataSize = size;
                dataStart = local + 30 + u16(local + 26) + u16(local + 28);
            }
        }
        QVERIFY(dataStart > 0 && dataSize > 1024);
        bytes[dataStart + dataSize / 2] = char(bytes[dataStart + dataSize / 2] ^ 0x40);
        const QString damaged = dir.filePath(QStringLiteral("damaged.pt"));
        QFile out(damaged);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        std::string error;
        QVERIFY(!Engine::load(damaged.toStdString(), DevicePreference::Cpu, &error));
        QVERIFY2(
            QString::fromStdString(error).contains(QStringLiteral("does not match its checksum")),
            error.c_str());
        QVERIFY2(error.rfind(damaged.toStdString(), 0) == 0, error.c_str()); // names the file

        const QString twice = dir.filePath(QStringLiteral("twice.pt"));
        QVERIFY(QFile::copy(source, twice));
        const int appended = QProcess::execute(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-W"), QStringLiteral("ignore"), QStringLiteral("-c"),
             QStringLiteral(
                 "import sys, zipfile\n"
                 "z = zipfile.ZipFile(sys.argv[1], 'a')\n"
                 "name = [n for n in z.namelist() if n.endswith('/extra/moescope.json')][0]\n"
                 "z.writestr(name, z.read(name))\n"),
             twice});
        QCOMPARE(appended, 0);
        QVERIFY(!Engine::load(twice.toStdString(), DevicePreference::Cpu, &error));
        QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("two moescope.json")),
                 error.c_str());
        ModelContract contract;
        QVERIFY(!readContractFile(twice.toStdString(), &contract, &error));
        QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("two moescope.json")),
                 error.c_str());
        // The undamaged file still loads (the check can pass).
        QVERIFY2(Engine::load(source.toStdString(), DevicePreference::Cpu, &error), error.c_str());
    }

    void jsonReader_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("expected"); // in the error
        QTest::newRow("escapes") << QByteArray(R"({"a": "x\"y\\z\n\u00e9"})") << true << QString();
        QTest::newRow("numbers") << QByteArray(R"([0, -1.5, 2e3, 1E-2])") << true << QString();
        QTest::newRow("nested") << QByteArray(R"({"a": [{"b": [true, false, null]}]})") << true
                                << QString();
        QTest::newRow("trailing comma") << QByteArray(R"([1, 2,])") << false << QString();
        QTest::newRow("unterminated") << QByteArray(R"({"a": "b)") << false << QString();
        QTest::newRow("garbage after") << QByteArray(R"({} x)") << false << QString();
        QTest::newRow("too deep") << QByteArray(100, '[') << false
                                  << QStringLiteral("deeper than 64");
        QTest::newRow("duplicate key") << QByteArray(R"({"a": 1, "b": 2, "a": 3})") << false
                                       << QStringLiteral("\"a\" appears twice");
        QTest::newRow("NUL escaped")
            << QByteArray(R"({"a": "x\u0000y"})") << false << QStringLiteral("NUL");
        QTest::newRow("NUL byte") << QByteArray("{\"a\": 1}\0", 9) << false << QString();
        QTest::newRow("bad escape") << QByteArray(R"({"a": "\q"})") << false << QString();
        QTest::newRow("lone surrogate") << QByteArray(R"({"a": "\ud800"})") << false << QString();
        QTest::newRow("invalid UTF-8")
            << QByteArray("{\"a\": \"\xff\xfe\"}") << false << QStringLiteral("UTF-8");
        QTest::newRow("control character") << QByteArray("{\"a\": \"x\ty\"}") << false << QString();
        QTest::newRow("5 MiB") << ("[\"" + QByteArray(5 << 20, 'x') + "\"]") << false
                               << QStringLiteral("more than the 4194304 allowed");
    }
    void jsonReader()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, ok);
        QFETCH(QString, expected);
        json::Value v;
        std::string error;
        QCOMPARE(json::parse(text.toStdString(), &v, &error), ok);
        QVERIFY2(QString::fromStdString(error).contains(expected), error.c_str());
        if (ok && v.isObject() && v.has("a") && v["a"].isString())
            QCOMPARE(QString::fromStdString(v["a"].string), QStringLiteral("x\"y\\z\né"));
        if (!ok)
            QVERIFY(!error.empty());
    }
};

QTEST_GUILESS_MAIN(TestContract)
#include "tst_contract.moc"
