#include "itemmodels/LogModel.h"

namespace vs {

LogModel::LogModel(QObject *parent, int capacity)
    : QAbstractListModel(parent)
    , m_capacity(qMax(1, capacity))
{
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_lines.size()))
        return {};
    const LogLine &l = m_lines[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return l.text;
    case SpansRole:
        return QVariant::fromValue(l.spans);
    case LineNumberRole:
        return droppedLines() + index.row() + 1;
    default:
        return {};
    }
}

QHash<int, QByteArray> LogModel::roleNames() const
{
    return { { Qt::DisplayRole, "text" }, { SpansRole, "spans" }, { LineNumberRole, "lineNumber" } };
}

void LogModel::appendLines(const LogLines &lines)
{
    if (lines.isEmpty())
        return;
    m_total += lines.size();
    if (lines.size() >= m_capacity) {
        // The batch alone fills the model: cheaper to start over than to shuffle rows.
        beginResetModel();
        m_lines.clear();
        for (qsizetype i = lines.size() - m_capacity; i < lines.size(); ++i)
            m_lines.push_back(lines[i]);
        endResetModel();
        emit totalLinesChanged(m_total);
        return;
    }
    const qsizetype overflow = qsizetype(m_lines.size()) + lines.size() - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow - 1));
        m_lines.erase(m_lines.begin(), m_lines.begin() + overflow);
        endRemoveRows();
    }
    const int first = int(m_lines.size());
    beginInsertRows({}, first, first + int(lines.size()) - 1);
    for (const LogLine &l : lines)
        m_lines.push_back(l);
    endInsertRows();
    emit totalLinesChanged(m_total);
}

void LogModel::appendText(const QString &text)
{
    appendLines({ LogLine { text, {} } });
}

void LogModel::clear()
{
    beginResetModel();
    m_lines.clear();
    m_total = 0;
    endResetModel();
    emit totalLinesChanged(0);
}

} // namespace vs
