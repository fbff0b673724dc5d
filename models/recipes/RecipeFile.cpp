#include "recipes/RecipeFile.h"

#include "variants/RecipePaths.h"

namespace vs {

QString RecipeFile::stateName(State s)
{
    switch (s) {
    case State::Committed:
        return QStringLiteral("committed");
    case State::New:
        return QStringLiteral("new");
    case State::Modified:
        return QStringLiteral("modified");
    case State::Deleted:
        break;
    }
    return QStringLiteral("deleted");
}

RecipeFile RecipeFile::at(const QString &path)
{
    RecipeFile r;
    r.path = path;
    r.fileName = path.mid(path.lastIndexOf(QLatin1Char('/')) + 1); // what QFileInfo says, without its cost per file
    QString why;
    r.variant = VariantName::parse(RecipePaths::packageNameOf(path), &why);
    if (!r.variant)
        r.parseError = why;
    return r;
}

RecipeFile RecipeFile::fromText(const QString &path, const QString &text)
{
    RecipeFile r = at(path);
    r.text = text;
    r.meta = RecipeMetadata::extract(text);
    r.size = text.toUtf8().size();
    return r;
}

const RecipeFile *BranchScan::recipe(const QString &path) const
{
    for (const RecipeFile &r : recipes)
        if (r.path == path)
            return &r;
    return nullptr;
}

} // namespace vs
