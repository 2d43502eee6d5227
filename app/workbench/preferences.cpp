#include "preferences.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

namespace moescope {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::Preferences)
};

const char *const kDevice = "run/device";
const char *const kThreads = "run/cpuThreads";
const char *const kDatabase = "run/database";
const char *const kRunOnOpen = "run/runOnOpen";
const char *const kLanguage = "ui/language";
const char *const kTheme = "ui/theme";
const char *const kTileCache = "ui/tileCacheMB";
const char *const kKeepPaths = "export/keepPaths";
const char *const kOverlay = "overlay/mode";
const char *const kColormap = "overlay/colormap";
const char *const kOpacity = "overlay/opacity";
const char *const kRecentFiles = "recent/files";
const char *const kRecentModels = "recent/models";
const char *const kGeometry = "window/geometry";
const char *const kPacsNodes = "pacs/nodes";
const char *const kPacsAet = "pacs/aet";
const char *const kState = "window/state";

QString key(const char *k)
{
    return QString::fromLatin1(k);
}
} // namespace

QStringList Preferences::languages()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};
}

QStringList Preferences::themes()
{
    return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
}

Preferences::Preferences()
{
    check();
}

Preferences::Preferences(const QString &iniFile) : m_settings(iniFile, QSettings::IniFormat)
{
    check();
}

namespace {
// QSettings reads almost any bytes as an INI file without a complaint: a file
// that holds no text, or lines that are neither "[section]", "key=value" nor
// comments, was not written by QSettings.
bool looksDamaged(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return false;
    if (!file.open(QIODevice::ReadOnly))
        return true;
    const QByteArray bytes = file.readAll();
    if (bytes.contains('\0'))
        return true;
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8(bytes);
    if (utf8.hasError())
        return true;
    bool continued = false;
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        const bool ok = continued || line.isEmpty() || line.startsWith(QLatin1Char(';')) ||
                        line.startsWith(QLatin1Char('#')) ||
                        (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) ||
                        line.contains(QLatin1Char('='));
        if (!ok)
            return true;
        continued = line.endsWith(QLatin1Char('\\'));
    }
    return false;
}
} // namespace

void Preferences::check()
{
    if (m_settings.status() != QSettings::NoError || looksDamaged(m_settings.fileName())) {
        // Keep the damaged file for whoever wants to look at it; start anew.
        const QString file = m_settings.fileName();
        const QString aside = file + QStringLiteral(".damaged");
        QFile::remove(aside);
        const bool moved = QFile::rename(file, aside);
        m_problems << (moved
                           ? Tr::tr("The settings file %1 could not be read; it was kept as %2 "
                                    "and the defaults are used")
                                 .arg(file, aside)
                           : Tr::tr("The settings file %1 could not be read; the defaults are used")
                                 .arg(file));
        m_settings.clear();
        return;
    }
    // Each value read once here: one that is out of range is said and forgotten.
    device();
    cpuThreads();
    language();
    theme();
    tileCacheMegabytes();
    overlay();
    opacityPercent();
    dropMissing(kRecentFiles, false);
    dropMissing(kRecentModels, true);
}

void Preferences::dropMissing(const char *k, bool models)
{
    QStringList gone;
    QStringList kept;
    for (const QString &path : pathList(k)) {
        if (QFileInfo::exists(path))
            kept << path;
        else
            gone << QFileInfo(path).fileName();
    }
    if (gone.isEmpty())
        return;
    m_settings.setValue(key(k), kept);
    const QString names = gone.join(QStringLiteral(", "));
    m_problems << (models ? Tr::tr("%n recent model(s) no longer there, removed from the list: %1",
                                   nullptr, int(gone.size()))
                                .arg(names)
                          : Tr::tr("%n recent file(s) no longer there, removed from the list: %1",
                                   nullptr, int(gone.size()))
                                .arg(names));
}

QString Preferences::choice(const char *k, const QStringList &allowed,
                            const QString &fallback) const
{
    const QVariant v = m_settings.value(key(k));
    if (!v.isValid())
        return fallback;
    const QString s = v.toString();
    if (allowed.contains(s))
        return s;
    auto *self = const_cast<Preferences *>(this);
    self->m_problems << Tr::tr("Setting %1 = \"%2\" is not one of %3; %4 is used")
                            .arg(key(k), s, allowed.join(QStringLiteral(", ")),
                                 fallback.isEmpty() ? Tr::tr("the default") : fallback);
    self->m_settings.remove(key(k));
    return fallback;
}

int Preferences::number(const char *k, int minimum, int maximum, int fallback) const
{
    const QVariant v = m_settings.value(key(k));
    if (!v.isValid())
        return fallback;
    bool ok = false;
    const int n = v.toString().toInt(&ok);
    if (ok && n >= minimum && n <= maximum)
        return n;
    auto *self = const_cast<Preferences *>(this);
    self->m_problems << Tr::tr("Setting %1 = \"%2\" is not a number from %3 to %4; %5 is used")
                            .arg(key(k), v.toString())
                            .arg(minimum)
                            .arg(maximum)
                            .arg(fallback);
    self->m_settings.remove(key(k));
    return fallback;
}

QString Preferences::device() const
{
    return choice(kDevice, {QStringLiteral("auto"), QStringLiteral("cpu"), QStringLiteral("cuda")},
                  QStringLiteral("auto"));
}

void Preferences::setDevice(const QString &device)
{
    m_settings.setValue(key(kDevice), device);
}

int Preferences::cpuThreads() const
{
    return number(kThreads, 0, 1024, 0);
}

