#include "recipes/RecipeMetadata.h"

#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <iterator>

namespace vs {

// A scan reads thousands of recipes, so this is a hand-written scanner: keywords
// are found with QString::indexOf and the few value shapes are parsed in place
// (one regular expression per field was ten times slower; see bench/scan_bench).
namespace {

// ASCII through a table: these run for every character of every recipe of a scan.
constexpr auto kAsciiIdent = [] {
    std::array<bool, 128> t {};
    for (int c = 0; c < 128; ++c)
        t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '\'' || c == '-';
    return t;
}();

bool isIdentChar(QChar c)
{
    return c.unicode() < 128 ? kAsciiIdent[c.unicode()] : c.isLetterOrNumber();
}

bool isIdentStart(QChar c)
{
    const char16_t u = c.unicode();
    return u < 128 ? (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' : c.isLetter();
}

// The text with comments blanked out (same length, newlines kept), so that a
// commented-out `# gpuArchNum = "80";` is not read and offsets still map to lines.
// Knows nix "…" and ''…'' strings well enough for recipes; inside ''…'' a `#`
// after whitespace is a shell comment and is blanked too (dead shell lines).
QString withoutComments(const QString &text)
{
    enum class Mode { Code, Quoted, Indented, Block };
    QString s = text;
    QChar *d = s.data();
    const qsizetype n = s.size();
    Mode mode = Mode::Code;
    auto startsComment = [&](qsizetype i) {
        if (d[i] != QLatin1Char('#'))
            return false;
        return i == 0 || d[i - 1].isSpace() || (mode == Mode::Code && d[i - 1] == QLatin1Char(';'));
    };
    auto blankLine = [&](qsizetype i) {
        while (i < n && d[i] != QLatin1Char('\n'))
            d[i++] = QLatin1Char(' ');
        return i;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = d[i];
        const QChar next = i + 1 < n ? d[i + 1] : QChar();
        switch (mode) {
        case Mode::Code:
            if (c == QLatin1Char('"'))
                mode = Mode::Quoted;
            else if (c == QLatin1Char('\'') && next == QLatin1Char('\''))
                mode = Mode::Indented, ++i;
            else if (c == QLatin1Char('/') && next == QLatin1Char('*'))
                mode = Mode::Block, d[i] = d[i + 1] = QLatin1Char(' '), ++i;
            else if (startsComment(i))
                i = blankLine(i);
            break;
        case Mode::Quoted:
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('"'))
                mode = Mode::Code;
            break;
        case Mode::Indented:
            if (c == QLatin1Char('\'') && next == QLatin1Char('\'')) {
                const QChar third = i + 2 < n ? d[i + 2] : QChar();
                if (third == QLatin1Char('$') || third == QLatin1Char('\'') || third == QLatin1Char('\\'))
                    i += 2; // ''$ ''' ''\ are escapes, not the end
                else
                    mode = Mode::Code, ++i;
            } else if (startsComment(i)) {
                i = blankLine(i);
            }
            break;
        case Mode::Block:
            if (c == QLatin1Char('*') && next == QLatin1Char('/'))
                d[i] = d[i + 1] = QLatin1Char(' '), ++i, mode = Mode::Code;
            else if (c != QLatin1Char('\n'))
                d[i] = QLatin1Char(' ');
            break;
        }
    }
    return s;
}

// The comment-free text with the small parsing steps the fields need.
// The identifiers the fields start with; one pass over the text finds them all.
constexpr QStringView kKeywords[]
    = { u"pname", u"description", u"cudaSupport", u"platforms", u"gpuArchNum", u"gpuArchSM", u"gpuArch", u"gpuTargets", u"cudaCapabilities",
          u"TORCH_CUDA_ARCH_LIST", u"cpuFlags", u"CXXFLAGS", u"CFLAGS", u"NIX_CFLAGS_COMPILE", u"compilerFlags" };

class Scanner {
public:
    explicit Scanner(const QString &s, bool indexKeywords = true)
        : m_s(s)
    {
        const QChar *d = s.constData();
        const qsizetype n = s.size();
        for (qsizetype i = 0; i < n;) {
            if (d[i] == QLatin1Char('\n')) {
                m_lineStarts.append(++i);
                continue;
            }
            if (!indexKeywords || !isIdentChar(d[i])) {
                ++i;
                continue;
            }
            qsizetype j = i + 1;
            while (j < n && isIdentChar(d[j]))
                ++j;
            if (isIdentStart(d[i])) {
                // name = "…": a binding candidate (not an attribute path's tail such as a.b = "…").
                qsizetype k = j;
                while (k < n && d[k].isSpace())
                    ++k;
                if (k + 1 < n && d[k] == QLatin1Char('=') && d[k + 1] != QLatin1Char('=') && (i == 0 || d[i - 1] != QLatin1Char('.'))) {
                    qsizetype v = k + 1;
                    while (v < n && d[v].isSpace())
                        ++v;
                    if (v < n && d[v] == QLatin1Char('"'))
                        m_candidates.append({ i, j - i, v });
                }
                const QStringView word(d + i, j - i);
                for (int k = 0; k < int(std::size(kKeywords)); ++k)
                    if (kKeywords[k].size() == word.size() && kKeywords[k] == word)
                        m_keywords.append({ k, i });
            }
            i = j;
        }
    }

