#pragma once

#include "catalog/Catalog.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace vs {

// The catalogue in a compact binary form. resources/catalog.yaml is the one source:
// vs-catalog-compiler turns it into this form at build time and the build embeds the
// result as :/catalog.bin, so a program reads the catalogue in well under a millisecond
// where yaml-cpp took about 12 ms of every command (KSyntaxHighlighting indexes its
// definitions at build time for the same reason). Never kept in git, never hand-written.
namespace CatalogBinary {

QByteArray write(const Catalog &catalog);
// Empty when the bytes are not one complete catalogue of this format's version.
std::optional<Catalog> read(QByteArrayView bytes);

} // namespace CatalogBinary
} // namespace vs
