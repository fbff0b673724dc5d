#include "repository/RepositoryScanner.h"

#include "catalog/CatalogLoader.h"
#include "recipes/Lint.h"
#include "repository/CatFileBatch.h"
#include "repository/Git.h"
#include "repository/GitOutput.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <map>
#include <memory>

namespace vs {

namespace {

// A blob's content as the scan keeps it; shared by every branch that has the blob.
struct ParsedBlob {
    QString text;
    bool binary = false;
    RecipeMetadata meta;
};

ParsedBlob parse(const QByteArray &bytes)
{
    ParsedBlob p;
    p.binary = bytes.contains('\0');
    if (!p.binary) {
        p.text = QString::fromUtf8(bytes);
        p.meta = RecipeMetadata::extract(p.text);
    }
    return p;
}

void apply(RecipeFile &r, const ParsedBlob &p)
{
    r.text = p.text;
    r.binary = p.binary;
    r.meta = p.meta;
}

// Reads a working-tree file (new or modified) from disk.
void readFromDisk(RecipeFile &r, const QString &root, qint64 maxBytes)
{
    QFile f(QDir(root).filePath(r.path));
    r.size = f.size();
    r.tooLarge = r.size > maxBytes;
    if (r.tooLarge)
        return;
    if (!f.open(QIODevice::ReadOnly)) {
        r.parseError = QStringLiteral("cannot read %1: %2").arg(r.path, f.errorString());
        return;
    }
    apply(r, parse(f.readAll()));
}

QString gitFailure(const QString &what, const GitResult &r)
{
    return QStringLiteral("%1 failed: %2").arg(what, r.errorText());
}

// Lists .flox/pkgs of every distinct commit with ls-tree, a few processes at a time.
bool listTrees(const Git &git, const QList<BranchScan> &branches, std::map<QString, QList<GitOutput::TreeEntry>> &trees, QString *error)
{
    QStringList commits;
    for (const BranchScan &b : branches)
        if (!b.commit.isEmpty() && !commits.contains(b.commit))
            commits.append(b.commit);
    constexpr int parallel = 6;
    for (qsizetype from = 0; from < commits.size(); from += parallel) {
        std::map<QString, std::unique_ptr<QProcess>> running;
        for (qsizetype i = from; i < std::min(from + parallel, commits.size()); ++i)
            running[commits[i]] = git.start({ QStringLiteral("ls-tree"), QStringLiteral("-z"), QStringLiteral("-l"), QStringLiteral("-r"),
                commits[i], QStringLiteral("--"), RepositoryScanner::pkgsDir() + QLatin1Char('/') });
        for (auto &[commit, process] : running) {
            const GitResult r = Git::finish(*process);
            if (!r.ok()) {
                *error = gitFailure(QStringLiteral("git ls-tree %1").arg(commit), r);
                return false;
            }
            trees[commit] = GitOutput::parseLsTree(r.out);
        }
    }
    return true;
}

void addCommittedRecipes(
    BranchScan &b, const QList<GitOutput::TreeEntry> &entries, qint64 maxBytes, QStringList &blobsToRead, QSet<QString> &requested)
{
    b.hasPkgsDir = !entries.isEmpty();
    for (const GitOutput::TreeEntry &e : entries) {
        // Symbolic links and submodules are not recipes flox reads as files.
        if (e.type != QLatin1String("blob") || e.mode == QLatin1String("120000") || !RepositoryScanner::isRecipePath(e.path))
            continue;
        RecipeFile r = RecipeFile::at(e.path);
        r.blob = e.object;
        r.size = e.size;
        r.tooLarge = e.size > maxBytes;
        if (!r.tooLarge && !requested.contains(r.blob)) {
            requested.insert(r.blob);
            blobsToRead.append(r.blob);
        }
        b.recipes.append(r);
    }
}

// New, modified and deleted files of the checked-out branch (text of new and modified from disk).
void applyWorkingTree(BranchScan &b, const QList<GitOutput::StatusEntry> &status, const QString &root, qint64 maxBytes)
{
    for (const GitOutput::StatusEntry &s : status) {
        if (!RepositoryScanner::isRecipePath(s.path))
            continue;
        auto it = std::find_if(b.recipes.begin(), b.recipes.end(), [&](const RecipeFile &r) { return r.path == s.path; });
        if (s.state == RecipeFile::State::Deleted) {
            if (it != b.recipes.end())
                it->state = RecipeFile::State::Deleted;
            continue;
        }
        if (it == b.recipes.end()) {
            b.recipes.append(RecipeFile::at(s.path));
            it = b.recipes.end() - 1;
            it->state = RecipeFile::State::New;
        } else {
            it->state = RecipeFile::State::Modified;
        }
        b.hasPkgsDir = true;
        readFromDisk(*it, root, maxBytes);
    }
}

} // namespace

bool RepositoryScanner::isRecipePath(const QString &path)
{
    const QString prefix = pkgsDir() + QLatin1Char('/');
    if (!path.startsWith(prefix) || !path.endsWith(QLatin1String(".nix")))
        return false;
    const QString rest = path.mid(prefix.size());
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return rest.size() > 4;
    return slash > 0 && rest.mid(slash + 1) == QLatin1String("default.nix");
}

QString RepositoryScanner::packageNameOf(const QString &path)
{
    const QString rest = path.mid(pkgsDir().size() + 1);
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash > 0)
        return rest.left(slash);
    return rest.endsWith(QLatin1String(".nix")) ? rest.chopped(4) : rest;
}

