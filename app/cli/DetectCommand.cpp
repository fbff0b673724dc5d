#include "cli/Commands.h"
#include "cli/Output.h"

namespace vs::cli {

int runDetect(const QStringList &arguments)
{
    return fail(arguments.value(0), QStringLiteral("not available yet"), 2);
}

} // namespace vs::cli
