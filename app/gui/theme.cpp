#include "theme.h"

#include "jobs/coretext.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QLibraryInfo>
#include <QLocale>
#include <QPalette>
#include <QPointer>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

namespace moescope::gui {

namespace {
struct SystemLook
{
    QString style;
    QPalette palette;
};

SystemLook &systemLook()
{
    // What the platform gave, before any theme replaced it.
    static SystemLook look{QApplication::style()->name(), QApplication::palette()};
    return look;
}

// Charts draw their own background, axes and labels: they follow the
// palette's darkness, set when a chart view is first polished (before its
// series, whose colours the code sets, are added) and when the theme changes.
class ChartThemer : public QObject
{
public:
    using QObject::QObject;
    static void style(QChartView *view)
    {
        const QChart::ChartTheme theme =
            darkPaletteInUse() ? QChart::ChartThemeDark : QChart::ChartThemeLight;
        if (view->chart() && view->chart()->theme() != theme)
            view->chart()->setTheme(theme);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Polish)
            if (auto *view = qobject_cast<QChartView *>(watched))
                style(view);
        return QObject::eventFilter(watched, event);
    }
};

void styleCharts()
{
    static ChartThemer *themer = [] {
        auto *t = new ChartThemer(qApp);
        qApp->installEventFilter(t);
        return t;
    }();
    Q_UNUSED(themer);
    for (QWidget *top : QApplication::topLevelWidgets())
        for (QChartView *view : top->findChildren<QChartView *>())
            ChartThemer::style(view);
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(45, 47, 52), base(30, 32, 36), text(225, 228, 232), disabled(128, 132, 138),
        highlight(61, 125, 202);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(60, 63, 70));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(150, 155, 162));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 90, 90));
    p.setColor(QPalette::Light, QColor(70, 73, 80));
    p.setColor(QPalette::Midlight, QColor(58, 61, 67));
    p.setColor(QPalette::Mid, QColor(38, 40, 44));
    p.setColor(QPalette::Dark, QColor(25, 26, 29));
    p.setColor(QPalette::Shadow, QColor(10, 10, 12));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(110, 168, 230));
    p.setColor(QPalette::LinkVisited, QColor(170, 140, 220));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(80, 82, 88));
    return p;
}
} // namespace

void applyTheme(const QString &theme)
{
    const SystemLook &system = systemLook();
    if (theme == QLatin1String("dark") || theme == QLatin1String("light")) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(theme == QLatin1String("dark")
                                     ? darkPalette()
                                     : QApplication::style()->standardPalette());
    } else {
        QApplication::setStyle(QStyleFactory::create(system.style));
        QApplication::setPalette(system.palette);
    }
    styleCharts();
}

bool darkPaletteInUse()
{
    const QPalette p = QApplication::palette();
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

QIcon appIcon(const QString &name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(name));
}

QString installTranslations(const QString &language)
{
    static QPointer<QTranslator> qtTranslator, appTranslator;
    for (QTranslator *old : {qtTranslator.data(), appTranslator.data()}) {
        if (old) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    qtTranslator = new QTranslator(qApp);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    appTranslator = new QTranslator(qApp);
    QString problem;
    if (appTranslator->load(locale, QStringLiteral("moescope"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(appTranslator);
    else if (!language.isEmpty() && !language.startsWith(QLatin1String("en")))
        problem = QCoreApplication::translate("main", "No translation for \"%1\" (moescope_%1.qm) "
                                                      "is installed; English is shown")
                      .arg(language);
    installCoreTranslator(); // the model's and the contract's messages follow
    return problem;
}

} // namespace moescope::gui
