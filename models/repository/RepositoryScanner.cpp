#include "repository/RepositoryScanner.h"

#include "catalog/CatalogLoader.h"
#include "recipes/Lint.h"
#include "repository/BranchRecipes.h"
#include "repository/CatFileBatch.h"
#include "repository/Git.h"
#include "repository/GitOutput.h"
#include "repository/ScannedBlob.h"
#include "variants/RecipePaths.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>

namespace vs {

namespace {

using namespace scannedblob;
using namespace branchrecipes;

QString gitFailure(const QString &what, const GitResult &r)
{
    return QStringLiteral("%1 failed: %2").arg(what, r.errorText());
}

} // namespace

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
    // The questions side by side, from the folder given (a sub-folder works too): the
    // top level, branches, and the cat-file process that reads every tree and blob
    // (the working tree is asked for later). Paths in their answers are relative to
    // the top level. In the order they are needed: branches (their commits name the
    // trees), the cat-file reader, the top level.
    const Git git(info.absoluteFilePath());
    QStringList refArgs
        = QStringList { QStringLiteral("for-each-ref") } + GitOutput::refFormat() + QStringList { QStringLiteral("refs/heads") };
    if (opt.includeRemotes)
        refArgs.append(QStringLiteral("refs/remotes"));
    auto refs = git.start(refArgs);
    CatFileBatch batch(info.absoluteFilePath());
    const bool batchStarted = batch.start(&scan.error);
    auto topProcess = git.start({ QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel") });

    const GitResult top = git.finish(*topProcess);
    if (!top.ok()) {
        if (top.started() && top.errorText().contains(QLatin1String("not a git repository")))
            scan.error = QStringLiteral("not a git repository: %1").arg(folder);
        else
            scan.error = QStringLiteral("cannot read the repository %1: %2").arg(folder, top.errorText());
        return scan;
    }
    scan.root = QString::fromUtf8(top.out);
    while (scan.root.endsWith(QLatin1Char('\n')))
        scan.root.chop(1);
    if (!batchStarted)
        return scan;

    // The catalogue (the embedded one, compiled at build time, and the repository's
    // overlay) is needed by lint only: taken as late as that (or on the way out).
    auto takeCatalog = [&] {
        if (opt.catalog) {
            scan.catalog = *opt.catalog;
            return;
        }
        const CatalogLoad load = CatalogLoader::forRepository(scan.root);
        scan.catalog = load.catalog;
        for (const CatalogError &e : load.errors)
            scan.problems.append({ QString(), QDir(scan.root).relativeFilePath(e.where.file), e.where.line, LintProblem::Severity::Error,
                QStringLiteral("catalog"), e.message });
    };

    const GitResult refsResult = git.finish(*refs);
    if (!refsResult.ok()) {
        scan.error = gitFailure(QStringLiteral("git for-each-ref"), refsResult);
        takeCatalog();
        return scan;
    }
    const QList<GitOutput::Ref> refList = GitOutput::parseRefs(refsResult.out);
    for (const GitOutput::Ref &ref : refList)
        if (ref.head && !ref.remote)
            scan.currentBranch = ref.name;
    if (scan.currentBranch.isEmpty()) {
        // Detached, or a branch without commits (empty repository): ask HEAD itself.
        scan.currentBranch = git.currentBranch();
    }

    auto wanted = [&](const QString &name) { return opt.branches.isEmpty() || opt.branches.contains(name); };
    bool currentListed = false;
    for (const GitOutput::Ref &ref : refList) {
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
    if (!listTrees(batch, scan.branches, trees, &scan.error)) {
        takeCatalog();
        return scan;
    }

    // The blobs to read (each once) are known from the trees alone: git is asked for
    // them at once, while the recipe files (their names parsed) are made on a pool thread.
    const qsizetype branchCount = scan.branches.size();
    BranchScan *branchData = scan.branches.data(); // detached once, here, not on the pool
    QStringList blobsToRead;
    QHash<QString, qsizetype> blobIndex; // where in blobsToRead
    std::vector<int> blobUsers; // recipe files with that blob: a blob of one file is moved into it, not copied
    std::vector<qsizetype> lastBlob(size_t(branchCount), -1); // where each branch's blobs end in blobsToRead
    QSet<QString> linkTargets; // blobs of symbolic links: their text is where they point
    for (qsizetype k = 0; k < branchCount; ++k) {
        const BranchScan &b = branchData[k];
        if (b.commit.isEmpty())
            continue;
        for (const GitOutput::TreeEntry &e : trees[b.commit]) {
            if (!isCommittedRecipe(e))
                continue;
            if (e.mode == QLatin1String("120000"))
                linkTargets.insert(e.object);
            auto at = blobIndex.constFind(e.object);
            if (at == blobIndex.cend()) {
                at = blobIndex.insert(e.object, blobsToRead.size());
                blobsToRead.append(e.object);
                blobUsers.push_back(0);
            }
            ++blobUsers[size_t(*at)];
            lastBlob[size_t(k)] = std::max(lastBlob[size_t(k)], *at);
        }
    }
    const int total = int(blobsToRead.size());
    int done = 0;
    if (progress && !progress(done, total)) {
        scan.cancelled = true;
        takeCatalog();
        return scan;
    }
    // Joined before anything else reads scan.branches (and before any return below).
    // The catalogue is taken here too: lint needs it for the branches finished during the read.
    QFuture<void> recipesMade = QtConcurrent::run([&scan, &trees, &takeCatalog, branchData, branchCount] {
        KnownPaths known;
        StringPool pool;
        for (qsizetype k = 0; k < branchCount; ++k)
            if (!branchData[k].commit.isEmpty())
                addCommittedRecipes(branchData[k], trees.at(branchData[k].commit), known, pool);
        takeCatalog();
    });
    // git status (it refreshes the index and lists untracked files, the slowest
    // question) starts now, when the questions the blob read waits for are answered,
    // and has the whole read to answer.
    std::unique_ptr<QProcess> status;
    if (opt.includeWorkingTree)
        status = git.start(
            { QStringLiteral("status"), QStringLiteral("--porcelain=v1"), QStringLiteral("-z"), QStringLiteral("--untracked-files=all"),
                QStringLiteral("--no-renames"), QStringLiteral("--"), QStringLiteral(":(top)") + RecipePaths::pkgsDir() });
    auto applyStatus = [&] { // the checked-out branch's new, modified and deleted files; once
        if (!status)
            return;
        const GitResult statusResult = git.finish(*status);
        status.reset();
        for (qsizetype k = 0; k < branchCount; ++k)
            if (branchData[k].current && statusResult.ok())
                applyWorkingTree(branchData[k], GitOutput::parseStatus(statusResult.out), scan.root, opt);
    };

    // Every blob of every branch through one cat-file process, parsed as it arrives:
    // parsing (metadata) runs on pool threads in chunks while git keeps reading.
    // Each result has its place (the blob's index in blobsToRead): no map to fill and search.
    std::vector<ParsedBlob> blobs(size_t(blobsToRead.size()));
    QList<QFuture<void>> parsing;
    QList<qsizetype> parsingFrom; // where in the read each of parsing starts
    struct Work {
        qsizetype index;
        QByteArray block; // held, so that bytes stays valid on the pool thread
        QByteArrayView bytes;
        bool keepText;
    };
    QList<Work> chunk;
    qsizetype chunkFrom = 0; // where in the read chunk starts
    auto dispatch = [&] {
        if (!chunk.isEmpty()) {
            parsingFrom.append(chunkFrom);
            parsing.append(QtConcurrent::run([work = std::move(chunk), out = blobs.data()] {
                StringPool pool; // a chunk's recipes mostly share a branch, so their values repeat
                for (const Work &w : work) {
                    out[w.index] = parse(w.bytes, w.keepText);
                    shareStrings(out[w.index], pool);
                }
            }));
        }
        chunk.clear();
    };

    // Each branch is finished on a pool thread: its recipes get their parsed blobs,
    // are put in path order, and are linted. A blob that one recipe file has (nearly
    // all) is handed over whole; one that several files share is copied to each
    // (shared strings: nothing is copied but counts), so no branch waits for another.
    auto finishBranch = [&](qsizetype k) {
        BranchScan &b = branchData[k];
        for (RecipeFile &r : b.recipes) {
            const bool fromDisk = r.state == RecipeFile::State::New || r.state == RecipeFile::State::Modified;
            if (fromDisk)
                continue;
            const qsizetype index = blobIndex.value(r.blob, -1);
            if (index < 0 || !blobs[size_t(index)].answered)
                continue;
            ParsedBlob &blob = blobs[size_t(index)];
            if (r.symlink) // a link's blob is where it points, not a recipe text
                r.symlinkTarget = blob.text;
            else if (blobUsers[size_t(index)] == 1)
                apply(r, std::move(blob));
            else
                apply(r, std::as_const(blob));
        }
        // In path order; git's trees nearly always list them so already, and a
        // sort moves thousands of recipes with their texts and metadata.
        auto byPath = [](const RecipeFile &x, const RecipeFile &y) { return x.path < y.path; };
        if (!std::is_sorted(b.recipes.begin(), b.recipes.end(), byPath))
            std::sort(b.recipes.begin(), b.recipes.end(), byPath);
        b.mostCommonNixpkgsRev = mostCommonNixpkgsRev(b.recipes);
        QList<LintProblem> problems = opt.lint ? Lint::check(scan.catalog, b) : QList<LintProblem>();
        if (opt.branchFinished)
            opt.branchFinished(k, b);
        return problems;
    };
    // They start while git still reads later branches, each as soon as the blobs it
    // needs are parsed: where cores are to spare, finishing overlaps the read instead
    // of following it. git answers in the order asked, so that is when the read has
    // passed the branch's last blob and every chunk up to there is parsed.
    std::vector<QFuture<QList<LintProblem>>> finishing(static_cast<size_t>(branchCount));
    std::vector<qsizetype> finishOrder(static_cast<size_t>(branchCount));
    std::iota(finishOrder.begin(), finishOrder.end(), 0);
    std::stable_sort(
        finishOrder.begin(), finishOrder.end(), [&](qsizetype x, qsizetype y) { return lastBlob[size_t(x)] < lastBlob[size_t(y)]; });
    size_t finished = 0; // of finishOrder, started
    qsizetype firstUnparsed = 0; // of parsing, the first not known to be done
    bool inOrder = true; // git answered in the order asked (else: all after the read)
    auto startFinishing = [&](qsizetype k) {
        if (branchData[k].current)
            applyStatus();
        finishing[size_t(k)] = QtConcurrent::run([&finishBranch, k] { return finishBranch(k); });
    };
    auto startReadyBranches = [&](qsizetype read) { // read: how many objects have arrived
        if (!inOrder || finished == finishOrder.size() || !recipesMade.isFinished())
            return;
        recipesMade.waitForFinished(); // returns at once; what the task wrote is seen from here on
        while (firstUnparsed < parsing.size() && parsing[firstUnparsed].isFinished())
            parsing[firstUnparsed++].waitForFinished(); // the same for the parsed blobs
        qsizetype parsed = firstUnparsed < parsing.size() ? parsingFrom[firstUnparsed] : read;
        if (!chunk.isEmpty())
            parsed = std::min(parsed, chunkFrom);
        while (finished < finishOrder.size() && lastBlob[size_t(finishOrder[finished])] < parsed)
            startFinishing(finishOrder[finished++]);
    };

    QString readError;
    const bool read = batch.read(
        blobsToRead,
        [&](const CatFileBatch::Object &o) {
            // git answers in the order asked; an id that does not match is looked up.
            qsizetype index = done;
            if (QLatin1StringView(o.id) != blobsToRead[index]) {
                index = blobIndex.value(QString::fromLatin1(o.id), -1);
                inOrder = false;
            }
            if (o.type == "blob" && index >= 0) {
                if (o.size > opt.maxRecipeBytes) { // listed, not read as text
                    ParsedBlob &p = blobs[size_t(index)];
                    p.answered = p.tooLarge = true, p.size = o.size;
                } else {
                    const bool keepText = opt.keepTexts || (!linkTargets.isEmpty() && linkTargets.contains(blobsToRead[index]));
                    if (chunk.isEmpty())
                        chunkFrom = done;
                    chunk.append({ index, o.block, o.content, keepText });
                    if (chunk.size() >= 64)
                        dispatch();
                }
            }
            ++done;
            startReadyBranches(done);
            return !progress || progress(done, total);
        },
        &readError);
    dispatch();
    batch.close(); // every object is read: git may leave while the rest is done
    recipesMade.waitForFinished();
    applyStatus();
    for (QFuture<void> &f : parsing) // before any return: the tasks write into blobs
        f.waitForFinished();
    if (!read) {
        for (QFuture<QList<LintProblem>> &f : finishing) // they read blobs and write branches
            f.waitForFinished();
        scan.cancelled = readError.isEmpty();
        scan.error = readError;
        return scan;
    }
    while (finished < finishOrder.size()) // the rest side by side
        startFinishing(finishOrder[finished++]);
    // Reported in branch order.
    for (QFuture<QList<LintProblem>> &f : finishing)
        scan.problems += f.takeResult();
    return scan;
}

QFuture<RepositoryScan> RepositoryScanner::scanAsync(const QString &folder, const ScanOptions &options, const Progress &progress)
{
    return QtConcurrent::run([folder, options, progress] { return scan(folder, options, progress); });
}

} // namespace vs
