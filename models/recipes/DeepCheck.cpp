#include "recipes/DeepCheck.h"

#include "recipes/DeepCheckFacts.h"
#include "system/ProcessRunner.h"

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
    if (!options.mode.isEmpty())
        args << QStringLiteral("--argstr") << QStringLiteral("mode") << options.mode;

    // Belt and braces: the driver resolves <nixpkgs> itself.
    const ProcessResult result = ProcessRunner(options.nixInstantiate, args)
                                     .addEnvironment(QStringLiteral("NIX_PATH"), QStringLiteral("nixpkgs=") + standIn)
                                     .setTimeout(options.timeoutMs)
                                     .run();
    NixRun run;
    if (!result.started()) {
        run.started = false;
        run.err = result.message;
        return run;
    }
    if (result.error == ProcessError::TimedOut) {
        run.finished = false;
        run.err = QStringLiteral("nix-instantiate did not finish within %1 s").arg(options.timeoutMs / 1000);
        return run;
    }
    run.exitCode = result.exitCode;
    run.out = result.out;
    run.err = QString::fromUtf8(result.err);
    return run;
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
                results.insert(files.at(i), outcome(files.at(i), e));
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
            results.insert(file, outcome(file, doc.array().first().toObject()));
        else
            fail(file, run.finished && run.started ? deepcheck::nixErrorMessage(run.err, dirOf(file)) : run.err);
    }

    static DeepCheck::Outcome outcome(const QString &file, const QJsonObject &entry)
    {
        DeepCheck::Outcome o = deepcheck::outcomeFromJson(file, entry);
        o.raw = entry;
        return o;
    }

    void fail(const QString &file, const QString &message)
    {
        DeepCheck::Outcome o;
        o.file = file;
        o.error = message.isEmpty() ? QStringLiteral("nix-instantiate failed without a message") : message;
        // Nix could not even parse it: that is the recipe's fault, whatever the stand-in covers.
        o.recipeFault = message.contains(QLatin1String("syntax error"));
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
