#pragma once
// What the loader tests share: loading a file that must load, writing and
// reading bytes, and the SHA-256 the loaders key an image by.
#include "image/imageloader.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QStringList>
#include <QtGlobal>

inline moescope::ImageStack mustLoad(const QString &path)
{
    moescope::LoadError error;
    std::optional<moescope::ImageStack> stack = moescope::ImageLoader::load(path, &error);
    if (!stack) {
        qWarning("load failed: %s", qPrintable(error.message()));
        return {};
    }
    return *stack;
}

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

inline QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The SHA-256 (hex) of the files' bytes one after another, as the loaders
// key an image; empty when one cannot be read.
inline QByteArray sha256Hex(const QStringList &paths)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &path : paths) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        hash.addData(f.readAll());
    }
    return hash.result().toHex();
}
