#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace vs {

// Edit Recipes: a named change (set the nixpkgs pin, set a binding, replace,
// regenerate) on chosen branches, previewed as diffs before anything is written,
// and Undo Last Edit. A view only: EditController computes, applies and undoes.
class EditRecipesDialog : public QDialog {
    Q_OBJECT
public:
    explicit EditRecipesDialog(QWidget *parent = nullptr);

    void setBranches(const QStringList &branches, const QString &current); // all checked
    QStringList checkedBranches() const;
    QString operation() const; // "set-pin", "set", "replace", "regenerate"
    QStringList operationArguments() const; // without empty trailing ones
    QString cells() const;
    bool deepCheck() const; // run the deep check on the changed recipes, before and after
    void setDeepCheck(bool on);

    void setOperation(const QString &name, const QStringList &arguments); // for tests and recalled input
    // CHANGES: there is something to apply; NEWERRORS: it brings errors, so Apply
    // needs the user's insistence (the "apply anyway" box, like --allow-new-errors).
    void showPreview(const QString &diff, const QString &summary, bool changes, bool newErrors = false);
    void showBusy(const QString &what);

signals:
    void previewRequested();
    void applyRequested();
    void undoRequested();

private:
    void updateFields();
    void updateApply();
    QWidget *branchPicker();

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
    QPushButton *m_undo = nullptr;
    QCheckBox *m_deep = nullptr;
    QCheckBox *m_insist = nullptr;
    bool m_changes = false; // the shown preview has changes…
    bool m_newErrors = false; // …and brings errors
};

} // namespace vs
