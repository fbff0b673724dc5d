#include "recipes/NixEval.h"

#include "recipes/DeepCheckFacts.h"
#include "system/ProcessRunner.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vs {

QString NixEval::Run::errorFor(const QString &dir) const
{
    // A run that never finished has no nix message, only ours.
    const QString message = started && finished ? deepcheck::nixErrorMessage(err, dir) : err;
    return message.isEmpty() ? QStringLiteral("nix-instantiate failed without a message") : message;
}

NixEval::Run NixEval::run(const QStringList &files, bool catchErrors) const
{
    QStringList args { QStringLiteral("--eval"), QStringLiteral("--strict"), QStringLiteral("--json") };
    args << options << driver;
    for (const auto &[name, value] : arguments)
        args << QStringLiteral("--argstr") << name << value;
    args << QStringLiteral("--argstr") << QStringLiteral("files")
         << QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(files)).toJson(QJsonDocument::Compact));
    if (!catchErrors)
        args << QStringLiteral("--argstr") << QStringLiteral("catch") << QStringLiteral("false");

    ProcessRunner runner(program, args);
    runner.setTimeout(timeoutMs);
    for (const auto &[name, value] : environment)
        runner.addEnvironment(name, value);
    if (cancel)
        runner.setCancel(cancel);
    const ProcessResult result = runner.run();
    Run run;
    if (!result.started() || result.error == ProcessError::Cancelled) {
        run.started = false;
        run.err = result.error == ProcessError::Cancelled ? QStringLiteral("cancelled") : result.message;
        return run;
    }
    if (result.error == ProcessError::TimedOut) {
        run.finished = false;
        run.err = QStringLiteral("%1 did not finish within %2 s").arg(program).arg(timeoutMs / 1000);
        return run;
    }
    run.exitCode = result.exitCode;
    run.out = result.out;
    run.err = QString::fromUtf8(result.err);
    return run;
}

void NixEval::evaluate(const QStringList &files, const std::function<void(const QString &, const QJsonObject &)> &entry,
    const std::function<void(const QString &, const Run &)> &failed) const
{
    if (files.isEmpty())
        return;
    const Run result = run(files);
    if (!result.started) {
        for (const QString &f : files)
            failed(f, result);
        return;
    }
    const QJsonDocument doc = result.finished && result.exitCode == 0 ? QJsonDocument::fromJson(result.out) : QJsonDocument();
    if (!doc.isArray() || doc.array().size() != files.size()) {
        if (files.size() == 1) {
            failed(files.first(), result);
        } else {
            const qsizetype half = files.size() / 2;
            evaluate(files.mid(0, half), entry, failed);
            evaluate(files.mid(half), entry, failed);
        }
        return;
    }
    const QJsonArray entries = doc.array();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QJsonObject e = entries.at(i).toObject();
        if (e.value(QLatin1String("ok")).toBool())
            entry(files.at(i), e);
        else
            explainThrow(files.at(i), entry, failed);
    }
}

void NixEval::explainThrow(const QString &file, const std::function<void(const QString &, const QJsonObject &)> &entry,
    const std::function<void(const QString &, const Run &)> &failed) const
{
    // tryEval hides the message of a throw; run the recipe alone, uncaught.
    const Run alone = run({ file }, false);
    const QJsonDocument doc = alone.started && alone.finished && alone.exitCode == 0 ? QJsonDocument::fromJson(alone.out) : QJsonDocument();
    if (doc.isArray() && doc.array().size() == 1 && doc.array().first().toObject().value(QLatin1String("ok")).toBool())
        entry(file, doc.array().first().toObject());
    else
        failed(file, alone);
}

} // namespace vs
