#include "repository/BranchEdit.h"

#include "recipes/RecipeDrift.h"

#include <QRegularExpression>

namespace vs {

std::optional<RecipeEditOperation> RecipeEditOperation::parse(const QString &name, const QStringList &arguments, QString *error)
{
    RecipeEditOperation op;
    op.arguments = arguments;
    auto wrong = [&](const QString &usage) {
        if (error)
            *error = QStringLiteral("%1 takes %2").arg(name, usage);
        return std::nullopt;
    };
    if (name == QLatin1String("set-pin")) {
        op.kind = Kind::SetPin;
        if (arguments.size() < 1 || arguments.size() > 2)
            return wrong(QStringLiteral("REV [SHA256]"));
        if (!RecipeEdit::isRevision(arguments.first()))
            return wrong(QStringLiteral("a nixpkgs revision of 40 hexadecimal digits, not '%1'").arg(arguments.first()));
    } else if (name == QLatin1String("set")) {
        op.kind = Kind::SetBinding;
        if (arguments.size() != 2)
            return wrong(QStringLiteral("NAME VALUE (the value as Nix, e.g. '[ \"-j16\" ]')"));
    } else if (name == QLatin1String("replace")) {
        op.kind = Kind::Replace;
        if (arguments.size() != 2)
            return wrong(QStringLiteral("REGEX TEXT"));
        const QRegularExpression re(arguments.first());
        if (!re.isValid())
            return wrong(QStringLiteral("a valid regular expression (%1)").arg(re.errorString()));
    } else {
        if (error)
            *error = QStringLiteral("unknown operation '%1' (set-pin, set, replace)").arg(name);
        return std::nullopt;
    }
    return op;
}

QString RecipeEditOperation::title() const
{
    switch (kind) {
    case Kind::SetPin:
        return QStringLiteral("set-pin %1").arg(arguments.value(0));
    case Kind::SetBinding:
        return QStringLiteral("set %1 = %2").arg(arguments.value(0), arguments.value(1));
    case Kind::Replace:
        break;
    }
    return QStringLiteral("replace /%1/ with '%2'").arg(arguments.value(0), arguments.value(1));
}

RecipeEdit::Result RecipeEditOperation::apply(const QString &text) const
{
    switch (kind) {
    case Kind::SetPin:
        return RecipeEdit::setNixpkgsPin(text, arguments.value(0), arguments.value(1));
    case Kind::SetBinding:
        return RecipeEdit::setBinding(text, arguments.value(0), arguments.value(1));
    case Kind::Replace:
        break;
    }
    return RecipeEdit::replace(text, QRegularExpression(arguments.value(0)), arguments.value(1));
}

int EditPreview::count(RecipeChange::Outcome outcome) const
{
    return int(std::count_if(files.begin(), files.end(), [outcome](const RecipeChange &c) { return c.outcome == outcome; }));
}

QStringList EditPreview::branchesChanged() const
{
    QStringList names;
    for (const RecipeChange &c : files)
        if (c.outcome == RecipeChange::Outcome::Changed && !names.contains(c.branch))
            names << c.branch;
    return names;
}

QString BranchEdit::outcomeName(RecipeChange::Outcome outcome)
{
    switch (outcome) {
    case RecipeChange::Outcome::Changed:
        return QStringLiteral("changed");
    case RecipeChange::Outcome::Unchanged:
        return QStringLiteral("unchanged");
    case RecipeChange::Outcome::NotRecognised:
        return QStringLiteral("not-recognised");
    case RecipeChange::Outcome::Skipped:
        break;
    }
    return QStringLiteral("skipped");
}

EditPreview BranchEdit::preview(
    const RepositoryScan &scan, const RecipeEditOperation &operation, const QStringList &branches, const QString &cells)
{
    const QRegularExpression cellPattern = cells.isEmpty()
        ? QRegularExpression()
        : QRegularExpression(QRegularExpression::wildcardToRegularExpression(cells, QRegularExpression::UnanchoredWildcardConversion)
                                 .prepend(QLatin1Char('^'))
                                 .append(QLatin1Char('$')));
    EditPreview preview;
    for (const BranchScan &b : scan.branches) {
        if (!branches.isEmpty() && !branches.contains(b.name))
            continue;
        for (const RecipeFile &r : b.recipes) {
            if (r.state == RecipeFile::State::Deleted)
                continue;
            const QString name = r.variant ? r.variant->toString() : r.fileName.chopped(4);
            if (!cells.isEmpty() && !cellPattern.match(name).hasMatch())
                continue;
            RecipeChange c { b.name, r.path, r.text, r.text, RecipeChange::Outcome::Skipped, {}, {} };
            if (r.symlink)
                c.reason = QStringLiteral("a symbolic link");
            else if (r.binary || r.tooLarge || r.unreadable)
                c.reason = r.unreadable ? r.parseError : QStringLiteral("binary or larger than 1 MiB");
            else {
                const RecipeEdit::Result result = operation.apply(r.text);
                c.after = result.text;
                c.reason = result.reason;
                c.lines = result.lines;
                c.outcome = result.changed()                                   ? RecipeChange::Outcome::Changed
                    : result.outcome == RecipeEdit::Result::Outcome::Unchanged ? RecipeChange::Outcome::Unchanged
                                                                               : RecipeChange::Outcome::NotRecognised;
            }
            preview.files << c;
        }
    }
    return preview;
}

QString BranchEdit::unifiedDiff(const QString &path, const QString &before, const QString &after)
{
    // RecipeDrift: "Removed" lines are only in its first text (before), "Added" only in the second.
    const QList<DriftLine> lines = RecipeDrift::compare(before, after);
    constexpr int context = 3;
    QString out = QStringLiteral("--- a/%1\n+++ b/%1\n").arg(path);
    qsizetype i = 0;
    while (i < lines.size()) {
        // The next hunk: from `context` lines before a change to `context` lines after the last nearby one.
        qsizetype first = i;
        while (first < lines.size() && lines[first].kind == DriftLine::Same)
            ++first;
        if (first == lines.size())
            break;
        qsizetype start = qMax<qsizetype>(i, first - context), end = first;
        for (qsizetype k = first; k < lines.size(); ++k) {
            if (lines[k].kind != DriftLine::Same)
                end = k + 1;
            else if (k - end >= 2 * context)
                break;
        }
        end = qMin(lines.size(), end + context);
        int oldStart = 0, newStart = 0, oldCount = 0, newCount = 0;
        QString body;
        for (qsizetype k = start; k < end; ++k) {
            const DriftLine &l = lines[k];
            if (l.kind != DriftLine::Added) {
                oldStart = oldStart ? oldStart : l.templateLine;
                ++oldCount;
            }
            if (l.kind != DriftLine::Removed) {
                newStart = newStart ? newStart : l.recipeLine;
                ++newCount;
            }
            body += (l.kind == DriftLine::Same             ? QLatin1Char(' ')
                            : l.kind == DriftLine::Removed ? QLatin1Char('-')
                                                           : QLatin1Char('+'))
                + l.text + QLatin1Char('\n');
        }
        out += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n").arg(oldStart).arg(oldCount).arg(newStart).arg(newCount) + body;
        i = end;
    }
    return out;
}

} // namespace vs
