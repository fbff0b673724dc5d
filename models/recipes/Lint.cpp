#include "recipes/Lint.h"

#include "catalog/CudaVersion.h"
#include "recipes/CpuFlagCheck.h"
#include "variants/Compatibility.h"
#include "variants/RecipePaths.h"

#include <QRegularExpression>
#include <QSet>
#include <QVarLengthArray>
#include <QtAlgorithms>

#include <algorithm>
#include <string_view>
#include <unordered_map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vs {

namespace {

using Severity = LintProblem::Severity;

const QString kNaming = QStringLiteral("naming");
const QString kUnknownPart = QStringLiteral("unknown-part");
const QString kNonCanonical = QStringLiteral("non-canonical");
const QString kPname = QStringLiteral("pname-mismatch");
const QString kDuplicate = QStringLiteral("duplicate-variant");
const QString kUnreadable = QStringLiteral("unreadable");
const QString kSymlink = QStringLiteral("symlink");
const QString kGpu = QStringLiteral("gpu-arch-mismatch");
const QString kGpuUnknown = QStringLiteral("gpu-arch-unknown");
const QString kCpu = QStringLiteral("cpu-flags-mismatch");
const QString kCpuUnknown = QStringLiteral("cpu-flags-unknown");
const QString kCpuDiffer = QStringLiteral("cpu-flags-differ");
const QString kGpuUnused = QStringLiteral("gpu-arch-unused");
const QString kCudaArch = QStringLiteral("cuda-arch-unsupported");
const QString kCudaRelease = QStringLiteral("cuda-release-mismatch");
const QString kCudaSupport = QStringLiteral("cuda-support-mismatch");
const QString kPlatform = QStringLiteral("platform-mismatch");
const QString kRev = QStringLiteral("nixpkgs-rev-differs");

// Collects the problems of one file.
class FileCheck {
public:
    FileCheck(const Catalog &c, const BranchScan &b, const RecipeFile &r, QList<LintProblem> &out)
        : m_catalog(c)
        , m_branch(b)
        , m_recipe(r)
        , m_meta(r.meta)
        , m_out(out)
    {
    }

    void run()
    {
        if (m_recipe.symlink)
            return add(0, Severity::Warning, kSymlink,
                QStringLiteral("a symbolic link to %1: Variant Studio neither reads, builds nor writes through links (replace it with "
                               "the file itself)")
                    .arg(RecipePaths::printable(m_recipe.symlinkTarget)));
        if (m_recipe.unreadable)
            return add(0, Severity::Warning, kUnreadable, m_recipe.parseError);
        if (m_recipe.binary)
            return add(0, Severity::Warning, kUnreadable, QStringLiteral("binary file (it contains NUL bytes): not a recipe text"));
        if (m_recipe.tooLarge)
            return add(0, Severity::Warning, kUnreadable,
                QStringLiteral("%1 bytes, larger than a recipe can reasonably be: not read").arg(m_recipe.size));
        if (!m_recipe.variant)
            return add(0, Severity::Warning, kNaming,
                QStringLiteral("%1; flox still builds it, as package '%2'")
                    .arg(m_recipe.parseError, RecipePaths::packageNameOf(m_recipe.path)));
        if (!m_recipe.parseError.isEmpty())
            return add(0, Severity::Warning, kUnreadable, m_recipe.parseError);
        const VariantName &v = *m_recipe.variant;
        for (const QString &why : v.nonCanonical)
            add(0, Severity::Warning, kNonCanonical, QStringLiteral("file name: %1 (canonical name: %2)").arg(why, v.fileName()));
        const Compatibility compat = Compatibility::of(m_catalog, v);
        if (!compat.known)
            add(0, Severity::Warning, kUnknownPart, QStringLiteral("file name: %1 (not in the catalogue)").arg(compat.reason));
        else if (!compat.compatible) // from the name alone: nvcc cannot build it, whatever the text says
            add(m_meta.line(QStringLiteral("gpuArch")), Severity::Error, kCudaArch, compat.reason);
        checkPname();
        checkGpu(v);
        checkCuda(v);
        checkCpuFlags(v);
        checkPlatform(v);
        checkRev();
    }

private:
    void add(int line, Severity s, const QString &rule, const QString &message)
    {
        m_out.append({ m_branch.name, m_recipe.path, line, s, rule, message });
    }

    void checkPname()
    {
        const QString byFile = RecipePaths::packageNameOf(m_recipe.path);
        if (m_meta.pname.isEmpty() || m_meta.pname.contains(QLatin1String("${")) || m_meta.pname == byFile)
            return;
        // A companion recipe embeds its PyTorch recipe (customPytorch) before naming itself:
        // the package is named right when a later pname is the file's.
        const QRegularExpression own(QStringLiteral("\\bpname\\s*=\\s*\"%1\"").arg(QRegularExpression::escape(byFile)));
        if (m_recipe.text.contains(own))
            return;
        add(m_meta.line(QStringLiteral("pname")), Severity::Warning, kPname,
            QStringLiteral("pname \"%1\" differs from the file name: `flox build` names the package '%2', "
                           "`flox publish` publishes it as '%1'")
                .arg(m_meta.pname, byFile));
    }

