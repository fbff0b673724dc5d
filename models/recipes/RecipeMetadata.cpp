#include "recipes/RecipeMetadata.h"

#include <QRegularExpression>

#include <algorithm>

namespace vs {

namespace {

// The text with comments blanked out (same length, newlines kept), so that a
// commented-out `# gpuArchNum = "80";` is not read and offsets still map to lines.
// Knows nix "…" and ''…'' strings well enough for recipes; inside ''…'' a `#`
// after whitespace is a shell comment and is blanked too (dead shell lines).
QString withoutComments(const QString &text)
{
    enum class Mode { Code, Quoted, Indented, Block };
    QString s = text;
    const qsizetype n = s.size();
    Mode mode = Mode::Code;
    auto startsComment = [&](qsizetype i) {
        if (s[i] != QLatin1Char('#'))
            return false;
        if (i == 0)
            return true;
        const QChar p = s[i - 1];
        return p.isSpace() || (mode == Mode::Code && p == QLatin1Char(';'));
    };
    auto blankLine = [&](qsizetype i) {
        while (i < n && s[i] != QLatin1Char('\n'))
            s[i++] = QLatin1Char(' ');
        return i;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = s[i];
        const QChar next = i + 1 < n ? s[i + 1] : QChar();
        switch (mode) {
        case Mode::Code:
            if (c == QLatin1Char('"'))
                mode = Mode::Quoted;
            else if (c == QLatin1Char('\'') && next == QLatin1Char('\''))
                mode = Mode::Indented, ++i;
            else if (c == QLatin1Char('/') && next == QLatin1Char('*'))
                mode = Mode::Block, s[i] = s[i + 1] = QLatin1Char(' '), ++i;
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
                const QChar third = i + 2 < n ? s[i + 2] : QChar();
                if (third == QLatin1Char('$') || third == QLatin1Char('\'') || third == QLatin1Char('\\'))
                    i += 2; // ''$ ''' ''\ are escapes, not the end
                else
                    mode = Mode::Code, ++i;
            } else if (startsComment(i)) {
                i = blankLine(i);
            }
            break;
        case Mode::Block:
            if (c == QLatin1Char('*') && next == QLatin1Char('/')) {
                s[i] = s[i + 1] = QLatin1Char(' ');
                ++i;
                mode = Mode::Code;
            } else if (c != QLatin1Char('\n')) {
                s[i] = QLatin1Char(' ');
            }
            break;
        }
    }
    return s;
}

QRegularExpression re(const char *pattern)
{
    QRegularExpression r(QString::fromLatin1(pattern));
    r.optimize();
    return r;
}

// Maps offsets to 1-based lines.
class Lines {
public:
    explicit Lines(const QString &s)
    {
        m_starts.append(0);
        for (qsizetype i = 0; i < s.size(); ++i)
            if (s[i] == QLatin1Char('\n'))
                m_starts.append(i + 1);
    }
    int at(qsizetype offset) const { return int(std::upper_bound(m_starts.begin(), m_starts.end(), offset) - m_starts.begin()); }

private:
    QList<qsizetype> m_starts;
};

// Simple `name = "value";` bindings (let bindings and attributes alike), first wins.
using Bindings = QHash<QString, QString>;

Bindings stringBindings(const QString &s)
{
    static const QRegularExpression binding = re(R"re((?<![\w.'-])([A-Za-z_][\w'-]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*;)re");
    Bindings out;
    for (auto it = binding.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        if (!out.contains(m.captured(1)))
            out.insert(m.captured(1), m.captured(2));
    }
    return out;
}

// Replaces ${name} by bound string values; empty when something stays unresolved.
QString resolve(QString value, const Bindings &b)
{
    static const QRegularExpression antiquote = re(R"re(\$\{\s*([A-Za-z_][\w'-]*)\s*\})re");
    for (int depth = 0; depth < 4 && value.contains(QLatin1String("${")); ++depth) {
        QString out;
        qsizetype last = 0;
        for (auto it = antiquote.globalMatch(value); it.hasNext();) {
            const auto m = it.next();
            if (!b.contains(m.captured(1)))
                return {};
            out += value.mid(last, m.capturedStart() - last) + b.value(m.captured(1));
            last = m.capturedEnd();
        }
        value = out + value.mid(last);
    }
    return value.contains(QLatin1String("${")) ? QString() : value;
}

struct ArchEvidence {
    QString arch;
    qsizetype offset;
    QString source;
};

// Items of a nix list body: "strings" and identifiers (resolved through bindings).
QStringList listItems(const QString &body, const Bindings &b, bool *unresolved)
{
    static const QRegularExpression item = re(R"re("((?:[^"\\]|\\.)*)"|([A-Za-z_][\w'.-]*))re");
    QStringList out;
    for (auto it = item.globalMatch(body); it.hasNext();) {
        const auto m = it.next();
        const QString v = m.capturedStart(1) >= 0 ? resolve(m.captured(1), b) : b.value(m.captured(2));
        if (v.isEmpty())
            *unresolved = true;
        else
            out.append(v);
    }
    return out;
}

void gpuEvidence(const QString &s, const Bindings &b, QList<ArchEvidence> &ev)
{
    auto add = [&](const QString &value, qsizetype offset, const QString &source) {
        const QString a = RecipeMetadata::normaliseGpuArch(value);
        if (!a.isEmpty())
            ev.append({ a, offset, source });
    };
    // Definitions: gpuArchNum = "90" | "8.6"; gpuArchSM = "9.0"; gpuArch = "sm_90" | "mps".
    static const QRegularExpression defined = re(R"re(\b(gpuArchNum|gpuArchSM|gpuArch)\s*=\s*"([^"]*)")re");
    for (auto it = defined.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        add(resolve(m.captured(2), b), m.capturedStart(), m.captured(1));
    }
    // Uses: gpuTargets = [ gpuArchSM ] | [ "sm_90" ] | [ "9.0" ], nixpkgs' cudaCapabilities.
    static const QRegularExpression targets = re(R"re(\b(gpuTargets|cudaCapabilities)\s*=\s*\[([^\]]*)\])re");
    for (auto it = targets.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        bool unresolved = false;
        for (const QString &v : listItems(m.captured(2), b, &unresolved))
            add(v, m.capturedStart(), m.captured(1));
    }
    // TORCH_CUDA_ARCH_LIST="${gpuArchSM}" (shell) or = "9.0" / = gpuArchSM (nix); ";"/" " separate.
    static const QRegularExpression torch = re(R"re(\bTORCH_CUDA_ARCH_LIST\s*=\s*(?:"([^"\n]*)"|([A-Za-z_][\w'-]*)))re");
    for (auto it = torch.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        const QString value = m.capturedStart(1) >= 0 ? resolve(m.captured(1), b) : b.value(m.captured(2));
        static const QRegularExpression sep(QStringLiteral("[;\\s]+"));
        for (const QString &v : value.split(sep, Qt::SkipEmptyParts))
            add(v, m.capturedStart(), QStringLiteral("TORCH_CUDA_ARCH_LIST"));
    }
}

// The text a flag assignment covers: a [ list ], a "string", a ''string'' or the rest of the line.
QString assignedText(const QString &s, qsizetype from)
{
    if (from >= s.size())
        return {};
    auto upTo = [&](const QString &close, qsizetype start) {
        const qsizetype end = s.indexOf(close, start);
        return s.mid(from, (end < 0 ? s.size() : end) - from);
    };
    if (s[from] == QLatin1Char('['))
        return upTo(QStringLiteral("]"), from + 1);
    if (s[from] == QLatin1Char('"'))
        return upTo(QStringLiteral("\""), from + 1);
    if (s.mid(from, 2) == QLatin1String("''"))
        return upTo(QStringLiteral("''"), from + 2);
    return upTo(QStringLiteral("\n"), from);
}

void readCpuFlags(const QString &s, const Lines &lines, RecipeMetadata &meta)
{
    static const QRegularExpression assignment = re(R"re(\b(cpuFlags|CXXFLAGS|CFLAGS|NIX_CFLAGS_COMPILE|compilerFlags)\s*=\s*)re");
    static const QRegularExpression flag = re(R"re((?<![\w-])-m[a-z0-9][\w.+=,-]*)re");
    for (auto it = assignment.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        const QString covered = assignedText(s, m.capturedEnd());
        bool found = false;
        for (auto f = flag.globalMatch(covered); f.hasNext();) {
            const QString value = f.next().captured(0);
            found = true;
            if (!meta.cpuFlags.contains(value))
                meta.cpuFlags.append(value);
        }
        if (found && !meta.lines.contains(QStringLiteral("cpuFlags")))
            meta.lines.insert(QStringLiteral("cpuFlags"), lines.at(m.capturedStart()));
    }
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
    static const QRegularExpression named = re(R"re(^(?:sm_?|compute_)(\d{2,3}[a-z]?)$)re");
    static const QRegularExpression number = re(R"re(^(\d{2,3}[a-z]?)$)re");
    static const QRegularExpression capability = re(R"re(^(\d{1,2})\.(\d)([a-z]?)$)re");
    QRegularExpressionMatch m = named.match(v);
    if (m.hasMatch())
        return QStringLiteral("sm") + m.captured(1);
    m = number.match(v);
    if (m.hasMatch())
        return QStringLiteral("sm") + m.captured(1);
    m = capability.match(v);
    if (m.hasMatch())
        return QStringLiteral("sm") + m.captured(1) + m.captured(2) + m.captured(3);
    return {};
}

RecipeMetadata RecipeMetadata::extract(const QString &text)
{
    RecipeMetadata meta;
    const QString s = withoutComments(text);
    const Lines lines(s);
    const Bindings bindings = stringBindings(s);

    auto first = [&](const QRegularExpression &r, const char *field, int group = 1) -> QString {
        const auto m = r.match(s);
        if (!m.hasMatch())
            return {};
        meta.lines.insert(QString::fromLatin1(field), lines.at(m.capturedStart()));
        return m.captured(group);
    };

    static const QRegularExpression pname = re(R"re(\bpname\s*=\s*"([^"]*)")re");
    meta.pname = first(pname, "pname");
    static const QRegularExpression rev = re(R"re(nixpkgs/(?:archive|tarball)/([0-9A-Za-z._-]+?)(?:\.tar\.gz|\.zip)?")re");
    meta.nixpkgsRev = first(rev, "nixpkgsRev");
    static const QRegularExpression cuda = re(R"re(\bcudaPackages_\d+_\d+\b)re");
    meta.cudaPackages = first(cuda, "cudaPackages", 0);
    static const QRegularExpression support = re(R"re(\bcudaSupport\s*=\s*(true|false)\b)re");
    const QString supported = first(support, "cudaSupport");
    if (!supported.isEmpty())
        meta.cudaSupport = supported == QLatin1String("true");
    static const QRegularExpression description = re(R"re(\bdescription\s*=\s*"((?:[^"\\]|\\.)*)")re");
    meta.description = first(description, "description");
    static const QRegularExpression platforms = re(R"re(\bplatforms\s*=\s*\[([^\]]*)\])re");
    bool unresolved = false;
    meta.platforms = listItems(first(platforms, "platforms"), bindings, &unresolved);

    readCpuFlags(s, lines, meta);

    QList<ArchEvidence> ev;
    gpuEvidence(s, bindings, ev);
    std::sort(ev.begin(), ev.end(), [](const ArchEvidence &a, const ArchEvidence &b) { return a.offset < b.offset; });
    for (const ArchEvidence &e : ev) {
        if (e.arch != ev.first().arch) {
            meta.gpuArchConflict = QStringLiteral("%1 says %2 (line %3) but %4 says %5 (line %6)")
                                       .arg(ev.first().source, ev.first().arch)
                                       .arg(lines.at(ev.first().offset))
                                       .arg(e.source, e.arch)
                                       .arg(lines.at(e.offset));
            meta.lines.insert(QStringLiteral("gpuArch"), lines.at(e.offset));
            return meta;
        }
    }
    if (!ev.isEmpty()) {
        meta.gpuArch = ev.first().arch;
        meta.lines.insert(QStringLiteral("gpuArch"), lines.at(ev.first().offset));
    }
    return meta;
}

} // namespace vs
