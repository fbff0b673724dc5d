#include "cli/Commands.h"
#include "cli/Output.h"

#include <QFileInfo>

#include <cstring>

namespace vs::cli {

const QList<Command> &commands()
{
    static const QList<Command> list = {
        { "generate", "Print (or write) the recipe of a variant", runGenerate },
        { "scan", "List the recipes of every branch of a repository", runScan },
        { "lint", "Check a repository's recipes", runLint },
        { "detect", "Detect this machine's GPUs and CPU and recommend a variant", runDetect },
        { "matrix", "Print a branch's build matrix", runMatrix },
        { "build", "Build variants headless (on the build farm when it has builders)", runBuild },
        { "history", "Print the build history of a repository", runHistory },
        { "outputs", "Print each recipe's Nix output path and whether it is built", runOutputs },
        { "edit", "Change the recipes of several branches (one commit each)", runEdit },
        { "readme", "Check or refresh the generated block of every branch's README", runReadme },
        { "farm", "Check the build farm's builders", runFarm },
        { "companions", "Pair TorchVision/TorchAudio recipes with their PyTorch recipes", runCompanions },
        { "help", "Show this list", nullptr },
    };
    return list;
}

bool isSubcommand(int argc, char **argv)
{
    if (argc < 2)
        return false;
    for (const Command &c : commands())
        if (std::strcmp(argv[1], c.name) == 0)
            return true;
    if (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "--version") == 0)
        return true;
    // A bare word that is no folder here is a mistyped or unknown command: saying
    // so beats opening a window (which, headless, would never return).
    const QString word = QFile::decodeName(argv[1]);
    return !word.startsWith(QLatin1Char('-')) && !word.contains(QLatin1Char('/')) && !QFileInfo::exists(word);
}

int run(const QStringList &arguments)
{
    const QString name = arguments.value(1);
    if (name == QLatin1String("--version")) {
        out() << "variant-studio " << VS_VERSION << Qt::endl;
        return 0;
    }
    for (const Command &c : commands()) {
        if (name == QLatin1String(c.name) && c.run) {
            QStringList rest = arguments.mid(2);
            rest.prepend(QStringLiteral("variant-studio %1").arg(name));
            return c.run(rest);
        }
    }
    const bool asked = name == QLatin1String("help") || name.startsWith(QLatin1Char('-'));
    QTextStream &stream = asked ? out() : err();
    if (!asked)
        stream << "variant-studio: unknown command '" << name << "' (and no folder of that name)\n";
    stream << "Usage: variant-studio [REPOSITORY]            open the window\n"
           << "       variant-studio COMMAND [--help] ...   run headless\n\nCommands:\n";
    for (const Command &c : commands())
        stream << "  " << QString::fromLatin1(c.name).leftJustified(10) << c.summary << "\n";
    stream.flush();
    return asked ? 0 : 2;
}

} // namespace vs::cli
