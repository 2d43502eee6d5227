// The C++ engine and Python torch give the same outputs and routing for the
// same inputs (max abs diff <= 1e-4), for every bundled reference model and
// the fixture models. The references come from make_parity_reference.py.
#include "model/engine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace moescope::model;

namespace {
const QString kDir = QStringLiteral(MOESCOPE_TEST_DATA_DIR "/parity");
}

class TestParity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameAsPython_data()
    {
        QTest::addColumn<QString>("name");
        QFile index(kDir + QStringLiteral("/index.json"));
        QVERIFY2(index.open(QIODevice::ReadOnly), qPrintable(index.fileName()));
        const QJsonArray names = QJsonDocument::fromJson(index.readAll()).array();
        QVERIFY(!names.isEmpty());
        for (const QJsonValue &n : names)
            QTest::newRow(qPrintable(n.toString())) << n.toString();
    }

    void sameAsPython()
    {
        QFETCH(QString, name);
        QFile refFile(kDir + QLatin1Char('/') + name + QStringLiteral(".json"));
        QVERIFY(refFile.open(QIODevice::ReadOnly));
        const QJsonObject ref = QJsonDocument::fromJson(refFile.readAll()).object();
        QFile bin(kDir + QLatin1Char('/') + name + QStringLiteral(".inputs.bin"));
        QVERIFY(bin.open(QIODevice::ReadOnly));
        const QByteArray bytes = bin.readAll();

        std::string error;
        auto engine = Engine::load(ref[QStringLiteral("model")].toString().toStdString(),
                                   DevicePreference::Cpu, &error);
        QVERIFY2(engine, error.c_str());

        InputBatch batch;
        batch.batch = ref[QStringLiteral("batch")].toInt();
        qsizetype offset = 0;
        for (const QJsonValue &v : ref[QStringLiteral("inputs")].toArray()) {
            const QJsonObject in = v.toObject();
            qsizetype count = 1;
            for (const QJsonValue &d : in[QStringLiteral("shape")].toArray())
                count *= d.toInt();
            const std::string inputName = in[QStringLiteral("name")].toString().toStdString();
            const QString kind = in[QStringLiteral("kind")].toString();
            if (in[QStringLiteral("dtype")].toString() == QLatin1String("int64")) {
                std::vector<int64_t> values(static_cast<size_t>(count));
                memcpy(values.data(), bytes.constData() + offset, size_t(count) * 8);
                batch.indices[inputName] = values;
                offset += count * 8;
            } else {
                std::vector<float> values(static_cast<size_t>(count));
                memcpy(values.data(), bytes.constData() + offset, size_t(count) * 4);
                offset += count * 4;
                if (kind == QLatin1String("image"))
                    batch.images[inputName] = values;
                else if (kind == QLatin1String("vector"))
                    batch.vectors[inputName] = values;
                else
                    batch.expertMask = values;
            }
        }
        QCOMPARE(offset, bytes.size());

        ForwardResult result;
        QVERIFY2(engine->forward(batch, &result, &error), error.c_str());
        const QJsonObject outputs = ref[QStringLiteral("outputs")].toObject();
        int compared = 0;
        for (auto it = outputs.begin(); it != outputs.end(); ++it) {
            const std::string key = it.key().toStdString();
            const HostTensor *mine = nullptr;
            if (result.outputs.count(key))
                mine = &result.outputs.at(key);
            for (size_t i = 0; i < result.router.size(); ++i) {
                if (key == "router." + std::to_string(i))
                    mine = &result.router[i];
                if (key == "dispatch." + std::to_string(i))
                    mine = &result.dispatch[i];
            }
            QVERIFY2(mine && !mine->isEmpty(), key.c_str());
            const QJsonArray values = it.value().toObject()[QStringLiteral("values")].toArray();
            QCOMPARE(qsizetype(mine->values.size()), values.size());
            double maxDiff = 0;
            for (qsizetype i = 0; i < values.size(); ++i)
                maxDiff = std::max(
                    maxDiff, std::abs(double(mine->values[size_t(i)]) - values[i].toDouble()));
            QVERIFY2(maxDiff <= 1e-4,
                     qPrintable(QStringLiteral("%1: max abs diff %2").arg(it.key()).arg(maxDiff)));
            ++compared;
        }
        QVERIFY(compared >= 2);
    }
};

QTEST_GUILESS_MAIN(TestParity)
#include "tst_parity.moc"
