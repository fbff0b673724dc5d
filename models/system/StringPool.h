#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace vs {

// Equal strings made one: a scan reads thousands of recipes whose values repeat
// (the branch's nixpkgs revision, "x86_64-linux", "pytorch", "12_9"), and each
// recipe's own copy costs an allocation and fresh memory that the kernel must map
// page by page. Interned, they share the pool's copy (Qt's implicit sharing), and the
// duplicate is freed at once for the next recipe to reuse. A pool lives as long as
// one batch of work (not process-wide): nothing is kept after it.
class StringPool {
public:
    void intern(QString &s)
    {
        if (s.isEmpty())
            return;
        const auto it = m_strings.constFind(s);
        if (it != m_strings.cend())
            s = *it;
        else
            m_strings.insert(s);
    }
    void intern(QStringList &list)
    {
        for (QString &s : list)
            intern(s);
    }
    qsizetype size() const { return m_strings.size(); }

private:
    QSet<QString> m_strings;
};

} // namespace vs
