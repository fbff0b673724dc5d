#include "Legend.h"

#include "CellMarks.h"
#include "CellStatusColors.h"
#include "StatusDelegate.h"
#include "itemmodels/CellStatus.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>

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

void Legend::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const int columns = columnsFor(width());
    if (columns != m_columns)
        place(columns);
}

int Legend::entryWidth() const
{
    int widest = 0;
    for (const Entry &e : m_entries)
        widest = qMax(widest, e.icon->sizeHint().width() + m_grid->horizontalSpacing() + e.label->sizeHint().width());
    return widest;
}

int Legend::columnsFor(int width) const
{
    const QMargins margins = m_grid->contentsMargins();
    const int room = width - margins.left() - margins.right() + m_grid->horizontalSpacing();
    return qBound(1, room / qMax(1, entryWidth() + m_grid->horizontalSpacing()), 6);
}

void Legend::place(int columns)
{
    m_columns = columns;
    for (const Entry &e : std::as_const(m_entries)) {
        m_grid->removeWidget(e.icon);
        m_grid->removeWidget(e.label);
    }
    for (int c = 0; c < m_grid->columnCount(); ++c)
        m_grid->setColumnStretch(c, 0);
    for (int i = 0; i < m_entries.size(); ++i) {
        m_grid->addWidget(m_entries[i].icon, i / columns, (i % columns) * 2);
        m_grid->addWidget(m_entries[i].label, i / columns, (i % columns) * 2 + 1);
    }
    m_grid->setColumnStretch(columns * 2, 1);
}

void Legend::setCompanionEntries(bool shown)
{
    if (shown == m_companionEntries)
        return;
    m_companionEntries = shown;
    rebuild();
}

void Legend::rebuild()
{
    delete layout();
    qDeleteAll(findChildren<QLabel *>(Qt::FindDirectChildrenOnly));
    m_entries.clear();
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(4, 2, 4, 2);
    m_grid->setHorizontalSpacing(14);
    m_grid->setVerticalSpacing(2);
    const bool dark = StatusDelegate::isDark(palette());
    const int size = fontMetrics().height() + 2;
    const qreal dpr = devicePixelRatioF();
    auto add = [&](const QPixmap &pm, const QString &text, const QString &tip) {
        auto *icon = new QLabel(this);
        icon->setPixmap(pm);
        auto *label = new QLabel(text, this);
        icon->setToolTip(tip);
        label->setToolTip(tip);
        m_entries.append(Entry { icon, label });
    };
    for (CellStatus s : CellStatusInfo::all())
        if (m_companionEntries || !CellStatusInfo::isCompanionOnly(s))
            add(swatch(CellStatusColors::color(s, dark), CellStatusColors::textColor(s, dark), CellStatusInfo::glyph(s), font(), size, dpr),
                CellStatusInfo::name(s), CellStatusInfo::description(s));

    const QColor base = CellStatusColors::color(CellStatus::Defined, dark);
    const QColor ink = CellStatusColors::textColor(CellStatus::Defined, dark);
    QPixmap runs = swatch(base, ink, QString(), font(), size, dpr);
    {
        QPainter p(&runs);
        CellMarks::paintRunsHere(&p, QRect(0, 0, size, size), ink);
    }
    add(runs, tr("runs on this machine"), tr("A corner mark: this machine's GPU, driver and CPU can run the variant."));
    QPixmap recommended = swatch(base, ink, QString(), font(), size, dpr);
    {
        QPainter p(&recommended);
        CellMarks::paintRecommended(&p, QRect(0, 0, size, size), palette().color(QPalette::WindowText));
    }
    add(recommended, tr("recommended"), tr("A bold frame: the best variant for this machine."));
    if (m_companionEntries) {
        // The companion tag as a cell shows it, in a cell twice the swatch's height that ends at its bottom.
        const QRect cellForTag(-2, 1 - size, 400, 2 * size);
        const QString tagText = CellMarks::partnerText(CellStatus::Built, true);
        QPixmap tag(QSize(CellMarks::partnerRect(cellForTag, font(), tagText).width() + 2, size) * dpr);
        tag.setDevicePixelRatio(dpr);
        tag.fill(Qt::transparent);
        {
            QPainter p(&tag);
            CellMarks::paintPartner(&p, cellForTag, font(), CellStatus::Built, true, dark);
        }
        add(tag, tr("its PyTorch: status, = shared / ≠ own build"),
            tr("On a TorchVision or TorchAudio cell: its PyTorch partner's status (⚠ needs PyTorch, ✓ defined, ◆ built, ★ published), "
               "then = when both share one PyTorch build or ≠ when the companion builds its own PyTorch."));
    }
    // As narrow as one entry: the columns follow the width (resizeEvent).
    setMinimumWidth(entryWidth() + m_grid->contentsMargins().left() + m_grid->contentsMargins().right());
    place(isVisible() ? columnsFor(width()) : m_columns);
}

} // namespace vs
