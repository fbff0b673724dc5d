#include "itemmodels/CellStatus.h"

#include <QCoreApplication>

namespace vs {

namespace {
struct Look {
    const char *key;
    const char *name;
    const char *glyph;
    const char *description;
    QRgb light;
    QRgb dark;
};

// Light colours are pastel with black text; dark colours are deep with white
// text. Each pair keeps a contrast ratio above 4.5 for the glyph.
const Look &look(CellStatus s)
{
    static const Look looks[] = {
        { "not-defined", QT_TRANSLATE_NOOP("CellStatus", "not defined"), "·",
            QT_TRANSLATE_NOOP("CellStatus", "No recipe on this branch; Generate can write one."), 0xfff3f3f3, 0xff2b2b2b },
        { "incompatible", QT_TRANSLATE_NOOP("CellStatus", "incompatible"), "⊘",
            QT_TRANSLATE_NOOP("CellStatus", "The catalogue says this combination cannot be built."), 0xffcfcfcf, 0xff161616 },
        { "defined", QT_TRANSLATE_NOOP("CellStatus", "defined"), "✓", QT_TRANSLATE_NOOP("CellStatus", "A committed recipe."), 0xffb9e4b1,
            0xff2d6a2d },
        { "new", QT_TRANSLATE_NOOP("CellStatus", "new"), "+",
            QT_TRANSLATE_NOOP("CellStatus", "New or modified in the working tree, not committed."), 0xffaed0f7, 0xff1e4f87 },
        { "problem", QT_TRANSLATE_NOOP("CellStatus", "problem"), "!",
            QT_TRANSLATE_NOOP("CellStatus", "The recipe has lint warnings or errors."), 0xfff7c46c, 0xff8a5500 },
        { "queued", QT_TRANSLATE_NOOP("CellStatus", "queued"), "⋯", QT_TRANSLATE_NOOP("CellStatus", "Waiting in the build queue."),
            0xffd3dce8, 0xff3c4a5e },
        { "building", QT_TRANSLATE_NOOP("CellStatus", "building"), "▶", QT_TRANSLATE_NOOP("CellStatus", "Being built now."), 0xfffff09a,
            0xff6e6300 },
        { "built", QT_TRANSLATE_NOOP("CellStatus", "built"), "◆", QT_TRANSLATE_NOOP("CellStatus", "The last build succeeded."), 0xff92dccb,
            0xff12695a },
        { "failed", QT_TRANSLATE_NOOP("CellStatus", "failed"), "✗", QT_TRANSLATE_NOOP("CellStatus", "The last build failed."), 0xfff5a5a5,
            0xff8e1f1f },
        { "published", QT_TRANSLATE_NOOP("CellStatus", "published"), "★",
            QT_TRANSLATE_NOOP("CellStatus", "Built and published to the catalog."), 0xffd9bdf6, 0xff5d3a8c },
    };
    return looks[static_cast<int>(s)];
}
} // namespace

QList<CellStatus> CellStatusInfo::all()
{
    return { CellStatus::NotDefined, CellStatus::Incompatible, CellStatus::Defined, CellStatus::New, CellStatus::Problem,
        CellStatus::Queued, CellStatus::Building, CellStatus::Built, CellStatus::Failed, CellStatus::Published };
}

QString CellStatusInfo::name(CellStatus s)
{
    return QCoreApplication::translate("CellStatus", look(s).name);
}

QString CellStatusInfo::glyph(CellStatus s)
{
    return QString::fromUtf8(look(s).glyph);
}

QString CellStatusInfo::description(CellStatus s)
{
    return QCoreApplication::translate("CellStatus", look(s).description);
}

QColor CellStatusInfo::color(CellStatus s, bool darkPalette)
{
    return QColor::fromRgba(darkPalette ? look(s).dark : look(s).light);
}

QColor CellStatusInfo::textColor(CellStatus s, bool darkPalette)
{
    Q_UNUSED(s);
    return darkPalette ? QColor(0xf2, 0xf2, 0xf2) : QColor(0x14, 0x14, 0x14);
}

QString CellStatusInfo::key(CellStatus s)
{
    return QString::fromLatin1(look(s).key);
}

bool CellStatusInfo::isBuildState(CellStatus s)
{
    return s == CellStatus::Queued || s == CellStatus::Building || s == CellStatus::Built || s == CellStatus::Failed
        || s == CellStatus::Published;
}

bool CellStatusInfo::hasRecipe(CellStatus s)
{
    return s != CellStatus::NotDefined && s != CellStatus::Incompatible;
}

} // namespace vs
