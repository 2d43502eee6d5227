#include "sceneoptions.h"

#include "options.h"

namespace moescope::cli {

namespace {
const QCommandLineOption &tileOption()
{
    static const QCommandLineOption o(
        QStringLiteral("tile"), Tr::tr("Scene pixels a tile side (default: the model's input)."),
        QStringLiteral("N"));
    return o;
}
const QCommandLineOption &overlapOption()
{
    static const QCommandLineOption o(QStringLiteral("overlap"),
                                      Tr::tr("Pixels neighbouring tiles share (default: a quarter "
                                             "of a tile)."),
                                      QStringLiteral("N"));
    return o;
}
const QCommandLineOption &bandOption()
{
    static const QCommandLineOption o(QStringLiteral("band"),
                                      Tr::tr("A band the model sees (VV, HH...); repeat for more."),
                                      QStringLiteral("NAME"));
    return o;
}
const QCommandLineOption &filterOption()
{
    static const QCommandLineOption o(
        QStringLiteral("filter"),
        Tr::tr("Speckle filter before the model: none, lee, refined-lee or frost."),
        QStringLiteral("NAME"));
    return o;
}
const QCommandLineOption &regionOption()
{
    static const QCommandLineOption o(QStringLiteral("region"),
                                      Tr::tr("Run over this part of the scene only."),
                                      QStringLiteral("X,Y,W,H"));
    return o;
}
const QCommandLineOption &cogOption()
{
    static const QCommandLineOption o(
        QStringLiteral("cog"),
        Tr::tr("Write a scene's rasters as Cloud-Optimised GeoTIFFs (with overviews; slower)."));
    return o;
}
const QCommandLineOption &initOption()
{
    static const QCommandLineOption o(
        QStringLiteral("init"),
        Tr::tr("A tracker's initial box on the first frame run (default: the ground truth's)."),
        QStringLiteral("X,Y,W,H"));
    return o;
}
const QCommandLineOption &batchOption()
{
    static const QCommandLineOption o(QStringLiteral("batch"),
                                      Tr::tr("Steps (tiles, frames) per forward call."),
                                      QStringLiteral("N"));
    return o;
}

bool positive(const QCommandLineParser &parser, const QCommandLineOption &option, int minimum,
              int *value, QString *error)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    *value = parser.value(option).toInt(&ok);
    if (!ok || *value < minimum) {
        *error = Tr::tr("--%1 takes a whole number of at least %2, not \"%3\"")
                     .arg(option.names().first())
                     .arg(minimum)
                     .arg(parser.value(option));
        return false;
    }
    return true;
}
} // namespace

QList<QCommandLineOption> sceneRunOptions()
{
    return {tileOption(),   overlapOption(), bandOption(), filterOption(),
            regionOption(), cogOption(),     initOption(), batchOption()};
}

bool readSceneRunOptions(const QCommandLineParser &parser, QVariantMap *extra, int *batch,
                         QString *error)
{
    int tile = 0, overlap = 0;
    if (!positive(parser, tileOption(), 1, &tile, error) ||
        !positive(parser, overlapOption(), 0, &overlap, error) ||
        !positive(parser, batchOption(), 1, batch, error))
        return false;
    if (parser.isSet(tileOption()))
        extra->insert(QStringLiteral("tile"), tile);
    if (parser.isSet(overlapOption()))
        extra->insert(QStringLiteral("overlap"), overlap);
    if (parser.isSet(bandOption()))
        extra->insert(QStringLiteral("bands"), parser.values(bandOption()));
    if (parser.isSet(filterOption()))
        extra->insert(QStringLiteral("filter"), parser.value(filterOption()));
    if (parser.isSet(initOption()))
        extra->insert(QStringLiteral("init_box"), parser.value(initOption()));
    if (parser.isSet(cogOption()))
        extra->insert(QStringLiteral("raster_layout"), QStringLiteral("cog"));
    if (parser.isSet(regionOption())) {
        const QStringList parts = parser.value(regionOption()).split(QLatin1Char(','));
        bool ok = parts.size() == 4;
        for (const QString &p : parts) {
            bool number = false;
            p.toInt(&number);
            ok = ok && number;
        }
        if (!ok) {
            *error = Tr::tr("--region takes X,Y,W,H, not \"%1\"").arg(parser.value(regionOption()));
            return false;
        }
        extra->insert(QStringLiteral("region"), parser.value(regionOption()));
    }
    return true;
}

} // namespace moescope::cli
