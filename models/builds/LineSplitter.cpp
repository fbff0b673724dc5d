#include "builds/LineSplitter.h"

namespace vs {

void LineSplitter::feed(QByteArrayView chunk, const std::function<void(QByteArrayView)> &onLine)
{
    qsizetype start = 0;
    while (start < chunk.size()) {
        const qsizetype nl = chunk.indexOf('\n', start);
        if (nl < 0) {
            m_pending.append(chunk.sliced(start));
            if (m_pending.size() >= m_maxLineBytes) {
                onLine(m_pending);
                m_pending.clear();
            }
            return;
        }
        if (m_pending.isEmpty()) {
            onLine(chunk.sliced(start, nl - start));
        } else {
            m_pending.append(chunk.sliced(start, nl - start));
            onLine(m_pending);
            m_pending.clear();
        }
        start = nl + 1;
    }
}

void LineSplitter::finish(const std::function<void(QByteArrayView)> &onLine)
{
    if (!m_pending.isEmpty()) {
        onLine(m_pending);
        m_pending.clear();
    }
}

} // namespace vs
