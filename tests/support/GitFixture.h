#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace vs::test {

// A real git repository in a temporary folder, driven by the real git.
class GitFixture {
public:
    GitFixture(); // git init -b main, with an identity
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &relative) const;

    // Runs git with the arguments in the repository; QFAIL-style abort on error
    // is the caller's job: returns false and fills lastError.
    bool git(const QStringList &args, QByteArray *output = nullptr);
    QString revParse(const QString &rev); // the object name, empty when there is none
    bool write(const QString &relative, const QByteArray &content); // creates folders
    bool commitAll(const QString &message);
    QString lastError() const { return m_lastError; }

private:
    QTemporaryDir m_dir;
    QString m_lastError;
};

// Runs a program with arguments; returns exit code (-1 when it could not start).
int runProgram(const QString &program, const QStringList &args, const QString &workDir = {},
               QByteArray *stdOut = nullptr, QByteArray *stdErr = nullptr, int timeoutMs = 300000);

// Writes an executable shell script ("#!/bin/sh" and body) at path; false when it cannot.
bool writeExecutable(const QString &path, const QByteArray &body);

// Nix options for offline builds inside the test environment.
QStringList offlineNixOptions();

} // namespace vs::test
