#include "fuzzsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>
#include <memory>

namespace moescope::fuzz {

namespace {
std::unique_ptr<QTemporaryDir> folder;
} // namespace

void initialise(int *argc, char ***argv)
{
    setenv("MOESCOPE_MAX_DECODED_MB", "8", 1);
    // Loaders' library chatter would drown libFuzzer's own report.
    setenv("QT_LOGGING_RULES", "*.debug=false;*.warning=false", 0);
    // Never destroyed: libFuzzer leaves through exit() from deep inside its
    // driver, after the statics a QCoreApplication's destructor touches.
    static int applicationArgc = 1;
    static char *applicationArgv[] = {(*argv)[0], nullptr};
    (void)argc;
    new QCoreApplication(applicationArgc, applicationArgv);
    folder =
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/moescope-fuzz-XXXXXX"));
    if (!folder->isValid())
        qFatal("cannot create a temporary folder under %s", qPrintable(QDir::tempPath()));
}

QString writeInput(const QString &name, const uint8_t *data, size_t size)
{
    const QString path = folder->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void removeInput(const QString &name)
{
    QFile::remove(folder->filePath(name));
}

} // namespace moescope::fuzz

// One for every harness: libFuzzer calls it before the first input,
// fuzzreplay.cpp before the corpus.
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    moescope::fuzz::initialise(argc, argv);
    return 0;
}
