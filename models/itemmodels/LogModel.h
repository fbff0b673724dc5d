#pragma once

#include "builds/AnsiText.h"

#include <QAbstractListModel>
#include <deque>

namespace vs {

// The visible part of a build log: the last `capacity` lines plus the count of
// all lines seen. Lines arrive in batches (one begin/endInsertRows per batch);
// the oldest rows fall off the top so memory stays bounded however long the
// build talks. The complete log lives in the run's log file.
class LogModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(qint64 totalLines READ totalLines NOTIFY totalLinesChanged)
public:
    enum Roles {
        SpansRole = Qt::UserRole + 1, // AnsiSpans
        LineNumberRole, // 1-based number of the line in the whole log
    };
    static constexpr int kDefaultCapacity = 50000;

    explicit LogModel(QObject *parent = nullptr, int capacity = kDefaultCapacity);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int capacity() const { return m_capacity; }
    qint64 totalLines() const { return m_total; }
    qint64 droppedLines() const { return m_total - qint64(m_lines.size()); }
    const LogLine &line(int row) const { return m_lines[size_t(row)]; }

public slots:
    void appendLines(const vs::LogLines &lines);
    void appendText(const QString &text); // one uncoloured line, e.g. a message of the app itself
    void clear();

signals:
    void totalLinesChanged(qint64 total);

private:
    std::deque<LogLine> m_lines;
    int m_capacity;
    qint64 m_total = 0;
};

} // namespace vs
