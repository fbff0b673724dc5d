#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace vs {

// Reads many git objects through ONE `git cat-file --batch` process: every
// request is written at once and the answers are parsed as they stream back.
class CatFileBatch {
public:
    struct Object {
        QByteArray id;
        QByteArray type; // "blob", …; "missing" when git has no such object
        QByteArray content;
    };
    // Called once per requested id, in request order; return false to stop (cancel).
    using Sink = std::function<bool(const Object &)>;

    explicit CatFileBatch(QString repositoryRoot);

    // False when git failed or the sink stopped; error says why (empty when stopped).
    bool read(const QStringList &ids, const Sink &sink, QString *error = nullptr) const;

private:
    QString m_root;
};

} // namespace vs
