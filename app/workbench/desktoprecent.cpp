#include "desktoprecent.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDomDocument>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

namespace moescope {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::DesktopRecent)
};

const QString kBookmarkNs =
    QStringLiteral("http://www.freedesktop.org/standards/desktop-bookmarks");
const QString kMimeNs = QStringLiteral("http://www.freedesktop.org/standards/shared-mime-info");
} // namespace

QString desktopRecentFilesPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/recently-used.xbel");
}

bool addToDesktopRecentFiles(const QString &path, QString *error, const QString &xbelFile)
{
    const QString file = xbelFile.isEmpty() ? desktopRecentFilesPath() : xbelFile;
    QDomDocument doc;
    QFile in(file);
    if (in.exists()) {
        if (!in.open(QIODevice::ReadOnly) || !doc.setContent(&in, true) ||
            doc.documentElement().tagName() != QLatin1String("xbel")) {
            *error = Tr::tr("%1: not a list of recent files this program can update; left as it is")
                         .arg(file);
            return false;
        }
        in.close();
    } else {
        doc.setContent(
            QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                           "<xbel version=\"1.0\" xmlns:bookmark=\"%1\" xmlns:mime=\"%2\"/>")
                .arg(kBookmarkNs, kMimeNs),
            true);
    }
    const QString href =
        QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded);
    const QString now =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"));
    const QString app = QCoreApplication::applicationName();

    QDomElement root = doc.documentElement();
    QDomElement bookmark;
    for (QDomElement b = root.firstChildElement(QStringLiteral("bookmark")); !b.isNull();
         b = b.nextSiblingElement(QStringLiteral("bookmark")))
        if (b.attribute(QStringLiteral("href")) == href)
            bookmark = b;
    if (bookmark.isNull()) {
        bookmark = doc.createElement(QStringLiteral("bookmark"));
        bookmark.setAttribute(QStringLiteral("href"), href);
        bookmark.setAttribute(QStringLiteral("added"), now);
        root.appendChild(bookmark);
    }
    bookmark.setAttribute(QStringLiteral("modified"), now);
    bookmark.setAttribute(QStringLiteral("visited"), now);

    QDomElement info = bookmark.firstChildElement(QStringLiteral("info"));
    if (info.isNull())
        info = bookmark.appendChild(doc.createElement(QStringLiteral("info"))).toElement();
    QDomElement metadata = info.firstChildElement(QStringLiteral("metadata"));
    if (metadata.isNull()) {
        metadata = info.appendChild(doc.createElement(QStringLiteral("metadata"))).toElement();
        metadata.setAttribute(QStringLiteral("owner"), QStringLiteral("http://freedesktop.org"));
    }
    QDomElement mime =
        metadata.elementsByTagNameNS(kMimeNs, QStringLiteral("mime-type")).item(0).toElement();
    if (mime.isNull())
        mime = metadata.appendChild(doc.createElementNS(kMimeNs, QStringLiteral("mime:mime-type")))
                   .toElement();
    mime.setAttribute(QStringLiteral("type"), QMimeDatabase().mimeTypeForFile(path).name());
    QDomElement apps = metadata.elementsByTagNameNS(kBookmarkNs, QStringLiteral("applications"))
                           .item(0)
                           .toElement();
    if (apps.isNull())
        apps = metadata
                   .appendChild(
                       doc.createElementNS(kBookmarkNs, QStringLiteral("bookmark:applications")))
                   .toElement();
    QDomElement mine;
    const QDomNodeList listed =
        apps.elementsByTagNameNS(kBookmarkNs, QStringLiteral("application"));
    for (int i = 0; i < listed.size(); ++i)
        if (listed.item(i).toElement().attribute(QStringLiteral("name")) == app)
            mine = listed.item(i).toElement();
    if (mine.isNull()) {
        mine = apps.appendChild(
                       doc.createElementNS(kBookmarkNs, QStringLiteral("bookmark:application")))
                   .toElement();
        mine.setAttribute(QStringLiteral("name"), app);
        mine.setAttribute(QStringLiteral("exec"), QStringLiteral("'moescope %u'"));
    }
    mine.setAttribute(QStringLiteral("modified"), now);
    mine.setAttribute(QStringLiteral("count"), mine.attribute(QStringLiteral("count")).toInt() + 1);

    QDir().mkpath(QFileInfo(file).absolutePath());
    QSaveFile out(file); // written whole or not at all: the desktop reads it any time
    if (!out.open(QIODevice::WriteOnly) || out.write(doc.toByteArray(2)) < 0 || !out.commit()) {
        *error = Tr::tr("%1: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

} // namespace moescope
