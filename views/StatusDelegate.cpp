#include "StatusDelegate.h"

#include "CellMarks.h"
#include "CellStatusColors.h"
#include "itemmodels/CellStatus.h"
#include "itemmodels/MatrixFilterProxy.h"
#include "itemmodels/MatrixModel.h"

#include <QPainter>

namespace vs {

bool StatusDelegate::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

void StatusDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!index.data(MatrixModel::IsCellRole).toBool())
        return;
    const auto status = static_cast<CellStatus>(index.data(MatrixModel::StatusRole).toInt());
    const bool dark = isDark(option.palette);
    const bool dimmed = index.data(MatrixFilterProxy::DimmedRole).toBool();
    const QRect cell = option.rect.adjusted(1, 1, -1, -1);
    // A companion cell carries its PyTorch partner's tag at the bottom: the words move up.
    const QVariant partner = index.data(MatrixModel::PartnerStatusRole);
    const QVariant shared = index.data(MatrixModel::SharedBuildRole);
    const std::optional<bool> sharesBuild = shared.isValid() ? std::optional<bool>(shared.toBool()) : std::nullopt;
    const QRect words
        = partner.isValid() ? cell.adjusted(0, 0, 0, -CellMarks::partnerRect(cell, option.font, QStringLiteral("✓")).height()) : cell;

    painter->save();
    // Dimmed cells keep their hue but fade into the background.
    painter->setOpacity(dimmed ? 0.22 : 1.0);
    painter->fillRect(cell, CellStatusColors::color(status, dark));

    const QColor ink = CellStatusColors::textColor(status, dark);
    painter->setPen(ink);
    QFont glyphFont = option.font;
    glyphFont.setPointSizeF(glyphFont.pointSizeF() * 1.15);
    glyphFont.setBold(true);
    const QString glyph = index.data(MatrixModel::GlyphRole).toString();
    const QString name = index.data(MatrixModel::StatusTextRole).toString();
    const QFontMetrics gm(glyphFont), nm(option.font);
    const int wanted = gm.horizontalAdvance(glyph) + 4 + nm.horizontalAdvance(name) + 8;
    if (wanted <= words.width()) {
        const int x = words.left() + (words.width() - wanted) / 2 + 4;
        QRect g(x, words.top(), gm.horizontalAdvance(glyph), words.height());
        painter->setFont(glyphFont);
        painter->drawText(g, Qt::AlignVCenter | Qt::AlignLeft, glyph);
        painter->setFont(option.font);
        painter->drawText(
            QRect(g.right() + 5, words.top(), words.right() - g.right() - 5, words.height()), Qt::AlignVCenter | Qt::AlignLeft, name);
    } else {
        painter->setFont(glyphFont);
        painter->drawText(words, Qt::AlignCenter, glyph);
    }
    if (partner.isValid())
        CellMarks::paintPartner(painter, cell, option.font, static_cast<CellStatus>(partner.toInt()), sharesBuild, dark);

    if (index.data(MatrixModel::RunsHereRole).toBool())
        CellMarks::paintRunsHere(painter, cell, ink);
    if (index.data(MatrixModel::RecommendedRole).toBool()) {
        painter->setOpacity(1.0);
        CellMarks::paintRecommended(painter, cell, option.palette.color(QPalette::WindowText));
    }
    painter->setOpacity(1.0);
    if (option.state & QStyle::State_Selected) {
        QPen pen(option.palette.color(QPalette::Highlight), 2);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(option.rect.adjusted(1, 1, -2, -2));
        // A second, inner line in the base colour keeps the frame visible on any status colour.
        painter->setPen(QPen(option.palette.color(QPalette::Base), 1));
        painter->drawRect(option.rect.adjusted(3, 3, -4, -4));
    }
    if (option.state & QStyle::State_HasFocus) {
        QPen pen(option.palette.color(QPalette::WindowText), 1, Qt::DotLine);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(option.rect.adjusted(4, 4, -5, -5));
    }
    painter->restore();
}

QSize StatusDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index);
    const QFontMetrics fm(option.font);
    return QSize(fm.horizontalAdvance(QStringLiteral("✓ not defined")) + 16, fm.height() * 2);
}

} // namespace vs
