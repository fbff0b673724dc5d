#pragma once

#include <QJsonDocument>
#include <QTextStream>

namespace vs::cli {

QTextStream &out(); // stdout, UTF-8
QTextStream &err(); // stderr, UTF-8
void printJson(const QJsonDocument &doc); // indented, newline-terminated
void printBytes(const QByteArray &bytes); // as they are, on stdout
// Prints "variant-studio <command>: message" to stderr and returns status.
int fail(const QString &command, const QString &message, int status = 1);

} // namespace vs::cli
