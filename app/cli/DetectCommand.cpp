#include "cli/Commands.h"
#include "cli/DetectBranch.h"
#include "cli/Output.h"

#include "catalog/Catalog.h"
#include "catalog/CatalogLoader.h"
#include "hardware/HardwareProbe.h"
#include "hardware/HostProfileJson.h"
#include "hardware/Recommendation.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace vs::cli {

namespace {

void printText(const HostProfile &p, const QString &recommended)
{
    QTextStream &o = out();
    o << "GPUs:\n";
    if (!p.nvidiaSmiFound)
        o << "  none (nvidia-smi not found: no NVIDIA driver)\n";
    for (const GpuInfo &g : p.gpus)
        o << "  " << g.index << ": " << g.name << ", compute capability "
          << (g.computeCapability.isEmpty() ? QStringLiteral("?") : g.computeCapability) << " -> "
          << (g.arch.isEmpty() ? QStringLiteral("not in the catalogue") : g.arch) << ", driver " << g.driver
          << (g.memory.isEmpty() ? QString() : QStringLiteral(", ") + g.memory) << "\n";
    if (p.nvidiaSmiFound && p.gpus.isEmpty() && p.gpuError.isEmpty())
        o << "  none listed by nvidia-smi\n";
    if (!p.gpuError.isEmpty())
        o << "  problem: " << p.gpuError << "\n";
    if (!p.driver.isEmpty())
        o << "Driver " << p.driver << " runs CUDA up to " << (p.maxCuda.isEmpty() ? QStringLiteral("(none of the catalogue)") : p.maxCuda)
          << "\n";
    o << "CPU: " << p.machine << (p.cpuModel.isEmpty() ? QString() : QStringLiteral(", ") + p.cpuModel) << "\n";
    if (!p.cpuError.isEmpty())
        o << "  problem: " << p.cpuError << "\n";
    o << "  runs: " << (p.isas.isEmpty() ? QStringLiteral("no catalogue ISA") : p.isas.join(QStringLiteral(", "))) << "\n";
    o << "Recommended: " << (recommended.isEmpty() ? QStringLiteral("nothing fits this machine") : recommended) << "\n";
    if (!p.gpuChoice.isEmpty())
        o << "  GPU: " << p.gpuChoice << "\n";
    for (const QString &isa : p.alternativeIsas)
        o << "  also runs " << isa << " (" << p.alternativePurpose.value(isa) << ")\n";
    o.flush();
}

void printBranch(const BranchDetection &d)
{
    QTextStream &o = out();
    o << "Branch " << d.branch << ": ";
    if (d.variant.isEmpty())
        o << "nothing of it fits this machine\n";
    else
        o << d.variant << (d.variantExists ? " (the branch has it)" : " (no such recipe on the branch yet)") << "\n";
    o << "  " << d.runnableRecipes << " of its recipes run here\n";
    for (const QString &w : d.warnings)
        o << "  warning: " << w << "\n";
    o.flush();
}

} // namespace

int runDetect(const QStringList &arguments)
{
    const QString command = arguments.value(0);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Detect this machine's GPUs and CPU and recommend a variant."));
    parser.addHelpOption();
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption from(QStringLiteral("from"),
        QStringLiteral("Read captured output (query.csv, cpuinfo.txt, uname-m.txt) from DIR instead of probing."), QStringLiteral("DIR"));
    const QCommandLineOption smi(QStringLiteral("nvidia-smi"), QStringLiteral("The nvidia-smi program to run."), QStringLiteral("PROGRAM"));
    const QCommandLineOption repo(QStringLiteral("repo"),
        QStringLiteral("Recommend within this build repository's branch (its CUDA releases, its recipes)."), QStringLiteral("REPO"));
    const QCommandLineOption branch(
        QStringLiteral("branch"), QStringLiteral("The branch of --repo (default: the checked-out one)."), QStringLiteral("BRANCH"));
    parser.addOptions({ json, from, smi, repo, branch });
    if (!parser.parse(arguments))
        return fail(command, parser.errorText(), 2);
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText().replace(QLatin1String("<executable_name>"), command);
        out().flush();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(command, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()), 2);
    if (parser.isSet(branch) && !parser.isSet(repo))
        return fail(command, QStringLiteral("--branch needs --repo"), 2);

    HostProfile profile;
    if (parser.isSet(from)) {
        const QString dir = parser.value(from);
        if (!QFileInfo(dir).isDir())
            return fail(command, QStringLiteral("--from %1: no such directory").arg(dir));
        profile = HardwareProbe::fromDirectory(Catalog::embedded(), dir);
    } else {
        ProbeOptions options;
        if (parser.isSet(smi))
            options.nvidiaSmiProgram = parser.value(smi);
        profile = HardwareProbe::probe(Catalog::embedded(), options);
    }
    std::optional<BranchDetection> inBranch;
    if (parser.isSet(repo)) {
        const Catalog catalog = CatalogLoader::forRepository(parser.value(repo)).catalog;
        inBranch = BranchDetection::of(catalog, profile, parser.value(repo), parser.value(branch));
        if (!inBranch->error.isEmpty())
            return fail(command, inBranch->error, 1);
    }
    if (parser.isSet(json)) {
        QJsonObject object = hostProfileToJson(profile);
        if (inBranch)
            object.insert(QStringLiteral("repository"), inBranch->toJson());
        printJson(QJsonDocument(object));
    } else {
        // Without a branch: the catalogue's newest release that fits, as in the JSON.
        printText(profile, Recommendation(Catalog::embedded(), profile).suffix(profile.recommendedCuda));
        if (inBranch)
            printBranch(*inBranch);
    }
    return 0;
}

} // namespace vs::cli
