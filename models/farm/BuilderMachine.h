#pragma once

#include <QString>
#include <QStringList>

namespace vs {

// One builder: a line of Nix's machines format, whose eight fields are
//   URI systems ssh-key max-jobs speed-factor supported-features mandatory-features host-key
// ("-" or a missing field for the default). Nix does the building; this only
// describes a machine, so the app can show, check and count it.
struct BuilderMachine {
    QString uri; // ssh://host or ssh-ng://host (user@host allowed, no port)
    QStringList systems; // empty: Nix's default, the local system
    QString sshKey; // empty: ssh's default key
    int maxJobs = 1;
    double speedFactor = 1;
    QStringList supportedFeatures;
    QStringList mandatoryFeatures;
    QString publicHostKey; // base64; empty: known_hosts decides
    int line = 0; // where it was read (1-based), for messages

    // "host" of ssh-ng://user@host: what ssh connects to.
    QString host() const;
    // The machine as one line of the machines format, "-" for defaults.
    QString toLine() const;
    // Whether Nix would send it a derivation for `system` that requires `features`:
    // it lists the system (or none: the local one), supports every required feature,
    // and every one of its mandatory features is required.
    bool canBuild(const QString &system, const QStringList &features) const;

    bool operator==(const BuilderMachine &other) const = default;
};

// The requiredSystemFeatures a recipe's text declares (`requiredSystemFeatures = [ "big-parallel" ];`).
QStringList requiredSystemFeatures(const QString &nixText);

// The system Nix calls this machine ("x86_64-linux", "aarch64-darwin").
QString localNixSystem();

} // namespace vs
