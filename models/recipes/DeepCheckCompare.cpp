#include "recipes/DeepCheck.h"

#include "catalog/Catalog.h"
#include "recipes/CpuFlagCheck.h"
#include "recipes/RecipeFile.h"
#include "variants/VariantName.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace vs {

namespace {

const QString kPname = QStringLiteral("deep-pname");
const QString kGpu = QStringLiteral("deep-gpu-targets");
const QString kCpu = QStringLiteral("deep-cpu-flags");
const QString kCpuDiffer = QStringLiteral("deep-cpu-flags-differ");
const QString kCuda = QStringLiteral("deep-cuda");
const QString kPlatform = QStringLiteral("deep-platforms");
const QString kUnevaluated = QStringLiteral("deep-unevaluated");
const QString kSyntax = QStringLiteral("deep-syntax");

// "9.0", "9.0a", "8.6+PTX", "90", "sm_90", "sm90" -> "sm90"; empty if unreadable.
QString archOfTarget(const Catalog &catalog, QString target)
{
    target = target.trimmed().toLower();
    target.remove(QLatin1String("+ptx"));
    static const QRegularExpression dotted(QStringLiteral("^(\\d+\\.\\d+)[a-z]?$"));
    static const QRegularExpression sm(QStringLiteral("^(?:sm_?|compute_)?(\\d{2,3})[a-z]?$"));
    if (const auto m = dotted.match(target); m.hasMatch()) {
        const GpuArch *a = catalog.gpuArchForComputeCapability(m.captured(1));
        return a ? a->id : QStringLiteral("sm") + m.captured(1).remove(QLatin1Char('.'));
    }
    if (const auto m = sm.match(target); m.hasMatch())
        return QStringLiteral("sm") + m.captured(1);
    return {};
}

// Issue 9: nixpkgs' torchvision (python-modules/torchvision/default.nix, 0.24.1)
// sets env.TORCH_CUDA_ARCH_LIST from torch.cudaCapabilities, and torch
// (python-modules/torch/source/default.nix) derives those from
// cudaPackages.flags.cudaCapabilities, i.e. config.cudaCapabilities or the CUDA
// release's default list, never from the gpuTargets of torch's .override. So a
// companion that only overrides torch builds its own kernels for every
// architecture of the list: say so, with the fix.
QString companionArchAdvice(const Catalog &catalog, const VariantName &variant, qsizetype archCount)
{
    if (variant.package == QLatin1String("pytorch") || archCount < 2)
        return {};
    const PackageInfo *package = catalog.package(variant.package);
    const GpuArch *gpu = catalog.gpuArch(variant.gpu);
    const QString capability = gpu ? gpu->computeCapability : variant.gpu;
    return QStringLiteral(": %1's kernels are compiled for all %2 architectures, because nixpkgs takes them from "
                          "torch.cudaCapabilities, which follows config.cudaCapabilities and not torch's gpuTargets; set "
                          "config.cudaCapabilities = [ \"%3\" ] in the pinned nixpkgs' config (in the PyTorch recipe as well, "
                          "so that both still share one PyTorch build) or export TORCH_CUDA_ARCH_LIST=\"%3\" in the recipe's preConfigure")
        .arg(package ? package->description : variant.package)
        .arg(archCount)
        .arg(capability);
}

QString joined(const QStringList &l)
{
    return l.join(QLatin1Char(' '));
}

} // namespace

const QList<LintRule> &DeepCheck::rules()
{
    using Severity = LintProblem::Severity;
    static const QList<LintRule> list = {
        { kPname, Severity::Warning, QStringLiteral("the evaluated pname does not name the file's variant") },
        { kGpu, Severity::Error, QStringLiteral("the evaluated TORCH_CUDA_ARCH_LIST is not the file's GPU architecture") },
        { kCpu, Severity::Error,
            QStringLiteral("the evaluated -m compiler flags lack a feature the ISA requires or use one its machines may lack") },
        { kCpuDiffer, Severity::Warning,
            QStringLiteral("the evaluated -m compiler flags differ from the catalogue's but still build for the ISA") },
        { kCuda, Severity::Error, QStringLiteral("the evaluated cudaSupport or cudaPackages contradicts the name") },
        { kPlatform, Severity::Error, QStringLiteral("the evaluated meta.platforms lacks the ISA's platform") },
        { kUnevaluated, Severity::Info, QStringLiteral("the stand-in nixpkgs could not evaluate the recipe (not the recipe's fault)") },
        { kSyntax, Severity::Error, QStringLiteral("the file is no Nix expression: empty, a byte-order mark, or a syntax error") },
    };
    return list;
}

