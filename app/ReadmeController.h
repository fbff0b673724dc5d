#pragma once

#include "repository/BranchEdit.h"
#include "repository/ReadmeRefresh.h"

#include <QFutureWatcher>
#include <QMap>
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace vs {

class ReadmeBlocksDialog;
class RepositoryController;

// Recipe › README Blocks…: reads every branch's README off the UI thread
// (ReadmeRefresh), marks stale blocks for refreshing, inserts a block where the
// user puts the cursor in a README that has none, and writes all of it as
// `readme --write` does (one commit per branch, all or none, never pushed).
class ReadmeController : public QObject {
    Q_OBJECT
public:
    ReadmeController(RepositoryController *repository, QWidget *window, QObject *parent = nullptr);

    QAction *action() const { return m_action; }
    void open();
    ReadmeBlocksDialog *dialog() const;

signals:
    void message(const QString &text);
    void checked(); // the READMEs were read and shown

private:
    void refresh();
    void showRows();
    void showBranch(const QString &branch);
    void insert(const QString &branch, int line);
    void write();

    RepositoryController *m_repository;
    QWidget *m_window;
    QAction *m_action;
    QPointer<ReadmeBlocksDialog> m_dialog;
    QList<ReadmeRefresh::BranchReadme> m_readmes;
    QMap<QString, QString> m_pending; // branch -> README text to write
    QFutureWatcher<QList<ReadmeRefresh::BranchReadme>> m_checking;
    QFutureWatcher<EditApplied> m_writing;
    QString m_afterRescan; // what to say once the rescan after a write is shown
};

} // namespace vs
