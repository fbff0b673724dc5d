#pragma once

#include "builds/BuildHistory.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace vs {

// What a build's duration is expected to be, and what that rests on.
struct Estimate {
    enum class Basis { None, Variant, PackageGpu };
    Basis basis = Basis::None;
    qint64 durationMs = 0; // the median; 0 when None
    int runs = 0; // how many earlier runs the median is of
    bool sameHost = false; // they ran on the host asked about
    bool known() const { return basis != Basis::None; }
};
QString toString(Estimate::Basis basis); // "variant" | "package+GPU" | "none"

struct TimeLeft {
    bool known = false;
    qint64 ms = 0; // never negative
    bool overdue = false; // it has run longer than the estimate (ms is 0)
};

struct QueueTimeLeft {
    qint64 ms = 0; // until the last build ends
    int unknown = 0; // builds without an estimate, counted as taking no time…
    int overdue = 0; // …and running builds past their estimate, counted as ending now
    bool lowerBound() const { return unknown > 0 || overdue > 0; } // "at least ms"
};

// Time to finish, from the history: the median duration of earlier successful
// build runs of the same variant, else of the same package and GPU (VariantName:
// package + GPU architecture; every CPU variant of a package counts as one GPU,
// "cpu", and darwin as "darwin"), else unknown. Within each, runs on the job's
// host come first when the host is known; then runs on any host.
// The median, not the mean: one build that found everything in the store (or
// hung for hours) does not move it.
class BuildEstimate {
public:
    explicit BuildEstimate(const QList<HistoryEntry> &runs);

    // host: std::nullopt when not known yet (runs on any host count alike); ""
    // this machine; else the builder, as the history's "host" names it.
    Estimate forVariant(const QString &variant, const std::optional<QString> &host = std::nullopt) const;

    static TimeLeft timeLeft(const Estimate &estimate, qint64 elapsedMs);

    struct Running {
        Estimate estimate;
        qint64 elapsedMs = 0;
    };
    // The whole queue over `parallel` builds at once, as a greedy list schedule in
    // queue order (what BuildQueue does): each queued build starts on the slot
    // that frees first; running builds hold their slots for their time left.
    static QueueTimeLeft queueTimeLeft(const QList<Running> &running, const QList<Estimate> &queued, int parallel);

    // "package|gpu" of a variant name; empty when the name does not parse.
    static QString packageGpuKey(const QString &variant);

private:
    struct Run {
        QString host;
        qint64 durationMs = 0;
    };
    static Estimate median(const QList<Run> &runs, Estimate::Basis basis, const std::optional<QString> &host);

    QHash<QString, QList<Run>> m_byVariant;
    QHash<QString, QList<Run>> m_byPackageGpu;
};

} // namespace vs
