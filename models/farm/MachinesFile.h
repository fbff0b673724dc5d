#pragma once

#include "farm/BuilderMachine.h"

#include <QList>
#include <QString>

namespace vs {

// A mistake in a machines line, located: "SOURCE line 3, field 4 (max jobs): …".
struct MachinesProblem {
    QString source; // a file, "builders", "--builders"
    int line = 0; // 1-based
    int entry = 0; // the n-th ';'-separated entry of the line, when it has several
    int field = 0; // 1..8; 0 for the whole line
    QString message;

    QString text() const;
    static QString fieldName(int field); // "URI", "systems", … "host key"
};

struct MachinesParse {
    QList<BuilderMachine> machines;
    QList<MachinesProblem> problems;
    bool ok() const { return problems.isEmpty(); }
    QString problemText() const; // every problem, one a line
};

// Nix's machines format, as in /etc/nix/machines and the `builders` setting:
// entries separated by newlines or ';', '#' starts a comment, "@FILE" includes a
// machines file. Every field is checked; nothing questionable is passed to Nix.
class MachinesFile {
public:
    static MachinesParse parse(const QString &text, const QString &source);
    // A machines file (missing: an error naming it).
    static MachinesParse read(const QString &path);
    // The command line's and the settings' form: "@FILE" reads a file, anything else
    // is the `builders` setting's own text.
    static MachinesParse fromSpec(const QString &spec, const QString &source);
    // The value of `builders` in the output of `nix config show` (or nix.conf text);
    // empty when it is not set.
    static QString buildersFromConfig(const QString &configText);
    // The builders the user's Nix is configured with (`nix config show builders`, or
    // `nix show-config` on older Nix): nix.conf, NIX_CONFIG, /etc/nix/machines.
    // A problem running nix is a problem of the result (line 0).
    static MachinesParse fromNixConfiguration(const QString &nixProgram);
    // Machines as the `builders` setting's value: one line, entries joined by " ; "
    // (NIX_CONFIG is newline-separated, so the value must not contain a newline).
    static QString toSetting(const QList<BuilderMachine> &machines);
    // Machines as a machines file: one line each.
    static QString toText(const QList<BuilderMachine> &machines);
    // Nix's own default machines file.
    static QString systemMachinesFile() { return QStringLiteral("/etc/nix/machines"); }

private:
    static void parseInto(const QString &text, const QString &source, MachinesParse &result, int depth);
};

} // namespace vs
