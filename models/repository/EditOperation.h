#pragma once

#include "recipes/RecipeEdit.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace vs {

// One named recipe change, as a maintainer asks for it ("set-pin REV",
// "set NAME VALUE", "replace REGEX TEXT", "regenerate").
struct RecipeEditOperation {
    enum class Kind { SetPin, SetBinding, Replace, Regenerate };
    Kind kind = Kind::SetPin;
    // set-pin: REV [SHA256]; set: NAME VALUE; replace: REGEX TEXT;
    // regenerate: the variants chosen one by one to be rewritten although hand-made.
    QStringList arguments;

    // The operation with its arguments; empty optional and *error when not an operation.
    static std::optional<RecipeEditOperation> parse(const QString &name, const QStringList &arguments, QString *error);
    static QStringList names(); // "set-pin", "set", "replace", "regenerate"
    QString title() const; // "set-pin 0182a36…", for messages and commit subjects
    // The text operations (not regenerate, which needs the branch: see RecipeRegeneration).
    RecipeEdit::Result apply(const QString &text) const;
};

} // namespace vs
