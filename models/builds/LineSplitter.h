#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <functional>

namespace vs {

// Cuts a byte stream into lines as chunks arrive; a partial line waits in the
// buffer for its newline. A line that never ends (a runaway progress bar) is
// cut at maxLineBytes so memory stays bounded.
class LineSplitter {
public:
    explicit LineSplitter(qsizetype maxLineBytes = 1 << 20)
        : m_maxLineBytes(maxLineBytes)
    {
    }

    // Calls onLine for each complete line (without '\n').
    void feed(QByteArrayView chunk, const std::function<void(QByteArrayView)> &onLine);
    // The last line when the stream ended without a newline.
    void finish(const std::function<void(QByteArrayView)> &onLine);
    bool hasPartialLine() const { return !m_pending.isEmpty(); }

private:
    QByteArray m_pending;
    qsizetype m_maxLineBytes;
};

} // namespace vs
