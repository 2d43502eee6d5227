// File ▸ Open from PACS… against a real Orthanc (tests/data/check_pacs.sh):
// the nodes in Settings, a search, a study and its series, the series
// retrieved and opened in the window; a node that fails says so in one line
// while the window keeps answering.
#include "mainwindow.h"
#include "pacsbrowser.h"
#include "pacsdialog.h"
#include "preferences.h"
#include "settingsdialog.h"
#include "silentnode.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace moescope;
using namespace moescope::gui;

class TestPacsGui : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_address; // ORTHANC@127.0.0.1:4242

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_address = qEnvironmentVariable("MOESCOPE_TEST_PACS");
        QVERIFY2(!m_address.isEmpty(), "run through tests/data/check_pacs.sh (ctest tst_pacsgui)");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MoEScope"));
        QCoreApplication::setApplicationName(QStringLiteral("MoEScope"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_tmp.filePath("config"));
    }

    // Nodes are the user's, kept in the settings; a bad one is refused
    // with its reason and nothing is saved.
    void nodesInSettings_data()
    {
        QTest::addColumn<QStringList>("row");
        QTest::addColumn<QString>("problem"); // empty: saved
        QTest::newRow("valid") << QStringList{"Lab", "ORTHANC", "127.0.0.1", "4242"} << "";
        QTest::newRow("port not a number")
            << QStringList{"Lab", "ORTHANC", "127.0.0.1", "x"} << "is not a DICOM node";
        QTest::newRow("AE title too long")
            << QStringList{"Lab", "ABCDEFGHIJKLMNOPQ", "h", "104"} << "is not an AE title";
        QTest::newRow("no name") << QStringList{"", "ORTHANC", "h", "104"} << "needs a name";
    }
    void nodesInSettings()
    {
        QFETCH(QStringList, row);
        QFETCH(QString, problem);
        QSettings().clear();
        Preferences preferences;
        SettingsDialog dialog(&preferences, false);
        QTableWidget *table = dialog.pacsNodesTable();
        QCOMPARE(table->rowCount(), 0);
        table->insertRow(0);
        for (int c = 0; c < row.size(); ++c)
            table->setItem(0, c, new QTableWidgetItem(row[c]));
        dialog.pacsAeTitleEdit()->setText(QStringLiteral("WORKBENCH7"));
        QCOMPARE(dialog.apply(), problem.isEmpty());
        const QList<pacs::Node> saved = Preferences().pacsNodes();
        if (!problem.isEmpty()) {
            QVERIFY(saved.isEmpty());
            bool said = false;
            for (const QLabel *l : dialog.findChildren<QLabel *>())
                said = said || (l->text().contains(problem) && !l->isHidden());
            QVERIFY2(said, qPrintable(problem));
            return;
        }
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved[0].name, QStringLiteral("Lab"));
        QCOMPARE(saved[0].address(), QStringLiteral("ORTHANC@127.0.0.1:4242"));
        QCOMPARE(saved[0].callingAet, QStringLiteral("WORKBENCH7"));
        // Read back by a second dialog.
        SettingsDialog again(&preferences, false);
        QCOMPARE(again.pacsNodesTable()->rowCount(), 1);
        QCOMPARE(again.pacsNodesTable()->item(0, 2)->text(), QStringLiteral("127.0.0.1"));
    }

    // A configured node, a search by patient ID, the study's one series
    // retrieved and opened in the window.
    void searchRetrieveOpen()
    {
        QSettings().clear();
        // A series in the cache from an earlier run would be opened from there.
        QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
             QStringLiteral("/pacs"))
            .removeRecursively();
        {
            Preferences preferences;
            pacs::Node node = *pacs::Node::parse(m_address, nullptr);
            node.name = QStringLiteral("Test PACS");
            preferences.setPacsNodes({node});
        }
        MainWindow window(m_tmp.filePath("runs.sqlite"));
        window.resize(1200, 800);
        window.show();
        PacsDialog *dialog = window.showPacsDialog();
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->nodeCombo()->count(), 1);
        QVERIFY(dialog->nodeCombo()->currentText().startsWith(QLatin1String("Test PACS (")));
        dialog->patientIdEdit()->setText(QStringLiteral("MOESCOPE-PACS-SERIES"));
        QTest::mouseClick(dialog->searchButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->studiesView()->model()->rowCount(), 1, 15000);
        // One study: it is selected and its series listed, one, selected.
        QTRY_COMPARE_WITH_TIMEOUT(dialog->seriesView()->model()->rowCount(), 1, 15000);
        QCOMPARE(dialog->seriesView()->model()->index(0, 2).data().toString(),
                 QStringLiteral("12"));
        QTRY_VERIFY(dialog->openButton()->isEnabled());
        // Pictures to look at, where asked for (MOESCOPE_TEST_SHOTS=DIR).
        const QString shots = qEnvironmentVariable("MOESCOPE_TEST_SHOTS");
        if (!shots.isEmpty())
            QVERIFY(dialog->grab().save(shots + QStringLiteral("/pacs-dialog.png")));
        QSignalSpy loaded(&window, &MainWindow::imageLoaded);
        QSignalSpy retrieved(dialog, &PacsDialog::seriesRetrieved);
        QTest::mouseClick(dialog->openButton(), Qt::LeftButton);
        QVERIFY(retrieved.wait(30000));
        const QString folder = retrieved.first().first().toString();
        QVERIFY2(folder.startsWith(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)),
                 qPrintable(folder));
        QVERIFY(loaded.wait(60000) || !loaded.isEmpty());
        QCOMPARE(loaded.first().first().toString(), folder);
        QVERIFY(window.displayedImage());
        QCOMPARE(window.displayedImage()->frameCount, 12); // the series, as one volume
        if (!shots.isEmpty())
            QVERIFY(window.grab().save(shots + QStringLiteral("/pacs-window.png")));
    }

    // A node that never answers: the dialog says so after its timeout, and
    // the window's event loop runs all the while.
    void failingNodeKeepsWindowResponsive_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("never answers") << "silent"
                                       << "no answer within 2 s";
        QTest::newRow("refuses the connection") << "closed"
                                                << "connection refused";
        QTest::newRow("no such node name") << "name"
                                           << "no DICOM node is named";
    }
    void failingNodeKeepsWindowResponsive()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        std::optional<SilentNode> silent;
        QString address;
        if (kind == QLatin1String("silent")) {
            silent.emplace();
            QVERIFY(silent->port() > 0);
            address = QStringLiteral("SILENT@127.0.0.1:%1").arg(silent->port());
        } else if (kind == QLatin1String("closed")) {
            address = QStringLiteral("NOBODY@127.0.0.1:9");
        } else {
            address = QStringLiteral("Cardiology");
        }
        PacsDialog dialog({}, QStringLiteral("MOESCOPE"));
        dialog.setTimeoutSeconds(2);
        dialog.show();
        dialog.nodeCombo()->setEditText(address);
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&] { ++ticks; });
        timer.start(20);
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(dialog.searchButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.statusLabel()->text().contains(expected), 15000);
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(!dialog.statusLabel()->text().contains(QLatin1Char('\n')),
                 qPrintable(dialog.statusLabel()->text()));
        QVERIFY(dialog.searchButton()->isEnabled()); // ready for another try
        QVERIFY(!dialog.cancelButton()->isEnabled());
        // The event loop kept running: at least half the timer's ticks.
        QVERIFY2(ticks >= elapsed / 40,
                 qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(elapsed)));
    }
};

QTEST_MAIN(TestPacsGui)
#include "tst_pacsgui.moc"
