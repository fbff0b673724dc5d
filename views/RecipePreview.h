#pragma once

#include "recipes/RecipeDrift.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

namespace vs {

// Shows one recipe read-only with Nix highlighting, a banner (for example "not in
// the repository yet") and, on request, its drift from the template.
class RecipePreview : public QWidget {
    Q_OBJECT
public:
    struct Content {
        QString title; // variant name
        QString subtitle; // file path and branch
        QString text; // the recipe
        QString banner; // empty: none
        bool hasDrift = false; // drift lines are meaningful (a defined recipe)
        QList<DriftLine> drift;
        QString message; // shown instead of text (nothing selected, several cells …)
    };

    explicit RecipePreview(QWidget *parent = nullptr);
    ~RecipePreview() override;

    void setContent(const Content &content);
    const Content &content() const { return m_content; }
    bool showingDrift() const;
    void setShowDrift(bool on);

    QPlainTextEdit *editor() const { return m_editor; }
    QString definitionName() const; // "Nix"
    QString themeName() const;
    // The width that shows a recipe's lines uncut (100 columns of the editor's font).
    int readerWidth() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void applyTheme();

    KSyntaxHighlighting::Repository *m_repository;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_banner;
    QToolButton *m_driftToggle;
    QPlainTextEdit *m_editor;
    Content m_content;
};

} // namespace vs
