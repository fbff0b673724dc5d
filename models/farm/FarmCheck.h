#pragma once

#include "farm/BuilderMachine.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

namespace vs {

struct ProcessResult;

// What the check found out about one builder.
struct BuilderStatus {
    BuilderMachine machine;
    bool reachable = false;
    QString nixVersion; // empty when the store does not say (ssh:// stores do not)
    int trusted = -1; // 1 trusted, 0 not, -1 unknown
    QString error; // in ssh's or nix's own words; empty when reachable
    qint64 elapsedMs = 0;
};

// The builders' connection test: `nix store info --store URI --json` against each
// builder, all at once (a thread each, each with its own timeout; results in the
// machines' order). It goes through ssh exactly as a build
// would (same ~/.ssh/config, NIX_SSHOPTS, key and host key of the machine line),
// so "reachable" means Nix can reach it. Blocking: run it off the UI thread.
class FarmCheck {
public:
    static constexpr int kDefaultTimeoutMs = 20000;

    explicit FarmCheck(QString nixProgram = QStringLiteral("nix"));
    void setTimeout(int ms) { m_timeoutMs = ms; }
    void setCancel(const std::atomic<bool> *cancelled) { m_cancelled = cancelled; }

    QList<BuilderStatus> check(const QList<BuilderMachine> &machines) const;

    // The store URI with the machine's key and host key as store parameters.
    static QString storeUri(const BuilderMachine &machine);
    static QStringList arguments(const BuilderMachine &machine);
    static BuilderStatus interpret(const BuilderMachine &machine, const ProcessResult &result);
    // `nix` next to nix-build when that is a path (the same installation), else "nix".
    static QString nixBeside(const QString &nixBuildProgram);

private:
    QString m_nixProgram;
    int m_timeoutMs = kDefaultTimeoutMs;
    const std::atomic<bool> *m_cancelled = nullptr;
};

} // namespace vs