QString RepositoryScanner::mostCommonNixpkgsRev(const QList<RecipeFile> &recipes)
{
    QHash<QString, int> count;
    QStringList order;
    for (const RecipeFile &r : recipes) {
        if (r.state == RecipeFile::State::Deleted || r.meta.nixpkgsRev.isEmpty())
            continue;
        if (!count.contains(r.meta.nixpkgsRev))
            order.append(r.meta.nixpkgsRev);
        ++count[r.meta.nixpkgsRev];
    }
    QString best;
    for (const QString &rev : order)
        if (best.isEmpty() || count.value(rev) > count.value(best))
            best = rev;
    return best;
}

RepositoryScan RepositoryScanner::scan(const QString &folder, const ScanOptions &opt, const Progress &progress)
{
    RepositoryScan scan;
    scan.requestedPath = folder;
    const QFileInfo info(folder);
    if (!info.exists()) {
        scan.error = QStringLiteral("no such folder: %1").arg(folder);
        return scan;
    }
    if (!info.isDir()) {
        scan.error = QStringLiteral("not a folder: %1").arg(folder);
        return scan;
    }
    const GitResult top = Git(info.absoluteFilePath()).run({ QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel") });
    if (!top.ok()) {
        if (top.started && top.errorText().contains(QLatin1String("not a git repository")))
            scan.error = QStringLiteral("not a git repository: %1").arg(folder);
        else
            scan.error = QStringLiteral("cannot read the repository %1: %2").arg(folder, top.errorText());
        return scan;
    }
    scan.root = QString::fromUtf8(top.out);
    while (scan.root.endsWith(QLatin1Char('\n')))
        scan.root.chop(1);

    if (opt.catalog) {
        scan.catalog = *opt.catalog;
    } else {
        const CatalogLoad load = CatalogLoader::forRepository(scan.root);
        scan.catalog = load.catalog;
        for (const CatalogError &e : load.errors)
            scan.problems.append({ QString(), QDir(scan.root).relativeFilePath(e.where.file), e.where.line, LintProblem::Severity::Error,
                QStringLiteral("catalog"), e.message });
    }

    // Three independent questions at once: current branch, branches, working tree.
    const Git git(scan.root);
    auto head = git.start({ QStringLiteral("symbolic-ref"), QStringLiteral("-q"), QStringLiteral("HEAD") });
    QStringList refArgs
        = QStringList { QStringLiteral("for-each-ref") } + GitOutput::refFormat() + QStringList { QStringLiteral("refs/heads") };
    if (opt.includeRemotes)
        refArgs.append(QStringLiteral("refs/remotes"));
    auto refs = git.start(refArgs);
    std::unique_ptr<QProcess> status;
    if (opt.includeWorkingTree)
        status = git.start({ QStringLiteral("status"), QStringLiteral("--porcelain=v1"), QStringLiteral("-z"),
            QStringLiteral("--untracked-files=all"), QStringLiteral("--no-renames"), QStringLiteral("--"), pkgsDir() });

    const GitResult headResult = Git::finish(*head);
    const QString headRef = QString::fromUtf8(headResult.out).trimmed();
    if (headResult.ok() && headRef.startsWith(QLatin1String("refs/heads/")))
        scan.currentBranch = headRef.mid(11); // else detached
    const GitResult refsResult = Git::finish(*refs);
    GitResult statusResult;
    if (status)
        statusResult = Git::finish(*status);
    if (!refsResult.ok()) {
        scan.error = gitFailure(QStringLiteral("git for-each-ref"), refsResult);
        return scan;
    }

    auto wanted = [&](const QString &name) { return opt.branches.isEmpty() || opt.branches.contains(name); };
    bool currentListed = false;
    for (const GitOutput::Ref &ref : GitOutput::parseRefs(refsResult.out)) {
        if (!wanted(ref.name))
            continue;
        BranchScan b;
        b.name = ref.name;
        b.commit = ref.commit;
        b.remote = ref.remote;
        b.current = !ref.remote && ref.name == scan.currentBranch;
        currentListed = currentListed || b.current;
        scan.branches.append(b);
    }
    // No commit yet (empty repository): the checked-out branch still has a working tree.
    if (!currentListed && !scan.currentBranch.isEmpty() && wanted(scan.currentBranch)) {
        BranchScan unborn;
        unborn.name = scan.currentBranch;
        unborn.current = true;
        scan.branches.append(unborn);
    }

    std::map<QString, QList<GitOutput::TreeEntry>> trees;
    if (!listTrees(git, scan.branches, trees, &scan.error))
        return scan;

    QStringList blobsToRead;
    QSet<QString> requested;
    for (BranchScan &b : scan.branches) {
        if (!b.commit.isEmpty())
            addCommittedRecipes(b, trees[b.commit], opt.maxRecipeBytes, blobsToRead, requested);
        if (b.current && opt.includeWorkingTree && statusResult.ok())
            applyWorkingTree(b, GitOutput::parseStatus(statusResult.out), scan.root, opt.maxRecipeBytes);
    }

    // Every blob of every branch through one cat-file process, parsed as it arrives.
    const int total = int(blobsToRead.size());
    int done = 0;
    if (progress && !progress(done, total)) {
        scan.cancelled = true;
        return scan;
    }
    QHash<QString, ParsedBlob> blobs;
    blobs.reserve(total);
    QString readError;
    const bool read = CatFileBatch(scan.root).read(
        blobsToRead,
        [&](const CatFileBatch::Object &o) {
            if (o.type == "blob")
                blobs.insert(QString::fromLatin1(o.id), parse(o.content));
            ++done;
            return !progress || progress(done, total);
        },
        &readError);
    if (!read) {
        scan.cancelled = readError.isEmpty();
        scan.error = readError;
        return scan;
    }

    for (BranchScan &b : scan.branches) {
        for (RecipeFile &r : b.recipes) {
            const bool fromDisk = r.state == RecipeFile::State::New || r.state == RecipeFile::State::Modified;
            if (!fromDisk && !r.tooLarge)
                apply(r, blobs.value(r.blob));
        }
        std::sort(b.recipes.begin(), b.recipes.end(), [](const RecipeFile &x, const RecipeFile &y) { return x.path < y.path; });
        b.mostCommonNixpkgsRev = mostCommonNixpkgsRev(b.recipes);
        if (opt.lint)
            scan.problems += Lint::check(scan.catalog, b);
    }
    return scan;
}

QFuture<RepositoryScan> RepositoryScanner::scanAsync(const QString &folder, const ScanOptions &options, const Progress &progress)
{
    return QtConcurrent::run([folder, options, progress] { return scan(folder, options, progress); });
}

} // namespace vs
