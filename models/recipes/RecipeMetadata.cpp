#include "recipes/RecipeMetadata.h"
#include "recipes/NixTextScanner.h"

#include "catalog/CudaVersion.h"

#include <QStringDecoder>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <iterator>

namespace vs {

namespace {

using namespace recipetext;

struct ArchEvidence {
    QString arch;
    qsizetype offset;
    QStringView source; // a keyword (static text)
};

void gpuEvidence(NixTextScanner &sc, QList<ArchEvidence> &ev)
{
    auto add = [&](QStringView value, qsizetype offset, QStringView source) {
        QString a = RecipeMetadata::normaliseGpuArch(value);
        if (!a.isEmpty())
            ev.append({ std::move(a), offset, source });
    };
    // Definitions: gpuArchNum = "90" | "8.6"; gpuArchSM = "9.0"; gpuArch = "sm_90" | "mps".
    for (QStringView word : { QStringView(u"gpuArchNum"), QStringView(u"gpuArchSM"), QStringView(u"gpuArch") })
        for (qsizetype at = sc.findAssigned(word, 0); at >= 0; at = sc.findAssigned(word, at + 1))
            sc.withResolved(sc.quoted(sc.valueAfter(at + word.size())), [&](QStringView v) { add(v, at, word); });
    // Uses: gpuTargets = [ gpuArchSM ] | [ "sm_90" ] | [ "9.0" ], and nixpkgs' cudaCapabilities.
    for (QStringView word : { QStringView(u"gpuTargets"), QStringView(u"cudaCapabilities") })
        for (qsizetype at = sc.findAssigned(word, 0); at >= 0; at = sc.findAssigned(word, at + 1))
            sc.forEachItem(sc.list(sc.valueAfter(at + word.size())), [&](QStringView v) { add(v, at, word); });
    // TORCH_CUDA_ARCH_LIST="${gpuArchSM}" (shell) or = "9.0" / = gpuArchSM (nix); ";" or " " separate.
    const QStringView torch(u"TORCH_CUDA_ARCH_LIST");
    for (qsizetype at = sc.findAssigned(torch, 0); at >= 0; at = sc.findAssigned(torch, at + 1)) {
        const qsizetype v = sc.valueAfter(at + torch.size());
        if (v < 0 || v >= sc.text().size())
            continue;
        auto parts = [&](QStringView value) {
            for (qsizetype from = 0; from < value.size();) { // parts separated by ';' or ' '
                qsizetype to = from;
                while (to < value.size() && value[to] != QLatin1Char(';') && value[to] != QLatin1Char(' '))
                    ++to;
                if (to > from)
                    add(value.mid(from, to - from), at, torch);
                from = to + 1;
            }
        };
        if (sc.text()[v] == QLatin1Char('"'))
            sc.withResolved(sc.quoted(v, nullptr, true), parts);
        else
            parts(sc.binding(sc.identifier(v)));
    }
}

// The uses among the evidence: what the build's TORCH_CUDA_ARCH_LIST comes from. The
// last export wins in the shell (so the deep check reads it), else gpuTargets /
// cudaCapabilities. Their line is where a deep-check finding about GPU targets points.
void readGpuUses(const NixTextScanner &sc, const QList<ArchEvidence> &ev, RecipeMetadata &meta)
{
    const ArchEvidence *decisive = nullptr;
    QString agreed;
    bool agree = true;
    for (const ArchEvidence &e : ev) {
        const bool torch = e.source == QLatin1String("TORCH_CUDA_ARCH_LIST");
        if (!torch && e.source != QLatin1String("gpuTargets") && e.source != QLatin1String("cudaCapabilities"))
            continue; // a definition (gpuArchNum, gpuArchSM): it matters only through a use
        if (agreed.isEmpty())
            agreed = e.arch;
        agree = agree && e.arch == agreed;
        if (torch || !decisive) // ev is in text order: the last export wins
            decisive = &e;
    }
    if (decisive)
        meta.lines.insert(QStringLiteral("gpuTargets"), sc.lineAt(decisive->offset));
    if (agree)
        meta.gpuArchInUse = agreed;
}

// -m… flags in a text: "-mavx2", "-march=armv8.2-a+fp16+dotprod"; views into it.
template <typename Fn> void forEachFlag(QStringView covered, Fn &&fn)
{
    auto flagChar = [](QChar c) {
        const char16_t u = c.unicode();
        return u < 128 ? (kAsciiIdent[u] && u != u'\'') || u == u'.' || u == u'+' || u == u'=' || u == u',' : c.isLetterOrNumber();
    };
    for (qsizetype i = 0; i + 1 < covered.size(); ++i) { // each "-m" (a plain loop: these texts are short)
        if (covered[i] != QLatin1Char('-') || covered[i + 1] != QLatin1Char('m'))
            continue;
        if ((i > 0 && isIdentChar(covered[i - 1])) || i + 2 >= covered.size() || !covered[i + 2].isLetterOrNumber())
            continue;
        qsizetype j = i + 2;
        while (j < covered.size() && flagChar(covered[j]))
            ++j;
        fn(covered.mid(i, j - i));
    }
}

// Flags of every cpuFlags/CXXFLAGS/… assignment, in text order, without duplicates.
void readCpuFlags(const NixTextScanner &sc, RecipeMetadata &meta)
{
    struct Found {
        qsizetype at; // the assignment's keyword
        QStringView flag;
    };
    QVarLengthArray<Found, 16> found;
    for (QStringView word : { QStringView(u"cpuFlags"), QStringView(u"CXXFLAGS"), QStringView(u"CFLAGS"),
             QStringView(u"NIX_CFLAGS_COMPILE"), QStringView(u"compilerFlags") }) {
        for (qsizetype at = sc.findAssigned(word, 0); at >= 0; at = sc.findAssigned(word, at + 1)) {
            const qsizetype v = sc.valueAfter(at + word.size());
            if (v >= 0)
                forEachFlag(sc.assigned(v), [&](QStringView flag) { found.append({ at, flag }); });
        }
    }
    if (found.isEmpty())
        return;
    // By assignment in text order; within one, in the order written.
    // (Usually so already: the words are asked in the order recipes write them.)
    auto byOffset = [](const Found &a, const Found &b) { return a.at < b.at; };
    if (!std::is_sorted(found.begin(), found.end(), byOffset))
        std::stable_sort(found.begin(), found.end(), byOffset);
    for (const Found &f : found)
        if (std::none_of(meta.cpuFlags.cbegin(), meta.cpuFlags.cend(), [&](const QString &kept) { return kept == f.flag; }))
            meta.cpuFlags.append(f.flag.toString());
    meta.lines.insert(QStringLiteral("cpuFlags"), sc.lineAt(found.first().at));
}

// Where a `cudaSupport = …` binding sits decides what it means.
enum class CudaScope { Override, Other, NixpkgsConfig };

// The identifier that ends right before `end` (exclusive), or empty.
QStringView wordBefore(QStringView s, qsizetype end)
{
    qsizetype from = end;
    while (from > 0 && isIdentChar(s[from - 1]))
        --from;
    return s.mid(from, end - from);
}

qsizetype skipSpacesBack(QStringView s, qsizetype i)
{
    while (i >= 0 && s[i].isSpace())
        --i;
    return i;
}

// What the attribute set opened at `brace` is handed to: `x.override {`,
// `x.override (old: {`, `config = {`, or something else.
CudaScope scopeOfSet(QStringView s, qsizetype brace)
{
    qsizetype j = skipSpacesBack(s, brace - 1);
    if (j >= 0 && s[j] == QLatin1Char(':')) { // (old: { … }): a function of the old arguments
        j = skipSpacesBack(s, j - 1);
        j -= wordBefore(s, j + 1).size();
        j = skipSpacesBack(s, j);
        if (j < 0 || s[j] != QLatin1Char('('))
            return CudaScope::Other;
        j = skipSpacesBack(s, j - 1);
    }
    if (j >= 0 && s[j] == QLatin1Char('=')) {
        const qsizetype nameEnd = skipSpacesBack(s, j - 1) + 1;
        return wordBefore(s, nameEnd) == u"config" ? CudaScope::NixpkgsConfig : CudaScope::Other;
    }
    const QStringView word = wordBefore(s, j + 1);
    const qsizetype before = j - word.size();
    return word == u"override" && before >= 0 && s[before] == QLatin1Char('.') ? CudaScope::Override : CudaScope::Other;
}

CudaScope scopeOf(QStringView s, qsizetype at)
{
    if (at >= 7 && s.mid(at - 7, 7) == u"config.")
        return CudaScope::NixpkgsConfig; // import <nixpkgs> { config.cudaSupport = true; }
    // The innermost set around the binding. Braces inside strings come in pairs
    // (${…}), so counting them backwards finds it in the recipes we read.
    int depth = 0;
    for (qsizetype i = at - 1; i >= 0; --i) {
        if (s[i] == QLatin1Char('}'))
            ++depth;
        else if (s[i] == QLatin1Char('{') && depth-- == 0)
            return scopeOfSet(s, i);
    }
    return CudaScope::Other;
}

// What counts is what PyTorch is built with: TorchVision CPU recipes set nixpkgs'
// config.cudaSupport = true while their torch.override says false. So an override's
// binding wins, then any other (a let binding), and nixpkgs' config only without
// either. An override whose value is not literal (`cudaSupport = config.cudaSupport`
// in a callPackage recipe) leaves it unknown: only evaluation can tell.
void readCudaSupport(const NixTextScanner &sc, RecipeMetadata &meta)
{
    struct Found {
        std::optional<bool> value;
        qsizetype at = -1;
    };
    std::array<Found, 3> first; // by CudaScope
    const QStringView word(u"cudaSupport");
    for (qsizetype at = sc.findAssigned(word, 0); at >= 0; at = sc.findAssigned(word, at + 1)) {
        const qsizetype v = sc.valueAfter(at + word.size());
        if (v < 0)
            continue;
        const CudaScope scope = scopeOf(sc.text(), at);
        const QStringView value = sc.identifier(v);
        const bool literal = value == u"true" || value == u"false";
        Found &slot = first[size_t(scope)];
        if (slot.at >= 0 || (!literal && scope != CudaScope::Override))
            continue;
        slot.at = at;
        if (literal)
            slot.value = value == u"true";
    }
    for (const Found &f : first) {
        if (f.at < 0)
            continue;
        meta.cudaSupport = f.value;
        if (f.value)
            meta.lines.insert(QStringLiteral("cudaSupport"), sc.lineAt(f.at));
        return;
    }
}

} // namespace

void FieldLines::insert(const QString &field, int line)
{
    auto at = std::lower_bound(m_entries.begin(), m_entries.end(), field, [](const Entry &e, const QString &f) { return e.field < f; });
    if (at != m_entries.end() && at->field == field) {
        at->line = line;
        return;
    }
    const qsizetype index = at - m_entries.begin();
    if (m_entries.isEmpty())
        m_entries.reserve(10); // about as many as a recipe has: one allocation
    m_entries.insert(index, { field, line });
}

const FieldLines::Entry *FieldLines::find(QStringView field) const
{
    for (const Entry &e : m_entries)
        if (e.field == field)
            return &e;
    return nullptr;
}

int FieldLines::value(QStringView field, int fallback) const
{
    const Entry *e = find(field);
    return e ? e->line : fallback;
}

QString RecipeMetadata::cudaRelease() const
{
    return CudaVersion::fromAttribute(cudaPackages);
}

QString RecipeMetadata::normaliseGpuArch(const QString &value)
{
    return normaliseGpuArch(QStringView(value));
}

QString RecipeMetadata::normaliseGpuArch(QStringView value)
{
    // Lowered into a buffer on the stack (these values are short and ASCII): this
    // runs several times per recipe of a scan, and only the result is a new string.
    const QStringView trimmed = value.trimmed();
    std::array<char16_t, 24> buffer;
    QString lowered; // only for long or non-ASCII values
    QStringView v;
    if (trimmed.size() <= qsizetype(buffer.size())
        && std::all_of(trimmed.begin(), trimmed.end(), [](QChar c) { return c.unicode() < 128; })) {
        std::transform(trimmed.begin(), trimmed.end(), buffer.begin(), [](QChar c) {
            const char16_t u = c.unicode();
            return char16_t(u >= 'A' && u <= 'Z' ? u + ('a' - 'A') : u);
        });
        v = QStringView(buffer.data(), trimmed.size());
    } else {
        lowered = trimmed.toString().toLower();
        v = lowered;
    }
    if (v == u"mps")
        return QStringLiteral("mps");
    if (v.endsWith(u"+ptx"))
        v.chop(4);
    for (QStringView prefix : { QStringView(u"sm_"), QStringView(u"sm"), QStringView(u"compute_") }) {
        if (v.startsWith(prefix)) {
            v = v.mid(prefix.size());
            break;
        }
    }
    QStringView letter; // sm90a: architecture-specific features
    if (!v.isEmpty() && v.back().isLower())
        letter = v.last(1), v.chop(1);
    auto digits = [](QStringView s, int min, int max) {
        return s.size() >= min && s.size() <= max && std::all_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
    };
    auto sm = [&](QStringView major, QStringView minor) { // at most "sm" + 3 + 1 + 1 characters
        std::array<QChar, 8> out { QLatin1Char('s'), QLatin1Char('m') };
        auto end = std::copy(major.begin(), major.end(), out.begin() + 2);
        end = std::copy(minor.begin(), minor.end(), end);
        end = std::copy(letter.begin(), letter.end(), end);
        return QString(out.data(), end - out.begin());
    };
    const qsizetype dot = v.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return digits(v, 2, 3) ? sm(v, {}) : QString();
    const QStringView major = v.left(dot), minor = v.mid(dot + 1);
    return digits(major, 1, 2) && digits(minor, 1, 1) ? sm(major, minor) : QString();
}

namespace {
// Where this thread blanks the comments of the recipe at hand: a scan reads
// thousands, and one buffer reused is cheaper than a new string for each.
QString &scratch(qsizetype size)
{
    thread_local QString buffer;
    if (buffer.capacity() > (1 << 20) && size < (1 << 16))
        buffer = QString(); // a huge recipe passed: its room is not kept for good
    buffer.resize(size);
    return buffer;
}

RecipeMetadata extractFrom(QStringView s);
} // namespace

RecipeMetadata RecipeMetadata::extract(QStringView text)
{
    QString &s = scratch(text.size());
    std::copy(text.begin(), text.end(), s.data());
    blankComments(s.data(), s.size());
    return extractFrom(s);
}

RecipeMetadata RecipeMetadata::extractUtf8(QByteArrayView utf8)
{
    // As QString::fromUtf8: a leading byte-order mark is dropped, bad bytes become
    // U+FFFD. UTF-16 never takes more code units than UTF-8 takes bytes.
    QString &s = scratch(utf8.size());
    if (!widenAscii(utf8, s.data())) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        s.resize(decoder.appendToBuffer(s.data(), utf8) - s.constData());
    }
    blankComments(s.data(), s.size());
    return extractFrom(s);
}

