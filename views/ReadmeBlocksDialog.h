#pragma once

#include <QDialog>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace vs {

// README Blocks: every branch's README.md and whether its generated matrix block
// is up to date; a README without the block gets one where the user puts the
// cursor. A view only: ReadmeController reads, inserts and writes.
class ReadmeBlocksDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReadmeBlocksDialog(QWidget *parent = nullptr);

    struct Row {
        QString branch;
        QString status; // "up to date", "stale", …
        bool canInsert = false; // no block yet: Insert Block at Cursor applies
    };
    void setRows(const QList<Row> &rows); // keeps the selected branch when it is still there
    QString currentBranch() const;
    void showReadme(const QString &text, bool canInsert); // the selected branch's README (as it would be written)
    // The 0-based line of the cursor in the shown README (lines, not offsets:
    // the editor turns "\r\n" into one line break); -1 at the very end.
    int cursorLine() const;
    void setCursorPosition(int position); // in the editor's text; for tests
    void showSummary(const QString &text, bool canWrite);

signals:
    void branchSelected(const QString &branch);
    void insertRequested(const QString &branch, int line);
    void writeRequested();

private:
    QListWidget *m_branches = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_insert = nullptr;
    QPushButton *m_write = nullptr;
};

} // namespace vs
