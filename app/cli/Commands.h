#pragma once

#include <QStringList>

namespace vs {
struct MachinesParse;
}

namespace vs::cli {

// One file per subcommand (app/cli/*Command.cpp). Each receives
// {"variant-studio <name>", args...} and returns the process exit status.
struct Command {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

const QList<Command> &commands();
bool isSubcommand(int argc, char **argv);
int run(const QStringList &arguments);

int runGenerate(const QStringList &arguments);
int runScan(const QStringList &arguments);
int runLint(const QStringList &arguments);
int runDetect(const QStringList &arguments);
int runMatrix(const QStringList &arguments);
int runBuild(const QStringList &arguments);
int runHistory(const QStringList &arguments);
int runEdit(const QStringList &arguments);
int runReadme(const QStringList &arguments);
int runCompanions(const QStringList &arguments);
int runOutputs(const QStringList &arguments);
int runFarm(const QStringList &arguments);

// The builders of `build` and `farm`: --builders SPEC|@FILE when given, else the user's Nix configuration.
vs::MachinesParse farmBuilders(const QString &spec, bool given, const QString &nixProgram);

} // namespace vs::cli
