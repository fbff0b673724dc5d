#include "cli/RepositoryCli.h"

#include "cli/Output.h"

#include <QJsonArray>

namespace vs::cli {

bool parseOrStop(QCommandLineParser &parser, const QStringList &arguments, int *status)
{
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        *status = fail(arguments.value(0), parser.errorText(), 2);
        return false;
    }
    if (parser.isSet(help)) {
        // helpText() names the executable's path; show the subcommand instead.
        QString text = parser.helpText();
        const qsizetype eol = text.indexOf(QLatin1Char('\n'));
        const QString firstLine = text.left(eol);
        const qsizetype options = firstLine.indexOf(QLatin1String(" ["));
        text.replace(0, options < 0 ? eol : options, QStringLiteral("Usage: ") + arguments.value(0));
        out() << text;
        out().flush();
        *status = 0;
        return false;
    }
    if (parser.positionalArguments().size() != 1) {
        *status = fail(arguments.value(0), QStringLiteral("expected the repository folder as the only argument (see --help)"), 2);
        return false;
    }
    return true;
}

std::optional<RepositoryScan> scanOrFail(const QString &command, const QString &folder, const ScanOptions &options, int *status)
{
    RepositoryScan scan = RepositoryScanner::scan(folder, options);
    if (!scan.error.isEmpty()) {
        *status = fail(command, scan.error, 1);
        return std::nullopt;
    }
    return scan;
}

QJsonObject recipeJson(const RecipeFile &r)
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    QJsonObject o;
    o[QStringLiteral("file")] = r.path;
    o[QStringLiteral("fileName")] = r.fileName;
    o[QStringLiteral("state")] = RecipeFile::stateName(r.state);
    o[QStringLiteral("blob")] = orNull(r.blob);
    const std::optional<VariantName> &v = r.variant;
    o[QStringLiteral("variant")] = v ? QJsonValue(v->toString()) : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("package")] = v ? QJsonValue(v->package) : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("python")] = v ? QJsonValue(v->python) : QJsonValue(QJsonValue::Null);
    const bool cuda = v && v->kind == VariantName::Kind::Cuda;
    o[QStringLiteral("kind")] = !v             ? QJsonValue(QJsonValue::Null)
        : cuda                                 ? QJsonValue(QStringLiteral("cuda"))
        : v->kind == VariantName::Kind::Darwin ? QJsonValue(QStringLiteral("darwin"))
                                               : QJsonValue(QStringLiteral("cpu"));
    o[QStringLiteral("cuda")] = cuda ? QJsonValue(v->cuda) : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("gpu")] = cuda ? QJsonValue(v->gpu) : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("isa")] = v ? QJsonValue(v->isa) : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("parseError")] = orNull(r.parseError);
    o[QStringLiteral("binary")] = r.binary;
    o[QStringLiteral("tooLarge")] = r.tooLarge;
    o[QStringLiteral("symlink")] = r.symlink;
    o[QStringLiteral("symlinkTarget")] = r.symlink ? QJsonValue(r.symlinkTarget) : QJsonValue();
    const RecipeMetadata &m = r.meta;
    o[QStringLiteral("pname")] = orNull(m.pname);
    o[QStringLiteral("gpuArch")] = orNull(m.gpuArch);
    o[QStringLiteral("cpuFlags")] = QJsonArray::fromStringList(m.cpuFlags);
    o[QStringLiteral("nixpkgsRev")] = orNull(m.nixpkgsRev);
    o[QStringLiteral("cudaPackages")] = orNull(m.cudaPackages);
    o[QStringLiteral("cudaSupport")] = m.cudaSupport ? QJsonValue(*m.cudaSupport) : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("description")] = orNull(m.description);
    o[QStringLiteral("platforms")] = QJsonArray::fromStringList(m.platforms);
    QJsonObject lines;
    for (auto it = m.lines.begin(); it != m.lines.end(); ++it)
        lines[it.key()] = it.value();
    o[QStringLiteral("lines")] = lines;
    return o;
}

} // namespace vs::cli
