#pragma once
// `info` for the pictures the host opens itself (images, DICOM files and
// series, volumes), as a shared library of its own (moescope_cli_info): the
// launcher dlopen()s it only when `info` is asked, so ITK and DCMTK load
// neither for --help nor before exec'ing the engine, and the engine links it
// for the files a plugin declines.

#include "image/imageloader.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace moescope::cli {

// The image's warnings as the CLI words them (info and run).
QStringList imageWarnings(const ImageStack &image, const LoadOptions &options);
// Prints `path`'s metadata (and a folder's series) on `out`, as text or JSON;
// returns the exit code, with one line on `err` when the file cannot be read.
int imageInfo(const QString &path, const LoadOptions &options, bool json, QTextStream &out,
              QTextStream &err);

} // namespace moescope::cli

// imageInfo() by a name dlsym() finds.
extern "C" int moescope_cli_image_info(const QString &path, const QString &seriesUid, bool json,
                                       QTextStream &out, QTextStream &err);