    // Only what the build evaluates to is an error: a definition that the uses
    // (gpuTargets, TORCH_CUDA_ARCH_LIST) contradict while they match the name, or a
    // GPU architecture in a recipe that builds without CUDA, is a warning (the deep
    // check, which reads the effective TORCH_CUDA_ARCH_LIST, would find nothing wrong).
    void checkGpu(const VariantName &v)
    {
        const int line = m_meta.line(QStringLiteral("gpuArch"));
        const bool cudaOff = m_meta.cudaSupport == std::optional<bool>(false);
        if (!m_meta.gpuArchConflict.isEmpty()) {
            if (v.kind == VariantName::Kind::Cuda && m_meta.gpuArchInUse == v.gpu)
                return add(m_meta.line(QStringLiteral("gpuArchUnused")), Severity::Warning, kGpuUnused,
                    QStringLiteral("the recipe names two GPU architectures (%1); it builds for %2 as its name says, the other is unused")
                        .arg(m_meta.gpuArchConflict, v.gpu));
            if (v.kind == VariantName::Kind::Cpu && cudaOff)
                return add(line, Severity::Warning, kGpuUnused,
                    QStringLiteral("a CPU-only recipe names GPU architectures (%1), unused with cudaSupport = false")
                        .arg(m_meta.gpuArchConflict));
            return add(
                line, Severity::Error, kGpu, QStringLiteral("the recipe names two GPU architectures: %1").arg(m_meta.gpuArchConflict));
        }
        const QString found = m_meta.gpuArch;
        switch (v.kind) {
        case VariantName::Kind::Cuda:
            if (found.isEmpty())
                return add(0, Severity::Info, kGpuUnknown,
                    QStringLiteral("could not tell which GPU architecture the recipe builds for (looked for gpuArchNum, "
                                   "gpuArchSM, gpuTargets, TORCH_CUDA_ARCH_LIST, gpuArch); the file name says %1")
                        .arg(v.gpu));
            if (found != v.gpu)
                add(line, Severity::Error, kGpu, QStringLiteral("the file name says %1 but the recipe builds for %2").arg(v.gpu, found));
            return;
        case VariantName::Kind::Darwin:
            if (!found.isEmpty() && found != v.isa)
                add(line, Severity::Error, kGpu, QStringLiteral("a darwin-%1 recipe sets GPU architecture %2").arg(v.isa, found));
            return;
        case VariantName::Kind::Cpu:
            if (!found.isEmpty() && cudaOff)
                add(line, Severity::Warning, kGpuUnused,
                    QStringLiteral("a CPU-only recipe sets GPU architecture %1, unused with cudaSupport = false").arg(found));
            else if (!found.isEmpty())
                add(line, Severity::Error, kGpu, QStringLiteral("a CPU-only recipe sets GPU architecture %1").arg(found));
            return;
        }
    }

    // Both stay errors: cudaPackages_X_Y is a literal attribute name the build cannot
    // evaluate to anything else, and cudaSupport is PyTorch's effective setting, read
    // only when literal (RecipeMetadata); the deep check would report the same.
    void checkCuda(const VariantName &v)
    {
        const bool cuda = v.kind == VariantName::Kind::Cuda;
        const QString release = m_meta.cudaRelease();
        if (cuda && !release.isEmpty() && release != v.cuda)
            add(m_meta.line(QStringLiteral("cudaPackages")), Severity::Error, kCudaRelease,
                QStringLiteral("the file name says CUDA %1 but the recipe uses %2")
                    .arg(CudaVersion::toVersion(v.cuda), m_meta.cudaPackages));
        if (m_meta.cudaSupport && *m_meta.cudaSupport != cuda)
            add(m_meta.line(QStringLiteral("cudaSupport")), Severity::Error, kCudaSupport,
                cuda ? QStringLiteral("a CUDA recipe sets cudaSupport = false: it would build without CUDA")
                     : QStringLiteral("a recipe without CUDA in its name sets cudaSupport = true"));
    }

