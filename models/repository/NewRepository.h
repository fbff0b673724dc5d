#pragma once

#include <QString>
#include <QStringList>

namespace vs {

// Creates a new build repository in an empty folder: git repository on "main",
// a minimal Flox environment (.flox/env.json, .flox/env/manifest.toml), an empty
// .flox/pkgs/ and a README, all in one initial commit.
class NewRepository {
public:
    struct Options {
        QString name; // environment name; default: the folder's name
        // Commit identity; empty: git's configured one (git reports when there is none).
        QString authorName;
        QString authorEmail;
        QString gitProgram = QStringLiteral("git");
    };
    struct Result {
        QString root;
        QString error; // empty on success; names the file or the git command that failed
        QStringList files; // relative paths written
        bool ok() const { return error.isEmpty(); }
    };

    static Result create(const QString &folder, const Options &options);
    static Result create(const QString &folder) { return create(folder, Options {}); }
    // Why the folder cannot take a new repository (not empty, not writable …); empty: it can.
    static QString checkFolder(const QString &folder);

    static QByteArray manifestText();
    static QByteArray readmeText(const QString &name);
};

} // namespace vs
