#include "recipes/RecipeEdit.h"

#include "recipes/NixTextScanner.h"

#include <QSet>

namespace vs {

namespace {

using Outcome = RecipeEdit::Result::Outcome;

int lineOf(const QString &text, qsizetype offset)
{
    return int(QStringView(text).left(offset).count(QLatin1Char('\n'))) + 1;
}

RecipeEdit::Result notRecognised(const QString &text, const QString &why)
{
    return { Outcome::NotRecognised, text, why, {} };
}

RecipeEdit::Result unchanged(const QString &text, const QString &why)
{
    return { Outcome::Unchanged, text, why, {} };
}

// One replacement of [from, to) by text, kept sorted and applied back to front.
struct Splice {
    qsizetype from;
    qsizetype to;
    QString text;
};

RecipeEdit::Result apply(const QString &text, QList<Splice> splices)
{
    std::sort(splices.begin(), splices.end(), [](const Splice &a, const Splice &b) { return a.from > b.from; });
    RecipeEdit::Result r { Outcome::Changed, text, {}, {} };
    QSet<int> lines;
    for (const Splice &s : std::as_const(splices)) {
        lines.insert(lineOf(text, s.from));
        r.text.replace(s.from, s.to - s.from, s.text);
    }
    r.lines = QList<int>(lines.begin(), lines.end());
    std::sort(r.lines.begin(), r.lines.end());
    if (r.text == text)
        return unchanged(text, QStringLiteral("already so"));
    return r;
}

// The end of the string that opens at i (code[i] is '"', or the first ' of two):
// the offset of its last quote character, or the text's end. Escapes: \x in
// "…"; three quotes, two quotes before $ or a backslash, in the two-quote kind.
qsizetype stringEnd(const QString &code, qsizetype i)
{
    if (code[i] == QLatin1Char('"')) {
        for (++i; i < code.size() && code[i] != QLatin1Char('"'); ++i)
            if (code[i] == QLatin1Char('\\'))
                ++i;
        return i;
    }
    for (i += 2; i + 1 < code.size(); ++i) {
        if (code[i] != QLatin1Char('\'') || code[i + 1] != QLatin1Char('\''))
            continue;
        const QChar after = i + 2 < code.size() ? code[i + 2] : QChar();
        if (after == QLatin1Char('\'') || after == QLatin1Char('$') || after == QLatin1Char('\\')) {
            i += 2;
            continue;
        }
        return i + 1;
    }
    return code.size();
}

bool opensString(const QString &code, qsizetype i)
{
    return code[i] == QLatin1Char('"') || (code[i] == QLatin1Char('\'') && i + 1 < code.size() && code[i + 1] == QLatin1Char('\''));
}

// Comment-free code with the insides of strings blanked too (same offsets), so a
// binding written inside a string is not taken for one.
QString withoutStrings(const QString &code)
{
    QString out = code;
    for (qsizetype i = 0; i < out.size(); ++i) {
        if (!opensString(code, i))
            continue;
        const bool quoted = code[i] == QLatin1Char('"');
        const qsizetype end = stringEnd(code, i);
        for (qsizetype k = i + (quoted ? 1 : 2); k < (quoted ? end : end - 1) && k < out.size(); ++k)
            if (out[k] != QLatin1Char('\n'))
                out[k] = QLatin1Char(' ');
        i = end;
    }
    return out;
}

// Whole-identifier occurrences of `name` followed by `=` (not `==`), not an
// attribute path's tail (a.name), in code without comments and strings: the
// offsets of the names and of their values.
QList<std::pair<qsizetype, qsizetype>> bindings(const QString &code, const QString &name)
{
    QList<std::pair<qsizetype, qsizetype>> found; // name offset, value offset
    for (qsizetype at = code.indexOf(name); at >= 0; at = code.indexOf(name, at + 1)) {
        const qsizetype end = at + name.size();
        if ((at > 0 && (recipetext::isIdentChar(code[at - 1]) || code[at - 1] == QLatin1Char('.')))
            || (end < code.size() && recipetext::isIdentChar(code[end])))
            continue;
        qsizetype i = end;
        while (i < code.size() && (code[i] == QLatin1Char(' ') || code[i] == QLatin1Char('\t')))
            ++i;
        if (i + 1 >= code.size() || code[i] != QLatin1Char('=') || code[i + 1] == QLatin1Char('='))
            continue;
        ++i;
        while (i < code.size() && code[i].isSpace())
            ++i;
        found.append({ at, i });
    }
    return found;
}

} // namespace

bool RecipeEdit::isRevision(const QString &rev)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{40}$"));
    return hex.match(rev).hasMatch();
}

