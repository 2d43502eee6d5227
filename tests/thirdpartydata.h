#pragma once
// Third-party test files the test set-up installs (cmake/setup-debian.sh
// --tests): python3-pydicom's test files and insighttoolkit5-examples' data.
// Tests that read them skip, naming the package, where they are absent.

#include <QCryptographicHash>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTest>

inline QString pydicomDir()
{
    const QStringList candidates = {
        qEnvironmentVariable("MOESCOPE_PYDICOM_TEST_FILES"),
        QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files"),
    };
    for (const QString &dir : candidates) {
        if (!dir.isEmpty() && QFile::exists(dir + QStringLiteral("/CT_small.dcm")))
            return dir;
    }
    return {};
}

inline QString itkDataDir()
{
    const QStringList candidates = {
        qEnvironmentVariable("MOESCOPE_ITK_EXAMPLE_DATA"),
        QStringLiteral("/usr/share/doc/insighttoolkit5-examples/examples/Data"),
        QStringLiteral("/usr/share/ITK-5.2/examples/Data"),
    };
    for (const QString &dir : candidates) {
        if (!dir.isEmpty() && QFile::exists(dir + QStringLiteral("/BrainProtonDensity3Slices.mha")))
            return dir;
    }
    return {};
}

#define REQUIRE_FILE(var, dirFunction, package, name)                                              \
    const QString var##Dir = dirFunction();                                                        \
    if (var##Dir.isEmpty())                                                                        \
        QSKIP("test data not installed: apt install " package " (cmake/setup-debian.sh --tests)"); \
    const QString var = var##Dir + QLatin1Char('/') + (name);                                      \
    if (!QFile::exists(var))                                                                       \
        QSKIP(qPrintable(QStringLiteral("%1 is not in this version of " package).arg(name)));

#define REQUIRE_PYDICOM(var, name) REQUIRE_FILE(var, pydicomDir, "python3-pydicom", name)
#define REQUIRE_ITK_DATA(var, name) REQUIRE_FILE(var, itkDataDir, "insighttoolkit5-examples", name)