    // Flags are compared by the features they imply (CpuFlagVerdict, the catalogue's
    // cpuFeatures): the deep check judges the evaluated flags the same way, so neither
    // calls an error what the other would clear.
    void checkCpuFlags(const VariantName &v)
    {
        const CpuIsa *isa = v.kind == VariantName::Kind::Darwin ? nullptr : m_catalog.cpuIsa(v.isa);
        if (!isa)
            return;
        if (m_meta.cpuFlags.isEmpty())
            return add(0, Severity::Info, kCpuUnknown,
                QStringLiteral("found no -m compiler flags; %1 needs %2").arg(isa->id, isa->compilerFlags.join(QLatin1Char(' '))));
        const CpuFlagVerdict verdict = CpuFlagVerdict::judge(m_catalog, *isa, m_meta.cpuFlags);
        const int line = m_meta.line(QStringLiteral("cpuFlags"));
        if (verdict.kind == CpuFlagVerdict::Kind::Wrong)
            add(line, Severity::Error, kCpu,
                QStringLiteral("the file name says %1 but the compiler flags differ: %2").arg(isa->id, verdict.detail));
        else if (verdict.kind == CpuFlagVerdict::Kind::Differs)
            add(line, Severity::Warning, kCpuDiffer,
                QStringLiteral("the compiler flags still build for %1 but differ from the catalogue's (%2): %3")
                    .arg(isa->id, isa->compilerFlags.join(QLatin1Char(' ')), verdict.detail));
    }

    // Read only from a literal `platforms = [ … ]` list: what the text says is what evaluates.
    void checkPlatform(const VariantName &v)
    {
        if (m_meta.platforms.isEmpty())
            return;
        QString expected;
        if (v.kind == VariantName::Kind::Darwin)
            expected = m_catalog.darwin.platform;
        else if (const CpuIsa *isa = m_catalog.cpuIsa(v.isa))
            expected = isa->platform;
        if (expected.isEmpty() || m_meta.platforms.contains(expected))
            return;
        add(m_meta.line(QStringLiteral("platforms")), Severity::Error, kPlatform,
            QStringLiteral("%1 runs on %2 but meta.platforms lists %3").arg(v.isa, expected, m_meta.platforms.join(QStringLiteral(", "))));
    }

    void checkRev()
    {
        const QString common = m_branch.mostCommonNixpkgsRev;
        if (common.isEmpty() || m_meta.nixpkgsRev.isEmpty() || m_meta.nixpkgsRev == common)
            return;
        add(m_meta.line(QStringLiteral("nixpkgsRev")), Severity::Info, kRev,
            QStringLiteral("pins nixpkgs %1 while most recipes of the branch pin %2").arg(m_meta.nixpkgsRev.left(12), common.left(12)));
    }

    const Catalog &m_catalog;
    const BranchScan &m_branch;
    const RecipeFile &m_recipe;
    const RecipeMetadata &m_meta;
    QList<LintProblem> &m_out;
};

// A hash of a variant's name as toString() reads, from its pieces: a branch's
// names are compared without making each one's string (FNV-1a over the characters).
size_t nameHash(const VariantName &v)
{
    size_t h = 14695981039346656037ull;
    for (QStringView piece : v.pieces())
        for (QChar c : piece)
            h = (h ^ c.unicode()) * 1099511628211ull;
    return h;
}

void checkDuplicates(const BranchScan &b, QList<LintProblem> &out)
{
    // Files of one variant, by hash first; only names that share a hash are made
    // and compared (a branch without duplicates, nearly all, makes none).
    std::unordered_map<size_t, QVarLengthArray<qsizetype, 1>> byHash;
    byHash.reserve(size_t(b.recipes.size()));
    for (qsizetype i = 0; i < b.recipes.size(); ++i) {
        const RecipeFile &r = b.recipes[i];
        if (r.state != RecipeFile::State::Deleted && r.variant)
            byHash[nameHash(*r.variant)].append(i);
    }
    struct Group {
        QString name;
        QStringList paths; // in branch order: the first is the one the others repeat
    };
    QList<Group> groups;
    for (const auto &[hash, files] : byHash) {
        if (files.size() < 2)
            continue;
        QList<Group> same;
        for (qsizetype i : files) {
            const QString name = b.recipes[i].variant->toString();
            auto g = std::find_if(same.begin(), same.end(), [&](const Group &x) { return x.name == name; });
            if (g == same.end())
                same.append({ name, {} }), g = same.end() - 1;
            g->paths.append(b.recipes[i].path);
        }
        for (Group &g : same)
            if (g.paths.size() > 1)
                groups.append(std::move(g));
    }
    // Reported in the order their variants first appear in the branch.
    auto firstAt = [&](const Group &g) {
        return std::find_if(b.recipes.begin(), b.recipes.end(), [&](const RecipeFile &r) { return r.path == g.paths.first(); });
    };
    std::sort(groups.begin(), groups.end(), [&](const Group &x, const Group &y) { return firstAt(x) < firstAt(y); });
    for (const Group &g : groups)
        for (qsizetype i = 1; i < g.paths.size(); ++i)
            out.append({ b.name, g.paths[i], 0, Severity::Warning, kDuplicate,
                QStringLiteral("same variant as %1 (both are %2): the matrix cell has two recipes").arg(g.paths.first(), g.name) });
}

} // namespace

