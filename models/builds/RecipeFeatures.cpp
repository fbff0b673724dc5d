#include "builds/RecipeFeatures.h"

#include "farm/BuilderMachine.h"
#include "repository/CatFileBatch.h"
#include "repository/Git.h"
#include "system/SafeFile.h"
#include "variants/RecipePaths.h"

#include <QHash>

namespace vs {

namespace {

// The features of each variant's recipe committed on `branch` (first candidate path found).
QHash<QString, QStringList> fromCommit(const QString &repoRoot, const QString &branch, const QStringList &variants)
{
    QStringList requests;
    QStringList owners;
    for (const QString &variant : variants)
        for (const QString &path : RecipePaths::candidates(variant)) {
            requests << branch + QLatin1Char(':') + path;
            owners << variant;
        }
    QHash<QString, QStringList> features;
    CatFileBatch batch(repoRoot);
    qsizetype i = 0;
    batch.read(requests, [&](const CatFileBatch::Object &o) {
        const QString &variant = owners[i++];
        if (o.type == "blob" && !features.contains(variant))
            features.insert(variant, requiredSystemFeatures(QString::fromUtf8(o.content)));
        return true;
    });
    return features;
}

QStringList fromWorkingTree(const QString &repoRoot, const QString &variant)
{
    const RecipePaths::Found found = RecipePaths::find(repoRoot, variant);
    return found.ok() ? requiredSystemFeatures(QString::fromUtf8(SafeFile::read(found.absolute).bytes)) : QStringList();
}

} // namespace

void RecipeFeatures::fill(QList<BuildJob> &jobs, const QString &gitProgram)
{
    // Grouped by repository and branch: one git question and one batch each.
    QHash<QString, QHash<QString, QStringList>> committed; // repo '\n' branch -> variant -> features
    QHash<QString, QString> checkedOut; // repo -> its checked-out branch
    for (const BuildJob &job : std::as_const(jobs)) {
        if (job.branch.isEmpty())
            continue;
        if (!checkedOut.contains(job.repoRoot))
            checkedOut.insert(job.repoRoot, Git(job.repoRoot, gitProgram).currentBranch());
        if (job.branch != checkedOut.value(job.repoRoot))
            committed[job.repoRoot + QLatin1Char('\n') + job.branch].insert(job.variant, {});
    }
    for (auto it = committed.begin(); it != committed.end(); ++it) {
        const qsizetype cut = it.key().indexOf(QLatin1Char('\n'));
        it.value() = fromCommit(it.key().left(cut), it.key().mid(cut + 1), it.value().keys());
    }
    for (BuildJob &job : jobs) {
        const auto group = committed.constFind(job.repoRoot + QLatin1Char('\n') + job.branch);
        job.requiredFeatures = group != committed.constEnd() ? group->value(job.variant) : fromWorkingTree(job.repoRoot, job.variant);
    }
}

} // namespace vs
