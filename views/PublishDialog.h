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

class BuildLogView;
class LogModel;

// Shows publishing one cell: the organisation, Flox's preconditions as met / not
// met, and the output of `flox publish` below. It decides nothing: the app's
// PublishController says what to show and acts on the requests.
// Wiring: PublishDialog dialog(variant, branch, window); controller.attach(&dialog); dialog.exec();
class PublishDialog : public QDialog {
    Q_OBJECT
public:
    PublishDialog(const QString &variant, const QString &branch, QWidget *parent = nullptr);

    QString organisation() const;
    QPushButton *publishButton() const { return m_publish; }
    QPushButton *recheckButton() const { return m_recheck; }
    QLineEdit *organisationEdit() const { return m_org; }
    QListWidget *checkList() const { return m_checkList; }
    BuildLogView *logView() const { return m_logView; }

public slots:
    void setOrganisation(const QString &organisation);
    void setLogModel(vs::LogModel *model); // not owned
    void setJob(const vs::BuildJob &job);
    void showChecking();
    void showChecks(const QList<vs::PublishCheck> &checks);
    void setOrganisationHintVisible(bool visible);
    void setPublishEnabled(bool enabled);
    void setRecheckEnabled(bool enabled);

signals:
    void organisationEdited(const QString &text);
    void recheckRequested();
    void publishRequested();

private:
    QLineEdit *m_org;
    QLabel *m_orgHint;
    QListWidget *m_checkList;
    QPushButton *m_recheck;
    QPushButton *m_publish;
    QDialogButtonBox *m_buttons;
    BuildLogView *m_logView;
};

} // namespace vs
