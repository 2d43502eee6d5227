#include "overviewcache.h"
#include "gdalerrors.h"
#include "sartr.h"

#include <gdal_priv.h>
#include <gdal_utils.h>

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QStandardPaths>

#include <vector>

namespace moescope::sar::overviewcache {

QString ensure(const QString &datasetName, const QByteArray &sha256, QString *error)
{
    // One build at a time in the process: two views of one product wait for
    // the same file instead of writing it twice.
    static QMutex building;
    QMutexLocker lock(&building);
    const QDir dir(directory());
    const QString path =
        dir.filePath(QString::fromLatin1(sha256.left(32)) + QStringLiteral(".tif"));
    if (QFile::exists(path))
        return path;
    if (!dir.mkpath(QStringLiteral("."))) {
        *error = Tr::tr("%1: cannot create the overview cache").arg(dir.path());
        return {};
    }
    const QString partial = path + QStringLiteral(".building");
    CapturedGdalErrors errors;
    GDALDatasetH source = GDALOpen(datasetName.toUtf8().constData(), GA_ReadOnly);
    if (!source) {
        *error = QStringLiteral("%1: %2").arg(datasetName,
                                              errors.lastErrorOr(Tr::tr("cannot be opened")));
        return {};
    }
    const QByteArray percent = QByteArray::number(100.0 / kFactor, 'f', 4);
    std::vector<QByteArray> args{"-of",
                                 "GTiff",
                                 "-ot",
                                 "Float32",
                                 "-outsize",
                                 percent + "%",
                                 percent + "%",
                                 "-r",
                                 "average",
                                 "-co",
                                 "TILED=YES",
                                 "-co",
                                 "COMPRESS=DEFLATE",
                                 "-co",
                                 "BIGTIFF=IF_SAFER",
                                 "-q"};
    std::vector<char *> argv;
    for (QByteArray &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    GDALTranslateOptions *options = GDALTranslateOptionsNew(argv.data(), nullptr);
    GDALDatasetH built = GDALTranslate(partial.toUtf8().constData(), source, options, nullptr);
    GDALTranslateOptionsFree(options);
    GDALClose(source);
    bool ok = built != nullptr;
    if (ok) {
        // Its own pyramid, so that the whole scene at 512 pixels is cheap too.
        int levels[] = {2, 4, 8, 16};
        ok = GDALBuildOverviews(built, "AVERAGE", 4, levels, 0, nullptr, nullptr, nullptr) ==
             CE_None;
        GDALClose(built);
    }
    if (!ok || !QFile::rename(partial, path)) {
        QFile::remove(partial);
        *error = QStringLiteral("%1: %2").arg(
            path, errors.lastErrorOr(Tr::tr("the display overview could not be written")));
        return {};
    }
    return path;
}

} // namespace moescope::sar::overviewcache
