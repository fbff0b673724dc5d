// The window's shape: pane sizes survive a restart (QSettings), and a banner
// never moves the grid.
#include "BuildController.h"
#include "MainWindow.h"
#include "MatrixView.h"
#include "RecipePreview.h"
#include "itemmodels/MatrixModel.h"

#include <QDockWidget>
#include <QLabel>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QtTest>

using namespace vs;

namespace {
// Where the grid's first cell sits in the window, and how big it is.
QRect firstCellInWindow(MainWindow &w)
{
    MatrixView *view = w.matrixView();
    const QRect cell = view->visualRect(view->model()->index(0, 0));
    return QRect(view->viewport()->mapTo(&w, cell.topLeft()), cell.size());
}
} // namespace

class TestWindowLayout : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("VariantStudioTest"));
        QStandardPaths::setTestModeEnabled(true);
    }

    void init() { QSettings().remove(QStringLiteral("window")); }

    void firstStartGivesThePreviewRoomToRead()
    {
        MainWindow w;
        w.resize(1580, 980);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QList<int> sizes = w.splitter()->sizes();
        QCOMPARE(sizes.size(), 2);
        // As wide as a recipe's lines, or half the room; the grid keeps every column.
        QVERIFY2(sizes[1] >= qMin(w.preview()->readerWidth(), (sizes[0] + sizes[1]) / 2) - 2, qPrintable(QString::number(sizes[1])));
        QVERIFY2(sizes[0] >= w.matrixView()->allColumnsWidth(), qPrintable(QString::number(sizes[0])));
        QVERIFY(w.matrixView()->horizontalScrollBar()->maximum() == 0);
    }

    void paneSizesAreRememberedAcrossRuns()
    {
        QList<int> split;
        int branchWidth = 0, logHeight = 0;
        {
            MainWindow w;
            w.resize(1400, 900);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            // Sizes no default would give: what the user dragged to.
            w.resizeDocks({ w.branchDock() }, { 300 }, Qt::Horizontal);
            w.resizeDocks({ w.builds()->logDock() }, { 240 }, Qt::Vertical);
            QTRY_COMPARE(w.branchDock()->width(), 300);
            const QList<int> before = w.splitter()->sizes();
            w.splitter()->setSizes({ before[0] + before[1] - 380, 380 });
            split = w.splitter()->sizes();
            branchWidth = w.branchDock()->width();
            logHeight = w.builds()->logDock()->height();
            QCOMPARE(split[1], 380);
            QVERIFY(w.close()); // closing remembers
        }
        MainWindow again;
        // The offscreen screen is smaller: restoreGeometry fits the window into it, a desktop would not.
        again.resize(1400, 900);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QTRY_COMPARE(again.splitter()->sizes(), split);
        QCOMPARE(again.branchDock()->width(), branchWidth);
        QCOMPARE(again.builds()->logDock()->height(), logHeight);
        // Selecting and reading do not change them.
        again.matrixView()->setCurrentIndex(again.matrixView()->model()->index(2, 2));
        QTest::qWait(50);
        QCOMPARE(again.splitter()->sizes(), split);
        QCOMPARE(again.branchDock()->width(), branchWidth);
    }

    void aBannerDoesNotMoveTheGrid()
    {
        MainWindow w;
        w.resize(1580, 980);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.showBanner({});
        QCoreApplication::processEvents();
        const QRect cell = firstCellInWindow(w);
        const QRect viewRect = w.matrixView()->geometry();
        const QList<int> split = w.splitter()->sizes();
        // A long message with an unbreakable path, as a failed open shows.
        w.showBanner(QStringLiteral("Cannot open /home/someone/src/%1/pytorch-builds: not a git repository")
                         .arg(QStringLiteral("very-long-folder-name-").repeated(8)));
        QTRY_VERIFY(!w.bannerText().isEmpty());
        QCoreApplication::processEvents();
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("messageBanner"))->isVisible());
        QCOMPARE(firstCellInWindow(w), cell);
        QCOMPARE(w.matrixView()->geometry(), viewRect);
        QCOMPARE(w.splitter()->sizes(), split);
        w.showBanner({});
        QCoreApplication::processEvents();
        QCOMPARE(firstCellInWindow(w), cell);
    }
};

QTEST_MAIN(TestWindowLayout)
#include "test_window_layout.moc"