    int lineAt(qsizetype offset) const
    {
        return int(std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset) - m_lineStarts.begin()) + 1;
    }

    // Next `word` (one of kKeywords) at or after from that is a whole identifier (a `.` before is fine: env.X).
    qsizetype findWord(QStringView word, qsizetype from) const
    {
        for (const auto &[k, at] : m_keywords)
            if (at >= from && kKeywords[k] == word)
                return at;
        return -1;
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
    QString quoted(qsizetype i, qsizetype *end = nullptr, bool stopAtNewline = false) const
    {
        if (i < 0 || i >= m_s.size() || m_s[i] != QLatin1Char('"'))
            return {};
        for (qsizetype j = i + 1; j < m_s.size(); ++j) {
            if (m_s[j] == QLatin1Char('\\'))
                ++j;
            else if (m_s[j] == QLatin1Char('"') || (stopAtNewline && m_s[j] == QLatin1Char('\n'))) {
                if (end)
                    *end = j + 1;
                return QString(m_s.constData() + i + 1, j - i - 1);
            }
        }
        return {};
    }

    QString identifier(qsizetype i) const
    {
        if (i < 0 || i >= m_s.size() || !isIdentStart(m_s[i]))
            return {};
        qsizetype j = i;
        while (j < m_s.size() && (isIdentChar(m_s[j]) || m_s[j] == QLatin1Char('.')))
            ++j;
        return m_s.mid(i, j - i);
    }

    // The body of a [ list ] at i; null when none.
    QString list(qsizetype i) const
    {
        if (i < 0 || i >= m_s.size() || m_s[i] != QLatin1Char('['))
            return {};
        const qsizetype end = m_s.indexOf(QLatin1Char(']'), i);
        return end < 0 ? QString() : m_s.mid(i + 1, end - i - 1);
    }

    // The text a flag assignment covers: a [ list ], a "string", a ''string'' or the rest of the line.
    QString assigned(qsizetype from) const
    {
        auto upTo = [&](QLatin1StringView close, qsizetype start) {
            const qsizetype end = m_s.indexOf(close, start);
            return m_s.mid(from, (end < 0 ? m_s.size() : end) - from);
        };
        if (from >= m_s.size())
            return {};
        if (m_s[from] == QLatin1Char('['))
            return upTo(QLatin1StringView("]"), from + 1);
        if (m_s[from] == QLatin1Char('"'))
            return upTo(QLatin1StringView("\""), from + 1);
        if (m_s.mid(from, 2) == QLatin1String("''"))
            return upTo(QLatin1StringView("''"), from + 2);
        return upTo(QLatin1StringView("\n"), from);
    }

    // The value of a simple `name = "value";` binding (let binding or attribute; the
    // first one counts); null when there is none. Candidates were noted by the index pass.
    QString binding(QStringView name) const
    {
        for (const Candidate &c : m_candidates) {
            if (c.length != name.size() || QStringView(m_s.constData() + c.start, c.length) != name)
                continue;
            qsizetype end = -1;
            const QString v = quoted(c.value, &end);
            if (end >= 0 && skipSpaces(end) < m_s.size() && m_s[skipSpaces(end)] == QLatin1Char(';'))
                return v;
        }
        return {};
    }

    // Replaces ${name} by bound string values; empty when something stays unresolved.
    QString resolve(QString value)
    {
        for (int depth = 0; depth < 4 && value.contains(QLatin1String("${")); ++depth) {
            const qsizetype open = value.indexOf(QLatin1String("${"));
            const qsizetype close = value.indexOf(QLatin1Char('}'), open);
            const QString name = close < 0 ? QString() : value.mid(open + 2, close - open - 2).trimmed();
            const QString bound = binding(name);
            if (bound.isNull())
                return {};
            value.replace(open, close - open + 1, bound);
        }
        return value.contains(QLatin1String("${")) ? QString() : value;
    }

    // Items of a nix list body: "strings" and identifiers, resolved; unresolvable ones are left out.
    QStringList items(const QString &body)
    {
        QStringList out;
        const Scanner inner(body, false);
        for (qsizetype i = inner.skipSpaces(0); i < body.size(); i = inner.skipSpaces(i)) {
            qsizetype end = -1;
            QString v;
            if (body[i] == QLatin1Char('"')) {
                v = resolve(inner.quoted(i, &end));
            } else {
                const QString name = inner.identifier(i);
                end = i + std::max<qsizetype>(1, name.size());
                v = name.isEmpty() ? QString() : binding(name);
            }
            if (end < 0)
                break;
            if (!v.isEmpty())
                out.append(v);
            i = end;
        }
        return out;
    }

    const QString &text() const { return m_s; }

private:
    const QString &m_s;
    QList<qsizetype> m_lineStarts;
    QVarLengthArray<std::pair<int, qsizetype>, 48> m_keywords; // kKeywords index, offset; in text order
    struct Candidate {
        qsizetype start, length, value; // name, and the offset of its "value"
    };
    QVarLengthArray<Candidate, 32> m_candidates;
};

struct ArchEvidence {
    QString arch;
    qsizetype offset;
    QString source;
};

void gpuEvidence(Scanner &sc, QList<ArchEvidence> &ev)
{
    auto add = [&](const QString &value, qsizetype offset, QStringView source) {
        const QString a = RecipeMetadata::normaliseGpuArch(value);
        if (!a.isEmpty())
            ev.append({ a, offset, source.toString() });
    };
    // Definitions: gpuArchNum = "90" | "8.6"; gpuArchSM = "9.0"; gpuArch = "sm_90" | "mps".
    for (QStringView word : { QStringView(u"gpuArchNum"), QStringView(u"gpuArchSM"), QStringView(u"gpuArch") })
        for (qsizetype at = sc.findWord(word, 0); at >= 0; at = sc.findWord(word, at + 1))
            add(sc.resolve(sc.quoted(sc.valueAfter(at + word.size()))), at, word);
    // Uses: gpuTargets = [ gpuArchSM ] | [ "sm_90" ] | [ "9.0" ], and nixpkgs' cudaCapabilities.
    for (QStringView word : { QStringView(u"gpuTargets"), QStringView(u"cudaCapabilities") })
        for (qsizetype at = sc.findWord(word, 0); at >= 0; at = sc.findWord(word, at + 1))
            for (const QString &v : sc.items(sc.list(sc.valueAfter(at + word.size()))))
                add(v, at, word);
    // TORCH_CUDA_ARCH_LIST="${gpuArchSM}" (shell) or = "9.0" / = gpuArchSM (nix); ";" or " " separate.
    const QStringView torch(u"TORCH_CUDA_ARCH_LIST");
    for (qsizetype at = sc.findWord(torch, 0); at >= 0; at = sc.findWord(torch, at + 1)) {
        const qsizetype v = sc.valueAfter(at + torch.size());
        if (v < 0 || v >= sc.text().size())
            continue;
        const QString value = sc.text()[v] == QLatin1Char('"') ? sc.resolve(sc.quoted(v, nullptr, true)) : sc.binding(sc.identifier(v));
        QString normalised = value;
        normalised.replace(QLatin1Char(';'), QLatin1Char(' '));
        for (const QString &part : normalised.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            add(part, at, torch);
    }
}

// -m… flags in a text: "-mavx2", "-march=armv8.2-a+fp16+dotprod".
QStringList flagsIn(const QString &covered)
{
    auto flagChar = [](QChar c) { return c.isLetterOrNumber() || QStringLiteral("_-.+=,").contains(c); };
    QStringList flags;
    for (qsizetype i = covered.indexOf(QLatin1String("-m")); i >= 0; i = covered.indexOf(QLatin1String("-m"), i + 2)) {
        if ((i > 0 && isIdentChar(covered[i - 1])) || i + 2 >= covered.size() || !covered[i + 2].isLetterOrNumber())
            continue;
        qsizetype j = i + 2;
        while (j < covered.size() && flagChar(covered[j]))
            ++j;
        flags.append(covered.mid(i, j - i));
    }
    return flags;
}

// Flags of every cpuFlags/CXXFLAGS/… assignment, in text order, without duplicates.
void readCpuFlags(const Scanner &sc, RecipeMetadata &meta)
{
    QList<std::pair<qsizetype, QStringList>> found;
    for (QStringView word : { QStringView(u"cpuFlags"), QStringView(u"CXXFLAGS"), QStringView(u"CFLAGS"),
             QStringView(u"NIX_CFLAGS_COMPILE"), QStringView(u"compilerFlags") }) {
        for (qsizetype at = sc.findWord(word, 0); at >= 0; at = sc.findWord(word, at + 1)) {
            const qsizetype v = sc.valueAfter(at + word.size());
            if (v < 0)
                continue;
            const QStringList flags = flagsIn(sc.assigned(v));
            if (!flags.isEmpty())
                found.append({ at, flags });
        }
    }
    if (found.isEmpty())
        return;
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[at, flags] : found)
        for (const QString &f : flags)
            if (!meta.cpuFlags.contains(f))
                meta.cpuFlags.append(f);
    meta.lines.insert(QStringLiteral("cpuFlags"), sc.lineAt(found.first().first));
}

} // namespace

QString RecipeMetadata::cudaRelease() const
{
    return cudaPackages.startsWith(QLatin1String("cudaPackages_")) ? cudaPackages.mid(13) : QString();
}

QString RecipeMetadata::normaliseGpuArch(const QString &value)
{
    QString v = value.trimmed().toLower();
    if (v == QLatin1String("mps"))
        return v;
    if (v.endsWith(QLatin1String("+ptx")))
        v.chop(4);
    for (const char *prefix : { "sm_", "sm", "compute_" }) {
        if (v.startsWith(QLatin1String(prefix))) {
            v.remove(0, qsizetype(qstrlen(prefix)));
            break;
        }
    }
    QString letter; // sm90a: architecture-specific features
    if (!v.isEmpty() && v.back().isLower())
        letter = v.back(), v.chop(1);
    auto digits = [](const QString &s, int min, int max) {
        return s.size() >= min && s.size() <= max && std::all_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
    };
    const qsizetype dot = v.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return digits(v, 2, 3) ? QStringLiteral("sm") + v + letter : QString();
    const QString major = v.left(dot), minor = v.mid(dot + 1);
    return digits(major, 1, 2) && digits(minor, 1, 1) ? QStringLiteral("sm") + major + minor + letter : QString();
}

RecipeMetadata RecipeMetadata::extract(const QString &text)
{
    RecipeMetadata meta;
    const QString s = withoutComments(text);
    Scanner sc(s);

    // `word = "value"` fields: the first occurrence counts.
    auto stringField = [&](QStringView word, const char *field) -> QString {
        for (qsizetype at = sc.findWord(word, 0); at >= 0; at = sc.findWord(word, at + 1)) {
            qsizetype end = -1;
            const QString v = sc.quoted(sc.valueAfter(at + word.size()), &end);
            if (end >= 0) {
                meta.lines.insert(QString::fromLatin1(field), sc.lineAt(at));
                return v;
            }
        }
        return {};
    };
    meta.pname = stringField(QStringView(u"pname"), "pname");
    meta.description = stringField(QStringView(u"description"), "description");

    for (qsizetype at = sc.findWord(QStringView(u"cudaSupport"), 0); at >= 0 && !meta.cudaSupport;
         at = sc.findWord(QStringView(u"cudaSupport"), at + 1)) {
        const QString v = sc.identifier(sc.valueAfter(at + 11));
        if (v == QLatin1String("true") || v == QLatin1String("false")) {
            meta.cudaSupport = v == QLatin1String("true");
            meta.lines.insert(QStringLiteral("cudaSupport"), sc.lineAt(at));
        }
    }
    for (qsizetype at = sc.findWord(QStringView(u"platforms"), 0); at >= 0; at = sc.findWord(QStringView(u"platforms"), at + 1)) {
        const QString body = sc.list(sc.valueAfter(at + 9));
        if (!body.isNull()) {
            meta.platforms = sc.items(body);
            meta.lines.insert(QStringLiteral("platforms"), sc.lineAt(at));
            break;
        }
    }
    // cudaPackages_12_9 anywhere (overlay, argument or attribute).
    for (qsizetype at = s.indexOf(QLatin1String("cudaPackages_")); at >= 0 && meta.cudaPackages.isEmpty();
         at = s.indexOf(QLatin1String("cudaPackages_"), at + 1)) {
        qsizetype j = at + 13;
        while (j < s.size() && (s[j].isDigit() || s[j] == QLatin1Char('_')))
            ++j;
        const QString id = s.mid(at + 13, j - at - 13);
        const QStringList parts = id.split(QLatin1Char('_'));
        if ((at == 0 || !isIdentChar(s[at - 1])) && (j >= s.size() || !isIdentChar(s[j])) && parts.size() == 2 && !parts[0].isEmpty()
            && !parts[1].isEmpty()) {
            meta.cudaPackages = s.mid(at, j - at);
            meta.lines.insert(QStringLiteral("cudaPackages"), sc.lineAt(at));
        }
    }
    // nixpkgs pin: …/nixpkgs/archive/<rev>.tar.gz or …/nixpkgs/tarball/<rev>.
    for (const char *marker : { "nixpkgs/archive/", "nixpkgs/tarball/" }) {
        const qsizetype at = s.indexOf(QLatin1String(marker));
        if (at < 0 || !meta.nixpkgsRev.isEmpty())
            continue;
        const qsizetype from = at + qsizetype(qstrlen(marker));
        qsizetype j = from;
        while (j < s.size() && (s[j].isLetterOrNumber() || QStringLiteral("._-").contains(s[j])))
            ++j;
        if (j >= s.size() || s[j] != QLatin1Char('"') || j == from)
            continue;
        QString rev = s.mid(from, j - from);
        for (const char *suffix : { ".tar.gz", ".zip" })
            if (rev.endsWith(QLatin1String(suffix)))
                rev.chop(qsizetype(qstrlen(suffix)));
        meta.nixpkgsRev = rev;
        meta.lines.insert(QStringLiteral("nixpkgsRev"), sc.lineAt(at));
    }

    readCpuFlags(sc, meta);

    QList<ArchEvidence> ev;
    gpuEvidence(sc, ev);
    std::stable_sort(ev.begin(), ev.end(), [](const ArchEvidence &a, const ArchEvidence &b) { return a.offset < b.offset; });
    for (const ArchEvidence &e : ev) {
        if (e.arch != ev.first().arch) {
            meta.gpuArchConflict = QStringLiteral("%1 says %2 (line %3) but %4 says %5 (line %6)")
                                       .arg(ev.first().source, ev.first().arch)
                                       .arg(sc.lineAt(ev.first().offset))
                                       .arg(e.source, e.arch)
                                       .arg(sc.lineAt(e.offset));
            meta.lines.insert(QStringLiteral("gpuArch"), sc.lineAt(e.offset));
            return meta;
        }
    }
    if (!ev.isEmpty()) {
        meta.gpuArch = ev.first().arch;
        meta.lines.insert(QStringLiteral("gpuArch"), sc.lineAt(ev.first().offset));
    }
    return meta;
}

} // namespace vs
