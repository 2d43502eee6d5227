#include "helpwindows.h"

#include "image/imageloader.h"
#include "model/engine.h"
#include "plugin/pluginregistry.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMainWindow>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTextBrowser>
#include <QUuid>
#include <QVBoxLayout>

namespace moescope::gui {

QUrl UserGuideWindow::guideUrl()
{
    return QUrl(QStringLiteral("qrc:/help/user-guide.md"));
}

UserGuideWindow::UserGuideWindow(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("userGuide"));
    setWindowTitle(tr("MoEScope User Guide"));
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    auto *back = new QPushButton(tr("Back"), this);
    auto *home = new QPushButton(tr("Contents"), this);
    bar->addWidget(back);
    bar->addWidget(home);
    bar->addStretch(1);
    layout->addLayout(bar);
    m_browser = new QTextBrowser(this);
    m_browser->setOpenExternalLinks(true);
    m_browser->setSource(guideUrl(), QTextDocument::MarkdownResource);
    layout->addWidget(m_browser, 1);
    connect(back, &QPushButton::clicked, m_browser, &QTextBrowser::backward);
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QPushButton::setEnabled);
    back->setEnabled(false);
    connect(home, &QPushButton::clicked, m_browser, &QTextBrowser::home);
    resize(900, 760);
}

ShortcutsDialog::ShortcutsDialog(QMainWindow *window) : QDialog(window)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    QList<QPair<QString, QString>> rows;
    for (const QAction *action : window->findChildren<QAction *>()) {
        if (action->shortcut().isEmpty() || action->text().isEmpty())
            continue;
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        rows.append({text, action->shortcut().toString(QKeySequence::NativeText)});
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // Keys the views take directly (not actions).
    rows += {{tr("Play or pause a cine"), tr("Space")},
             {tr("Previous / next frame"), tr("← / →")},
             {tr("Zoom the image view"), tr("Wheel, pinch, + / −")},
             {tr("Fit / actual size"), tr("0 / 1")},
             {tr("Step slices of a series"), tr("Wheel (Ctrl+wheel zooms)")},
             {tr("Window / level of a series"), tr("Right-drag")},
             {tr("Pan"), tr("Drag")},
             {tr("What's This? on a control"),
              QKeySequence(QKeySequence::WhatsThis).toString(QKeySequence::NativeText)}};
    m_table = new QTableWidget(int(rows.size()), 2, this);
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    for (int r = 0; r < rows.size(); ++r) {
        m_table->setItem(r, 0, new QTableWidgetItem(rows[r].first));
        m_table->setItem(r, 1, new QTableWidgetItem(rows[r].second));
    }
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 620);
}

QStringList libraryVersions(PluginRegistry &plugins)
{
    QStringList out{
        QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion())),
        QStringLiteral("LibTorch %1").arg(QString::fromStdString(model::Engine::torchVersion()))};
    out += ImageLoader::libraryVersions();
    {
        // SQLite as Qt's driver links it (not the headers' version).
        const QString name = QUuid::createUuid().toString();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(QStringLiteral(":memory:"));
            QSqlQuery q(db);
            if (db.open() && q.exec(QStringLiteral("select sqlite_version()")) && q.next())
                out << QStringLiteral("SQLite %1").arg(q.value(0).toString());
        }
        QSqlDatabase::removeDatabase(name);
    }
    for (const PluginInfo &info : plugins.plugins()) {
        if (info.builtIn)
            continue;
        const QObject *plugin = plugins.pluginObject(info.id);
        const QString versions =
            plugin ? plugin->property("libraryVersions").toString() : QString();
        if (!versions.isEmpty())
            out << versions;
    }
    return out;
}

} // namespace moescope::gui
