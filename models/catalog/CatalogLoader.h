#pragma once

#include "catalog/Catalog.h"

#include <QByteArray>

namespace vs {

struct CatalogLoad {
    Catalog catalog;
    QList<CatalogError> errors; // empty when everything loaded
    bool ok() const { return errors.isEmpty(); }
};

// Reads catalogue YAML with yaml-cpp into typed structures, with located errors.
class CatalogLoader {
public:
    // Parses one complete catalogue.
    static CatalogLoad fromYaml(const QByteArray &yaml, const QString &fileName);
    // Merges an overlay (same keys; an entry with a known id overrides the fields
    // it sets, a new id adds an entry) over base. With any error the result is
    // base unchanged plus the errors, so callers keep working on the default.
    static CatalogLoad overlay(const Catalog &base, const QByteArray &yaml, const QString &fileName);
    // The embedded default merged with REPO/.flox/variant-studio.yaml when present.
    static CatalogLoad forRepository(const QString &repositoryRoot);
    static QString repositoryOverlayPath(const QString &repositoryRoot);
};

} // namespace vs