qsizetype RecipeEdit::expressionEnd(const QString &code, qsizetype from)
{
    int depth = 0;
    for (qsizetype i = from; i < code.size(); ++i) {
        const QChar c = code[i];
        if (opensString(code, i)) {
            i = stringEnd(code, i);
        } else if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{')) {
            ++depth;
        } else if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}')) {
            if (--depth < 0)
                return -1; // the enclosing expression closed first: no ';' of ours
        } else if (c == QLatin1Char(';') && depth == 0) {
            return i;
        }
    }
    return -1;
}

RecipeEdit::Result RecipeEdit::setNixpkgsPin(const QString &text, const QString &rev, const QString &sha256)
{
    if (!isRevision(rev))
        return notRecognised(text, QStringLiteral("'%1' is not a nixpkgs revision (40 hexadecimal digits)").arg(rev));
    const QString code = recipetext::withoutComments(text);
    // …/nixpkgs/archive/<rev>.tar.gz, the URL form of a pinned nixpkgs.
    static const QRegularExpression url(QStringLiteral(R"(nixpkgs/archive/([0-9a-f]{7,40})\.tar\.gz)"));
    QList<Splice> splices;
    QSet<QString> oldRevs;
    int pins = 0;
    const QString bare = withoutStrings(code);
    for (qsizetype at = bare.indexOf(QLatin1String("fetchTarball")); at >= 0; at = bare.indexOf(QLatin1String("fetchTarball"), at + 1)) {
        // The argument: { url = "…"; sha256 = "…"; } or a bare "…".
        qsizetype i = at + 12;
        while (i < code.size() && code[i].isSpace())
            ++i;
        qsizetype blockEnd = i;
        if (i < code.size() && code[i] == QLatin1Char('{')) {
            int depth = 0;
            for (blockEnd = i; blockEnd < code.size(); ++blockEnd) {
                if (code[blockEnd] == QLatin1Char('{'))
                    ++depth;
                else if (code[blockEnd] == QLatin1Char('}') && --depth == 0)
                    break;
            }
        } else {
            blockEnd = code.indexOf(QLatin1Char('"'), code.indexOf(QLatin1Char('"'), i) + 1);
        }
        if (blockEnd < 0 || blockEnd >= code.size())
            continue;
        const QRegularExpressionMatch m = url.match(code, i);
        if (!m.hasMatch() || m.capturedStart() > blockEnd)
            continue; // a fetchTarball of something else
        ++pins;
        oldRevs.insert(m.captured(1));
        splices.append({ m.capturedStart(1), m.capturedEnd(1), rev });
        const QString block = code.mid(i, blockEnd - i);
        const qsizetype shaAt = block.indexOf(QRegularExpression(QStringLiteral(R"(\bsha256\s*=\s*")")));
        if (shaAt >= 0) {
            if (sha256.isEmpty())
                return notRecognised(text,
                    QStringLiteral("line %1: the pin has a sha256 that would no longer match: give the new one")
                        .arg(lineOf(text, i + shaAt)));
            const qsizetype open = code.indexOf(QLatin1Char('"'), i + shaAt);
            const qsizetype close = code.indexOf(QLatin1Char('"'), open + 1);
            splices.append({ open + 1, close, sha256 });
        } else if (!sha256.isEmpty()) {
            if (code[i] != QLatin1Char('{'))
                return notRecognised(text,
                    QStringLiteral("line %1: fetchTarball takes a bare URL; a sha256 needs the { url; sha256; } form")
                        .arg(lineOf(text, i)));
            // A line of its own after the url's, indented the same.
            const qsizetype urlLineEnd = code.indexOf(QLatin1Char('\n'), m.capturedEnd());
            const qsizetype urlLineStart = code.lastIndexOf(QLatin1Char('\n'), m.capturedStart()) + 1;
            if (urlLineEnd < 0 || urlLineEnd > blockEnd)
                return notRecognised(
                    text, QStringLiteral("line %1: the fetchTarball block is on one line; add the sha256 by hand").arg(lineOf(text, i)));
            qsizetype indentEnd = urlLineStart;
            while (indentEnd < code.size() && (code[indentEnd] == QLatin1Char(' ') || code[indentEnd] == QLatin1Char('\t')))
                ++indentEnd;
            splices.append({ urlLineEnd + 1, urlLineEnd + 1,
                text.mid(urlLineStart, indentEnd - urlLineStart) + QStringLiteral("sha256 = \"%1\";\n").arg(sha256) });
        }
    }
    if (pins == 0)
        return notRecognised(text, QStringLiteral("no nixpkgs fetchTarball pin (…/nixpkgs/archive/<rev>.tar.gz) found"));
    if (oldRevs.size() > 1)
        return notRecognised(text, QStringLiteral("%1 different nixpkgs pins; which one to change would be a guess").arg(oldRevs.size()));
    return apply(text, splices);
}

RecipeEdit::Result RecipeEdit::setBinding(const QString &text, const QString &name, const QString &value)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_'-]*$"));
    if (!identifier.match(name).hasMatch())
        return notRecognised(text, QStringLiteral("'%1' is not a Nix attribute name").arg(name));
    if (value.trimmed().isEmpty() || value.contains(QLatin1Char('\n')))
        return notRecognised(text, QStringLiteral("the value must be one line of Nix"));
    const QString code = recipetext::withoutComments(text);
    const QString bare = withoutStrings(code);
    const auto found = bindings(bare, name);
    if (found.size() > 1)
        return notRecognised(text,
            QStringLiteral("%1 bindings of '%2' (lines %3 and %4); which one to change would be a guess")
                .arg(found.size())
                .arg(name)
                .arg(lineOf(text, found[0].first))
                .arg(lineOf(text, found[1].first)));
    if (found.size() == 1) {
        const qsizetype valueStart = found.first().second;
        qsizetype end = expressionEnd(code, valueStart);
        if (end < 0)
            return notRecognised(
                text, QStringLiteral("line %1: the value of '%2' has no ';' of its own").arg(lineOf(text, valueStart)).arg(name));
        while (end > valueStart && text[end - 1].isSpace())
            --end; // the spacing before ';' is the author's

        if (text.mid(valueStart, end - valueStart) == value)
            return unchanged(text, QStringLiteral("'%1' is already %2").arg(name, value));
        return apply(text, { { valueStart, end, value } });
    }
    const auto pname = bindings(bare, QStringLiteral("pname"));
    if (pname.size() != 1)
        return notRecognised(text, QStringLiteral("no '%1' to change, and no single 'pname = …;' to add it after").arg(name));
    const qsizetype pnameEnd = expressionEnd(code, pname.first().second);
    const qsizetype lineEnd = pnameEnd < 0 ? -1 : code.indexOf(QLatin1Char('\n'), pnameEnd);
    if (lineEnd < 0)
        return notRecognised(text, QStringLiteral("the line of 'pname = …;' does not end where it should"));
    const qsizetype lineStart = code.lastIndexOf(QLatin1Char('\n'), pname.first().first) + 1;
    const QString indentation = text.mid(lineStart, pname.first().first - lineStart);
    if (!indentation.trimmed().isEmpty())
        return notRecognised(text, QStringLiteral("'pname' does not start its line; add '%1' by hand").arg(name));
    return apply(text, { { lineEnd + 1, lineEnd + 1, QStringLiteral("%1%2 = %3;\n").arg(indentation, name, value) } });
}

RecipeEdit::Result RecipeEdit::replace(const QString &text, const QRegularExpression &pattern, const QString &replacement)
{
    if (!pattern.isValid())
        return notRecognised(text, QStringLiteral("invalid regular expression: %1").arg(pattern.errorString()));
    QList<Splice> splices;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedLength() == 0)
            continue; // an empty match would insert everywhere
        QString with = replacement;
        for (int g = m.lastCapturedIndex(); g >= 0; --g)
            with.replace(QStringLiteral("\\%1").arg(g), m.captured(g));
        splices.append({ m.capturedStart(), m.capturedEnd(), with });
    }
    if (splices.isEmpty())
        return unchanged(text, QStringLiteral("no match"));
    return apply(text, splices);
}

} // namespace vs
