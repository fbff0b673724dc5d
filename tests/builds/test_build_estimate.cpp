// BuildEstimate: time to finish from real history files written through
// BuildHistory and read back by a new instance, as the window and the command
// line do.
#include "BuildTestSupport.h"
#include "builds/BuildEstimate.h"
#include "builds/BuildHistory.h"

#include <QJsonObject>

using namespace vs;
using namespace vs::test;

namespace {
const QString kRepo = QStringLiteral("/repos/estimate");
const QString kVariant = QStringLiteral("pytorch-python313-cuda12_9-sm90-avx512");
const QString kSibling = QStringLiteral("pytorch-python312-cuda12_8-sm90-avx2"); // same package and GPU
const QString kOtherGpu = QStringLiteral("pytorch-python313-cuda12_9-sm120-avx512");

HistoryEntry run(const QString &variant, qint64 seconds, const QString &host = {}, BuildState outcome = BuildState::Succeeded,
    BuildKind kind = BuildKind::Build)
{
    static int counter = 0;
    HistoryEntry e;
    e.runId = QStringLiteral("est-%1").arg(++counter);
    e.kind = kind;
    e.variant = variant;
    e.branch = QStringLiteral("main");
    e.backend = BuildBackend::Nix;
    e.started = QDateTime::currentDateTime().addSecs(counter);
    e.durationMs = seconds * 1000;
    e.outcome = outcome;
    e.host = host;
    return e;
}
} // namespace

class TestBuildEstimate : public QObject {
    Q_OBJECT
private:
    // Writes the runs through the store and reads them back with a fresh instance.
    QList<HistoryEntry> storedRuns(const QString &name, const QList<HistoryEntry> &runs)
    {
        const QString dir = m_tmp.filePath(name);
        {
            BuildHistory writer(kRepo, dir);
            writer.setKeepPerCell(0);
            for (const HistoryEntry &e : runs)
                if (!writer.upsert(e))
                    qWarning() << writer.lastError();
        }
        BuildHistory reader(kRepo, dir);
        return reader.entries();
    }

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void hostSurvivesTheFile()
    {
        const QList<HistoryEntry> read
            = storedRuns(QStringLiteral("host"), { run(kVariant, 10, QStringLiteral("ssh-ng://b1")), run(kVariant, 20) });
        QCOMPARE(read.size(), 2);
        QCOMPARE(read.at(0).host, QStringLiteral("ssh-ng://b1"));
        QCOMPARE(read.at(1).host, QString());
        // This machine is written as null, not as an empty name.
        const QJsonObject local = read.at(1).toJson();
        QVERIFY(local.value(QStringLiteral("host")).isNull());
    }

    void medianOfTheSameVariant()
    {
        // Failed, cancelled and publish runs say nothing about how long a build takes.
        const BuildEstimate estimate(storedRuns(QStringLiteral("median"),
            { run(kVariant, 100), run(kVariant, 300), run(kVariant, 200), run(kVariant, 5000, {}, BuildState::Failed),
                run(kVariant, 9000, {}, BuildState::Cancelled), run(kVariant, 7000, {}, BuildState::Succeeded, BuildKind::Publish),
                run(kSibling, 50) }));
        const Estimate e = estimate.forVariant(kVariant);
        QCOMPARE(toString(e.basis), toString(Estimate::Basis::Variant));
        QCOMPARE(toString(e.basis), QStringLiteral("variant"));
        QCOMPARE(e.durationMs, 200000);
        QCOMPARE(e.runs, 3);
        QVERIFY(!e.sameHost);
    }

    void evenCountAveragesTheMiddleTwo()
    {
        const BuildEstimate estimate(
            storedRuns(QStringLiteral("even"), { run(kVariant, 100), run(kVariant, 200), run(kVariant, 300), run(kVariant, 10000) }));
        QCOMPARE(estimate.forVariant(kVariant).durationMs, 250000);
    }

