#pragma once

#include "catalog/Catalog.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace vs {

// What a list of compiler flags asks of a CPU, read with the catalogue's cpuFeatures
// table the way GCC reads them: in order, each flag with the features it implies,
// -mno-X (and -march=…+noX) turning X off with everything that needs it.
struct CpuFlagFeatures {
    QSet<QString> enabled;
    QSet<QString> disabled; // explicitly turned off and not on again
    QStringList unknown; // flags (or -march modifiers) the table does not know

    static CpuFlagFeatures of(const CpuFeatureTable &table, const QStringList &flags);
};

// A recipe's flags judged against its ISA by meaning, not spelling (lint and the
// deep check share it, so both say the same about the same flags):
//   Same     the features the catalogue's compilerFlags give (-march=armv9-a+sve2 for +sve+sve2);
//   Differs  valid for the ISA but not the catalogue's set: a recommended flag missing
//            (-mf16c for avx2), a feature every machine of the ISA has anyway, a flag
//            the table does not know: a warning;
//   Wrong    a required feature missing, or one the ISA's machines may lack: an error.
struct CpuFlagVerdict {
    enum class Kind { Same, Differs, Wrong };
    Kind kind = Kind::Same;
    QString detail; // "missing -mavx512f …", "without -mf16c", …: what differs, for a message

    static CpuFlagVerdict judge(const Catalog &catalog, const CpuIsa &isa, const QStringList &flags);
};

} // namespace vs
