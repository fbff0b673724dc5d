#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace vs {

// Edit Recipes: a named change (set the nixpkgs pin, set a binding, replace) on
// chosen branches, previewed as diffs before anything is written. A view only:
// EditController computes the preview and applies it.
class EditRecipesDialog : public QDialog {
    Q_OBJECT
public:
    explicit EditRecipesDialog(QWidget *parent = nullptr);

    void setBranches(const QStringList &branches, const QString &current); // all checked
    QStringList checkedBranches() const;
    QString operation() const; // "set-pin", "set", "replace"
    QStringList operationArguments() const; // without empty trailing ones
    QString cells() const;

    void setOperation(const QString &name, const QStringList &arguments); // for tests and recalled input
    void showPreview(const QString &diff, const QString &summary, bool canApply);
    void showBusy(const QString &what);

signals:
    void previewRequested();
    void applyRequested();

private:
    void updateFields();

    QComboBox *m_operation = nullptr;
    QLineEdit *m_first = nullptr;
    QLineEdit *m_second = nullptr;
    QLineEdit *m_cells = nullptr;
    QLabel *m_firstLabel = nullptr;
    QLabel *m_secondLabel = nullptr;
    QListWidget *m_branches = nullptr;
    QPlainTextEdit *m_diff = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_preview = nullptr;
    QPushButton *m_apply = nullptr;
};

} // namespace vs
