#include "repository/BranchEdit.h"

#include "recipes/RecipeDrift.h"
#include "recipes/RecipeGenerator.h"
#include "repository/EditChecks.h"
#include "repository/EditTransaction.h"
#include "repository/Git.h"
#include "repository/RecipeRegeneration.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>

namespace vs {

const QString BranchEdit::kEditTrailer = QStringLiteral("Variant-Studio-Edit");
const QString BranchEdit::kBranchTrailer = QStringLiteral("Variant-Studio-Branch");

int EditPreview::count(RecipeChange::Outcome outcome) const
{
    return int(std::count_if(files.begin(), files.end(), [outcome](const RecipeChange &c) { return c.outcome == outcome; }));
}

QStringList EditPreview::branchesChanged() const
{
    QStringList names;
    for (const RecipeChange &c : files)
        if (c.outcome == RecipeChange::Outcome::Changed && !names.contains(c.branch))
            names << c.branch;
    return names;
}

QString BranchEdit::outcomeName(RecipeChange::Outcome outcome)
{
    switch (outcome) {
    case RecipeChange::Outcome::Changed:
        return QStringLiteral("changed");
    case RecipeChange::Outcome::Unchanged:
        return QStringLiteral("unchanged");
    case RecipeChange::Outcome::NotRecognised:
        return QStringLiteral("not-recognised");
    case RecipeChange::Outcome::Skipped:
        break;
    }
    return QStringLiteral("skipped");
}

EditPreview BranchEdit::preview(
    const RepositoryScan &scan, const RecipeEditOperation &operation, const QStringList &branches, const QString &cells)
{
    const QRegularExpression cellPattern = cells.isEmpty()
        ? QRegularExpression()
        : QRegularExpression(QRegularExpression::wildcardToRegularExpression(cells, QRegularExpression::UnanchoredWildcardConversion)
                                 .prepend(QLatin1Char('^'))
                                 .append(QLatin1Char('$')));
    EditPreview preview;
    const RecipeGenerator generator(scan.catalog);
    for (const BranchScan &b : scan.branches) {
        if (!branches.isEmpty() && !branches.contains(b.name))
            continue;
        const RecipeBasis basis = RecipeBasis::forBranch(scan.catalog, scan, b.name);
        for (const RecipeFile &r : b.recipes) {
            if (r.state == RecipeFile::State::Deleted)
                continue;
            const QString name = r.variant ? r.variant->toString() : r.fileName.chopped(4);
            if (!cells.isEmpty() && !cellPattern.match(name).hasMatch())
                continue;
            RecipeChange c { b.name, r.path, r.text, r.text, RecipeChange::Outcome::Skipped, {}, {} };
            if (r.symlink)
                c.reason = QStringLiteral("a symbolic link");
            else if (r.binary || r.tooLarge || r.unreadable)
                c.reason = r.unreadable ? r.parseError : QStringLiteral("binary or larger than 1 MiB");
            else if (operation.kind == RecipeEditOperation::Kind::Regenerate)
                c = RecipeRegeneration::regenerate(generator, basis, b.name, r, operation.arguments);
            else {
                const RecipeEdit::Result result = operation.apply(r.text);
                c.after = result.text;
                c.reason = result.reason;
                c.lines = result.lines;
                c.outcome = result.changed()                                   ? RecipeChange::Outcome::Changed
                    : result.outcome == RecipeEdit::Result::Outcome::Unchanged ? RecipeChange::Outcome::Unchanged
                                                                               : RecipeChange::Outcome::NotRecognised;
            }
            preview.files << c;
        }
    }
    // Lint before and after, branch by branch: only errors the change brings count.
    preview.newErrors = EditChecks::newLintErrors(scan, preview);
    return preview;
}

QString BranchEdit::unifiedDiff(const QString &path, const QString &before, const QString &after)
{
    // RecipeDrift: "Removed" lines are only in its first text (before), "Added" only in the second.
    const QList<DriftLine> lines = RecipeDrift::compare(before, after);
    constexpr int context = 3;
    QString out = QStringLiteral("--- a/%1\n+++ b/%1\n").arg(path);
    qsizetype i = 0;
    while (i < lines.size()) {
        // The next hunk: from `context` lines before a change to `context` lines after the last nearby one.
        qsizetype first = i;
        while (first < lines.size() && lines[first].kind == DriftLine::Same)
            ++first;
        if (first == lines.size())
            break;
        qsizetype start = qMax<qsizetype>(i, first - context), end = first;
        for (qsizetype k = first; k < lines.size(); ++k) {
            if (lines[k].kind != DriftLine::Same)
                end = k + 1;
            else if (k - end >= 2 * context)
                break;
        }
        end = qMin(lines.size(), end + context);
        int oldStart = 0, newStart = 0, oldCount = 0, newCount = 0;
        QString body;
        for (qsizetype k = start; k < end; ++k) {
            const DriftLine &l = lines[k];
            if (l.kind != DriftLine::Added) {
                oldStart = oldStart ? oldStart : l.templateLine;
                ++oldCount;
            }
            if (l.kind != DriftLine::Removed) {
                newStart = newStart ? newStart : l.recipeLine;
                ++newCount;
            }
            body += (l.kind == DriftLine::Same             ? QLatin1Char(' ')
                            : l.kind == DriftLine::Removed ? QLatin1Char('-')
                                                           : QLatin1Char('+'))
                + l.text + QLatin1Char('\n');
        }
        out += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n").arg(oldStart).arg(oldCount).arg(newStart).arg(newCount) + body;
        i = end;
    }
    return out;
}

EditApplied BranchEdit::apply(const RepositoryScan &scan, const EditPreview &preview, const QString &title, const QString &gitProgram)
{
    EditApplied applied;
    QMap<QString, QList<const RecipeChange *>> byBranch;
    for (const RecipeChange &c : preview.files)
        if (c.outcome == RecipeChange::Outcome::Changed)
            byBranch[c.branch].append(&c);
    if (byBranch.isEmpty()) {
        applied.error = QStringLiteral("nothing to change");
        return applied;
    }
    const Git git(scan.root, gitProgram);
    // The checked-out branch: its files must be as committed, or the user's work would be overwritten.
    if (byBranch.contains(scan.currentBranch)) {
        QStringList paths;
        for (const RecipeChange *c : byBranch.value(scan.currentBranch))
            paths << c->path;
        applied.error = EditTransaction::uncommitted(git, scan.currentBranch, paths);
        if (!applied.error.isEmpty())
            return applied;
    }
    // One id for the whole edit, in every commit: undo finds its commits by it.
    applied.id = QUuid::createUuid().toString(QUuid::Id128).left(16);
    QTemporaryDir indexes;
    auto failed = [&](const QString &what, const GitResult &r) {
        applied.commits.clear();
        applied.error = QStringLiteral("%1: %2 (nothing was changed)").arg(what, r.errorText());
        return applied;
    };
    for (auto it = byBranch.cbegin(); it != byBranch.cend(); ++it) {
        const BranchScan *branch = scan.branch(it.key());
        if (!branch || branch->commit.isEmpty() || branch->remote) {
            applied.error = QStringLiteral("branch '%1' has no commit of its own to change (nothing was changed)").arg(it.key());
            return applied;
        }
        const QList<std::pair<QString, QString>> privateIndex { { QStringLiteral("GIT_INDEX_FILE"),
            indexes.filePath(it.key().toUtf8().toHex()) } };
        GitResult r = git.run({ QStringLiteral("read-tree"), branch->commit }, {}, privateIndex);
        if (!r.ok())
            return failed(QStringLiteral("git read-tree %1").arg(branch->commit), r);
        EditCommit commit { it.key(), branch->commit, {}, {} };
        // Batched, a few git processes per branch whatever the number of files:
        // the new contents as files, one hash-object for all, one update-index.
        const QString staging = indexes.filePath(it.key().toUtf8().toHex() + QByteArray("-files"));
        QDir().mkpath(staging);
        QByteArray contentPaths;
        for (qsizetype k = 0; k < it.value().size(); ++k) {
            QFile f(QDir(staging).filePath(QString::number(k)));
            if (!f.open(QIODevice::WriteOnly) || f.write(it.value()[k]->after.toUtf8()) < 0) {
                applied.error = QStringLiteral("cannot write %1 (nothing was changed)").arg(f.fileName());
                return applied;
            }
            contentPaths += QFile::encodeName(f.fileName()) + '\n';
        }
        r = git.run({ QStringLiteral("hash-object"), QStringLiteral("-w"), QStringLiteral("--stdin-paths") }, contentPaths, {});
        const QList<QByteArray> blobs = r.out.trimmed().split('\n');
        if (!r.ok() || blobs.size() != it.value().size())
            return failed(QStringLiteral("git hash-object"), r);
        // Keep each file's mode (an executable recipe stays executable).
        r = git.run({ QStringLiteral("ls-files"), QStringLiteral("-s"), QStringLiteral("-z") }, {}, privateIndex);
        if (!r.ok())
            return failed(QStringLiteral("git ls-files"), r);
        QHash<QString, QByteArray> modes;
        for (const QByteArray &entry : r.out.split('\0'))
            if (const qsizetype tab = entry.indexOf('\t'); tab > 6)
                modes.insert(QString::fromUtf8(entry.mid(tab + 1)), entry.left(6));
        QByteArray indexInfo;
        for (qsizetype k = 0; k < it.value().size(); ++k) {
            const QString &path = it.value()[k]->path;
            indexInfo += modes.value(path, "100644") + ' ' + blobs[k] + '\t' + path.toUtf8() + '\0';
            commit.files << path;
        }
        r = git.run({ QStringLiteral("update-index"), QStringLiteral("-z"), QStringLiteral("--index-info") }, indexInfo, privateIndex);
        if (!r.ok())
            return failed(QStringLiteral("git update-index"), r);
        r = git.run({ QStringLiteral("write-tree") }, {}, privateIndex);
        if (!r.ok())
            return failed(QStringLiteral("git write-tree"), r);
        const QString tree = QString::fromLatin1(r.out).trimmed();
        const QString message = QStringLiteral("variant-studio edit: %1\n\n%2 file(s):\n- %3\n\n%4: %5\n%6: %7\n")
                                    .arg(title, QString::number(commit.files.size()), commit.files.join(QStringLiteral("\n- ")),
                                        kEditTrailer, applied.id, kBranchTrailer, it.key());
        r = git.run(
            { QStringLiteral("commit-tree"), tree, QStringLiteral("-p"), branch->commit, QStringLiteral("-F"), QStringLiteral("-") },
            message.toUtf8(), {});
        if (!r.ok())
            return failed(QStringLiteral("git commit-tree (is user.name/user.email set?)"), r);
        commit.newCommit = QString::fromLatin1(r.out).trimmed();
        applied.commits << commit;
    }
    // All branches at once, each only from where the scan saw it.
    const GitResult moved = EditTransaction::moveBranches(git, applied.commits);
    if (!moved.ok())
        return failed(QStringLiteral("git update-ref (a branch moved since the scan?)"), moved);
    // The checked-out branch now points past its working tree: bring the changed files along.
    applied.warning = EditTransaction::refreshCheckedOut(git, scan.currentBranch, applied.commits);
    return applied;
}

} // namespace vs