void Preferences::setCpuThreads(int threads)
{
    m_settings.setValue(key(kThreads), threads);
}

QString Preferences::runDatabase() const
{
    return m_settings.value(key(kDatabase)).toString();
}

void Preferences::setRunDatabase(const QString &path)
{
    m_settings.setValue(key(kDatabase), path);
}

QString Preferences::language() const
{
    // Any language code is taken here; whether its translation is there is
    // the application's to say (it knows where translations live).
    const QString l = m_settings.value(key(kLanguage)).toString();
    static const QRegularExpression code(QStringLiteral("^([a-z]{2,3}(_[A-Z]{2})?)?$"));
    return code.match(l).hasMatch() ? l : choice(kLanguage, languages(), QString());
}

void Preferences::setLanguage(const QString &language)
{
    m_settings.setValue(key(kLanguage), language);
}

QString Preferences::theme() const
{
    return choice(kTheme, themes(), QStringLiteral("system"));
}

void Preferences::setTheme(const QString &theme)
{
    m_settings.setValue(key(kTheme), theme);
}

bool Preferences::runOnOpen() const
{
    return m_settings.value(key(kRunOnOpen), false).toBool();
}

void Preferences::setRunOnOpen(bool run)
{
    m_settings.setValue(key(kRunOnOpen), run);
}

int Preferences::tileCacheMegabytes() const
{
    return number(kTileCache, 16, 16384, 192);
}

void Preferences::setTileCacheMegabytes(int megabytes)
{
    m_settings.setValue(key(kTileCache), megabytes);
}

bool Preferences::keepPaths() const
{
    return m_settings.value(key(kKeepPaths), false).toBool();
}

void Preferences::setKeepPaths(bool keep)
{
    m_settings.setValue(key(kKeepPaths), keep);
}

QString Preferences::overlay() const
{
    return choice(kOverlay,
                  {QStringLiteral("top1"), QStringLiteral("entropy"), QStringLiteral("none")},
                  QStringLiteral("top1"));
}

QString Preferences::colormap() const
{
    return m_settings.value(key(kColormap)).toString();
}

int Preferences::opacityPercent() const
{
    return number(kOpacity, 0, 100, 55);
}

void Preferences::setOverlayStyle(const QString &overlay, const QString &colormap,
                                  int opacityPercent)
{
    m_settings.setValue(key(kOverlay), overlay);
    m_settings.setValue(key(kColormap), colormap);
    m_settings.setValue(key(kOpacity), opacityPercent);
}

QStringList Preferences::pathList(const char *k) const
{
    const QVariant v = m_settings.value(key(k));
    return v.typeId() == QMetaType::QStringList || v.typeId() == QMetaType::QString
               ? v.toStringList()
               : QStringList();
}

void Preferences::pushPath(const char *k, const QString &path)
{
    QStringList list = pathList(k);
    const QString absolute = QFileInfo(path).absoluteFilePath();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kRecentMax)
        list.removeLast();
    m_settings.setValue(key(k), list);
}

QStringList Preferences::recentFiles() const
{
    return pathList(kRecentFiles);
}

void Preferences::addRecentFile(const QString &path)
{
    pushPath(kRecentFiles, path);
}

void Preferences::removeRecentFile(const QString &path)
{
    QStringList list = pathList(kRecentFiles);
    list.removeAll(path);
    m_settings.setValue(key(kRecentFiles), list);
}

QStringList Preferences::recentModels() const
{
    return pathList(kRecentModels);
}

void Preferences::addRecentModel(const QString &path)
{
    pushPath(kRecentModels, path);
}

void Preferences::clearRecent()
{
    m_settings.remove(key(kRecentFiles));
    m_settings.remove(key(kRecentModels));
}

QByteArray Preferences::windowGeometry() const
{
    return m_settings.value(key(kGeometry)).toByteArray();
}

QByteArray Preferences::windowState() const
{
    return m_settings.value(key(kState)).toByteArray();
}

void Preferences::setWindowLayout(const QByteArray &geometry, const QByteArray &state)
{
    m_settings.setValue(key(kGeometry), geometry);
    m_settings.setValue(key(kState), state);
}

QByteArray Preferences::splitterState(const QString &name) const
{
    return m_settings.value(QStringLiteral("splitters/") + name).toByteArray();
}

void Preferences::setSplitterState(const QString &name, const QByteArray &state)
{
    m_settings.setValue(QStringLiteral("splitters/") + name, state);
}

void Preferences::dropWindowLayout()
{
    m_settings.remove(key(kGeometry));
    m_settings.remove(key(kState));
    m_settings.remove(QStringLiteral("splitters"));
}

QList<pacs::Node> Preferences::pacsNodes() const
{
    QList<pacs::Node> nodes =
        pacs::nodesFromStrings(m_settings.value(key(kPacsNodes)).toStringList());
    const QString aet = pacsAeTitle();
    for (pacs::Node &node : nodes)
        node.callingAet = aet;
    return nodes;
}

void Preferences::setPacsNodes(const QList<pacs::Node> &nodes)
{
    m_settings.setValue(key(kPacsNodes), pacs::nodesToStrings(nodes));
}

QString Preferences::pacsAeTitle() const
{
    const QString aet = m_settings.value(key(kPacsAet)).toString().trimmed();
    return aet.isEmpty() || aet.size() > 16 ? QStringLiteral("MOESCOPE") : aet;
}

void Preferences::setPacsAeTitle(const QString &aet)
{
    m_settings.setValue(key(kPacsAet), aet.trimmed());
}

} // namespace moescope
