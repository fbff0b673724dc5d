#pragma once

#include <QByteArrayView>
#include <QColor>
#include <QList>
#include <QMetaType>
#include <QString>

namespace vs {

// A run of characters of one line drawn with one style. Invalid colours mean
// "the view's default", so plain text needs no span at all.
struct AnsiSpan {
    int start = 0;
    int length = 0;
    QColor foreground;
    QColor background;
    bool bold = false;
    bool operator==(const AnsiSpan &) const = default;
};
using AnsiSpans = QList<AnsiSpan>;

// One line of build output: the printable text (no escape characters) and its colours.
struct LogLine {
    QString text;
    AnsiSpans spans;
};
using LogLines = QList<LogLine>;

// Turns terminal output into text + colour spans. SGR (colour) sequences become
// spans; every other escape sequence (cursor moves, erase, OSC titles, charset
// switches) and control character is dropped. A carriage return starts the line
// over, as a terminal would show it, so "\r" progress counters keep their last
// state only. The style carries over from line to line like on a terminal,
// which is why this is an object with state and not a free function.
class AnsiParser {
public:
    LogLine parseLine(QByteArrayView rawLine); // one line, without its '\n'
    void reset();

    // Text only: the same rules, no colours kept.
    static QString strip(QByteArrayView raw);

private:
    struct Style {
        QColor foreground;
        QColor background;
        bool bold = false;
        bool isDefault() const { return !foreground.isValid() && !background.isValid() && !bold; }
        bool operator==(const Style &) const = default;
    };
    void applySgr(QStringView params);
    static QColor basicColor(int index); // 0..15
    static QColor indexedColor(int index); // 0..255

    Style m_style;
};

} // namespace vs

Q_DECLARE_METATYPE(vs::AnsiSpans)
Q_DECLARE_METATYPE(vs::LogLines)
