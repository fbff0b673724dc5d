#include "builds/AnsiText.h"

#include <array>

namespace vs {

namespace {

constexpr char16_t kEsc = 0x1b;

// True when the bytes need the slow path (escape sequences, control characters).
bool needsParsing(QByteArrayView raw)
{
    for (const char c : raw) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f)
            return true;
    }
    return false;
}

QList<int> sgrNumbers(QStringView params)
{
    QList<int> numbers;
    if (params.isEmpty()) {
        numbers.append(0);
        return numbers;
    }
    // Both "38;5;n" and the ISO form "38:5:n" appear in the wild.
    int value = 0;
    bool any = false;
    for (const QChar c : params) {
        if (c.isDigit()) {
            value = value * 10 + c.digitValue();
            any = true;
        } else if (c == QLatin1Char(';') || c == QLatin1Char(':')) {
            numbers.append(any ? value : 0);
            value = 0;
            any = false;
        }
    }
    numbers.append(any ? value : 0);
    return numbers;
}

} // namespace

void AnsiParser::reset()
{
    m_style = Style();
}

AnsiColor AnsiParser::basicColor(int index)
{
    // xterm's default palette: readable on light and dark backgrounds alike.
    using C = AnsiColor;
    static constexpr std::array<AnsiColor, 16> palette = { C::rgb(0, 0, 0), C::rgb(205, 0, 0), C::rgb(0, 160, 0), C::rgb(205, 160, 0),
        C::rgb(30, 90, 238), C::rgb(205, 0, 205), C::rgb(0, 170, 205), C::rgb(170, 170, 170), C::rgb(127, 127, 127), C::rgb(255, 60, 60),
        C::rgb(40, 200, 40), C::rgb(230, 200, 0), C::rgb(92, 92, 255), C::rgb(255, 0, 255), C::rgb(0, 220, 220), C::rgb(255, 255, 255) };
    return palette[static_cast<size_t>(index & 15)];
}

AnsiColor AnsiParser::indexedColor(int index)
{
    if (index < 16)
        return basicColor(index);
    if (index < 232) {
        const int i = index - 16;
        auto level = [](int v) { return v == 0 ? 0 : 55 + v * 40; };
        return AnsiColor::rgb(level(i / 36), level((i / 6) % 6), level(i % 6));
    }
    const int grey = 8 + (index - 232) * 10;
    return AnsiColor::rgb(grey, grey, grey);
}

void AnsiParser::applySgr(QStringView params)
{
    const QList<int> n = sgrNumbers(params);
    for (qsizetype i = 0; i < n.size(); ++i) {
        const int code = n[i];
        if (code == 0) {
            m_style = Style();
        } else if (code == 1) {
            m_style.bold = true;
        } else if (code == 22) {
            m_style.bold = false;
        } else if (code >= 30 && code <= 37) {
            m_style.foreground = basicColor(code - 30);
        } else if (code >= 90 && code <= 97) {
            m_style.foreground = basicColor(code - 90 + 8);
        } else if (code == 39) {
            m_style.foreground = AnsiColor();
        } else if (code >= 40 && code <= 47) {
            m_style.background = basicColor(code - 40);
        } else if (code >= 100 && code <= 107) {
            m_style.background = basicColor(code - 100 + 8);
        } else if (code == 49) {
            m_style.background = AnsiColor();
        } else if (code == 38 || code == 48) {
            AnsiColor colour;
            if (i + 2 < n.size() && n[i + 1] == 5) {
                colour = indexedColor(qBound(0, n[i + 2], 255));
                i += 2;
            } else if (i + 4 < n.size() && n[i + 1] == 2) {
                colour = AnsiColor::rgb(qBound(0, n[i + 2], 255), qBound(0, n[i + 3], 255), qBound(0, n[i + 4], 255));
                i += 4;
            } else {
                break; // malformed: ignore the rest rather than misread it
            }
            (code == 38 ? m_style.foreground : m_style.background) = colour;
        }
        // Italic, underline, blink and friends: no visual effect here.
    }
}

