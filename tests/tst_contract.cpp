// moescope.json parsing: each rule of the contract refused with its message.
#include "model/contract.h"
#include "model/json.h"
#include "text/text.h"

#include <QTest>

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
            << QStringLiteral("\"experts\" must be an integer >= 1");
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

    void jsonReader_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("escapes") << QStringLiteral(R"({"a": "x\"y\\z\n\u00e9"})") << true;
        QTest::newRow("numbers") << QStringLiteral(R"([0, -1.5, 2e3, 1E-2])") << true;
        QTest::newRow("nested") << QStringLiteral(R"({"a": [{"b": [true, false, null]}]})") << true;
        QTest::newRow("trailing comma") << QStringLiteral(R"([1, 2,])") << false;
        QTest::newRow("unterminated") << QStringLiteral(R"({"a": "b)") << false;
        QTest::newRow("garbage after") << QStringLiteral(R"({} x)") << false;
        QTest::newRow("too deep") << QString(100, QLatin1Char('[')) << false;
    }
    void jsonReader()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        json::Value v;
        std::string error;
        QCOMPARE(json::parse(text.toStdString(), &v, &error), ok);
        if (ok && v.isObject() && v.has("a") && v["a"].isString())
            QCOMPARE(QString::fromStdString(v["a"].string), QStringLiteral("x\"y\\z\né"));
        if (!ok)
            QVERIFY(!error.empty());
    }
};

QTEST_GUILESS_MAIN(TestContract)
#include "tst_contract.moc"