namespace {
RecipeMetadata extractFrom(QStringView s)
{
    RecipeMetadata meta;
    NixTextScanner sc(s);

    // `word = "value"` fields: the first occurrence counts.
    auto stringField = [&](QStringView word, const QString &field) -> QString {
        for (qsizetype at = sc.findAssigned(word, 0); at >= 0; at = sc.findAssigned(word, at + 1)) {
            qsizetype end = -1;
            const QStringView v = sc.quoted(sc.valueAfter(at + word.size()), &end);
            if (end >= 0) {
                meta.lines.insert(field, sc.lineAt(at));
                return v.toString();
            }
        }
        return {};
    };
    meta.pname = stringField(QStringView(u"pname"), QStringLiteral("pname"));
    meta.description = stringField(QStringView(u"description"), QStringLiteral("description"));

    readCudaSupport(sc, meta);
    for (qsizetype at = sc.findAssigned(QStringView(u"platforms"), 0); at >= 0; at = sc.findAssigned(QStringView(u"platforms"), at + 1)) {
        const QStringView body = sc.list(sc.valueAfter(at + 9));
        if (!body.isNull()) {
            meta.platforms = sc.items(body);
            meta.lines.insert(QStringLiteral("platforms"), sc.lineAt(at));
            break;
        }
    }
    // cudaPackages_12_9 anywhere (overlay, argument or attribute): a whole identifier
    // (the index pass noted those that start so), then digits, one '_', digits.
    for (const auto &[at, length] : sc.cudaPackageSets()) {
        const QStringView id = QStringView(s).mid(at + 13, length - 13);
        const qsizetype underscore = id.indexOf(QLatin1Char('_'));
        const bool shape = underscore > 0 && underscore < id.size() - 1 && id.indexOf(QLatin1Char('_'), underscore + 1) < 0;
        if (shape && std::all_of(id.begin(), id.end(), [](QChar c) { return c.isDigit() || c == QLatin1Char('_'); })) {
            meta.cudaPackages = s.mid(at, length).toString();
            meta.lines.insert(QStringLiteral("cudaPackages"), sc.lineAt(at));
            break;
        }
    }
    // nixpkgs pin: …/nixpkgs/archive/<rev>.tar.gz or …/nixpkgs/tarball/<rev> (the first
    // of each; the second is looked for only when the first gives none).
    for (QStringView marker : { QStringView(u"nixpkgs/archive/"), QStringView(u"nixpkgs/tarball/") }) {
        const qsizetype at = meta.nixpkgsRev.isEmpty() ? QStringView(s).indexOf(marker) : -1;
        if (at < 0)
            continue;
        const qsizetype from = at + marker.size();
        qsizetype j = from;
        while (
            j < s.size() && (s[j].isLetterOrNumber() || s[j] == QLatin1Char('.') || s[j] == QLatin1Char('_') || s[j] == QLatin1Char('-')))
            ++j;
        if (j >= s.size() || s[j] != QLatin1Char('"') || j == from)
            continue;
        QStringView rev = QStringView(s).mid(from, j - from);
        for (QStringView suffix : { QStringView(u".tar.gz"), QStringView(u".zip") })
            if (rev.endsWith(suffix))
                rev.chop(suffix.size());
        meta.nixpkgsRev = rev.toString();
        meta.lines.insert(QStringLiteral("nixpkgsRev"), sc.lineAt(at));
    }

    readCpuFlags(sc, meta);

    QList<ArchEvidence> ev;
    gpuEvidence(sc, ev);
    auto byOffset = [](const ArchEvidence &a, const ArchEvidence &b) { return a.offset < b.offset; };
    if (!std::is_sorted(ev.begin(), ev.end(), byOffset)) // a sort allocates; most recipes are in order
        std::stable_sort(ev.begin(), ev.end(), byOffset);
    readGpuUses(sc, ev, meta);
    for (const ArchEvidence &e : ev) {
        if (e.arch != ev.first().arch) {
            meta.gpuArchConflict = QStringLiteral("%1 says %2 (line %3) but %4 says %5 (line %6)")
                                       .arg(ev.first().source, ev.first().arch)
                                       .arg(sc.lineAt(ev.first().offset))
                                       .arg(e.source, e.arch)
                                       .arg(sc.lineAt(e.offset));
            meta.lines.insert(QStringLiteral("gpuArch"), sc.lineAt(e.offset));
            for (const ArchEvidence &unused : ev) // where a definition the uses contradict is
                if (!meta.gpuArchInUse.isEmpty() && unused.arch != meta.gpuArchInUse) {
                    meta.lines.insert(QStringLiteral("gpuArchUnused"), sc.lineAt(unused.offset));
                    break;
                }
            return meta;
        }
    }
    meta.gpuArchInUse.clear(); // no conflict: gpuArch says it all
    if (!ev.isEmpty()) {
        meta.gpuArch = ev.first().arch;
        meta.lines.insert(QStringLiteral("gpuArch"), sc.lineAt(ev.first().offset));
    }
    return meta;
}
} // namespace

} // namespace vs
