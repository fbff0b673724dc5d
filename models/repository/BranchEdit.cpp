#include "repository/BranchEdit.h"

#include "recipes/Lint.h"
#include "recipes/RecipeDrift.h"
#include "repository/Git.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>

#include <QRegularExpression>

namespace vs {

std::optional<RecipeEditOperation> RecipeEditOperation::parse(const QString &name, const QStringList &arguments, QString *error)
{
    RecipeEditOperation op;
    op.arguments = arguments;
    auto wrong = [&](const QString &usage) {
        if (error)
            *error = QStringLiteral("%1 takes %2").arg(name, usage);
        return std::nullopt;
    };
    if (name == QLatin1String("set-pin")) {
        op.kind = Kind::SetPin;
        if (arguments.size() < 1 || arguments.size() > 2)
            return wrong(QStringLiteral("REV [SHA256]"));
        if (!RecipeEdit::isRevision(arguments.first()))
            return wrong(QStringLiteral("a nixpkgs revision of 40 hexadecimal digits, not '%1'").arg(arguments.first()));
    } else if (name == QLatin1String("set")) {
        op.kind = Kind::SetBinding;
        if (arguments.size() != 2)
            return wrong(QStringLiteral("NAME VALUE (the value as Nix, e.g. '[ \"-j16\" ]')"));
    } else if (name == QLatin1String("replace")) {
        op.kind = Kind::Replace;
        if (arguments.size() != 2)
            return wrong(QStringLiteral("REGEX TEXT"));
        const QRegularExpression re(arguments.first());
        if (!re.isValid())
            return wrong(QStringLiteral("a valid regular expression (%1)").arg(re.errorString()));
    } else {
        if (error)
            *error = QStringLiteral("unknown operation '%1' (set-pin, set, replace)").arg(name);
        return std::nullopt;
    }
    return op;
}

QString RecipeEditOperation::title() const
{
    switch (kind) {
    case Kind::SetPin:
        return QStringLiteral("set-pin %1").arg(arguments.value(0));
    case Kind::SetBinding:
        return QStringLiteral("set %1 = %2").arg(arguments.value(0), arguments.value(1));
    case Kind::Replace:
        break;
    }
    return QStringLiteral("replace /%1/ with '%2'").arg(arguments.value(0), arguments.value(1));
}

RecipeEdit::Result RecipeEditOperation::apply(const QString &text) const
{
    switch (kind) {
    case Kind::SetPin:
        return RecipeEdit::setNixpkgsPin(text, arguments.value(0), arguments.value(1));
    case Kind::SetBinding:
        return RecipeEdit::setBinding(text, arguments.value(0), arguments.value(1));
    case Kind::Replace:
        break;
    }
    return RecipeEdit::replace(text, QRegularExpression(arguments.value(0)), arguments.value(1));
}

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
    for (const BranchScan &b : scan.branches) {
        if (!branches.isEmpty() && !branches.contains(b.name))
            continue;
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
    for (const QString &name : preview.branchesChanged()) {
        const BranchScan *before = scan.branch(name);
        BranchScan after = *before;
        for (const RecipeChange &c : std::as_const(preview.files)) {
            if (c.branch != name || c.outcome != RecipeChange::Outcome::Changed)
                continue;
            for (RecipeFile &r : after.recipes)
                if (r.path == c.path) {
                    const RecipeFile::State state = r.state;
                    r = RecipeFile::fromText(r.path, c.after);
                    r.state = state;
                }
        }
        auto key = [](const LintProblem &p) { return p.file + QLatin1Char('\n') + p.rule + QLatin1Char('\n') + p.message; };
        QSet<QString> old;
        for (const LintProblem &p : Lint::check(scan.catalog, *before))
            old.insert(key(p));
        for (const LintProblem &p : Lint::check(scan.catalog, after))
            if (p.severity == LintProblem::Severity::Error && !old.contains(key(p)))
                preview.newErrors << p;
    }
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
        const GitResult status
            = git.run(QStringList { QStringLiteral("status"), QStringLiteral("--porcelain"), QStringLiteral("--") } + paths);
        if (!status.ok() || !status.out.trimmed().isEmpty()) {
            applied.error = status.ok()
                ? QStringLiteral("uncommitted changes in the checked-out branch '%1': %2; commit or stash them first "
                                 "(nothing was changed)")
                      .arg(scan.currentBranch, QString::fromUtf8(status.out).trimmed().replace(QLatin1Char('\n'), QStringLiteral(", ")))
                : QStringLiteral("git status: %1 (nothing was changed)").arg(status.errorText());
            return applied;
        }
    }
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
        const QString message = QStringLiteral("variant-studio edit: %1\n\n%2 file(s):\n- %3\n")
                                    .arg(title)
                                    .arg(commit.files.size())
                                    .arg(commit.files.join(QStringLiteral("\n- ")));
        r = git.run(
            { QStringLiteral("commit-tree"), tree, QStringLiteral("-p"), branch->commit, QStringLiteral("-F"), QStringLiteral("-") },
            message.toUtf8(), {});
        if (!r.ok())
            return failed(QStringLiteral("git commit-tree (is user.name/user.email set?)"), r);
        commit.newCommit = QString::fromLatin1(r.out).trimmed();
        applied.commits << commit;
    }
    // All branches at once, each only from where the scan saw it.
    QByteArray transaction = "start\n";
    for (const EditCommit &c : std::as_const(applied.commits))
        transaction += "update refs/heads/" + c.branch.toUtf8() + ' ' + c.newCommit.toLatin1() + ' ' + c.oldCommit.toLatin1() + '\n';
    transaction += "prepare\ncommit\n";
    const GitResult moved = git.run({ QStringLiteral("update-ref"), QStringLiteral("--stdin") }, transaction, {});
    if (!moved.ok())
        return failed(QStringLiteral("git update-ref (a branch moved since the scan?)"), moved);
    // The checked-out branch now points past its working tree: bring the changed files along.
    for (const EditCommit &c : std::as_const(applied.commits)) {
        if (c.branch != scan.currentBranch)
            continue;
        const GitResult checkout = git.run(
            QStringList { QStringLiteral("checkout"), QStringLiteral("HEAD"), QStringLiteral("--") } + c.files, Git::Access::Write);
        if (!checkout.ok())
            applied.warning
                = QStringLiteral("committed on '%1', but the working tree still shows the old files: run git checkout HEAD -- %2 (%3)")
                      .arg(c.branch, c.files.join(QLatin1Char(' ')), checkout.errorText());
    }
    return applied;
}

} // namespace vs
