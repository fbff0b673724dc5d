#pragma once

#include "recipes/OutputPaths.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace vs {

struct CacheCheckOptions {
    OutputPathsOptions paths; // nix-instantiate, nix options, batch size, cancel
    QString nixStore = QStringLiteral("nix-store"); // name on PATH or a path
    QStringList substituters; // store URLs asked (in order) for what the local store lacks; none: local only
    int storeBatchSize = 500; // paths per nix-store process
    int timeoutMs = 120000; // per nix-store process
};

// Whether a recipe's build is already there, so a queue can skip it.
struct CachedRecipe {
    QString variant;
    QString recipe; // ".flox/pkgs/…": the file nix evaluated
    QString drvPath;
    QString outPath; // where the build lands (nix-build's result link target)
    bool valid = false; // outPath is in the local store or in a substituter
    QString where; // "local" or the substituter's URL, when valid
    QString error; // the recipe could not be evaluated (nix's message, naming the file): not to be queued
};

struct CacheReport {
    QList<CachedRecipe> recipes; // in the order asked
    QStringList problems; // a store that could not be asked (its recipes count as not valid)

    QStringList variants(bool valid) const; // the variants that are (not) built, without the failed ones
    QList<CachedRecipe> failed() const; // the recipes that could not be evaluated
};

// The cache check before queueing many cells: each recipe's output path
// (OutputPaths: many recipes per nix process), then which of those paths are
// valid, first in the local store, then in each substituter given, with
// `nix-store [--store URL] --check-validity --print-invalid -- PATHS…` in
// batches. Thread-safe (no shared state); blocking: call it off the UI thread.
class CacheCheck {
public:
    static CacheReport run(const QString &root, const QStringList &recipes, const CacheCheckOptions &options = {});

    // Of `paths`, the ones not valid in STORE (empty: the local store); nullopt and
    // *error when nix-store could not answer.
    static std::optional<QSet<QString>> invalidPaths(
        const QStringList &paths, const QString &store, const CacheCheckOptions &options, QString *error = nullptr);

    static constexpr auto kLocal = "local";
};

} // namespace vs
