#include "recipes/DeepCheck.h"

#include "recipes/DeepCheckFacts.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>

namespace vs {

namespace {

const QString kResourceRoot = QStringLiteral(":/nix");

struct NixRun {
    bool started = true;
    bool finished = true;
    int exitCode = 0;
    QByteArray out;
    QString err;
};

NixRun runNix(const DeepCheckOptions &options, const QString &standIn, const QStringList &files, bool catchErrors)
{
    QStringList args { QStringLiteral("--eval"), QStringLiteral("--strict"), QStringLiteral("--json") };
    args << options.nixOptions;
    args << QDir(standIn).filePath(QStringLiteral("deep-check.nix"));
    args << QStringLiteral("--argstr") << QStringLiteral("standIn") << standIn;
    args << QStringLiteral("--argstr") << QStringLiteral("files")
         << QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(files)).toJson(QJsonDocument::Compact));
    if (!catchErrors)
        args << QStringLiteral("--argstr") << QStringLiteral("catch") << QStringLiteral("false");

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Belt and braces: the driver resolves <nixpkgs> itself.
    env.insert(QStringLiteral("NIX_PATH"), QStringLiteral("nixpkgs=") + standIn);
    process.setProcessEnvironment(env);
    process.start(options.nixInstantiate, args, QIODevice::ReadOnly);
    NixRun run;
    if (!process.waitForStarted(30000)) {
        run.started = false;
        run.err = QStringLiteral("cannot run %1: %2").arg(options.nixInstantiate, process.errorString());
        return run;
    }
    if (!process.waitForFinished(options.timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.finished = false;
        run.err = QStringLiteral("nix-instantiate did not finish within %1 s").arg(options.timeoutMs / 1000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

class BatchEvaluator {
public:
    BatchEvaluator(const DeepCheckOptions &options, const QString &standIn)
        : m_options(options)
        , m_standIn(standIn)
    {
    }

    QHash<QString, DeepCheck::Outcome> results;

    // One process for the batch; what tryEval cannot catch fails the whole
    // run, so a failing batch is split in halves until the culprit stands alone.
    void evaluate(const QStringList &files)
    {
        const NixRun run = runNix(m_options, m_standIn, files, true);
        if (!run.started) {
            for (const QString &f : files)
                fail(f, run.err);
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = run.finished && run.exitCode == 0 ? QJsonDocument::fromJson(run.out, &parseError) : QJsonDocument();
        if (!doc.isArray() || doc.array().size() != files.size()) {
            if (files.size() == 1)
                fail(files.first(), run.finished ? deepcheck::nixErrorMessage(run.err, dirOf(files.first())) : run.err);
            else {
                const qsizetype half = files.size() / 2;
                evaluate(files.mid(0, half));
                evaluate(files.mid(half));
            }
            return;
        }
        const QJsonArray entries = doc.array();
        for (qsizetype i = 0; i < files.size(); ++i) {
            const QJsonObject e = entries.at(i).toObject();
            if (e.value(QLatin1String("ok")).toBool())
                results.insert(files.at(i), deepcheck::outcomeFromJson(files.at(i), e));
            else
                explainThrow(files.at(i));
        }
    }

private:
    // tryEval hides the message of a throw; run the recipe alone, uncaught.
    void explainThrow(const QString &file)
    {
        const NixRun run = runNix(m_options, m_standIn, { file }, false);
        const QJsonDocument doc = run.exitCode == 0 && run.finished ? QJsonDocument::fromJson(run.out) : QJsonDocument();
        if (doc.isArray() && doc.array().size() == 1)
            results.insert(file, deepcheck::outcomeFromJson(file, doc.array().first().toObject()));
        else
            fail(file, run.finished && run.started ? deepcheck::nixErrorMessage(run.err, dirOf(file)) : run.err);
    }

    void fail(const QString &file, const QString &message)
    {
        DeepCheck::Outcome o;
        o.file = file;
        o.error = message.isEmpty() ? QStringLiteral("nix-instantiate failed without a message") : message;
        results.insert(file, o);
    }

    static QString dirOf(const QString &file) { return QFileInfo(file).absolutePath(); }

    const DeepCheckOptions &m_options;
    QString m_standIn;
};

} // namespace

QList<DeepCheck::Outcome> DeepCheck::evaluate(const QStringList &recipeFiles, const DeepCheckOptions &options)
{
    QString error;
    const QString standIn = options.standInDir.isEmpty() ? standInDirectory(&error) : options.standInDir;
    QList<Outcome> outcomes;
    QStringList absolute;
    for (const QString &f : recipeFiles)
        absolute << QFileInfo(f).absoluteFilePath();
    BatchEvaluator batch(options, standIn);
    if (!standIn.isEmpty()) {
        QStringList unique = absolute;
        unique.removeDuplicates();
        const qsizetype size = qMax(1, options.batchSize);
        for (qsizetype i = 0; i < unique.size(); i += size)
            batch.evaluate(unique.mid(i, size));
    }
    for (qsizetype i = 0; i < recipeFiles.size(); ++i) {
        Outcome o = batch.results.value(absolute.at(i));
        if (standIn.isEmpty())
            o.error = QStringLiteral("no stand-in nixpkgs: %1").arg(error);
        o.file = recipeFiles.at(i);
        outcomes << o;
    }
    return outcomes;
}

QFuture<QList<DeepCheck::Outcome>> DeepCheck::evaluateAsync(const QStringList &recipeFiles, const DeepCheckOptions &options)
{
    return QtConcurrent::run([recipeFiles, options] { return evaluate(recipeFiles, options); });
}

QString DeepCheck::standInDirectory(QString *error)
{
    // Keyed by content, so an updated stand-in never mixes with an old one.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QStringList names;
    QDirIterator it(kResourceRoot, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        names << it.next().mid(kResourceRoot.size() + 1);
    names.sort();
    QHash<QString, QByteArray> contents;
    for (const QString &name : std::as_const(names)) {
        QFile f(kResourceRoot + QLatin1Char('/') + name);
        if (!f.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("cannot read resource %1").arg(f.fileName());
            return {};
        }
        contents.insert(name, f.readAll());
        hash.addData(name.toUtf8());
        hash.addData(contents.value(name));
    }
    if (names.isEmpty()) {
        if (error)
            *error = QStringLiteral("the stand-in nixpkgs is not embedded (%1 is empty)").arg(kResourceRoot);
        return {};
    }
    const QString target = QDir(QDir::tempPath())
                               .filePath(QStringLiteral("variant-studio-nix-%1-%2")
                                             .arg(QString::fromLatin1(hash.result().toHex().left(16)))
                                             .arg(QString::number(qHash(QDir::homePath()), 16)));
    if (QFileInfo::exists(target + QStringLiteral("/.complete")))
        return target;
    // Written beside the target and renamed: a concurrent run never sees half a tree.
    QTemporaryDir staging(target + QStringLiteral("-XXXXXX"));
    if (!staging.isValid()) {
        if (error)
            *error = QStringLiteral("cannot create %1: %2").arg(target, staging.errorString());
        return {};
    }
    for (const QString &name : std::as_const(names)) {
        const QString path = staging.filePath(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(contents.value(name)) < 0 || !out.commit()) {
            if (error)
                *error = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
            return {};
        }
    }
    QFile marker(staging.filePath(QStringLiteral(".complete")));
    marker.open(QIODevice::WriteOnly);
    marker.close();
    if (QDir().rename(staging.path(), target))
        staging.setAutoRemove(false);
    if (!QFileInfo::exists(target + QStringLiteral("/.complete"))) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(target);
        return {};
    }
    return target;
}

QStringList DeepCheck::writeRecipes(const QString &dir, const QList<QPair<QString, QByteArray>> &recipes, QString *error)
{
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(dir);
        return {};
    }
    QStringList paths;
    for (const auto &[name, text] : recipes) {
        // Paths are kept relative to .flox/pkgs: ".flox/pkgs/x.nix" lands as
        // dir/x.nix and ".flox/pkgs/x/default.nix" as dir/x/default.nix.
        QString relative = QDir::cleanPath(name);
        if (relative.startsWith(QLatin1String(".flox/pkgs/")))
            relative = relative.mid(11);
        if (relative.isEmpty() || QDir::isAbsolutePath(relative) || relative == QLatin1String("..")
            || relative.startsWith(QLatin1String("../")) || relative.endsWith(QLatin1Char('/'))) {
            if (error)
                *error = QStringLiteral("not a recipe path inside the folder: '%1'").arg(name);
            return {};
        }
        const QString path = QDir(dir).absoluteFilePath(relative);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(text) < 0 || !out.commit()) {
            if (error)
                *error = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
            return {};
        }
        paths << path;
    }
    return paths;
}

} // namespace vs
