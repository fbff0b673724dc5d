// The colours of the cell statuses (views/CellStatusColors): a views class, so a GUI test.
#include "CellStatusColors.h"

#include <QtTest>

using namespace vs;

class TestCellStatusColors : public QObject {
    Q_OBJECT
private slots:
    void coloursDifferInBothPalettes()
    {
        for (bool dark : { false, true }) {
            QSet<QRgb> seen;
            for (CellStatus s : CellStatusInfo::all()) {
                seen.insert(CellStatusColors::color(s, dark).rgb());
                QVERIFY(!CellStatusInfo::glyph(s).isEmpty());
                // Contrast between ink and fill stays readable.
                const int diff = qAbs(CellStatusColors::color(s, dark).lightness() - CellStatusColors::textColor(s, dark).lightness());
                QVERIFY2(diff > 100, qPrintable(CellStatusInfo::name(s)));
            }
            QCOMPARE(seen.size(), int(CellStatusInfo::all().size()));
        }
    }
};

QTEST_MAIN(TestCellStatusColors)
#include "test_cellstatuscolors.moc"
