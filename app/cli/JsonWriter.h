#pragma once

#include <QAnyStringView>
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <string>

namespace vs::cli {

// Writes JSON straight into bytes, in exactly the layout of
// QJsonDocument::toJson(Indented) (four-space indents, keys in the order given),
// without building a QJsonObject tree first: for `scan --json` of a thousand
// recipes that tree cost more than the scan itself. Callers give an object's
// keys in sorted order, as QJsonObject would print them (checked in debug builds).
// The bytes reach *out when the outermost object or array is closed.
class JsonWriter {
public:
    explicit JsonWriter(QByteArray *out);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    JsonWriter &key(const char *name); // ASCII key; the value follows
    JsonWriter &key(QStringView name); // the same for a key held as text

    void value(const QString &text);
    void value(const char *ascii);
    void value(bool flag);
    void value(qint64 number);
    void value(int number) { value(qint64(number)); }
    void null();
    void stringOrNull(const QString &text); // null when empty
    void strings(const QStringList &list); // an array of strings

    static void appendEscaped(QByteArray &out, QStringView text);

private:
    struct Level {
        bool object = false;
        int count = 0;
        QString lastKey; // debug builds only
    };
    void beforeValue();
    void beforeKey(QAnyStringView name);
    void open(char bracket, bool object);
    void close(char bracket);

    void indent(int depth);

    QByteArray *m_out;
    std::string m_buf; // the document being written, handed to *m_out when complete
    QList<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace vs::cli
