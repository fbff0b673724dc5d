#pragma once

#include "catalog/Catalog.h"
#include "variants/VariantName.h"

#include <QMap>
#include <QString>

namespace vs {

// Writes the Nix recipe of one matrix cell from the catalogue and a template of
// resources/templates/ ({pytorch|companion}-{cuda|cpu|darwin}.nix.in). The Nix
// text lives in the templates; this class only computes the placeholder values
// (escaped for the Nix context they land in) from catalogue data.
class RecipeGenerator {
public:
    explicit RecipeGenerator(const Catalog &catalog);

    struct Result {
        QString text;
        QString error;
        bool ok() const { return error.isEmpty(); }
    };

    // nixpkgsRev empty => profile.nixpkgsRev. An unknown or incompatible variant
    // (vs::Compatibility::of) gives an error saying why, and no text.
    Result generate(const VariantName &variant, const BranchProfile &profile, const QString &nixpkgsRev = {}) const;

    // The template file (under ":/templates/") that generate() fills for the variant.
    QString templateName(const VariantName &variant) const;
    // The placeholder values generate() uses, for tests and the preview.
    QMap<QString, QString> values(
        const VariantName &variant, const BranchProfile &profile, const QString &nixpkgsRev, QString *error) const;

private:
    const Catalog &m_catalog;
};

} // namespace vs
