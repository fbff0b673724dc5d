#pragma once

#include <QWidget>

class QCheckBox;
class QHBoxLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace vs {

// The build farm's settings as one editor, used by the Build Farm dock and the
// Settings › Build Farm dialog alike: the builders as machines lines, the problems
// found in them, "farm only", retries and Import from Nix. Widgets only:
// FarmController validates, saves and keeps every editor showing the same.
class FarmSettingsEditor : public QWidget {
    Q_OBJECT
public:
    explicit FarmSettingsEditor(QWidget *parent = nullptr);

    QString buildersText() const;
    void setBuildersText(const QString &text); // no signal when the text is the same
    bool farmOnly() const;
    void setFarmOnly(bool on);
    int retries() const;
    void setRetries(int n);
    void setProblems(const QString &text); // empty hides the line
    QString problems() const;
    void setMaximumBuilderLines(int lines); // a compact editor (the dock)
    // The row of farm only, retries and Import: a host can add its own buttons there.
    QHBoxLayout *optionsRow() const { return m_options; }

signals:
    void buildersEdited();
    void farmOnlyToggled(bool on);
    void retriesChanged(int n);
    void importRequested();

private:
    QPlainTextEdit *m_builders;
    QCheckBox *m_farmOnly;
    QSpinBox *m_retries;
    QLabel *m_problems;
    QPushButton *m_import;
    QHBoxLayout *m_options;
};

} // namespace vs
