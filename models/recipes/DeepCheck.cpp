#include "recipes/DeepCheck.h"

#include "recipes/DeepCheckFacts.h"
#include "recipes/NixEval.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace vs {

namespace {

const QString kResourceRoot = QStringLiteral(":/nix");

// The deep check's driver, evaluated against the stand-in.
NixEval deepCheckEval(const DeepCheckOptions &options, const QString &standIn)
{
    NixEval eval;
    eval.program = options.nixInstantiate;
    eval.options = options.nixOptions;
    eval.driver = { QDir(standIn).filePath(QStringLiteral("deep-check.nix")) };
    eval.arguments = { { QStringLiteral("standIn"), standIn } };
    if (!options.mode.isEmpty())
        eval.arguments << qMakePair(QStringLiteral("mode"), options.mode);
    // Belt and braces: the driver resolves <nixpkgs> itself.
    eval.environment = { { QStringLiteral("NIX_PATH"), QStringLiteral("nixpkgs=") + standIn } };
    eval.timeoutMs = options.timeoutMs;
    return eval;
}

// What makes a file no Nix expression before nix is asked: nothing in it, or a
// byte-order mark (Nix reads bytes, and a BOM is not a token of its grammar).
QString textFault(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {}; // nix says what is wrong with it
    const QByteArray head = f.read(3);
    if (head.isEmpty())
        return QStringLiteral("the file is empty: not a Nix expression");
    if (head.startsWith("\xEF\xBB\xBF"))
        return QStringLiteral("the file begins with a UTF-8 byte-order mark, which Nix cannot parse: save it without one");
    return {};
}

class BatchEvaluator {
public:
    BatchEvaluator(const DeepCheckOptions &options, const QString &standIn)
        : m_eval(deepCheckEval(options, standIn))
    {
    }

    QHash<QString, DeepCheck::Outcome> results;

    void evaluate(const QStringList &files)
    {
        m_eval.evaluate(
            files,
            [this](const QString &file, const QJsonObject &e) {
                DeepCheck::Outcome o = deepcheck::outcomeFromJson(file, e);
                o.raw = e; // all of it in mode "torch"
                results.insert(file, o);
            },
            [this](const QString &file, const NixEval::Run &run) { fail(file, run.errorFor(dirOf(file))); });
    }

private:
    void fail(const QString &file, const QString &message)
    {
        DeepCheck::Outcome o;
        o.file = file;
        o.error = message;
        // Nix could not even parse it: that is the recipe's fault, whatever the stand-in covers.
        o.recipeFault = message.contains(QLatin1String("syntax error"));
        results.insert(file, o);
    }

    static QString dirOf(const QString &file) { return QFileInfo(file).absolutePath(); }

    NixEval m_eval;
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
        QStringList unique;
        for (const QString &file : std::as_const(absolute)) {
            if (const QString fault = textFault(file); !fault.isEmpty()) {
                Outcome o;
                o.file = file;
                o.error = fault;
                o.recipeFault = true;
                batch.results.insert(file, o);
            } else {
                unique << file;
            }
        }
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
    // Extracted once per process into a folder of our own: QTemporaryDir makes it
    // with a random name and mode 0700, so no other local user can plant the
    // files that nix evaluates (a shared, predictable /tmp folder could be).
    static QMutex mutex;
    static std::unique_ptr<QTemporaryDir> dir;
    static QString failure;
    const QMutexLocker lock(&mutex);
    if (dir) {
        if (error && !failure.isEmpty())
            *error = failure;
        return failure.isEmpty() ? dir->path() : QString();
    }
    dir = std::make_unique<QTemporaryDir>(QDir(QDir::tempPath()).filePath(QStringLiteral("variant-studio-nix-XXXXXX")));
    failure = extractStandIn(*dir);
    if (error && !failure.isEmpty())
        *error = failure;
    return failure.isEmpty() ? dir->path() : QString();
}

QString DeepCheck::extractStandIn(const QTemporaryDir &dir)
{
    if (!dir.isValid())
        return QStringLiteral("cannot create a private folder for the stand-in nixpkgs: %1").arg(dir.errorString());
    QDirIterator it(kResourceRoot, QDir::Files, QDirIterator::Subdirectories);
    int count = 0;
    while (it.hasNext()) {
        const QString resource = it.next();
        QFile in(resource);
        const QString path = dir.filePath(resource.mid(kResourceRoot.size() + 1));
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile out(path);
        if (!in.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read resource %1").arg(resource);
        if (!out.open(QIODevice::WriteOnly) || out.write(in.readAll()) < 0 || !out.commit())
            return QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
        ++count;
    }
    if (count == 0)
        return QStringLiteral("the stand-in nixpkgs is not embedded (%1 is empty)").arg(kResourceRoot);
    return {};
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
