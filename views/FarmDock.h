#pragma once

#include <QStringList>
#include <QWidget>

class QPushButton;
class QTableWidget;

namespace vs {

class FarmSettingsEditor;

// The Build Farm dock: the farm's settings (the same editor as Settings › Build
// Farm), Check Builders, and the result of the last check, one row per builder.
// Widgets only: FarmController reads, validates, saves and checks.
class FarmDock : public QWidget {
    Q_OBJECT
public:
    enum Column { BuilderColumn, SystemsColumn, JobsColumn, StatusColumn, ColumnCount };

    explicit FarmDock(QWidget *parent = nullptr);

    FarmSettingsEditor *editor() const { return m_editor; }
    // One row per builder: builder, systems, jobs, status.
    void setRows(const QList<QStringList> &rows);
    QString cell(int row, int column) const;
    int rowCount() const;
    void setChecking(bool running);

signals:
    void checkRequested();

private:
    FarmSettingsEditor *m_editor;
    QPushButton *m_check;
    QTableWidget *m_table;
};

} // namespace vs
