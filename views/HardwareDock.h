#pragma once

#include <QDockWidget>

class QFormLayout;
class QLabel;
class QPushButton;

namespace vs {

// What this machine has and can run; the app fills it from the hardware probe.
class HardwareDock : public QDockWidget {
    Q_OBJECT
public:
    explicit HardwareDock(QWidget *parent = nullptr);

    // Shown while the probe runs.
    void setProbing();
    // Label/value rows ("GPU 0", "NVIDIA H100 … (sm90)"), warnings in a framed box.
    void setFacts(const QList<QPair<QString, QString>> &facts, const QStringList &warnings, bool canGoToCell);
    QStringList warnings() const { return m_warningTexts; }
    QString factsText() const; // all rows, "label: value" per line (tests, copy)

signals:
    void goToMyCellRequested();

private:
    QWidget *m_body;
    QFormLayout *m_form;
    QLabel *m_warnings;
    QPushButton *m_goToCell;
    QStringList m_warningTexts;
};

} // namespace vs
