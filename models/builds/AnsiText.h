#pragma once

#include <QByteArrayView>
#include <QList>
#include <QMetaType>
#include <QString>

namespace vs {

// A terminal colour as 0xAARRGGBB; alpha 0 means "none" (the view's default).
// Plain numbers keep this room free of Qt GUI: views turn them into QColor.
struct AnsiColor {
    quint32 argb = 0;
    static constexpr AnsiColor rgb(int r, int g, int b) { return { 0xff000000u | quint32(r) << 16 | quint32(g) << 8 | quint32(b) }; }
    bool isValid() const { return (argb >> 24) != 0; }
    bool operator==(const AnsiColor &) const = default;
};

// A run of characters of one line drawn with one style. Invalid colours mean
// "the view's default", so plain text needs no span at all.
struct AnsiSpan {
    int start = 0;
    int length = 0;
    AnsiColor foreground;
    AnsiColor background;
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
        AnsiColor foreground;
        AnsiColor background;
        bool bold = false;
        bool isDefault() const { return !foreground.isValid() && !background.isValid() && !bold; }
        bool operator==(const Style &) const = default;
    };
    void applySgr(QStringView params);
    static AnsiColor basicColor(int index); // 0..15
    static AnsiColor indexedColor(int index); // 0..255

    Style m_style;
};

} // namespace vs

Q_DECLARE_METATYPE(vs::AnsiSpans)
Q_DECLARE_METATYPE(vs::LogLines)
