#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace vs {

// The history file's format, checked strictly: what a file holds, as far as it
// can be read, without ever changing it (BuildHistory decides what to do).
struct HistoryFile {
    enum Status { Missing, Valid, Broken, Unreadable } status = Missing;
    QList<QJsonObject> runs; // the valid runs, as stored
    QString problem; // Broken / Unreadable: what is wrong

    static HistoryFile read(const QString &path);
    // Where a broken file is moved aside: <file>.broken-<timestamp>[-N], not taken yet.
    static QString backupName(const QString &file);
};

} // namespace vs
