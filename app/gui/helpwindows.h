#pragma once
// Help: the user guide (docs/user-guide.md with its pictures, shipped in the
// program), the keyboard shortcuts (the window's actions and the views' keys),
// and About with the versions of the libraries in use.

#include <QDialog>

class QMainWindow;
class QTableWidget;
class QTextBrowser;

namespace moescope {
class PluginRegistry;
}

namespace moescope::gui {

// Help ▸ User Guide (F1). Not modal: the guide stays open beside the window.
class UserGuideWindow : public QDialog
{
    Q_OBJECT
public:
    explicit UserGuideWindow(QWidget *parent = nullptr);
    QTextBrowser *browser() const { return m_browser; }
    static QUrl guideUrl();

private:
    QTextBrowser *m_browser = nullptr;
};

// Help ▸ Keyboard Shortcuts: every action of `window` that has one, then the
// keys the image view and the player take.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QMainWindow *window);
    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table = nullptr;
};

// "Qt 6.4.2", "LibTorch 1.13.1", DCMTK, ITK, GDCM, SQLite, then what each
// loaded plugin reads with (GDAL, FFmpeg), for About and bug reports.
QStringList libraryVersions(PluginRegistry &plugins);

} // namespace moescope::gui
