#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

namespace vs {

struct OutputPathsOptions {
    QString nixInstantiate = QStringLiteral("nix-instantiate"); // name on PATH or a path
    QStringList nixOptions; // extra arguments, e.g. {"--option", "substituters", ""}
    int batchSize = 250; // recipes per nix-instantiate process
    int timeoutMs = 300000; // per process
    const std::atomic<bool> *cancel = nullptr; // set to stop early; must outlive find()
};

// Where each recipe's build would land, found with the real nix: the recipes
// are evaluated the way `nix-build RECIPE` takes them (imported; a function is
// called with its defaults), many per `nix-instantiate --eval` process, in
// read-only mode (nothing is written to the store, nothing built). A recipe
// that cannot be evaluated is reported with nix's message, and the others of
// its batch still answer (NixEval splits a failing batch).
//
// Thread-safe: no shared mutable state; each call runs its own processes.
class OutputPaths {
public:
    struct Recipe {
        QString variant; // the name asked for (without .nix)
        QString recipe; // ".flox/pkgs/NAME.nix" or ".flox/pkgs/NAME/default.nix"; empty when there is none
        QString drvPath; // /nix/store/…-NAME.drv
        QString outPath; // /nix/store/…-NAME: the default output, where nix-build's result link points
        QString error; // why there is no path: names the recipe file, in nix's words where nix failed
        bool ok() const { return error.isEmpty(); }
    };

    // ROOT is a repository or worktree checked out at the branch; each of
    // `recipes` is a variant name or a recipe path of either shape. Recipes are
    // found through RecipePaths (no link out of .flox/pkgs, no escaping name).
    // Results in the order asked, one per entry. Blocks: call it off the UI thread.
    static QList<Recipe> find(const QString &root, const QStringList &recipes, const OutputPathsOptions &options = {});

    // The driver expression (resources/nix/output-paths.nix).
    static QString driver();
};

} // namespace vs
