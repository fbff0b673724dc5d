#pragma once

#include "cli/JsonWriter.h"
#include "repository/RepositoryScanner.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <optional>

namespace vs::cli {

// Shared by scan, lint and matrix: argument parsing with help, the scan itself
// with a clear message on failure, and the JSON shape of one recipe.

// Parses; on --help or an error prints and sets *status (0 or 2): return false to stop.
// Expects exactly `positionals` positional arguments (the repository, by default).
bool parseOrStop(QCommandLineParser &parser, const QStringList &arguments, int *status, int positionals = 1);

// Scans, or prints "variant-studio <cmd>: not a git repository: …" and sets *status = 1.
std::optional<RepositoryScan> scanOrFail(const QString &command, const QString &folder, const ScanOptions &options, int *status);

QJsonObject recipeJson(const RecipeFile &recipe);
// What `matrix --format markdown` prints for one branch of a scan.
QString matrixMarkdown(const RepositoryScan &scan, const BranchScan &branch);
QJsonObject scanJson(const RepositoryScan &scan); // what `scan --json` prints…
QByteArray scanJsonBytes(const RepositoryScan &scan); // …written directly, byte for byte the same
void writeScanJson(const RepositoryScan &scan, const JsonWriter::Sink &sink); // …the same, in blocks

} // namespace vs::cli
