#include "repository/RecipeWriter.h"

#include "repository/Git.h"
#include "variants/RecipePaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace vs {

namespace {
// git add and the branch question are quick; a minute means something is stuck.
constexpr int kGitTimeoutMs = 60000;

Git gitIn(const QString &repoRoot)
{
    Git git(repoRoot);
    git.setTimeout(kGitTimeoutMs);
    return git;
}
} // namespace

QString RecipeWriter::recipePath(const QString &repoRoot, const VariantName &variant)
{
    return QDir(repoRoot).absoluteFilePath(RecipePaths::pkgsDir() + QLatin1Char('/') + variant.fileName());
}

bool RecipeWriter::occupied(const QString &repoRoot, const VariantName &variant)
{
    const QFileInfo info(recipePath(repoRoot, variant));
    return info.exists() || info.isSymLink();
}

QString RecipeWriter::checkedOutBranch(const QString &repoRoot, QString *error)
{
    const Git::Head head = gitIn(repoRoot).head();
    if (head.branch.isEmpty() && error) {
        const QString why = head.detached ? QStringLiteral("HEAD is detached") : head.result.errorText();
        *error = QStringLiteral("cannot tell the checked-out branch of %1 (git symbolic-ref HEAD: %2)").arg(repoRoot, why);
    }
    return head.branch;
}

RecipeWriter::Result RecipeWriter::write(
    const QString &repoRoot, const QString &branch, const VariantName &variant, const QString &text, bool force)
{
    Result result;
    result.path = recipePath(repoRoot, variant);
    QString error;
    const QString current = checkedOutBranch(repoRoot, &error);
    if (current.isEmpty()) {
        result.error = error;
        return result;
    }
    // Writing into the working tree of another branch would put the recipe on
    // the wrong release line.
    if (current != branch) {
        result.error = QStringLiteral("branch '%1' is not checked out in %2 (the working tree is on '%3'); check it out first")
                           .arg(branch, repoRoot, current);
        return result;
    }
    const QString relative = RecipePaths::pkgsDir() + QLatin1Char('/') + variant.fileName();
    // Checked without following links: a link in the repository (committed by
    // anyone) must never send the write elsewhere.
    const RecipePaths::WriteTarget target = RecipePaths::forWriting(repoRoot, relative);
    if (!target.ok()) {
        result.error = target.error;
        return result;
    }
    if (target.exists) {
        if (!force) {
            result.error = target.isSymlink
                ? QStringLiteral("%1 is a symbolic link (to %2); not replacing it (use --force to replace the link itself with the "
                                 "recipe; its target is never written)")
                      .arg(result.path, target.symlinkTarget)
                : QStringLiteral("%1 already exists; not overwriting it (use --force to replace it)").arg(result.path);
            return result;
        }
        // The link goes, its target stays as it was: QSaveFile would write through it.
        if (target.isSymlink && !QFile::remove(result.path)) {
            result.error = QStringLiteral("cannot remove the symbolic link %1").arg(result.path);
            return result;
        }
        result.replaced = true;
    }
    const QString folder = QFileInfo(result.path).absolutePath();
    if (!QDir().mkpath(folder)) {
        result.error = QStringLiteral("cannot create %1").arg(folder);
        return result;
    }
    QSaveFile file(result.path);
    const QByteArray bytes = text.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        result.error = QStringLiteral("cannot write %1: %2").arg(result.path, file.errorString());
        return result;
    }
    if (const GitResult added = gitIn(repoRoot).add({ relative }); !added.ok())
        result.error = QStringLiteral("wrote %1 but git add failed: %2").arg(result.path, added.errorText());
    return result;
}

} // namespace vs
