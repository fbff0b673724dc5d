// Times RepositoryScanner::scan (git listing + metadata + lint) against the floor:
// a plain `git cat-file --batch` read of the same blobs, in the same run.
// Usage: scan_bench [BRANCHES=12] [RECIPES_PER_BRANCH=250] [KEEP_IN_DIR]

#include "catalog/Catalog.h"
#include "cli/RepositoryCli.h"
#include "repository/RealisticRecipe.h"
#include "repository/RepositoryScanner.h"
#include "variants/Compatibility.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace vs;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

bool git(const QString &dir, const QStringList &args, QByteArray *output = nullptr)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("git"), args);
    if (!p.waitForFinished(600000) || p.exitCode() != 0) {
        out() << "git " << args.join(QLatin1Char(' ')) << " failed: " << p.readAllStandardError() << Qt::endl;
        return false;
    }
    if (output)
        *output = p.readAllStandardOutput();
    return true;
}

// 12 release lines × 250 recipes; every branch pins its own nixpkgs and carries
// its own header, so blobs differ between branches as they do in real repositories.
bool makeRepository(const QString &dir, int branches, int perBranch)
{
    const Catalog &c = Catalog::embedded();
    QList<VariantName> variants;
    for (const VariantName &v : Compatibility::allVariants(c))
        if (Compatibility::of(c, v).ok())
            variants.append(v);
    if (!git(dir, { "init", "-q", "-b", "main" }) || !git(dir, { "config", "user.name", "bench" })
        || !git(dir, { "config", "user.email", "b@example.invalid" }))
        return false;
    QDir(dir).mkpath(QStringLiteral(".flox/pkgs"));
    for (int b = 0; b < branches; ++b) {
        const QString branch = b == 0 ? QStringLiteral("main") : QStringLiteral("pytorch-2.%1-python313").arg(b);
        if (b > 0 && !git(dir, { "checkout", "-q", "-b", branch }))
            return false;
        QDir(dir + QStringLiteral("/.flox/pkgs")).removeRecursively();
        QDir(dir).mkpath(QStringLiteral(".flox/pkgs"));
        const QString rev = QStringLiteral("%1").arg(QString::number(0x6a030d53 + b, 16), 40, QLatin1Char('0'));
        for (int i = 0; i < perBranch; ++i) {
            const VariantName &v = variants[(b * 37 + i) % variants.size()];
            QFile f(QStringLiteral("%1/.flox/pkgs/%2").arg(dir, v.fileName()));
            if (!f.open(QIODevice::WriteOnly))
                return false;
            f.write(QStringLiteral("# release line %1, recipe %2\n").arg(branch).arg(i).toUtf8());
            f.write(test::realisticRecipe(c, v, rev).toUtf8());
        }
        if (!git(dir, { "add", "-A" }) || !git(dir, { "commit", "-q", "-m", branch }))
            return false;
    }
    return git(dir, { "checkout", "-q", "main" }) && git(dir, { "gc", "-q" });
}

QStringList blobIds(const QString &dir)
{
    QByteArray refs;
    git(dir, { "for-each-ref", "--format=%(objectname)", "refs/heads" }, &refs);
    QStringList ids;
    for (const QByteArray &commit : refs.split('\n')) {
        if (commit.isEmpty())
            continue;
        QByteArray tree;
        git(dir, { "ls-tree", "-r", QString::fromLatin1(commit), "--", ".flox/pkgs/" }, &tree);
        for (const QByteArray &line : tree.split('\n'))
            if (line.size() > 53)
                ids.append(QString::fromLatin1(line.mid(12, 40)));
    }
    ids.removeDuplicates();
    return ids;
}

// The floor: every blob through one cat-file process, bytes only.
qint64 plainRead(const QString &dir, const QStringList &ids, qint64 *bytes)
{
    QByteArray requests;
    for (const QString &id : ids)
        requests += id.toLatin1() + '\n';
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("git"), { QStringLiteral("cat-file"), QStringLiteral("--batch") });
    p.write(requests);
    p.closeWriteChannel();
    p.waitForFinished(600000);
    *bytes = p.readAllStandardOutput().size();
    return t.nsecsElapsed();
}

// End to end, as a user runs it: `variant-studio scan REPO --json`, a process
// of its own (start-up, scan, JSON written to a pipe), against the floor.
qint64 endToEnd(const QString &dir, qint64 *bytes)
{
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.start(QStringLiteral(VS_APP_PATH), { QStringLiteral("scan"), dir, QStringLiteral("--json") });
    p.waitForFinished(600000);
    *bytes = p.readAllStandardOutput().size();
    if (p.exitCode() != 0)
        out() << "variant-studio scan failed: " << p.readAllStandardError() << Qt::endl;
    return t.nsecsElapsed();
}

double median(QList<qint64> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2] / 1e6;
}

