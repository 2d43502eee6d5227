// Routing maths on hand-made router tensors whose answers are known.
#include "routing/routing.h"

#include <QTest>

#include <cmath>

using namespace moescope::routing;

namespace {

// A 2×2 grid after one class token, 3 experts.
LayerRouting sample()
{
    LayerRouting l;
    l.name = "blocks.1.mlp";
    l.experts = 3;
    l.tokens = 5;
    l.grids = {TokenGrid{"image", 1, 2, 2}};
    l.probs = {
        0.0f,     0.0f,     1.0f,     // class token: not spatial
        0.7f,     0.2f,     0.1f,     // (0,0) → expert 0
        0.1f,     0.8f,     0.1f,     // (0,1) → expert 1
        0.6f,     0.3f,     0.1f,     // (1,0) → expert 0
        1.0f / 3, 1.0f / 3, 1.0f / 3, // (1,1) uniform: ties go to the first expert
    };
    return l;
}

} // namespace

class TestRouting : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadCountsSpatialTokensOnly()
    {
        const LayerSummary s = summarize(sample());
        QVERIFY(s.spatial);
        QCOMPARE(s.countedTokens, 4);
        QCOMPARE(s.load[0], 0.75);
        QCOMPARE(s.load[1], 0.25);
        QCOMPARE(s.load[2], 0.0); // the class token's expert 2 is not counted
        double sum = 0;
        for (double v : s.load)
            sum += v;
        QCOMPARE(sum, 1.0);
    }

    void perImageDecisionCountsAllTokens()
    {
        LayerRouting l;
        l.experts = 4;
        l.tokens = 1;
        l.probs = {0.1f, 0.6f, 0.2f, 0.1f};
        const LayerSummary s = summarize(l);
        QVERIFY(!s.spatial);
        QCOMPARE(s.countedTokens, 1);
        QCOMPARE(s.load[1], 1.0);
        QCOMPARE(s.meanProb[2], double(0.2f));
    }

    void entropy_data()
    {
        QTest::addColumn<int>("token");
        QTest::addColumn<double>("expected");
        QTest::newRow("one-hot") << 0 << 0.0;
        QTest::newRow("uniform") << 4 << std::log(3.0);
        QTest::newRow("skewed") << 1
                                << -(0.7 * std::log(0.7) + 0.2 * std::log(0.2) +
                                     0.1 * std::log(0.1));
    }
    void entropy()
    {
        QFETCH(int, token);
        QFETCH(double, expected);
        QVERIFY(std::abs(tokenEntropy(sample(), token) - expected) < 1e-6);
    }

    void mapsFollowTheGrid()
    {
        const LayerRouting l = sample();
        const TokenGrid &g = l.grids.front();
        const std::vector<float> e1 = expertMap(l, g, 1);
        QCOMPARE(e1.size(), size_t(4));
        QCOMPARE(e1[1], 0.8f); // row 0, col 1
        const std::vector<int> top = top1Map(l, g);
        QCOMPARE(top, (std::vector<int>{0, 1, 0, 0}));
        const std::vector<float> h = entropyMap(l, g);
        QVERIFY(h[3] > h[0]);
        QVERIFY(gridFor(l, "image") == &l.grids.front());
        QVERIFY(gridFor(l, "template") == nullptr);
    }

    void validate_data()
    {
        QTest::addColumn<int>("corrupt");
        QTest::addColumn<QString>("expectedWords");
        QTest::newRow("valid") << 0 << QString();
        QTest::newRow("nan") << 1 << QStringLiteral("NaN");
        QTest::newRow("row-sum") << 2 << QStringLiteral("sums to");
        QTest::newRow("negative") << 3 << QStringLiteral("negative");
        QTest::newRow("grid-too-big") << 4 << QStringLiteral("does not fit");
        QTest::newRow("size") << 5 << QStringLiteral("router values");
    }
    void validate()
    {
        QFETCH(int, corrupt);
        QFETCH(QString, expectedWords);
        LayerRouting l = sample();
        switch (corrupt) {
        case 1:
            l.probs[4] = std::nanf("");
            break;
        case 2:
            l.probs[3] = 0.9f;
            break;
        case 3:
            l.probs[3] = -0.5f;
            l.probs[4] = 1.3f;
            break;
        case 4:
            l.grids.front().rows = 3;
            break;
        case 5:
            l.probs.pop_back();
            break;
        default:
            break;
        }
        const QString why = QString::fromStdString(moescope::routing::validate(l));
        if (expectedWords.isEmpty())
            QVERIFY2(why.isEmpty(), qPrintable(why));
        else
            QVERIFY2(why.contains(expectedWords), qPrintable(why));
    }

    void expertNamesFallBack()
    {
        LayerRouting l = sample();
        QCOMPARE(l.expertName(2), std::string("expert 2"));
        l.expertNames = {"water", "urban", "vegetation"};
        QCOMPARE(l.expertName(1), std::string("urban"));
    }
};

QTEST_GUILESS_MAIN(TestRouting)
#include "tst_routing.moc"
