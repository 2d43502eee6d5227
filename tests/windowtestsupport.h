#pragma once
// What the window tests of issue 13 share (tst_comparisonwindow,
// tst_explaingui): three stored runs made with moescope-cli, and a
// comparison opened and waited for.
#include "clitestsupport.h"
#include "comparisonwindow.h"
#include "mainwindow.h"
#include "runcomparison.h"

#include <QSignalSpy>

inline const QString kSamples = QStringLiteral(MOESCOPE_SOURCE_DIR "/resources/samples/");

// Into `db`: run 1, moe-vit-shapes-tiny on the square; run 2, the same with
// expert 1 of layer 0 off; run 3, the ring. Empty, or the CLI's error.
inline QString makeShapeRuns(const QString &db)
{
    const QList<QStringList> runs = {
        {"--input", kSamples + "shapes-square.png"},
        {"--input", kSamples + "shapes-square.png", "--disable-expert", "0:1"},
        {"--input", kSamples + "shapes-ring.png"}};
    for (const QStringList &args : runs) {
        const CliResult r = runCli(
            QStringList{"run", "--model", "moe-vit-shapes-tiny", "--db", db, "--json"} + args);
        if (r.code != 0)
            return QString::fromUtf8(r.err);
    }
    return {};
}

// The window's comparison of runs `a` and `b`, once both are shown; null when it failed.
inline moescope::gui::ComparisonWindow *openComparison(moescope::gui::MainWindow &window, qint64 a,
                                                       qint64 b)
{
    moescope::gui::ComparisonWindow *compared = window.compareRuns(a, b);
    if (!compared)
        return nullptr;
    QSignalSpy shown(compared, &moescope::gui::ComparisonWindow::shown);
    if (!compared->comparison()->isReady() && !shown.wait(30000))
        return nullptr;
    return compared;
}
