#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace vs {

// One `nix-instantiate --eval --strict --json` of a driver expression that maps
// over a list of recipe files (deep check, output paths): the arguments, and
// what came of a run.
struct NixEval {
    QString program = QStringLiteral("nix-instantiate");
    QStringList options; // extra nix arguments, e.g. {"--option", "substituters", ""}
    QStringList driver; // names the driver: {"/dir/driver.nix"} or {"-E", "<expression text>"}
    QList<QPair<QString, QString>> arguments; // --argstr NAME VALUE, besides "files" (and "catch")
    QList<QPair<QString, QString>> environment;
    int timeoutMs = 300000; // per process
    const std::atomic<bool> *cancel = nullptr; // must outlive the run

    struct Run {
        bool started = true; // false: the program could not be run, or was cancelled (err says which)
        bool finished = true; // false: it timed out
        int exitCode = 0;
        QByteArray out;
        QString err;
        // Why the run failed: nix's last error with its location (paths inside dir
        // shortened), or ours when nix never finished (not started, timed out, cancelled).
        QString errorFor(const QString &dir) const;
    };

    // `files` go to the driver as --argstr files '<JSON list>'; catchErrors false
    // adds --argstr catch false, so the driver lets a recipe's throw surface.
    Run run(const QStringList &files, bool catchErrors = true) const;

    // The one batching rule: one process for the batch; what the driver's tryEval
    // cannot catch (syntax errors, missing attributes) fails the whole run, so a
    // failing batch is split in halves until the culprit stands alone. Each file
    // gets either entry(file, its object of the driver's JSON list, which says
    // "ok": true) or failed(file, the run it failed alone in: a recipe the driver
    // caught ("ok": false) is run once more alone without catching, for nix's
    // message). A program that cannot start (or a cancel) fails every file of
    // the batch without splitting.
    void evaluate(const QStringList &files, const std::function<void(const QString &, const QJsonObject &)> &entry,
        const std::function<void(const QString &, const Run &)> &failed) const;

private:
    void explainThrow(const QString &file, const std::function<void(const QString &, const QJsonObject &)> &entry,
        const std::function<void(const QString &, const Run &)> &failed) const;
};

} // namespace vs
