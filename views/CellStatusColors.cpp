#include "CellStatusColors.h"

namespace vs {

namespace {
struct Colors {
    CellStatus status;
    QRgb light;
    QRgb dark;
};

// Light colours are pastel with black text; dark colours are deep with white
// text. Each pair keeps a contrast ratio above 4.5 for the glyph.
constexpr Colors kColors[] = {
    { CellStatus::NotDefined, 0xfff3f3f3, 0xff2b2b2b },
    { CellStatus::Incompatible, 0xffcfcfcf, 0xff161616 },
    { CellStatus::Defined, 0xffb9e4b1, 0xff2d6a2d },
    { CellStatus::New, 0xffaed0f7, 0xff1e4f87 },
    { CellStatus::Problem, 0xfff7c46c, 0xff8a5500 },
    { CellStatus::NeedsPytorch, 0xfff3c1dc, 0xff7d2a5a },
    { CellStatus::Queued, 0xffd3dce8, 0xff3c4a5e },
    { CellStatus::Building, 0xfffff09a, 0xff6e6300 },
    { CellStatus::Built, 0xff92dccb, 0xff12695a },
    { CellStatus::Failed, 0xfff5a5a5, 0xff8e1f1f },
    { CellStatus::DependencyFailed, 0xffe9b3a0, 0xff6e2a14 },
    { CellStatus::Published, 0xffd9bdf6, 0xff5d3a8c },
};
static_assert(std::size(kColors) == static_cast<std::size_t>(CellStatus::Published) + 1, "one row per status");
} // namespace

QColor CellStatusColors::color(CellStatus s, bool darkPalette)
{
    const Colors &c = kColors[static_cast<int>(s)];
    Q_ASSERT(c.status == s);
    return QColor::fromRgba(darkPalette ? c.dark : c.light);
}

QColor CellStatusColors::textColor(CellStatus, bool darkPalette)
{
    return darkPalette ? QColor(0xf2, 0xf2, 0xf2) : QColor(0x14, 0x14, 0x14);
}

} // namespace vs
