// Runs every file of the given files and folders (recursively, in name order)
// through the harness once, as libFuzzer does when given files: the normal
// build's way to run the regression corpus without clang. A crash or a
// sanitizer report ends the process with a non-zero status, naming the file
// last started on stderr.
#include "fuzzsupport.h"

#include <QByteArray>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(path).isDir()) {
            QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
        } else {
            files << path;
        }
    }
    std::sort(files.begin(), files.end());
    if (files.isEmpty()) {
        std::fprintf(stderr, "fuzzreplay: no input files\n");
        return 2;
    }
    QElapsedTimer total;
    total.start();
    qint64 slowestMs = -1;
    QString slowest;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "fuzzreplay: cannot read %s\n", qPrintable(path));
            return 2;
        }
        const QByteArray bytes = file.readAll();
        std::fprintf(stderr, "fuzzreplay: %s\n", qPrintable(path));
        std::fflush(stderr);
        QElapsedTimer one;
        one.start();
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()),
                               size_t(bytes.size()));
        if (one.elapsed() > slowestMs) {
            slowestMs = one.elapsed();
            slowest = path;
        }
    }
    std::fprintf(stderr, "fuzzreplay: %lld inputs ran in %lld ms; slowest %lld ms (%s)\n",
                 static_cast<long long>(files.size()), static_cast<long long>(total.elapsed()),
                 static_cast<long long>(slowestMs), qPrintable(slowest));
    return 0;
}
