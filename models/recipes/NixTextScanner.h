#pragma once

// The lexical half of RecipeMetadata: a hand-written scanner over recipe text.
// A scan reads thousands of recipes, so the fields' keywords are found from the
// text's '=' signs in one pass and the few value shapes are parsed in place (one
// regular expression per field was ten times slower; see bench/scan_bench).

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <QtAlgorithms>

#include <algorithm>
#include <array>
#include <iterator>

namespace vs::recipetext {

// ASCII through a table: these run for every character of every recipe of a scan.
inline constexpr auto kAsciiIdent = [] {
    std::array<bool, 128> t {};
    for (int c = 0; c < 128; ++c)
        t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '\'' || c == '-';
    return t;
}();

// Outside ASCII (rare in recipes): kept out of line so that the ASCII test inlines.
Q_DECL_COLD_FUNCTION bool isIdentCharOutsideAscii(char16_t u);

Q_ALWAYS_INLINE bool isIdentChar(char16_t u)
{
    return u < 128 ? kAsciiIdent[u] : isIdentCharOutsideAscii(u);
}

Q_ALWAYS_INLINE bool isIdentChar(QChar c)
{
    return isIdentChar(c.unicode());
}

inline bool isIdentStart(QChar c)
{
    const char16_t u = c.unicode();
    return u < 128 ? (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' : c.isLetter();
}

// The text with comments blanked out (same length, newlines kept), so that a
// commented-out `# gpuArchNum = "80";` is not read and offsets still map to lines.
// Knows nix "…" and ''…'' strings well enough for recipes; inside ''…'' a `#`
// after whitespace is a shell comment and is blanked too (dead shell lines).
QString withoutComments(const QString &text);
// The same in place, on n characters at d.
void blankComments(QChar *d, qsizetype n);

// ASCII bytes widened to UTF-16 at out (room for in.size()): nearly every recipe is
// ASCII, and this is several times faster than decoding UTF-8. False, with out
// partly written, at the first byte outside ASCII.
bool widenAscii(QByteArrayView in, QChar *out);

// The comment-free text with the small parsing steps the fields need, and an index of
// the keywords (kKeywords) and `name = "…"` bindings, built from the text's '=' signs.
// The names the fields are assigned to (`keyword = …`).
inline constexpr QStringView kKeywords[]
    = { u"pname", u"description", u"cudaSupport", u"platforms", u"gpuArchNum", u"gpuArchSM", u"gpuArch", u"gpuTargets", u"cudaCapabilities",
          u"TORCH_CUDA_ARCH_LIST", u"cpuFlags", u"CXXFLAGS", u"CFLAGS", u"NIX_CFLAGS_COMPILE", u"compilerFlags" };

// Which keywords have a given length: an identifier is compared only with those.
inline constexpr auto kKeywordsByLength = [] {
    std::array<quint32, 32> t {};
    for (int k = 0; k < int(std::size(kKeywords)); ++k)
        t[size_t(kKeywords[k].size())] |= 1u << k;
    return t;
}();

// Where "${" starts in s at or after from, or -1. Values are short: a plain loop
// costs less than a call to a general search.
inline qsizetype interpolationAt(QStringView s, qsizetype from = 0)
{
    for (qsizetype i = from; i + 1 < s.size(); ++i)
        if (s[i] == u'$' && s[i + 1] == u'{')
            return i;
    return -1;
}

// The parsing steps on any text (the recipe, or the body of a list in it). They
// return views into that text, so a field costs no copy until it is kept.
class NixText {
public:
    explicit NixText(QStringView s)
        : m_s(s)
    {
    }

    qsizetype skipSpaces(qsizetype i) const
    {
        while (i < m_s.size() && m_s[i].isSpace())
            ++i;
        return i;
    }

    // After `name`: the offset of the value of `name = value`, or -1.
    qsizetype valueAfter(qsizetype nameEnd) const
    {
        qsizetype i = skipSpaces(nameEnd);
        if (i >= m_s.size() || m_s[i] != QLatin1Char('=') || (i + 1 < m_s.size() && m_s[i + 1] == QLatin1Char('=')))
            return -1;
        return skipSpaces(i + 1);
    }

    // A "string" at i (raw, escapes kept); *end after the closing quote. Null when none.
    QStringView quoted(qsizetype i, qsizetype *end = nullptr, bool stopAtNewline = false) const
    {
        if (i < 0 || i >= m_s.size() || m_s[i] != QLatin1Char('"'))
            return {};
        for (qsizetype j = i + 1; j < m_s.size(); ++j) {
            if (m_s[j] == QLatin1Char('\\'))
                ++j;
            else if (m_s[j] == QLatin1Char('"') || (stopAtNewline && m_s[j] == QLatin1Char('\n'))) {
                if (end)
                    *end = j + 1;
                return m_s.mid(i + 1, j - i - 1);
            }
        }
        return {};
    }

    QStringView identifier(qsizetype i) const
    {
        if (i < 0 || i >= m_s.size() || !isIdentStart(m_s[i]))
            return {};
        qsizetype j = i;
        while (j < m_s.size() && (isIdentChar(m_s[j]) || m_s[j] == QLatin1Char('.')))
            ++j;
        return m_s.mid(i, j - i);
    }

    // The body of a [ list ] at i; null when none.
    QStringView list(qsizetype i) const
    {
        if (i < 0 || i >= m_s.size() || m_s[i] != QLatin1Char('['))
            return {};
        const qsizetype end = m_s.indexOf(QLatin1Char(']'), i);
        return end < 0 ? QStringView() : m_s.mid(i + 1, end - i - 1);
    }

    // The text a flag assignment covers: a [ list ], a "string", a ''string'' or the rest of the line.
    QStringView assigned(qsizetype from) const
    {
        auto upTo = [&](QStringView close, qsizetype start) {
            const qsizetype end = m_s.indexOf(close, start);
            return m_s.mid(from, (end < 0 ? m_s.size() : end) - from);
        };
        if (from >= m_s.size())
            return {};
        if (m_s[from] == QLatin1Char('['))
            return upTo(u"]", from + 1);
        if (m_s[from] == QLatin1Char('"'))
            return upTo(u"\"", from + 1);
        if (m_s.mid(from, 2) == u"''")
            return upTo(u"''", from + 2);
        return upTo(u"\n", from);
    }

    QStringView text() const { return m_s; }

protected:
    QStringView m_s;
};

class NixTextScanner : public NixText {
public:
    // Indexes the text: where each of kKeywords is assigned (`keyword = …`), where
    // each cudaPackages_… identifier stands, and the `name = "…"` binding candidates.
    // Only what can be one of those is looked at: every recipe of a scan passes here.
    explicit NixTextScanner(QStringView s);

    // The line (from 1) of offset. The line starts are found at the first question:
    // a recipe's few fields with a line are asked for after the index is made.
    int lineAt(qsizetype offset) const
    {
        if (!m_linesKnown)
            findLineStarts();
        return int(std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset) - m_lineStarts.begin()) + 1;
    }

    // Identifiers that start with cudaPackages_ (offset, length), in text order.
    const auto &cudaPackageSets() const { return m_cudaPackageSets; }

    // Next `word = …` (word one of kKeywords, a whole identifier; a `.` before is fine:
    // env.X = …) at or after from: the offset of word, or -1.
    qsizetype findAssigned(QStringView word, qsizetype from) const
    {
        for (size_t k = 0; k < std::size(kKeywords); ++k) {
            if (kKeywords[k] != word)
                continue;
            for (qsizetype at : m_keywords[k])
                if (at >= from)
                    return at;
            return -1;
        }
        return -1;
    }

    // The value of a simple `name = "value";` binding (let binding or attribute; the
    // first one counts); null when there is none. Candidates were noted by the index pass.
    QStringView binding(QStringView name) const
    {
        for (const Candidate &c : m_candidates) {
            if (c.length != name.size() || m_s.mid(c.start, c.length) != name)
                continue;
            qsizetype end = -1;
            const QStringView v = quoted(c.value, &end);
            if (end >= 0 && skipSpaces(end) < m_s.size() && m_s[skipSpaces(end)] == QLatin1Char(';'))
                return v;
        }
        return {};
    }

    // Replaces ${name} by bound string values; null when something stays unresolved.
    QString resolve(QStringView text) const
    {
        if (text.isNull() || interpolationAt(text) < 0)
            return text.toString(); // the common case: nothing to resolve
        QString value = text.toString();
        for (int depth = 0; depth < 4 && interpolationAt(value) >= 0; ++depth) {
            const qsizetype open = interpolationAt(value);
            const qsizetype close = value.indexOf(QLatin1Char('}'), open);
            const QStringView name = close < 0 ? QStringView() : QStringView(value).mid(open + 2, close - open - 2).trimmed();
            const QStringView bound = binding(name);
            if (bound.isNull())
                return {};
            value.replace(open, close - open + 1, bound.toString());
        }
        return interpolationAt(value) >= 0 ? QString() : value;
    }

    // Calls fn(view) with text's ${name} replaced by bound string values; not at all
    // when something stays unresolved. Without ${…} (nearly always) no copy is made.
    template <typename Fn> void withResolved(QStringView text, Fn &&fn) const
    {
        if (text.isNull())
            return;
        if (interpolationAt(text) < 0) {
            fn(text);
            return;
        }
        const QString value = resolve(text);
        if (!value.isNull())
            fn(QStringView(value));
    }

    // Calls fn(view) for the items of a nix list body: "strings" and identifiers,
    // resolved; unresolvable ones are left out.
    template <typename Fn> void forEachItem(QStringView body, Fn &&fn) const
    {
        const NixText inner(body);
        for (qsizetype i = inner.skipSpaces(0); i < body.size(); i = inner.skipSpaces(i)) {
            qsizetype end = -1;
            if (body[i] == QLatin1Char('"')) {
                const QStringView quoted = inner.quoted(i, &end);
                if (end < 0)
                    break;
                withResolved(quoted, [&](QStringView v) {
                    if (!v.isEmpty())
                        fn(v);
                });
            } else {
                const QStringView name = inner.identifier(i);
                end = i + std::max<qsizetype>(1, name.size());
                const QStringView v = name.isEmpty() ? QStringView() : binding(name);
                if (!v.isEmpty())
                    fn(v);
            }
            i = end;
        }
    }

    QStringList items(QStringView body) const
    {
        QStringList out;
        forEachItem(body, [&](QStringView v) { out.append(v.toString()); });
        return out;
    }

private:
    void noteAssignmentAt(qsizetype equals); // equals: an '='
    void findLineStarts() const;

    mutable QVarLengthArray<qsizetype, 128> m_lineStarts;
    mutable bool m_linesKnown = false;
    std::array<QVarLengthArray<qsizetype, 4>, std::size(kKeywords)> m_keywords; // offsets of each of kKeywords, in text order
    struct Candidate {
        qsizetype start, length, value; // name, and the offset of its "value"
    };
    QVarLengthArray<Candidate, 32> m_candidates;
    QVarLengthArray<std::pair<qsizetype, qsizetype>, 4> m_cudaPackageSets;
};

} // namespace vs::recipetext
