#include "itemmodels/CellStatus.h"

#include <QCoreApplication>

namespace vs {

namespace {
struct Look {
    const char *key;
    const char *name;
    const char *glyph;
    const char *description;
};

// The words and glyphs of each status; its colours live with the painting, in
// views/CellStatusColors (one row per status there too).
const Look &look(CellStatus s)
{
    static const Look looks[] = {
        { "not-defined", QT_TRANSLATE_NOOP("CellStatus", "not defined"), "·",
            QT_TRANSLATE_NOOP("CellStatus", "No recipe on this branch; Generate can write one.") },
        { "incompatible", QT_TRANSLATE_NOOP("CellStatus", "incompatible"), "⊘",
            QT_TRANSLATE_NOOP("CellStatus", "The catalogue says this combination cannot be built.") },
        { "defined", QT_TRANSLATE_NOOP("CellStatus", "defined"), "✓", QT_TRANSLATE_NOOP("CellStatus", "A committed recipe.") },
        { "new", QT_TRANSLATE_NOOP("CellStatus", "new"), "+",
            QT_TRANSLATE_NOOP("CellStatus", "New or modified in the working tree, not committed.") },
        { "problem", QT_TRANSLATE_NOOP("CellStatus", "problem"), "!",
            QT_TRANSLATE_NOOP("CellStatus", "The recipe has lint warnings or errors.") },
        { "needs-pytorch", QT_TRANSLATE_NOOP("CellStatus", "needs PyTorch"), "⚠",
            QT_TRANSLATE_NOOP("CellStatus", "A companion recipe whose PyTorch recipe is missing on the paired branch.") },
        { "queued", QT_TRANSLATE_NOOP("CellStatus", "queued"), "⋯", QT_TRANSLATE_NOOP("CellStatus", "Waiting in the build queue.") },
        { "building", QT_TRANSLATE_NOOP("CellStatus", "building"), "▶", QT_TRANSLATE_NOOP("CellStatus", "Being built now.") },
        { "built", QT_TRANSLATE_NOOP("CellStatus", "built"), "◆", QT_TRANSLATE_NOOP("CellStatus", "The last build succeeded.") },
        { "failed", QT_TRANSLATE_NOOP("CellStatus", "failed"), "✗", QT_TRANSLATE_NOOP("CellStatus", "The last build failed.") },
        { "dependency-failed", QT_TRANSLATE_NOOP("CellStatus", "dependency failed"), "⊗",
            QT_TRANSLATE_NOOP("CellStatus", "Not built: the PyTorch build it waited for failed (the tooltip names its log).") },
        { "published", QT_TRANSLATE_NOOP("CellStatus", "published"), "★",
            QT_TRANSLATE_NOOP("CellStatus", "Built and published to the catalog.") },
    };
    return looks[static_cast<int>(s)];
}
} // namespace

QList<CellStatus> CellStatusInfo::all()
{
    return { CellStatus::NotDefined, CellStatus::Incompatible, CellStatus::Defined, CellStatus::New, CellStatus::Problem,
        CellStatus::NeedsPytorch, CellStatus::Queued, CellStatus::Building, CellStatus::Built, CellStatus::Failed,
        CellStatus::DependencyFailed, CellStatus::Published };
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

QString CellStatusInfo::key(CellStatus s)
{
    return QString::fromLatin1(look(s).key);
}

bool CellStatusInfo::isBuildState(CellStatus s)
{
    return s == CellStatus::Queued || s == CellStatus::Building || s == CellStatus::Built || s == CellStatus::Failed
        || s == CellStatus::DependencyFailed || s == CellStatus::Published;
}

bool CellStatusInfo::hasRecipe(CellStatus s)
{
    return s != CellStatus::NotDefined && s != CellStatus::Incompatible;
}

} // namespace vs
