#include "repository/RepositoryScan.h"


namespace vs {

const BranchScan *RepositoryScan::branch(const QString &name) const
{
    for (const BranchScan &b : branches)
        if (b.name == name)
            return &b;
    return nullptr;
}

} // namespace vs
