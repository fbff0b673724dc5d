#pragma once

#include <QStringList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace vs {

// The Build Farm dock: the builders as machines lines, "farm only", retries, and the
// result of the last check, one row per builder. Widgets only: FarmController reads,
// validates, saves and checks.
class FarmDock : public QWidget {
    Q_OBJECT
public:
    enum Column { BuilderColumn, SystemsColumn, JobsColumn, StatusColumn, ColumnCount };

    explicit FarmDock(QWidget *parent = nullptr);

    QString buildersText() const;
    void setBuildersText(const QString &text);
    bool farmOnly() const;
    void setFarmOnly(bool on);
    int retries() const;
    void setRetries(int n);
    void setProblems(const QString &text); // empty hides the line
    QString problems() const;
    // One row per builder: builder, systems, jobs, status.
    void setRows(const QList<QStringList> &rows);
    QString cell(int row, int column) const;
    int rowCount() const;
    void setChecking(bool running);

signals:
    void buildersEdited();
    void farmOnlyToggled(bool on);
    void retriesChanged(int n);
    void checkRequested();
    void importRequested();

private:
    QPlainTextEdit *m_builders;
    QCheckBox *m_farmOnly;
    QSpinBox *m_retries;
    QLabel *m_problems;
    QPushButton *m_check;
    QPushButton *m_import;
    QTableWidget *m_table;
};

} // namespace vs
