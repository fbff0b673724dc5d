#include "cli/RepositoryCli.h"

#include "cli/JsonWriter.h"
#include "cli/Output.h"

#include <QJsonArray>
#include <QThreadPool>
#include <QVarLengthArray>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <vector>

namespace vs::cli {

bool parseOrStop(QCommandLineParser &parser, const QStringList &arguments, int *status, int positionals)
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
    if (parser.positionalArguments().size() != positionals) {
        *status = fail(arguments.value(0),
            positionals == 1 ? QStringLiteral("expected the repository folder as the only argument (see --help)")
                             : QStringLiteral("expected %1 arguments (see --help)").arg(positionals),
            2);
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
    for (const FieldLines::Entry &e : m.lines)
        lines[e.field] = e.line;
    o[QStringLiteral("lines")] = lines;
    return o;
}

QJsonObject scanJson(const RepositoryScan &scan)
{
    QJsonArray branches;
    for (const BranchScan &b : scan.branches) {
        QJsonArray recipes;
        for (const RecipeFile &r : b.recipes)
            recipes.append(recipeJson(r));
        branches.append(QJsonObject {
            { QStringLiteral("name"), b.name },
            { QStringLiteral("commit"), b.commit.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(b.commit) },
            { QStringLiteral("current"), b.current },
            { QStringLiteral("remote"), b.remote },
            { QStringLiteral("hasPkgsDir"), b.hasPkgsDir },
            { QStringLiteral("mostCommonNixpkgsRev"),
                b.mostCommonNixpkgsRev.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(b.mostCommonNixpkgsRev) },
            { QStringLiteral("recipes"), recipes },
        });
    }
    QJsonArray problems;
    for (const LintProblem &p : scan.problems)
        problems.append(p.toJson());
    return QJsonObject {
        { QStringLiteral("repository"), scan.root },
        { QStringLiteral("currentBranch"), scan.currentBranch.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(scan.currentBranch) },
        { QStringLiteral("branches"), branches },
        { QStringLiteral("problems"), problems },
    };
}
namespace {
// The same keys as recipeJson(), in QJsonObject's (sorted) order.
void writeRecipe(JsonWriter &w, const RecipeFile &r)
{
    const std::optional<VariantName> &v = r.variant;
    const bool cuda = v && v->kind == VariantName::Kind::Cuda;
    const RecipeMetadata &m = r.meta;
    w.beginObject();
    w.key("binary").value(r.binary);
    w.key("blob").stringOrNull(r.blob);
    w.key("cpuFlags").strings(m.cpuFlags);
    cuda ? w.key("cuda").value(v->cuda) : w.key("cuda").null();
    w.key("cudaPackages").stringOrNull(m.cudaPackages);
    m.cudaSupport ? w.key("cudaSupport").value(*m.cudaSupport) : w.key("cudaSupport").null();
    w.key("description").stringOrNull(m.description);
    w.key("file").value(r.path);
    w.key("fileName").value(r.fileName);
    cuda ? w.key("gpu").value(v->gpu) : w.key("gpu").null();
    w.key("gpuArch").stringOrNull(m.gpuArch);
    v ? w.key("isa").value(v->isa) : w.key("isa").null();
    if (!v)
        w.key("kind").null();
    else
        w.key("kind").value(cuda ? "cuda" : v->kind == VariantName::Kind::Darwin ? "darwin" : "cpu");
    w.key("lines").beginObject();
    for (const FieldLines::Entry &e : m.lines) // in key order already
        w.key(e.field).value(e.line);
    w.endObject();
    w.key("nixpkgsRev").stringOrNull(m.nixpkgsRev);
    v ? w.key("package").value(v->package) : w.key("package").null();
    w.key("parseError").stringOrNull(r.parseError);
    w.key("platforms").strings(m.platforms);
    w.key("pname").stringOrNull(m.pname);
    v ? w.key("python").value(v->python) : w.key("python").null();
    w.key("state").value(RecipeFile::stateName(r.state));
    w.key("symlink").value(r.symlink);
    r.symlink ? w.key("symlinkTarget").value(r.symlinkTarget) : w.key("symlinkTarget").null();
    w.key("tooLarge").value(r.tooLarge);
    if (v) {
        const auto pieces = v->pieces();
        w.key("variant").joinedValue(pieces);
    } else {
        w.key("variant").null();
    }
    w.endObject();
}
} // namespace

void writeScanJson(const RepositoryScan &scan, const JsonWriter::Sink &sink)
{
    // About what one recipe takes (1.9 KB for a CUDA recipe with its lines).
    constexpr size_t kRecipeJsonBytes = 2048;
    // Branches are written side by side on pool threads (most of the bytes are
    // theirs) and handed on in order, each as soon as it and those before are ready.
    // A few at a time, into buffers handed back once written out: the JSON of a
    // large repository then touches a few branches' worth of fresh memory, not all
    // of it (each fresh page costs a fault).
    const qsizetype count = scan.branches.size();
    const qsizetype ahead = std::max(2, QThreadPool::globalInstance()->maxThreadCount()) + 1;
    QList<QFuture<std::string>> branches(count);
    std::vector<std::string> spare;
    auto launch = [&](qsizetype k) {
        std::string buffer;
        if (!spare.empty()) {
            buffer = std::move(spare.back());
            spare.pop_back();
        }
        const BranchScan &b = scan.branches[k];
        branches[k] = QtConcurrent::run([&b, buffer = std::move(buffer)]() mutable {
            return JsonWriter::fragment(
                2,
                [&b](JsonWriter &w) {
                    w.beginObject();
                    w.key("commit").stringOrNull(b.commit);
                    w.key("current").value(b.current);
                    w.key("hasPkgsDir").value(b.hasPkgsDir);
                    w.key("mostCommonNixpkgsRev").stringOrNull(b.mostCommonNixpkgsRev);
                    w.key("name").value(b.name);
                    w.key("recipes").beginArray();
                    for (const RecipeFile &r : b.recipes)
                        writeRecipe(w, r);
                    w.endArray();
                    w.key("remote").value(b.remote);
                    w.endObject();
                },
                std::move(buffer), size_t(b.recipes.size()) * kRecipeJsonBytes);
        });
    };
    for (qsizetype k = 0; k < std::min(count, ahead); ++k)
        launch(k);
    JsonWriter w(sink);
    w.beginObject();
    w.key("branches").beginArray();
    for (qsizetype k = 0; k < count; ++k) {
        std::string fragment = branches[k].takeResult();
        w.rawValue(fragment);
        spare.push_back(std::move(fragment));
        if (k + ahead < count)
            launch(k + ahead);
    }
    w.endArray();
    w.key("currentBranch").stringOrNull(scan.currentBranch);
    w.key("problems").beginArray();
    for (const LintProblem &p : scan.problems) {
        w.beginObject();
        w.key("branch").value(p.branch);
        w.key("file").value(p.file);
        w.key("line").value(p.line);
        w.key("message").value(p.message);
        w.key("rule").value(p.rule);
        w.key("severity").value(LintProblem::severityName(p.severity));
        w.endObject();
    }
    w.endArray();
    w.key("repository").value(scan.root);
    w.endObject();
}

QByteArray scanJsonBytes(const RepositoryScan &scan)
{
    QByteArray bytes;
    writeScanJson(scan, [&bytes](std::string_view part) { bytes.append(part.data(), qsizetype(part.size())); });
    return bytes;
}

} // namespace vs::cli
