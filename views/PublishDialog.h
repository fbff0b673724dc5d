#pragma once

#include "builds/BuildJob.h"
#include "builds/PublishChecks.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace vs {

class BuildHistory;
class BuildLogView;
class BuildQueue;
class LogModel;

// Publishing one cell: the organisation (remembered), Flox's preconditions as
// met / not met (checked off the UI thread), and the output of `flox publish`
// streamed below. Publish is enabled only when every check is met and the
// organisation name is valid. The publish runs through the build queue, so it
// is recorded in the history and marks the cell published.
// Wiring: PublishDialog dialog(queue, history, repoRoot, branch, variant, window); dialog.exec();
class PublishDialog : public QDialog {
    Q_OBJECT
public:
    PublishDialog(BuildQueue *queue, BuildHistory *history, const QString &repoRoot, const QString &branch, const QString &variant,
        QWidget *parent = nullptr);

    QString organisation() const;
    QList<PublishCheck> checks() const { return m_checks; }
    QPushButton *publishButton() const { return m_publish; }
    QLineEdit *organisationEdit() const { return m_org; }
    BuildLogView *logView() const { return m_logView; }
    bool isPublishing() const { return m_jobId != 0; }

public slots:
    void recheck();
    void publish();

signals:
    void checksUpdated();
    void published(const vs::BuildJob &job); // succeeded
    void publishFinished(const vs::BuildJob &job); // any outcome

private:
    void showChecks();
    void updatePublishButton();

    BuildQueue *m_queue;
    BuildHistory *m_history;
    QString m_repoRoot, m_branch, m_variant;
    QLineEdit *m_org;
    QLabel *m_orgHint;
    QListWidget *m_checkList;
    QPushButton *m_recheck;
    QPushButton *m_publish;
    QDialogButtonBox *m_buttons;
    LogModel *m_log;
    BuildLogView *m_logView;
    QList<PublishCheck> m_checks;
    bool m_checking = false;
    quint64 m_jobId = 0;
};

} // namespace vs
