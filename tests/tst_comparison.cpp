// Routing comparison figures (core/routing/comparison.h) on hand-made router
// tensors whose answers were worked out by hand (bits throughout).
#include "routing/comparison.h"
#include "routing/paths.h"
#include "routing/signature.h"

#include <QTest>

#include <cmath>

using namespace moescope::routing;

namespace {

// A 2×2 grid after one class token, 3 experts (as tst_routing's).
LayerRouting sample()
{
    LayerRouting l;
    l.name = "blocks.1.mlp";
    l.experts = 3;
    l.tokens = 5;
    l.grids = {TokenGrid{"image", 1, 2, 2}};
    l.probs = {
        0.0f, 0.0f, 1.0f, // class token: not compared
        0.7f, 0.2f, 0.1f, // (0,0) → expert 0
        0.1f, 0.8f, 0.1f, // (0,1) → expert 1
        0.6f, 0.3f, 0.1f, // (1,0) → expert 0
        0.5f, 0.3f, 0.2f, // (1,1) → expert 0
    };
    return l;
}

} // namespace

class TestComparison : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsDivergence_data()
    {
        QTest::addColumn<QList<float>>("p");
        QTest::addColumn<QList<float>>("q");
        QTest::addColumn<double>("expected");
        QTest::newRow("same") << QList<float>{0.2f, 0.8f} << QList<float>{0.2f, 0.8f} << 0.0;
        QTest::newRow("disjoint") << QList<float>{1, 0} << QList<float>{0, 1} << 1.0;
        // m = (0.75, 0.25): ½(0.20752 + 0.41504)
        QTest::newRow("half") << QList<float>{0.5f, 0.5f} << QList<float>{1, 0} << 0.311278;
        // m = (0.1, 0.45, 0.45): both KL terms 0.447067
        QTest::newRow("three") << QList<float>{0.1f, 0.8f, 0.1f} << QList<float>{0.1f, 0.1f, 0.8f}
                               << 0.447067;
    }
    void jsDivergence()
    {
        QFETCH(QList<float>, p);
        QFETCH(QList<float>, q);
        QFETCH(double, expected);
        QVERIFY(std::abs(moescope::routing::jsDivergence(p.data(), q.data(), int(p.size())) -
                         expected) < 1e-5);
    }

    void entropy()
    {
        const float uniform[4] = {0.25f, 0.25f, 0.25f, 0.25f};
        const float half[2] = {0.5f, 0.5f};
        const float sure[3] = {0, 1, 0};
        QCOMPARE(entropyBits(uniform, 4), 2.0);
        QCOMPARE(entropyBits(half, 2), 1.0);
        QCOMPARE(entropyBits(sure, 3), 0.0);
    }

    void sameRoutingAgreesEverywhere()
    {
        const LayerComparison c = compareLayers(sample(), sample());
        QVERIFY(c.tokenWise);
        QCOMPARE(c.tokens, 4);
        QCOMPARE(c.agreement, 1.0);
        QCOMPARE(c.meanJs, 0.0);
        QCOMPARE(c.meanJaccard, 1.0);
        QCOMPARE(c.entropyChange, 0.0);
        QCOMPARE(c.loadJs, 0.0);
    }

    void oneTokenMoved()
    {
        // Token (0,1) goes from expert 1 to expert 2.
        LayerRouting b = sample();
        b.probs[6] = 0.1f;
        b.probs[7] = 0.1f;
        b.probs[8] = 0.8f;
        const LayerComparison c = compareLayers(sample(), b);
        QVERIFY(c.tokenWise);
        QCOMPARE(c.agreement, 0.75);
        QCOMPARE(c.agreementMap, std::vector<float>({1, 0, 1, 1}));
        QVERIFY(std::abs(c.jsMap[1] - 0.447067) < 1e-5);
        QVERIFY(std::abs(c.meanJs - 0.447067 / 4) < 1e-5);
        // Top-2 sets (a dense router): {0, 1} and {0, 2} (ties to the lower
        // expert) share one of three experts.
        QVERIFY(std::abs(c.meanJaccard - (3 + 1.0 / 3) / 4) < 1e-9);
        QVERIFY(std::abs(c.entropyChange) < 1e-6); // the same numbers, permuted
        // Loads (0.75, 0.25, 0) and (0.75, 0, 0.25): m = (0.75, 0.125, 0.125).
        QVERIFY(std::abs(c.loadJs - 0.25) < 1e-9);
    }

    void differentShapesCompareLoadsOnly_data()
    {
        QTest::addColumn<int>("experts");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("why");
        QTest::newRow("4 experts") << 4 << 2 << "3 and 4 experts";
        QTest::newRow("1x4 grid") << 3 << 1 << "token grids differ (2x2 and 1x4)";
    }
    void differentShapesCompareLoadsOnly()
    {
        QFETCH(int, experts);
        QFETCH(int, rows);
        QFETCH(QString, why);
        LayerRouting b;
        b.name = "other";
        b.experts = experts;
        b.tokens = 4;
        b.grids = {TokenGrid{"image", 0, rows, 4 / rows}};
        b.probs.assign(size_t(4 * experts), 0.0f);
        for (int t = 0; t < 4; ++t)
            b.probs[size_t(t * experts)] = 1.0f; // all to expert 0, entropy 0
        const LayerComparison c = compareLayers(sample(), b);
        QVERIFY(!c.tokenWise);
        QVERIFY2(QString::fromStdString(c.reason).contains(why), c.reason.c_str());
        QVERIFY(c.agreementMap.empty());
        QVERIFY(c.entropyA > 0);
        QCOMPARE(c.entropyB, 0.0);
        QCOMPARE(c.loadJs >= 0, experts == 3);
    }

    void expertPaths()
    {
        // Layer 0 top-1: (0,1,0,0); layer 1 (2 experts): (1,1,0,1); a layer
        // without a grid between them is left out of the path.
        LayerRouting a = sample();
        LayerRouting gate;
        gate.name = "task.gate";
        gate.experts = 2;
        gate.tokens = 1;
        gate.probs = {0.5f, 0.5f};
        LayerRouting b;
        b.name = "blocks.3.mlp";
        b.experts = 2;
        b.tokens = 5;
        b.grids = {TokenGrid{"image", 1, 2, 2}};
        b.probs = {1, 0, 0.2f, 0.8f, 0.1f, 0.9f, 0.6f, 0.4f, 0.3f, 0.7f};
        const ExpertPaths p = moescope::routing::expertPaths({a, gate, b});
        QCOMPARE(p.input, std::string("image"));
        QCOMPARE(p.layers, (std::vector<int>{0, 2}));
        QCOMPARE(p.tokens, 4);
        QVERIFY(QString::fromStdString(p.reason).contains(QStringLiteral("task.gate")));
        // 3×2: from 0 → {1, 0, 1}: (0→0) 1, (0→1) 2; from 1 → 1: (1→1) 1.
        QCOMPARE(p.coactivation(0), (std::vector<int>{1, 2, 0, 1, 0, 0}));
        QCOMPARE(p.nodeCount(0, 0), 3);
        QCOMPARE(p.nodeCount(1, 1), 3);
        QCOMPARE(p.onPath(0, 0, 1), (std::vector<bool>{true, false, false, true}));
        QCOMPARE(p.onPath(0, 0, -1), (std::vector<bool>{true, false, true, true}));
        // A region of the right column only.
        const ExpertPaths right =
            moescope::routing::expertPaths({a, b}, {}, {false, true, false, true});
        QCOMPARE(right.tokens, 2);
        QCOMPARE(right.coactivation(0), (std::vector<int>{0, 1, 0, 1, 0, 0}));
    }

    void signatures()
    {
        // One layer of two experts: all to expert 1, half and half, all to expert 0.
        const std::vector<Signature> s = {Signature{{{0.0, 1.0}}}, Signature{{{0.5, 0.5}}},
                                          Signature{{{1.0, 0.0}}}};
        QCOMPARE(signatureSimilarity(s[0], s[0]), 1.0);
        QCOMPARE(signatureSimilarity(s[0], s[2]), 0.0); // disjoint: JS 1 bit
        QVERIFY(std::abs(signatureSimilarity(s[0], s[1]) - (1 - 0.311278)) < 1e-5);
        QCOMPARE(signatureSimilarity(s[0], Signature{{{0.2, 0.3, 0.5}}}), -1.0);
        // Centred, they lie on (1, -1)/sqrt(2): scores -0.7071, 0, 0.7071, no second component.
        const auto xy = projectSignatures(s);
        QVERIFY(std::abs(xy[0].first + std::sqrt(0.5)) < 1e-6);
        QVERIFY(std::abs(xy[1].first) < 1e-9);
        QVERIFY(std::abs(xy[2].first - std::sqrt(0.5)) < 1e-6);
        for (const auto &p : xy)
            QVERIFY(std::abs(p.second) < 1e-6);
        // Signatures with no experts at all lie at the origin (nothing to spread).
        const auto none = projectSignatures({Signature{}, Signature{}});
        QCOMPARE(none.size(), size_t(2));
        QCOMPARE(none[1], (std::pair<double, double>{0, 0}));
    }
};

QTEST_MAIN(TestComparison)
#include "tst_comparison.moc"
