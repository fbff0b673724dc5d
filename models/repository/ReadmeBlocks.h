#pragma once

#include <QList>
#include <QString>

namespace vs {

// Generated blocks in a branch's README.md, between markers that a person can
// place anywhere:
//   <!-- variant-studio:begin matrix -->
//   …generated, replaced on every refresh…
//   <!-- variant-studio:end matrix -->
// Everything outside the markers is the author's and stays byte for byte.
class ReadmeBlocks {
public:
    struct Block {
        QString name;
        qsizetype contentStart = 0; // just after the begin marker's line
        qsizetype contentEnd = 0; // the start of the end marker's line
        int line = 0; // 1-based line of the begin marker
    };
    struct Parse {
        QList<Block> blocks;
        QString error; // a begin without its end, an end without a begin, nested or repeated blocks (with the line)
    };

    static QString beginMarker(const QString &name);
    static QString endMarker(const QString &name);
    static Parse parse(const QString &readme);

    // The README with block NAME's content replaced (content ends with a newline;
    // one is added when missing). *error when the block is missing or the markers
    // are broken; the text is then returned unchanged.
    static QString replace(const QString &readme, const QString &name, const QString &content, QString *error);
    // A new block (markers and content) to insert where the user points.
    static QString block(const QString &name, const QString &content);
};

} // namespace vs
