#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace vs {

// Where a build stands, as Nix reports it.
struct NixProgress {
    QString host; // the builder of the latest remote derivation ("ssh-ng://builder1"); empty: local
    QString phase; // e.g. "buildPhase" (stdenv builds report phases)
    int done = 0; // derivations built
    int expected = 0; // derivations to build
    int running = 0;
    int failed = 0;
    bool operator==(const NixProgress &) const = default;
};

// Reads a build's output line by line. With `--log-format internal-json` Nix
// writes "@nix {…}" lines: they become the plain lines a user would read (build
// log lines, messages, "building '…drv' on 'ssh-ng://…'") plus host, phase and
// progress; any other line (ssh's, flox's plain output) passes through as it is,
// and a plain "building '…' on '…'" line tells the host as well.
class NixLogParser {
public:
    // The plain text for `raw`, or nothing when the line carries no text to show.
    std::optional<QByteArray> feed(QByteArrayView raw);
    const NixProgress &progress() const { return m_progress; }
    // Whether the last feed() changed progress().
    bool progressChanged() const { return m_changed; }

    // "building '/nix/store/…drv' on 'ssh-ng://host'…" → "ssh-ng://host"; else empty.
    static QString hostFromLine(QStringView line);
    // When the output says a builder failed the build rather than the recipe (it
    // could not be reached, or dropped the connection), why, naming the builder;
    // else empty. `host` is the builder the build was on, if known.
    static QString builderFault(const QStringList &lines, const QString &host);

private:
    struct Activity {
        int type = 0;
        quint64 parent = 0;
    };
    std::optional<QByteArray> feedJson(QByteArrayView json);
    void setHost(const QString &host);

    QHash<quint64, Activity> m_activities;
    NixProgress m_progress;
    bool m_changed = false;
};

} // namespace vs
