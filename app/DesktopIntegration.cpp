#include "DesktopIntegration.h"

#include <QGuiApplication>
#include <QIcon>

namespace vs {

void applyDesktopIntegration()
{
    const QString id = QStringLiteral(VS_APP_ID);
    QGuiApplication::setDesktopFileName(id);
    // The theme's copy wins when installed (themes may restyle it); the embedded
    // one covers running from the build directory.
    QGuiApplication::setWindowIcon(QIcon::fromTheme(id, QIcon(QStringLiteral(":/icons/%1.svg").arg(id))));
}

} // namespace vs
