#include "Legend.h"

#include "StatusDelegate.h"
#include "CellStatusColors.h"
#include "itemmodels/CellStatus.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>

namespace vs {

namespace {
QPixmap swatch(const QColor &fill, const QColor &ink, const QString &glyph, const QFont &font, int size, qreal dpr)
{
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.fillRect(QRect(0, 0, size, size), fill);
    p.setPen(ink);
    QFont f = font;
    f.setBold(true);
    p.setFont(f);
    p.drawText(QRect(0, 0, size, size), Qt::AlignCenter, glyph);
    return pm;
}
} // namespace

Legend::Legend(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("legend"));
    rebuild();
}

void Legend::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

void Legend::rebuild()
{
    delete layout();
    qDeleteAll(findChildren<QLabel *>(Qt::FindDirectChildrenOnly));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(4, 2, 4, 2);
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(2);
    const bool dark = StatusDelegate::isDark(palette());
    const int size = fontMetrics().height() + 2;
    const qreal dpr = devicePixelRatioF();
    int column = 0, row = 0;
    auto add = [&](const QPixmap &pm, const QString &text, const QString &tip) {
        auto *icon = new QLabel(this);
        icon->setPixmap(pm);
        auto *label = new QLabel(text, this);
        icon->setToolTip(tip);
        label->setToolTip(tip);
        grid->addWidget(icon, row, column * 2);
        grid->addWidget(label, row, column * 2 + 1);
        if (++column == 6) {
            column = 0;
            ++row;
        }
    };
    for (CellStatus s : CellStatusInfo::all())
        add(swatch(CellStatusColors::color(s, dark), CellStatusColors::textColor(s, dark), CellStatusInfo::glyph(s), font(), size, dpr),
            CellStatusInfo::name(s), CellStatusInfo::description(s));

    const QColor base = CellStatusColors::color(CellStatus::Defined, dark);
    const QColor ink = CellStatusColors::textColor(CellStatus::Defined, dark);
    QPixmap runs = swatch(base, ink, QString(), font(), size, dpr);
    {
        QPainter p(&runs);
        const QRect m = StatusDelegate::runsHereMarkRect(QRect(0, 0, size, size));
        QPainterPath tri;
        tri.moveTo(m.topLeft());
        tri.lineTo(m.topRight());
        tri.lineTo(m.bottomRight());
        tri.closeSubpath();
        p.fillPath(tri, ink);
    }
    add(runs, tr("runs on this machine"), tr("A corner mark: this machine's GPU, driver and CPU can run the variant."));
    QPixmap recommended = swatch(base, ink, QString(), font(), size, dpr);
    {
        QPainter p(&recommended);
        p.setPen(QPen(palette().color(QPalette::WindowText), 3));
        p.drawRect(QRect(1, 1, size - 3, size - 3));
    }
    add(recommended, tr("recommended"), tr("A bold frame: the best variant for this machine."));
    grid->setColumnStretch(12, 1);
}

} // namespace vs