// The median of each round's own ratio: steadier than a ratio of medians when the
// floor itself jumps between rounds (it does, by half, on a shared host).
double medianRatio(const QList<qint64> &what, const QList<qint64> &floor)
{
    QList<qint64> ratios;
    for (qsizetype i = 0; i < what.size(); ++i)
        ratios.append(qint64(1e6 * double(what[i]) / double(floor[i])));
    return median(ratios);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int branches = args.size() > 1 ? args[1].toInt() : 12;
    const int perBranch = args.size() > 2 ? args[2].toInt() : 250;
    QTemporaryDir tmp(args.size() > 3 ? args[3] : QDir::temp().filePath(QStringLiteral("scan_bench-XXXXXX")));
    tmp.setAutoRemove(args.size() <= 3); // kept to profile it afterwards
    QElapsedTimer setup;
    setup.start();
    if (!makeRepository(tmp.path(), branches, perBranch))
        return 1;
    const QStringList ids = blobIds(tmp.path());
    out() << "repository: " << branches << " branches x " << perBranch << " recipes, " << ids.size() << " distinct blobs (made in "
          << setup.elapsed() / 1000.0 << " s)" << Qt::endl;

    // The floor, the scan and the command are timed in turn within each round, so
    // that a machine whose speed drifts (a shared host) moves all three alike.
    constexpr int runs = 11;
    QList<qint64> plain, scan, cli;
    qint64 bytes = 0, jsonBytes = 0;
    int recipes = 0, problems = 0;
    plainRead(tmp.path(), ids, &bytes); // warm the page cache for all
    endToEnd(tmp.path(), &jsonBytes);
    for (int i = 0; i < runs; ++i) {
        plain.append(plainRead(tmp.path(), ids, &bytes));
        cli.append(endToEnd(tmp.path(), &jsonBytes));
        QElapsedTimer t;
        t.start();
        const RepositoryScan s = RepositoryScanner::scan(tmp.path());
        scan.append(t.nsecsElapsed());
        if (!s.ok()) {
            out() << "scan failed: " << s.error << Qt::endl;
            return 1;
        }
        recipes = 0;
        for (const BranchScan &b : s.branches)
            recipes += b.recipes.size();
        problems = s.problems.size();
    }
    // Where the time goes: the same scan without lint, and extraction alone.
    QList<qint64> noLint, extractOnly;
    ScanOptions withoutLint;
    withoutLint.lint = false;
    QStringList texts;
    for (const BranchScan &b : RepositoryScanner::scan(tmp.path(), withoutLint).branches)
        for (const RecipeFile &r : b.recipes)
            texts.append(r.text);
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        RepositoryScanner::scan(tmp.path(), withoutLint);
        noLint.append(t.nsecsElapsed());
        t.restart();
        for (const QString &text : texts)
            RecipeMetadata::extract(text);
        extractOnly.append(t.nsecsElapsed());
    }
    const double p = median(plain), s = median(scan);
    out() << "breakdown: scan without lint " << QString::number(median(noLint), 'f', 1) << " ms, of which metadata extraction "
          << QString::number(median(extractOnly), 'f', 1) << " ms" << Qt::endl;
    out() << "git cat-file --batch (plain read): " << QString::number(p, 'f', 1) << " ms for " << bytes / 1024 << " KiB" << Qt::endl;
    out() << "RepositoryScanner::scan (full):    " << QString::number(s, 'f', 1) << " ms for " << recipes << " recipes, " << problems
          << " lint findings" << Qt::endl;
    out() << "ratio: " << QString::number(s / p, 'f', 2) << "x of the medians, " << QString::number(medianRatio(scan, plain), 'f', 2)
          << "x the median of rounds (target: within 2x); " << runs << " rounds" << Qt::endl;

    QList<qint64> toObjects, toBytes;
    const RepositoryScan full = RepositoryScanner::scan(tmp.path());
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const QJsonDocument doc(cli::scanJson(full));
        toObjects.append(t.nsecsElapsed());
        t.restart();
        const QByteArray bytes = doc.toJson(QJsonDocument::Indented);
        toBytes.append(t.nsecsElapsed());
    }
    QList<qint64> direct;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const QByteArray bytes = cli::scanJsonBytes(full);
        direct.append(t.nsecsElapsed());
    }
    out() << "JSON in process: QJsonDocument " << QString::number(median(toObjects) + median(toBytes), 'f', 1) << " ms (building "
          << QString::number(median(toObjects), 'f', 1) << ", writing " << QString::number(median(toBytes), 'f', 1)
          << "), JsonWriter (what scan --json uses) " << QString::number(median(direct), 'f', 1) << " ms" << Qt::endl;
    QList<qint64> startup;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.start(QStringLiteral(VS_APP_PATH), { QStringLiteral("--version") });
        p.waitForFinished();
        startup.append(t.nsecsElapsed());
    }
    out() << "variant-studio --version (process start-up): " << QString::number(median(startup), 'f', 1) << " ms" << Qt::endl;

    const double e = median(cli);
    out() << "variant-studio scan --json (end to end): " << QString::number(e, 'f', 1) << " ms, " << jsonBytes / 1024 << " KiB of JSON"
          << Qt::endl;
    out() << "end-to-end ratio: " << QString::number(e / p, 'f', 2) << "x of the medians, "
          << QString::number(medianRatio(cli, plain), 'f', 2) << "x the median of rounds (target: within 2.5x)" << Qt::endl;
    // Timings on a shared machine mean little without its load.
    QFile load(QStringLiteral("/proc/loadavg"));
    if (load.open(QIODevice::ReadOnly))
        out() << "load average: " << load.readAll().trimmed() << Qt::endl;
    return 0;
}