QList<LintProblem> DeepCheck::compare(const Catalog &catalog, const QString &branch, const QString &file, const VariantName &variant,
    const Outcome &o, const RecipeMetadata &text)
{
    QList<LintProblem> problems;
    // Each finding names an evaluated fact; its line is that of the binding in the
    // text that the fact comes from (0 when the text shows none, e.g. a default).
    auto add = [&](const QString &rule, const QString &message, const char *field = nullptr) {
        LintProblem p;
        p.branch = branch;
        p.file = file;
        p.line = field ? text.line(QString::fromLatin1(field)) : 0;
        p.rule = rule;
        p.message = message;
        for (const LintRule &r : rules())
            if (r.id == rule)
                p.severity = r.severity;
        problems << p;
    };
    if (!o.evaluated) {
        if (o.recipeFault)
            add(kSyntax, o.error);
        else
            add(kUnevaluated, QStringLiteral("could not evaluate: %1").arg(o.error));
        return problems;
    }

    // Glued versions and other spellings are the text lint's business: the
    // pname only has to name the same variant.
    const std::optional<VariantName> named = VariantName::parse(o.pname);
    if (!named || !(*named == variant))
        add(kPname, QStringLiteral("evaluates to pname '%1', the file is %2").arg(o.pname, variant.toString()), "pname");

    if (variant.kind == VariantName::Kind::Cuda) {
        if (o.cudaSupport != std::optional<bool>(true))
            add(kCuda,
                o.cudaSupport ? QStringLiteral("evaluates with cudaSupport = false") : QStringLiteral("evaluates without cudaSupport"),
                "cudaSupport");
        const CudaRelease *cuda = catalog.cudaRelease(variant.cuda);
        if (cuda && !o.cudaPackages.isEmpty() && o.cudaPackages != cuda->nixAttribute)
            add(kCuda, QStringLiteral("evaluates with %1, the name says %2").arg(o.cudaPackages, cuda->nixAttribute), "cudaPackages");
        QStringList archs;
        for (const QString &t : o.gpuTargets)
            archs << (archOfTarget(catalog, t).isEmpty() ? t : archOfTarget(catalog, t));
        archs.removeDuplicates();
        if (archs.isEmpty())
            add(kGpu, QStringLiteral("evaluates with no TORCH_CUDA_ARCH_LIST, the name says %1").arg(variant.gpu), "gpuTargets");
        else if (archs != QStringList { variant.gpu })
            add(kGpu,
                QStringLiteral("evaluates to TORCH_CUDA_ARCH_LIST \"%1\" (%2), the name says %3%4")
                    .arg(o.gpuTargets.join(QLatin1Char(';')), archs.join(QStringLiteral(", ")), variant.gpu,
                        companionArchAdvice(catalog, variant, archs.size())),
                "gpuTargets");
    } else if (variant.kind == VariantName::Kind::Cpu && o.cudaSupport == std::optional<bool>(true)) {
        add(kCuda, QStringLiteral("a CPU variant that evaluates with cudaSupport = true"), "cudaSupport");
    }

    if (variant.kind != VariantName::Kind::Darwin) {
        if (const CpuIsa *isa = catalog.cpuIsa(variant.isa)) {
            const CpuFlagVerdict verdict = CpuFlagVerdict::judge(catalog, *isa, o.cpuFlags);
            if (verdict.kind != CpuFlagVerdict::Kind::Same)
                add(verdict.kind == CpuFlagVerdict::Kind::Wrong ? kCpu : kCpuDiffer,
                    QStringLiteral("evaluates to CPU flags \"%1\"; %2 asks for \"%3\": %4")
                        .arg(joined(o.cpuFlags), isa->id, joined(isa->compilerFlags), verdict.detail),
                    "cpuFlags");
            if (!o.platforms.isEmpty() && !o.platforms.contains(isa->platform))
                add(kPlatform, QStringLiteral("meta.platforms is [%1], %2 needs %3").arg(joined(o.platforms), isa->id, isa->platform),
                    "platforms");
        }
    }
    return problems;
}

QList<LintProblem> DeepCheck::checkRepository(const QString &root, const Catalog &catalog, const QList<BranchScan> &branches,
    const DeepCheckOptions &options, const RecipeFilter &pick)
{
    QTemporaryDir blobs;
    struct Entry {
        const BranchScan *branch;
        const RecipeFile *recipe;
        QString file;
    };
    QList<Entry> entries;
    int index = 0;
    for (const BranchScan &branch : branches) {
        QList<QPair<QString, QByteArray>> texts;
        QList<const RecipeFile *> written;
        for (const RecipeFile &r : branch.recipes) {
            if (r.state == RecipeFile::State::Deleted || r.binary || r.tooLarge || r.symlink || r.unreadable)
                continue; // nothing of ours to evaluate: lint reports these
            if (branch.current) { // the working tree holds every file a recipe may import
                if (!pick || pick(branch, r))
                    entries << Entry { &branch, &r, QDir(root).filePath(r.path) };
            } else {
                texts << qMakePair(r.path, r.text.toUtf8());
                written << &r;
            }
        }
        if (texts.isEmpty())
            continue;
        // One folder per branch: siblings import each other by file name.
        const QStringList paths = DeepCheck::writeRecipes(blobs.filePath(QString::number(index++)), texts);
        for (qsizetype i = 0; i < paths.size(); ++i)
            if (!pick || pick(branch, *written.at(i)))
                entries << Entry { &branch, written.at(i), paths.at(i) };
    }
    QStringList files;
    for (const Entry &e : std::as_const(entries))
        files << e.file;
    const QList<Outcome> outcomes = evaluate(files, options);
    QList<LintProblem> problems;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const Entry &e = entries.at(i);
        if (e.recipe->variant)
            problems += compare(catalog, e.branch->name, e.recipe->path, *e.recipe->variant, outcomes.at(i), e.recipe->meta);
    }
    return problems;
}

} // namespace vs
