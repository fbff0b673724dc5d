#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace vs {

struct GitResult {
    bool started = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool ok() const { return started && exitCode == 0; }
    QString errorText() const; // stderr trimmed, or why git did not run
};

// Runs the real git with argument lists (never a shell) in one folder.
// Messages are forced to English so callers can recognise them; paths stay bytes.
class Git {
public:
    explicit Git(QString workDir);

    // Starts git without waiting, so several commands can run at once.
    std::unique_ptr<QProcess> start(const QStringList &args) const;
    static GitResult finish(QProcess &process, int timeoutMs = 120000);
    GitResult run(const QStringList &args, int timeoutMs = 120000) const;

    const QString &workDir() const { return m_workDir; }

private:
    QString m_workDir;
};

} // namespace vs