    void fallsBackToPackageAndGpu()
    {
        const BuildEstimate estimate(storedRuns(QStringLiteral("gpu"),
            { run(kSibling, 40), run(kSibling, 60), run(kOtherGpu, 999),
                run(QStringLiteral("torchvision-python313-cuda12_9-sm90-avx512"), 5) }));
        const Estimate e = estimate.forVariant(kVariant);
        QCOMPARE(toString(e.basis), toString(Estimate::Basis::PackageGpu));
        QCOMPARE(toString(e.basis), QStringLiteral("package+GPU"));
        QCOMPARE(e.durationMs, 50000);
        QCOMPARE(e.runs, 2);
        // CPU variants of a package count as one "GPU"; nothing matches a new package.
        const BuildEstimate cpu(storedRuns(QStringLiteral("cpu"), { run(QStringLiteral("pytorch-python313-cpu-avx2"), 30) }));
        QCOMPARE(cpu.forVariant(QStringLiteral("pytorch-python311-cpu-avx512")).durationMs, 30000);
        QCOMPARE(toString(cpu.forVariant(kVariant).basis), toString(Estimate::Basis::None));
        QCOMPARE(toString(cpu.forVariant(QStringLiteral("not a variant")).basis), QStringLiteral("none"));
    }

    void prefersRunsOnTheSameHost()
    {
        const QString b1 = QStringLiteral("ssh-ng://builder1");
        const BuildEstimate estimate(storedRuns(QStringLiteral("hosts"),
            { run(kVariant, 100), run(kVariant, 110), run(kVariant, 900, b1), run(kSibling, 10, QStringLiteral("ssh-ng://builder2")) }));
        const Estimate onB1 = estimate.forVariant(kVariant, b1);
        QCOMPARE(onB1.durationMs, 900000);
        QVERIFY(onB1.sameHost);
        const Estimate local = estimate.forVariant(kVariant, QString());
        QCOMPARE(local.durationMs, 105000);
        QVERIFY(local.sameHost);
        // Host not known yet: every run of the variant counts.
        QCOMPARE(estimate.forVariant(kVariant).durationMs, 110000);
        // A host that never built the variant: the variant's runs elsewhere, not the sibling's on other hosts.
        const Estimate elsewhere = estimate.forVariant(kVariant, QStringLiteral("ssh-ng://builder2"));
        QCOMPARE(toString(elsewhere.basis), toString(Estimate::Basis::Variant));
        QVERIFY(!elsewhere.sameHost);
        QCOMPARE(elsewhere.durationMs, 110000);
    }

    void timeLeftOfARunningBuild()
    {
        Estimate e;
        e.basis = Estimate::Basis::Variant;
        e.durationMs = 60000;
        TimeLeft left = BuildEstimate::timeLeft(e, 15000);
        QVERIFY(left.known);
        QCOMPARE(left.ms, 45000);
        QVERIFY(!left.overdue);
        left = BuildEstimate::timeLeft(e, 90000);
        QCOMPARE(left.ms, 0);
        QVERIFY(left.overdue);
        QVERIFY(!BuildEstimate::timeLeft(Estimate(), 1000).known);
    }

    void queueIsAGreedyListSchedule()
    {
        const auto est = [](qint64 s) {
            Estimate e;
            e.basis = Estimate::Basis::Variant;
            e.durationMs = s * 1000;
            return e;
        };
        // Two slots; running: 10 s left and 40 s left. Queued 30, 20, 10 in order:
        // 30 starts at 10 (ends 40), 20 starts at 40 (ends 60), 10 starts at 40 (ends 50).
        const QList<BuildEstimate::Running> running { { est(60), 50000 }, { est(50), 10000 } };
        QueueTimeLeft q = BuildEstimate::queueTimeLeft(running, { est(30), est(20), est(10) }, 2);
        QCOMPARE(q.ms, 60000);
        QVERIFY(!q.lowerBound());
        // One slot: everything in a row.
        q = BuildEstimate::queueTimeLeft({}, { est(30), est(20), est(10) }, 1);
        QCOMPARE(q.ms, 60000);
        // Three slots, nothing running: the longest.
        QCOMPARE(BuildEstimate::queueTimeLeft({}, { est(30), est(20), est(10) }, 3).ms, 30000);
        // Unknown and overdue builds make it a lower bound, and say how many.
        q = BuildEstimate::queueTimeLeft({ { est(10), 20000 } }, { Estimate(), est(5) }, 1);
        QCOMPARE(q.ms, 5000);
        QCOMPARE(q.unknown, 1);
        QCOMPARE(q.overdue, 1);
        QVERIFY(q.lowerBound());
        QCOMPARE(BuildEstimate::queueTimeLeft({}, {}, 4).ms, 0);
    }

private:
    QTemporaryDir m_tmp;
};

QTEST_GUILESS_MAIN(TestBuildEstimate)
#include "test_build_estimate.moc"
