#include "support/GitFixture.h"

#include <QtTest>

using namespace vs::test;

// `cmake --install` of the real build tree: the binary, the desktop entry, the
// icon and the AppStream metainfo land where desktops look for them, and the
// freedesktop validators accept them.
namespace {

const QString appId = QStringLiteral("io.github.variantstudio.VariantStudio");

// A validator that is missing is a broken test environment, not a pass.
QString requiredProgram(const QString &name, const QString &debianPackage)
{
    const QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        qWarning("%s not found on PATH: install the Debian package %s", qPrintable(name), qPrintable(debianPackage));
    return path;
}

// Lines of a validator's output that report a problem worse than a hint.
QStringList problems(const QByteArray &output, const QStringList &markers)
{
    QStringList found;
    for (const QString &line : QString::fromUtf8(output).split(QLatin1Char('\n'))) {
        for (const QString &m : markers)
            if (line.contains(m))
                found << line.trimmed();
    }
    return found;
}

QMap<QString, QString> desktopEntry(const QString &file)
{
    QMap<QString, QString> keys;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return keys;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw);
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq > 0 && !line.startsWith(QLatin1Char('#')))
            keys.insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    return keys;
}

} // namespace

class TestInstall : public QObject {
    Q_OBJECT
    QTemporaryDir m_root; // the install goes to <root>/usr, a file-system tree as on a real system
    QString m_prefix;

    QString installed(const QString &relative) const { return m_prefix + QLatin1Char('/') + relative; }
    QString desktopFile() const { return installed(QStringLiteral("share/applications/%1.desktop").arg(appId)); }
    QString metainfoFile() const { return installed(QStringLiteral("share/metainfo/%1.metainfo.xml").arg(appId)); }
    QString iconFile() const { return installed(QStringLiteral("share/icons/hicolor/scalable/apps/%1.svg").arg(appId)); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        m_prefix = m_root.filePath(QStringLiteral("usr"));
        const QString cmake = requiredProgram(QStringLiteral("cmake"), QStringLiteral("cmake"));
        QVERIFY2(!cmake.isEmpty(), "cmake not found on PATH: install the Debian package cmake");
        QByteArray out, err;
        const int code = runProgram(
            cmake, { QStringLiteral("--install"), QStringLiteral(VS_BUILD_DIR), QStringLiteral("--prefix"), m_prefix }, {}, &out, &err);
        QVERIFY2(code == 0, (out + err).constData());
    }

    void installsTheLauncherFiles()
    {
        const QFileInfo binary(installed(QStringLiteral("bin/variant-studio")));
        QVERIFY2(binary.isFile() && binary.isExecutable(), qPrintable(binary.filePath()));
        QVERIFY2(QFileInfo(desktopFile()).isFile(), qPrintable(desktopFile()));
        QVERIFY2(QFileInfo(metainfoFile()).isFile(), qPrintable(metainfoFile()));
        QVERIFY2(QFileInfo(iconFile()).isFile(), qPrintable(iconFile()));
    }

    // The installed command line finds the installed window program and hands over to it.
    void installedBinaryStartsTheWindow()
    {
        const QFileInfo window(installed(QStringLiteral("libexec/variant-studio/variant-studio-window")));
        QVERIFY2(window.isFile() && window.isExecutable(), qPrintable(window.filePath()));
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QByteArray out, err;
        QCOMPARE(runProgram(installed(QStringLiteral("bin/variant-studio")), { QStringLiteral("--version") }, {}, &out, &err), 0);
        QVERIFY(out.startsWith("variant-studio "));
        const int code
            = runProgram(installed(QStringLiteral("bin/variant-studio")), { QStringLiteral("--quit-after-start") }, {}, &out, &err, 60000);
        QVERIFY2(code == 0, err.constData());
    }

    void desktopEntryLaunchesTheInstalledBinary()
    {
        const auto keys = desktopEntry(desktopFile());
        QCOMPARE(keys.value(QStringLiteral("Exec")), QStringLiteral("variant-studio %f"));
        // The icon name must resolve to the installed theme icon.
        QCOMPARE(keys.value(QStringLiteral("Icon")), appId);
        QVERIFY(keys.value(QStringLiteral("Categories")).split(QLatin1Char(';')).contains(QStringLiteral("Development")));
        QVERIFY(keys.value(QStringLiteral("MimeType")).split(QLatin1Char(';')).contains(QStringLiteral("inode/directory")));
        QVERIFY(!keys.value(QStringLiteral("Name[de]")).isEmpty() || !keys.value(QStringLiteral("Comment[de]")).isEmpty());
    }

    void iconIsAScalableSvg()
    {
        QFile f(iconFile());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name(), QLatin1String("svg"));
        QVERIFY(!xml.attributes().value(QLatin1String("viewBox")).isEmpty());
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    }

    void desktopFileValidates()
    {
        const QString validator = requiredProgram(QStringLiteral("desktop-file-validate"), QStringLiteral("desktop-file-utils"));
        QVERIFY2(!validator.isEmpty(), "desktop-file-validate not found on PATH: install the Debian package desktop-file-utils");
        QByteArray out, err;
        const int code = runProgram(validator, { desktopFile() }, {}, &out, &err);
        QVERIFY2(code == 0, (out + err).constData());
        const QStringList issues = problems(out + err, { QStringLiteral("error:"), QStringLiteral("warning:") });
        QVERIFY2(issues.isEmpty(), qPrintable(issues.join(QLatin1Char('\n'))));
    }

    void metainfoValidates()
    {
        const QString validator = requiredProgram(QStringLiteral("appstreamcli"), QStringLiteral("appstream"));
        QVERIFY2(!validator.isEmpty(), "appstreamcli not found on PATH: install the Debian package appstream");
        QByteArray out, err;
        int code = runProgram(validator, { QStringLiteral("validate"), QStringLiteral("--no-net"), metainfoFile() }, {}, &out, &err);
        QVERIFY2(code == 0, (out + err).constData());
        QStringList issues = problems(out + err, { QStringLiteral("E: "), QStringLiteral("W: ") });
        QVERIFY2(issues.isEmpty(), qPrintable(issues.join(QLatin1Char('\n'))));

        // The whole installed tree: the launchable desktop entry and the icon must be found too.
        code = runProgram(validator, { QStringLiteral("validate-tree"), QStringLiteral("--no-net"), m_root.path() }, {}, &out, &err);
        QVERIFY2(code == 0, (out + err).constData());
        issues = problems(out + err, { QStringLiteral("E: "), QStringLiteral("W: ") });
        QVERIFY2(issues.isEmpty(), qPrintable(issues.join(QLatin1Char('\n'))));
    }

    void metainfoNamesTheLauncherAndBinary()
    {
        QFile f(metainfoFile());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray xml = f.readAll();
        QVERIFY(xml.contains("<id>" + appId.toUtf8() + "</id>"));
        QVERIFY(xml.contains("<launchable type=\"desktop-id\">" + appId.toUtf8() + ".desktop</launchable>"));
        QVERIFY(xml.contains("<binary>variant-studio</binary>"));
    }
};

QTEST_GUILESS_MAIN(TestInstall)
#include "test_install.moc"
