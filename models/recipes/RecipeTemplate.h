#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace vs {

// A recipe template: Nix text with named placeholders, kept as data in
// resources/templates/*.nix.in (embedded at ":/templates/").
//
//   @NAME@            replaced by the value of NAME; a value with several lines
//                     continues each line at the indentation of the placeholder's line.
//   @IF NAME@         on a line of its own: the lines up to the matching
//   @ENDIF NAME@      @ENDIF stay only when NAME has a non-empty value.
//
// Values are inserted verbatim: escaping for the Nix context is the caller's job.
class RecipeTemplate {
public:
    // Loads ":/templates/<name>" (or any path). On failure the template is
    // invalid and error() says why.
    static RecipeTemplate load(const QString &name);
    static RecipeTemplate fromText(const QString &text, const QString &name);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString name() const { return m_name; }
    // Every NAME the template uses (placeholders and sections), sorted.
    QStringList placeholders() const;

    // Fills the placeholders. A NAME the template uses but values lack, or an
    // unbalanced section, is an error naming the template and line; values the
    // template does not use are ignored (templates of other kinds need them).
    QString fill(const QMap<QString, QString> &values, QString *error) const;

private:
    QString m_name;
    QString m_text;
    QString m_error;
};

} // namespace vs
