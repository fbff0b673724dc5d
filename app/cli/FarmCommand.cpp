#include "builds/BuildSettings.h"
#include "cli/Commands.h"
#include "cli/JsonWriter.h"
#include "cli/Output.h"
#include "farm/FarmCheck.h"
#include "farm/MachinesFile.h"

#include <QCommandLineParser>

namespace vs::cli {

namespace {

const char *kFarmUsage = "Usage: variant-studio farm check [--builders SPEC|@FILE] [--json] [--timeout SECONDS] [--nix PATH]\n"
                         "Checks every builder of the build farm with a real connection (`nix store info\n"
                         "--store URI --json`, through ssh as a build would) and prints whether it is\n"
                         "reachable, its Nix version and whether it trusts us, or the error in ssh's or\n"
                         "nix's own words. SPEC is the `builders` setting's format (machine lines separated\n"
                         "by ';' or newlines); @FILE reads a machines file; without --builders the builders\n"
                         "of the user's Nix configuration are checked. Exit status: 0 all reachable, 1 one\n"
                         "or more unreachable, 2 bad arguments (a machine line that does not parse, no builders).\n";

void printJsonStatuses(const QList<BuilderStatus> &statuses)
{
    QByteArray bytes;
    JsonWriter w(&bytes);
    w.beginObject();
    w.key("builders").beginArray();
    for (const BuilderStatus &s : statuses) {
        w.beginObject();
        w.key("elapsedMs").value(s.elapsedMs);
        w.key("error").stringOrNull(s.error);
        w.key("features").strings(s.machine.supportedFeatures);
        w.key("mandatoryFeatures").strings(s.machine.mandatoryFeatures);
        w.key("maxJobs").value(s.machine.maxJobs);
        w.key("nixVersion").stringOrNull(s.nixVersion);
        w.key("reachable").value(s.reachable);
        w.key("systems").strings(s.machine.systems);
        s.trusted < 0 ? w.key("trusted").null() : w.key("trusted").value(s.trusted == 1);
        w.key("uri").value(s.machine.uri);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    printBytes(bytes);
}

void printTextStatuses(const QList<BuilderStatus> &statuses)
{
    for (const BuilderStatus &s : statuses) {
        out() << s.machine.uri << "  ";
        if (s.reachable) {
            out() << "reachable";
            if (!s.nixVersion.isEmpty())
                out() << ", Nix " << s.nixVersion;
            if (s.trusted >= 0)
                out() << (s.trusted ? ", trusted" : ", NOT trusted (add the user to trusted-users on the builder)");
        } else {
            out() << "UNREACHABLE: " << QString(s.error).replace(QLatin1Char('\n'), QStringLiteral("\n    "));
        }
        out() << "  (" << (s.machine.systems.isEmpty() ? QStringLiteral("local system") : s.machine.systems.join(QLatin1Char(','))) << ", "
              << s.machine.maxJobs << " jobs)\n";
    }
    out().flush();
}

} // namespace

// The builders a command works with: --builders SPEC|@FILE, else the user's Nix configuration.
MachinesParse farmBuilders(const QString &spec, bool given, const QString &nixProgram)
{
    return given ? MachinesFile::fromSpec(spec, QStringLiteral("--builders")) : MachinesFile::fromNixConfiguration(nixProgram);
}

int runFarm(const QStringList &arguments)
{
    const QString cmd = arguments.value(0);
    const QString usage = QString::fromLatin1(kFarmUsage);
    QCommandLineParser parser;
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    const QCommandLineOption buildersOption(QStringLiteral("builders"), QStringLiteral("Machine lines or @FILE."), QStringLiteral("SPEC"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"), QStringLiteral("Seconds per builder."), QStringLiteral("S"));
    const QCommandLineOption nixOption(QStringLiteral("nix"), QStringLiteral("The nix program."), QStringLiteral("PATH"));
    parser.addOptions({ help, buildersOption, jsonOption, timeoutOption, nixOption });
    if (!parser.parse(arguments))
        return fail(cmd, QStringLiteral("%1\n%2").arg(parser.errorText(), usage), 2);
    if (parser.isSet(help)) {
        out() << usage;
        out().flush();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(cmd, QStringLiteral("expected a subcommand: check\n%1").arg(usage), 2);
    if (positional.first() != QLatin1String("check") || positional.size() > 1)
        return fail(
            cmd, QStringLiteral("unknown subcommand \"%1\" (there is: check)\n%2").arg(positional.join(QLatin1Char(' ')), usage), 2);
    int timeoutMs = FarmCheck::kDefaultTimeoutMs;
    if (parser.isSet(timeoutOption)) {
        bool ok = false;
        const double seconds = parser.value(timeoutOption).toDouble(&ok);
        if (!ok || seconds <= 0)
            return fail(cmd, QStringLiteral("--timeout takes a number of seconds, not \"%1\"").arg(parser.value(timeoutOption)), 2);
        timeoutMs = int(seconds * 1000);
    }
    const QString nix = parser.isSet(nixOption) ? parser.value(nixOption) : FarmCheck::nixBeside(BuildSettings::load().nixBuildProgram);
    const MachinesParse builders = farmBuilders(parser.value(buildersOption), parser.isSet(buildersOption), nix);
    if (!builders.ok())
        return fail(cmd, builders.problemText(), 2);
    if (builders.machines.isEmpty())
        return fail(cmd,
            QStringLiteral("no builders to check: give --builders, or set `builders` in nix.conf or lines in %1")
                .arg(MachinesFile::systemMachinesFile()),
            2);
    FarmCheck check(nix);
    check.setTimeout(timeoutMs);
    const QList<BuilderStatus> statuses = check.check(builders.machines);
    parser.isSet(jsonOption) ? printJsonStatuses(statuses) : printTextStatuses(statuses);
    for (const BuilderStatus &s : statuses)
        if (!s.reachable)
            return 1;
    return 0;
}

} // namespace vs::cli