LogLine AnsiParser::parseLine(QByteArrayView raw)
{
    LogLine line;
    if (!raw.isEmpty() && raw.back() == '\r')
        raw.chop(1); // CRLF line ends
    if (!needsParsing(raw)) {
        line.text = QString::fromUtf8(raw);
        if (!m_style.isDefault() && !line.text.isEmpty())
            line.spans.append({ 0, int(line.text.size()), m_style.foreground, m_style.background, m_style.bold });
        return line;
    }

    const QString in = QString::fromUtf8(raw);
    QString &text = line.text;
    text.reserve(in.size());
    bool overwrite = false; // a '\r' was seen: the next character starts the line over
    auto append = [&](QChar c) {
        if (overwrite) {
            text.clear();
            line.spans.clear();
            overwrite = false;
        }
        if (!m_style.isDefault()) {
            const int pos = int(text.size());
            if (!line.spans.isEmpty()) {
                AnsiSpan &last = line.spans.last();
                if (last.start + last.length == pos && last.foreground == m_style.foreground && last.background == m_style.background
                    && last.bold == m_style.bold) {
                    ++last.length;
                    text.append(c);
                    return;
                }
            }
            line.spans.append({ pos, 1, m_style.foreground, m_style.background, m_style.bold });
        }
        text.append(c);
    };

    const qsizetype n = in.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = in.at(i).unicode();
        if (c == kEsc) {
            if (i + 1 >= n)
                break;
            const char16_t kind = in.at(i + 1).unicode();
            if (kind == u'[') { // CSI: parameters, intermediates, one final byte
                qsizetype j = i + 2;
                while (j < n && in.at(j).unicode() >= 0x30 && in.at(j).unicode() <= 0x3f)
                    ++j;
                const qsizetype paramsEnd = j;
                while (j < n && in.at(j).unicode() >= 0x20 && in.at(j).unicode() <= 0x2f)
                    ++j;
                if (j >= n)
                    break; // cut-off sequence: drop it
                if (in.at(j) == QLatin1Char('m') && paramsEnd == j)
                    applySgr(QStringView(in).mid(i + 2, paramsEnd - i - 2));
                i = j;
            } else if (kind == u']') { // OSC: ends with BEL or ESC '\'
                qsizetype j = i + 2;
                while (
                    j < n && in.at(j).unicode() != 0x07 && !(in.at(j).unicode() == kEsc && j + 1 < n && in.at(j + 1) == QLatin1Char('\\')))
                    ++j;
                i = (j < n && in.at(j).unicode() == kEsc) ? j + 1 : j;
            } else { // two- or three-byte escapes such as ESC ( B
                qsizetype j = i + 1;
                while (j < n && in.at(j).unicode() >= 0x20 && in.at(j).unicode() <= 0x2f)
                    ++j;
                i = j;
            }
        } else if (c == u'\r') {
            overwrite = true; // the terminal would overwrite from column 0
        } else if (c == u'\t') {
            const int spaces = 8 - int(text.size() % 8);
            for (int s = 0; s < spaces; ++s)
                append(QLatin1Char(' '));
        } else if (c == u'\b') {
            if (!text.isEmpty()) {
                text.chop(1);
                if (!line.spans.isEmpty() && line.spans.last().start + line.spans.last().length > text.size()) {
                    if (--line.spans.last().length == 0)
                        line.spans.removeLast();
                }
            }
        } else if (c < 0x20 || c == 0x7f) {
            continue; // bell and other controls: nothing to show
        } else {
            append(QChar(c));
        }
    }
    return line;
}

QString AnsiParser::strip(QByteArrayView raw)
{
    AnsiParser parser;
    QStringList lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= raw.size(); ++i) {
        if (i == raw.size() || raw[i] == '\n') {
            lines.append(parser.parseLine(raw.sliced(start, i - start)).text);
            start = i + 1;
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace vs
