#pragma once
// Edit ▸ Settings…: the device, CPU threads, run database, language, theme,
// running on open, the tile cache and whether exports name folders, written
// to Preferences on OK. What needs a restart (language, threads, database)
// says so.

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QLabel;
class QTableWidget;

namespace moescope {
class Preferences;
}

namespace moescope::gui {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(Preferences *preferences, bool cudaAvailable, QWidget *parent = nullptr);

    // The dialog's values into the preferences (what OK does); false, with
    // the reason shown, when a PACS node is not valid (nothing is saved).
    bool apply();

    QComboBox *deviceCombo() const { return m_device; }
    QSpinBox *threadsSpin() const { return m_threads; }
    QLineEdit *databaseEdit() const { return m_database; }
    QComboBox *languageCombo() const { return m_language; }
    QComboBox *themeCombo() const { return m_theme; }
    QCheckBox *runOnOpenCheck() const { return m_runOnOpen; }
    QSpinBox *cacheSpin() const { return m_cache; }
    QCheckBox *keepPathsCheck() const { return m_keepPaths; }
    QTableWidget *pacsNodesTable() const { return m_pacsNodes; }
    QLineEdit *pacsAeTitleEdit() const { return m_pacsAet; }

private:
    QWidget *buildPacsNodes();

    Preferences *m_preferences;
    QComboBox *m_device = nullptr;
    QSpinBox *m_threads = nullptr;
    QLineEdit *m_database = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    QCheckBox *m_runOnOpen = nullptr;
    QSpinBox *m_cache = nullptr;
    QCheckBox *m_keepPaths = nullptr;
    QTableWidget *m_pacsNodes = nullptr;
    QLineEdit *m_pacsAet = nullptr;
    QLabel *m_pacsProblem = nullptr;
};

} // namespace moescope::gui
