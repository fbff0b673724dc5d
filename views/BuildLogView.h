#pragma once

#include "builds/BuildJob.h"

#include <QStyledItemDelegate>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListView;

namespace vs {

class LogModel;

// Paints one log line in a fixed-pitch font with its ANSI colour spans.
class LogLineDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

// A build's live output: a header line (what, elapsed time, current step,
// outcome) over a list of lines. The list has uniform item sizes (no per-line
// layout, so 100,000s of lines stay fast) and follows the end unless the user
// has scrolled up; scrolling back to the bottom resumes following.
// Wiring: setLogModel(model) once; setJob(job) whenever the job changes
// (BuildQueue::jobChanged / jobFinished for the shown job).
class BuildLogView : public QWidget {
    Q_OBJECT
public:
    explicit BuildLogView(QWidget *parent = nullptr);

    void setLogModel(LogModel *model); // not owned
    LogModel *logModel() const { return m_model; }
    QListView *listView() const { return m_list; }
    bool isFollowingEnd() const { return m_follow; }
    QString headerText() const;

public slots:
    void setJob(const vs::BuildJob &job);
    void clearJob();
    void copySelection() const; // selected lines to the clipboard

private:
    void updateHeader();

    LogModel *m_model = nullptr;
    QLabel *m_header;
    QListView *m_list;
    QTimer m_clock; // ticks the elapsed time while running
    BuildJob m_job;
    bool m_hasJob = false;
    bool m_follow = true;
};

} // namespace vs
