#include "CellStatusColors.h"
#include "MainWindow.h"
#include "MatrixView.h"
#include "itemmodels/MatrixModel.h"

#include <QComboBox>
#include <QLabel>
#include <QtTest>

using namespace vs;

class TestWindowPlan : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("VariantStudioTest"));
        QStandardPaths::setTestModeEnabled(true);
    }

    void planModeShowsIncompatibleCells()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        MatrixModel *m = w.matrixModel();
        QVERIFY(m->isPlan());
        auto *banner = w.findChild<QLabel *>(QStringLiteral("messageBanner"));
        QVERIFY(banner && banner->isVisible());

        auto *cuda = w.findChild<QComboBox *>(QStringLiteral("cudaSelector"));
        QVERIFY(cuda);
        cuda->setCurrentIndex(cuda->findData(QStringLiteral("12_8")));
        QCOMPARE(m->cuda(), QStringLiteral("12_8"));
        QCOMPARE(m->statusCounts().value(CellStatus::Incompatible), 21);
        auto *counts = w.findChild<QLabel *>(QStringLiteral("statusCounts"));
        QVERIFY(counts->text().contains(QStringLiteral("21 incompatible")));

        // The delegate paints the status colour: look at the pixels of two cells.
        MatrixView *view = w.matrixView();
        const QModelIndex sm110
            = view->model()->index(m->indexOf(*VariantName::parse(QStringLiteral("pytorch-python313-cuda12_8-sm110-avx2"))).row(), 1);
        const QModelIndex sm90
            = view->model()->index(m->indexOf(*VariantName::parse(QStringLiteral("pytorch-python313-cuda12_8-sm90-avx2"))).row(), 1);
        QCOMPARE(sm110.data(MatrixModel::StatusTextRole).toString(), QStringLiteral("incompatible"));
        QVERIFY(sm110.data(Qt::ToolTipRole).toString().contains(QStringLiteral("needs CUDA 13.0")));
        const QImage image = view->viewport()->grab().toImage();
        const bool dark = view->palette().color(QPalette::Window).lightness() < 128;
        auto pixelAt = [&](const QModelIndex &i) {
            const QRect r = view->visualRect(i);
            return image.pixelColor(QPoint(r.left() + 3, r.center().y()) * image.devicePixelRatio()).rgb();
        };
        QCOMPARE(pixelAt(sm110), CellStatusColors::color(CellStatus::Incompatible, dark).rgb());
        QCOMPARE(pixelAt(sm90), CellStatusColors::color(CellStatus::NotDefined, dark).rgb());
        // The darwin row is one wide cell.
        QCOMPARE(view->columnSpan(m->darwinRow(), 0), m->columnCount());
    }
};

QTEST_MAIN(TestWindowPlan)
#include "test_window_plan.moc"
