// variant-studio: the command line, and the door to the window.
//
// A subcommand runs here, headless, in a program that links Qt Core and the
// models only: no widget, GUI or syntax-highlighting library is loaded, which
// makes a command start several times faster (see README, Speed). Anything else
// (no argument, a folder, Qt's own options) replaces this process with the
// window program, variant-studio-window, found next to this executable (build
// tree) or in ../libexec/variant-studio (installed); the process id stays the
// same, so signals and the desktop see one program.
#include "cli/Commands.h"
#include "cli/Output.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

std::string executableDir()
{
    char path[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0)
        return ".";
    std::string exe(path, size_t(n));
    return exe.substr(0, exe.rfind('/'));
}

int execWindow(int argc, char **argv)
{
    const std::string dir = executableDir();
    const std::string candidates[] = { dir + "/variant-studio-window", dir + "/../libexec/variant-studio/variant-studio-window" };
    std::vector<char *> args(argv, argv + argc);
    args.push_back(nullptr);
    int lastError = ENOENT;
    for (const std::string &program : candidates) {
        if (::access(program.c_str(), X_OK) != 0)
            continue;
        args[0] = const_cast<char *>(program.c_str());
        ::execv(program.c_str(), args.data());
        lastError = errno; // only reached when exec failed
    }
    std::fprintf(stderr, "variant-studio: cannot start the window (%s/variant-studio-window): %s\n", dir.c_str(), std::strerror(lastError));
    return 127;
}

} // namespace

int main(int argc, char **argv)
{
    if (!vs::cli::isSubcommand(argc, argv))
        return execWindow(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("VariantStudio"));
    QCoreApplication::setApplicationName(QStringLiteral("variant-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VS_VERSION));
    QCoreApplication app(argc, argv);
    const int status = vs::cli::run(QCoreApplication::arguments());
    // A command is synchronous: when it returns, its files are written, its
    // processes ended and its output printed. What remains is Qt's teardown and
    // the freeing of memory the kernel reclaims anyway, which took longer than
    // a whole `scan` of a small repository: left out. Only what is still buffered
    // is written first (the text streams would otherwise flush in their destructors).
    vs::cli::out().flush();
    vs::cli::err().flush();
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(status);
}
