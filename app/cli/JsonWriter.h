#pragma once

#include <QAnyStringView>
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vs::cli {

// Writes JSON straight into bytes, in exactly the layout of
// QJsonDocument::toJson(Indented) (four-space indents, keys in the order given),
// without building a QJsonObject tree first: for `scan --json` of a thousand
// recipes that tree cost more than the scan itself. Callers give an object's
// keys in sorted order, as QJsonObject would print them (checked in debug builds).
// The bytes reach *out when the outermost object or array is closed; a writer
// given a sink hands them over in blocks as they are written (so megabytes of
// output never sit in memory twice).
class JsonWriter {
public:
    using Sink = std::function<void(std::string_view)>;
    explicit JsonWriter(QByteArray *out);
    explicit JsonWriter(Sink sink);

    // A value written on its own, to be placed at `depth` (the number of open
    // objects and arrays around it) with rawValue(): pieces of one document can be
    // written side by side, e.g. one per branch.
    // expectedBytes: room reserved at once (growing a large string step by step
    // touches about twice its size in fresh memory).
    static std::string fragment(int depth, const std::function<void(JsonWriter &)> &write, size_t expectedBytes = 0);
    // The same into buffer (cleared; its room kept): a caller that writes many
    // fragments in turn reuses a few buffers instead of touching fresh memory for each.
    static std::string fragment(int depth, const std::function<void(JsonWriter &)> &write, std::string buffer, size_t expectedBytes);
    void rawValue(std::string_view fragment); // as made by fragment() for this depth

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    JsonWriter &key(std::string_view name); // ASCII key (a literal's length is known when compiled); the value follows
    JsonWriter &key(QStringView name); // the same for a key held as text

    void value(const QString &text);
    void value(const char *ascii);
    void joinedValue(std::span<const QStringView> pieces); // one string written from its pieces, never joined first
    void value(bool flag);
    void value(qint64 number);
    void value(int number) { value(qint64(number)); }
    void null();
    void stringOrNull(const QString &text); // null when empty
    void strings(const QStringList &list); // an array of strings

private:
    struct Level {
        bool object = false;
        int count = 0;
        QString lastKey; // debug builds only
    };
    void beforeValue();
    // The comma, indentation and opening quote of a key, with room for then bytes
    // more: where they go (commit() follows).
    char *beforeKey(size_t then);
    void checkKeyOrder(QAnyStringView name); // debug builds only
    void open(char bracket, bool object);
    void close(char bracket);

    void indent(int depth);
    // text with JSON's escapes, as UTF-8, at o (room for text.size() + tail bytes;
    // more is made as escapes need it, with tail bytes after). Returns its end.
    char *escapedInto(char *o, QStringView text, size_t tail);
    void quoted(QStringView text); // "text", escaped
    void quoted(QLatin1StringView text);

    // Room for n more bytes at the end of what is written: a pointer to it, to be
    // followed by commit(end of what was put there). Writing through it rather than
    // appending piece by piece is what makes a key cost a few instructions.
    char *room(size_t n)
    {
        if (m_buf.size() - m_used < n)
            grow(n);
        return m_buf.data() + m_used;
    }
    void commit(const char *end) { m_used = size_t(end - m_buf.data()); }
    void grow(size_t n);
    void put(std::string_view bytes);
    std::string_view written() const { return { m_buf.data(), m_used }; }

    void handOver(); // what is written, to the sink

    Sink m_sink;
    int m_baseDepth = 0; // a fragment's depth in its document
    bool m_fragment = false;
    std::string m_buf; // room: its first m_used bytes are written, not yet handed to the sink
    size_t m_used = 0;
    std::vector<Level> m_levels; // no copy-on-write check on every key
    bool m_afterKey = false;
};

} // namespace vs::cli
