// Image → model input as the contract says: the 8-bit path, the "windows"
// path over raw samples (CT in HU), the bilinear resampling that matches
// torch's interpolate(align_corners=False), crops, and a second image input.
#include "plugin/genericplugin.h"
#include "plugin/preprocess.h"

#include <QTest>

using namespace moescope;

namespace {

ImageStack greyStack(int width, int height, std::vector<float> values)
{
    ImageStack s;
    s.width = width;
    s.height = height;
    s.channels = 1;
    s.frameCount = 1;
    s.samples = std::move(values);
    s.updateRange();
    return s;
}

model::InputSpec windowedSpec(int size, std::vector<model::InputSpec::Window> windows)
{
    model::InputSpec spec;
    spec.name = "image";
    spec.kind = model::InputKind::Image;
    spec.channels = int(windows.size());
    spec.width = spec.height = size;
    spec.mean.assign(windows.size(), 0.0f);
    spec.std.assign(windows.size(), 1.0f);
    spec.windows = std::move(windows);
    return spec;
}

} // namespace

class TestPreprocess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bilinearMatchesTorch_data()
    {
        QTest::addColumn<int>("inSize");
        QTest::addColumn<int>("outSize");
        QTest::addColumn<QList<float>>("row"); // input row (image is that row repeated)
        QTest::addColumn<QList<float>>("expected");
        // torch.nn.functional.interpolate(x, size, mode="bilinear", align_corners=False)
        QTest::newRow("down 2x = 2x2 mean")
            << 4 << 2 << QList<float>{0, 10, 20, 40} << QList<float>{5, 30};
        QTest::newRow("up 2x, edges clamped")
            << 2 << 4 << QList<float>{0, 100} << QList<float>{0, 25, 75, 100};
        QTest::newRow("same size") << 3 << 3 << QList<float>{1, 2, 3} << QList<float>{1, 2, 3};
    }
    void bilinearMatchesTorch()
    {
        QFETCH(int, inSize);
        QFETCH(int, outSize);
        QFETCH(QList<float>, row);
        QFETCH(QList<float>, expected);
        std::vector<float> values;
        for (int y = 0; y < inSize; ++y)
            values.insert(values.end(), row.begin(), row.end());
        const ImageStack s = greyStack(inSize, inSize, values);
        const std::vector<float> out = resampledFrame(s, 0, outSize, outSize);
        QCOMPARE(out.size(), size_t(outSize * outSize));
        for (int y = 0; y < outSize; ++y)
            for (int x = 0; x < outSize; ++x)
                QCOMPARE(out[size_t(y * outSize + x)], expected[x]);
    }

    void huWindowsPerChannel()
    {
        // -1000 HU (air), 40 HU (soft tissue), 1000 HU (bone), 0 HU (water)
        const ImageStack ct = greyStack(2, 2, {-1000, 40, 1000, 0});
        model::InputSpec spec = windowedSpec(2, {{-600, 1500}, {40, 400}, {400, 1800}});
        spec.mean = {0.5f, 0.5f, 0.5f};
        spec.std = {0.25f, 0.25f, 0.25f};
        const std::vector<float> v = imageInputValues(ct, 0, spec);
        QCOMPARE(v.size(), size_t(12));
        auto expect = [&](int c, int i, float windowed) {
            const float got = v[size_t(c * 4 + i)];
            QVERIFY2(qAbs(got - (windowed - 0.5f) / 0.25f) < 1e-5f,
                     qPrintable(QStringLiteral("channel %1 pixel %2: %3").arg(c).arg(i).arg(got)));
        };
        // lung window [-1350, 150]
        expect(0, 0, 350.0f / 1500);
        expect(0, 2, 1.0f);
        // soft tissue [-160, 240]
        expect(1, 0, 0.0f);
        expect(1, 1, 0.5f);
        expect(1, 3, 0.4f);
        // bone [-500, 1300]
        expect(2, 2, 1500.0f / 1800);
        // The display window does not change what a windowed model sees.
        QCOMPARE(imageInputValues(ct, 0, spec, WindowLevel{0, 10}), v);
    }

    void cropSelectsTheRegion()
    {
        // Left half 0, right half 100: cropping to the right half gives 100 everywhere.
        const ImageStack s = greyStack(4, 2, {0, 0, 100, 100, 0, 0, 100, 100});
        const std::vector<float> out = resampledFrame(s, 0, 2, 2, QRect(2, 0, 2, 2));
        for (float v : out)
            QCOMPARE(v, 100.0f);
        model::InputSpec spec;
        spec.name = "image";
        spec.channels = 1;
        spec.width = spec.height = 2;
        spec.mean = {0};
        spec.std = {1};
        const QImage view = modelView(s.fromQImage(s.toQImage(0, WindowLevel{50, 100})), 0, spec,
                                      {}, QRect(2, 0, 2, 2));
        QCOMPARE(view.size(), QSize(2, 2));
        QCOMPARE(qGray(view.pixel(0, 0)), 255);
    }

    void secondImageInputTakesItsOwnPicture()
    {
        model::ModelContract contract;
        model::InputSpec a = windowedSpec(2, {{50, 100}});
        a.name = "search";
        model::InputSpec b = a;
        b.name = "template";
        contract.inputs = {a, b};
        PrepareOptions options;
        options.images["template"] =
            QSharedPointer<const ImageStack>::create(greyStack(2, 2, {100, 100, 100, 100}));
        const ImageStack run = greyStack(2, 2, {0, 0, 0, 0});
        model::InputBatch batch;
        QString error;
        QVERIFY(GenericTaskPlugin().prepare(contract, run, 0, options, &batch, &error));
        QCOMPARE(batch.images["search"], std::vector<float>(4, 0.0f));
        QCOMPARE(batch.images["template"], std::vector<float>(4, 1.0f));
    }
};

QTEST_GUILESS_MAIN(TestPreprocess)
#include "tst_preprocess.moc"