namespace {
// Where "pname" is in text at or after from, or npos. This runs on every recipe of
// a scan: sixteen bytes at a time where SSE2 is there, looking for a 'p' followed
// by an 'n' (rare in recipes; a search for the 'p' alone stops every few bytes).
size_t findPname(std::string_view text, size_t from)
{
    constexpr std::string_view word = "pname";
#if defined(__SSE2__)
    const __m128i p = _mm_set1_epi8('p'), n = _mm_set1_epi8('n');
    for (; from + 17 <= text.size(); from += 16) {
        const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i *>(text.data() + from));
        const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i *>(text.data() + from + 1));
        for (uint m = uint(_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(here, p), _mm_cmpeq_epi8(next, n)))); m; m &= m - 1) {
            const size_t at = from + qCountTrailingZeroBits(m);
            if (text.substr(at, word.size()) == word)
                return at;
        }
    }
#endif
    return text.find(word, from);
}
} // namespace

bool Lint::needsText(QByteArrayView utf8)
{
    // The first pname is in the metadata; the rule's pattern needs another to match.
    const std::string_view text(utf8.data(), size_t(utf8.size()));
    const size_t first = findPname(text, 0);
    return first != std::string_view::npos && findPname(text, first + 1) != std::string_view::npos;
}

QList<LintProblem> Lint::check(const Catalog &catalog, const BranchScan &branch)
{
    QList<LintProblem> out;
    for (const RecipeFile &r : branch.recipes)
        if (r.state != RecipeFile::State::Deleted)
            FileCheck(catalog, branch, r, out).run();
    checkDuplicates(branch, out);
    // By file, then line: the order a person fixes them in.
    std::stable_sort(out.begin(), out.end(),
        [](const LintProblem &a, const LintProblem &b) { return a.file != b.file ? a.file < b.file : a.line < b.line; });
    return out;
}

const QList<LintRule> &Lint::rules()
{
    static const QList<LintRule> list = {
        { kNaming, Severity::Warning,
            QStringLiteral("a .nix file whose name is not {package}-python{3XY}-{cpu|cudaM_m-smNN|darwin}-{isa}") },
        { kUnknownPart, Severity::Warning, QStringLiteral("the name's package, Python, CUDA, GPU or ISA is not in the catalogue") },
        { kNonCanonical, Severity::Warning,
            QStringLiteral("spelled differently from the canonical name (armv8.2, a version glued to the package)") },
        { kPname, Severity::Warning,
            QStringLiteral("pname differs from the file name (flox build uses the file name, publishing uses pname)") },
        { kDuplicate, Severity::Warning, QStringLiteral("two files of one branch are the same variant") },
        { kUnreadable, Severity::Warning, QStringLiteral("binary, too large or unreadable file") },
        { kSymlink, Severity::Warning, QStringLiteral("the recipe is a symbolic link (not followed)") },
        { kGpu, Severity::Error, QStringLiteral("the recipe builds for another GPU architecture than its name says") },
        { kGpuUnknown, Severity::Info, QStringLiteral("the GPU architecture could not be read from the recipe") },
        { kGpuUnused, Severity::Warning,
            QStringLiteral("the recipe names a GPU architecture its build does not use (cudaSupport = false, or a definition "
                           "its gpuTargets/TORCH_CUDA_ARCH_LIST override)") },
        { kCpu, Severity::Error, QStringLiteral("the -m compiler flags lack a feature the ISA requires or use one its machines may lack") },
        { kCpuUnknown, Severity::Info, QStringLiteral("no -m compiler flags found") },
        { kCpuDiffer, Severity::Warning,
            QStringLiteral("the -m flags differ from the catalogue's but still build for the ISA (a recommended flag missing, "
                           "a feature all its machines have, a flag lint does not know)") },
        { kCudaArch, Severity::Error, QStringLiteral("the CUDA release cannot compile for the GPU architecture") },
        { kCudaRelease, Severity::Error, QStringLiteral("the recipe uses another cudaPackages than its name says") },
        { kCudaSupport, Severity::Error, QStringLiteral("cudaSupport contradicts the name") },
        { kPlatform, Severity::Error,
            QStringLiteral("meta.platforms does not include the ISA's platform (ARM ISA on x86 or the reverse)") },
        { kRev, Severity::Info, QStringLiteral("the recipe pins another nixpkgs than most of its branch") },
        { QStringLiteral("catalog"), Severity::Error, QStringLiteral("the repository's .flox/variant-studio.yaml has an error") },
    };
    return list;
}

} // namespace vs
