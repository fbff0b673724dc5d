#pragma once

#include <string_view>

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

namespace vs::cli {

QTextStream &out(); // stdout, UTF-8
QTextStream &err(); // stderr, UTF-8
void printJson(const QJsonDocument &doc); // indented, newline-terminated
void printBytes(const QByteArray &bytes); // as they are, on stdout
void printBlock(std::string_view bytes); // the same for one block of a long output
// Prints "variant-studio <command>: message" to stderr and returns status.
int fail(const QString &command, const QString &message, int status = 1);
// Adds -h/--help and parses arguments (arguments[0] names the command). On --help
// prints usage (*status 0), on a parse error the error and usage (*status 2):
// false means stop and return *status.
bool parseWithUsage(QCommandLineParser &parser, const QStringList &arguments, const QString &usage, int *status);

} // namespace vs::cli
