#pragma once

#include "catalog/Catalog.h"
#include "variants/VariantName.h"

#include <QList>

namespace vs {

// Whether a variant can exist, judged against the catalogue.
struct Compatibility {
    bool known = true; // every part names a catalogue entry
    bool compatible = true; // and the parts fit together
    QString reason; // why not, for a person; empty when fine

    bool ok() const { return known && compatible; }

    static Compatibility of(const Catalog &catalog, const VariantName &variant);
    // Every variant of the catalogue (compatible or not), in matrix order:
    // package, python, then CUDA releases × GPU architectures × ISAs, CPU × ISAs, darwin.
    static QList<VariantName> allVariants(const Catalog &catalog);
};

} // namespace vs
