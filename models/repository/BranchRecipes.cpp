#include "repository/BranchRecipes.h"

#include "repository/CatFileBatch.h"
#include "repository/RepositoryScanner.h"
#include "repository/ScannedBlob.h"
#include "system/StringPool.h"
#include "variants/RecipePaths.h"

#include <algorithm>

namespace vs::branchrecipes {

using namespace scannedblob;

// Lists .flox/pkgs of every distinct commit through the scan's cat-file process
// ("<commit>:.flox/pkgs" answers with the tree), then the sub-folders that may hold
// a default.nix: no git process per branch.
bool listTrees(
    CatFileBatch &batch, const QList<BranchScan> &branches, std::map<QString, QList<GitOutput::TreeEntry>> &trees, QString *error)
{
    QStringList commits;
    for (const BranchScan &b : branches)
        if (!b.commit.isEmpty() && !commits.contains(b.commit))
            commits.append(b.commit);
    if (commits.isEmpty())
        return true;
    const int hashBytes = int(commits.first().size() / 2);
    QStringList requests;
    for (const QString &c : commits)
        requests.append(c + QLatin1Char(':') + RecipePaths::pkgsDir());
    QStringList subRequests;
    QList<std::pair<QString, QString>> subOwners; // commit, folder path
    qsizetype index = 0;
    bool ok = batch.read(
        requests,
        [&](const CatFileBatch::Object &o) {
            const QString commit = commits[index++];
            QList<GitOutput::TreeEntry> &list = trees[commit];
            if (o.type != "tree")
                return true; // no .flox/pkgs on that branch
            list = GitOutput::parseTreeObject(o.content, RecipePaths::pkgsDir(), hashBytes);
            for (const GitOutput::TreeEntry &e : list) {
                if (e.type == QLatin1String("tree")) {
                    subRequests.append(e.object);
                    subOwners.append({ commit, e.path });
                }
            }
            return true;
        },
        error);
    index = 0;
    ok = ok
        && batch.read(
            subRequests,
            [&](const CatFileBatch::Object &o) {
                const auto &[commit, folder] = subOwners[index++];
                if (o.type == "tree")
                    trees[commit] += GitOutput::parseTreeObject(o.content, folder, hashBytes);
                return true;
            },
            error);
    return ok;
}

// Submodules are not recipes; symbolic links are listed as links (their blob is
// the target's name) so that lint can say so, but never followed.
bool isCommittedRecipe(const GitOutput::TreeEntry &e)
{
    return e.type == QLatin1String("blob") && RecipePaths::isRecipePath(e.path);
}

void addCommittedRecipes(BranchScan &b, const QList<GitOutput::TreeEntry> &entries, KnownPaths &known, StringPool &pool)
{
    b.hasPkgsDir = !entries.isEmpty();
    b.recipes.reserve(b.recipes.size() + entries.size()); // grown once, not copied along the way
    for (const GitOutput::TreeEntry &e : entries) {
        if (!isCommittedRecipe(e))
            continue;
        auto at = known.constFind(e.path);
        if (at == known.cend()) {
            RecipeFile named = RecipeFile::at(e.path);
            shareStrings(named, pool);
            at = known.insert(e.path, std::move(named));
        }
        RecipeFile r = *at;
        r.blob = e.object;
        r.symlink = e.mode == QLatin1String("120000");
        b.recipes.append(std::move(r));
    }
}

void applyWorkingTree(BranchScan &b, const QList<GitOutput::StatusEntry> &status, const QString &root, const ScanOptions &opt)
{
    for (const GitOutput::StatusEntry &s : status) {
        if (!RecipePaths::isRecipePath(s.path))
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
            it->symlink = false; // the working tree decides what it is now
        }
        b.hasPkgsDir = true;
        readFromDisk(*it, root, opt.maxRecipeBytes, opt.keepTexts);
    }
}

} // namespace vs::branchrecipes
