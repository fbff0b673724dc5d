#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>

namespace vs {

// Named changes to one recipe's text, for branch-wide maintenance. Each edit
// changes only the text it targets and keeps every other byte (comments, order,
// spacing); a recipe whose shape it does not recognise is reported, never
// guessed at. Pure functions on text: the caller reads, previews and writes.
class RecipeEdit {
public:
    struct Result {
        enum class Outcome { Changed, Unchanged, NotRecognised };
        Outcome outcome = Outcome::Unchanged;
        QString text; // the new text (the old one unless Changed)
        QString reason; // Unchanged: why nothing was needed; NotRecognised: what was not found
        QList<int> lines; // 1-based lines of the old text that changed
        bool changed() const { return outcome == Outcome::Changed; }
    };

    // Points the nixpkgs fetchTarball URL(s) at REV (40 hex digits). A block with a
    // sha256 needs the new one (sha256); given one, a block without gets a line.
    static Result setNixpkgsPin(const QString &text, const QString &rev, const QString &sha256 = {});
    // Sets `name = value;` (value: a Nix expression, written as given). One binding
    // of that name is replaced; none: added on the line after `pname = …;`, with
    // its indentation; several: not recognised (which one would be a guess).
    static Result setBinding(const QString &text, const QString &name, const QString &value);
    // The escape hatch: a regular expression over the whole text.
    static Result replace(const QString &text, const QRegularExpression &pattern, const QString &replacement);

    // Offset of the ';' that ends the expression starting at `from` in comment-free
    // text (brackets, strings and ''…'' strings skipped), or -1.
    static qsizetype expressionEnd(const QString &code, qsizetype from);
    static bool isRevision(const QString &rev); // 40 lower-case hex digits
};

} // namespace vs
