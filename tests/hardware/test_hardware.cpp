#include "catalog/Catalog.h"
#include "hardware/CpuInfo.h"
#include "hardware/HardwareProbe.h"
#include "hardware/HostProfileBuilder.h"
#include "hardware/NvidiaSmiCsv.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace vs;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(VS_SOURCE_DIR "/tests/fixtures/hardware/") + name;
}

HostProfile fromFixture(const QString &name)
{
    return HardwareProbe::fromDirectory(Catalog::embedded(), fixture(name));
}

// A profile from inline nvidia-smi CSV and the h100-xeon CPU.
HostProfile withCsv(const QString &csv)
{
    QFile f(fixture(QStringLiteral("h100-xeon/cpuinfo.txt")));
    f.open(QIODevice::ReadOnly);
    const CpuInfo cpu = CpuInfo::parse(QString::fromUtf8(f.readAll()), QStringLiteral("x86_64"));
    return HostProfileBuilder(Catalog::embedded()).build(true, NvidiaSmiCsv::parse(csv), cpu);
}

// An executable shell script standing in for nvidia-smi.
QString writeScript(const QTemporaryDir &dir, const QString &name, const QByteArray &body)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("#!/bin/sh\n" + body);
    f.close();
    f.setPermissions(f.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
    return path;
}

ProbeOptions optionsWithSmi(const QString &program)
{
    ProbeOptions o;
    o.nvidiaSmiProgram = program;
    o.cpuinfoPath = fixture(QStringLiteral("h100-xeon/cpuinfo.txt"));
    o.machine = QStringLiteral("x86_64");
    o.timeoutMs = 10000;
    return o;
}

} // namespace

class TestHardware : public QObject {
    Q_OBJECT
private slots:
    void h100Capture()
    {
        const HostProfile p = fromFixture(QStringLiteral("h100-xeon"));
        QVERIFY(p.nvidiaSmiFound);
        QVERIFY2(p.gpuError.isEmpty(), qPrintable(p.gpuError));
        QCOMPARE(p.gpus.size(), 1);
        const GpuInfo &g = p.gpus.first();
        QCOMPARE(g.index, 0);
        QCOMPARE(g.name, QStringLiteral("NVIDIA H100 80GB HBM3"));
        QCOMPARE(g.computeCapability, QStringLiteral("9.0"));
        QCOMPARE(g.arch, QStringLiteral("sm90"));
        QCOMPARE(g.driver, QStringLiteral("580.159.04"));
        QCOMPARE(g.memory, QStringLiteral("81559 MiB"));
        QCOMPARE(g.pciBusId, QStringLiteral("00000000:00:06.0"));
        QCOMPARE(p.driver, QStringLiteral("580.159.04"));
        QCOMPARE(p.maxCuda, QStringLiteral("13_0")); // 13.1 needs 590.44.01
        QCOMPARE(p.machine, QStringLiteral("x86_64"));
        QCOMPARE(p.cpuModel, QStringLiteral("Intel(R) Xeon(R) Processor"));
        QCOMPARE(p.isas, (QStringList { "avx", "avx2", "avx512", "avx512bf16", "avx512vnni" }));
        QCOMPARE(p.recommendedIsa, QStringLiteral("avx512"));
        QCOMPARE(p.alternativeIsas, (QStringList { "avx512bf16", "avx512vnni" }));
        QCOMPARE(p.alternativePurpose.value("avx512bf16"), QStringLiteral("BF16 training"));
        QCOMPARE(p.recommendedGpu, QStringLiteral("sm90"));
        QCOMPARE(p.recommendedGpuIndex, 0);
        QCOMPARE(p.recommendedCuda, QStringLiteral("13_0"));
        QCOMPARE(p.recommendedSuffix, QStringLiteral("cuda13_0-sm90-avx512"));
    }

    void noheaderCaptureNeedsColumnNames()
    {
        QFile f(fixture(QStringLiteral("h100-xeon/query-noheader.csv")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        const NvidiaSmiResult named = NvidiaSmiCsv::parse(text, { "name", "compute_cap", "driver_version" });
        QVERIFY2(named.ok(), qPrintable(named.error));
        QCOMPARE(named.gpus.size(), 1);
        QCOMPARE(named.gpus.first().computeCapability, QStringLiteral("9.0"));
        QCOMPARE(named.gpus.first().driver, QStringLiteral("580.159.04"));
        QCOMPARE(named.gpus.first().index, 0);
        const NvidiaSmiResult unnamed = NvidiaSmiCsv::parse(text);
        QVERIFY(!unnamed.ok());
        QVERIFY(unnamed.error.contains(QLatin1String("not the expected CSV")));
    }

    void headerDecidesColumnsAndNotAvailableIsEmpty()
    {
        const NvidiaSmiResult r = NvidiaSmiCsv::parse(QStringLiteral("name, pci.bus_id, index, compute_cap\n"
                                                                     "Tesla T4, 00000000:3B:00.0, 3, [N/A]\n"
                                                                     "A100-SXM4-40GB, 00000000:86:00.0, 7, 8.0\n"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.gpus.size(), 2);
        QCOMPARE(r.gpus.at(0).index, 3);
        QCOMPARE(r.gpus.at(0).name, QStringLiteral("Tesla T4"));
        QCOMPARE(r.gpus.at(0).pciBusId, QStringLiteral("00000000:3B:00.0"));
        QVERIFY(r.gpus.at(0).computeCapability.isEmpty());
        QCOMPARE(r.gpus.at(1).index, 7);
        QCOMPARE(r.gpus.at(1).computeCapability, QStringLiteral("8.0"));
    }

    void malformedRowNamesItsLine()
    {
        const NvidiaSmiResult r = NvidiaSmiCsv::parse(QStringLiteral("index, name, compute_cap\n0, H100, 9.0\n1, H100\n"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QLatin1String("line 3")), qPrintable(r.error));
    }

    void noGpuCapture()
    {
        const HostProfile p = fromFixture(QStringLiteral("no-gpu-x86"));
        QVERIFY(!p.nvidiaSmiFound);
        QVERIFY(p.gpus.isEmpty());
        QVERIFY(p.gpuError.isEmpty());
        QVERIFY(p.maxCuda.isEmpty());
        QVERIFY(!p.hasGpu());
        QCOMPARE(p.recommendedIsa, QStringLiteral("avx512"));
        QCOMPARE(p.recommendedSuffix, QStringLiteral("cpu-avx512"));
    }

    void armWithSve2AndDriverLimitedCuda()
    {
        const HostProfile p = fromFixture(QStringLiteral("arm-grace-sve2"));
        QCOMPARE(p.machine, QStringLiteral("aarch64"));
        QCOMPARE(p.isas, (QStringList { "armv8_2", "armv9" }));
        QCOMPARE(p.recommendedIsa, QStringLiteral("armv9"));
        QCOMPARE(p.gpus.first().arch, QStringLiteral("sm90"));
        QCOMPARE(p.maxCuda, QStringLiteral("12_8")); // driver 570.124.06 < 575.51.03
        QCOMPARE(p.recommendedSuffix, QStringLiteral("cuda12_8-sm90-armv9"));
    }

    void armWithoutSve2()
    {
        const HostProfile p = fromFixture(QStringLiteral("arm-graviton2"));
        QCOMPARE(p.isas, QStringList { "armv8_2" });
        QCOMPARE(p.recommendedSuffix, QStringLiteral("cpu-armv8_2"));
    }

    void mixedGpusPickTheBestAndListAll()
    {
        const HostProfile p = fromFixture(QStringLiteral("mixed-gpus"));
        QCOMPARE(p.gpus.size(), 3);
        QCOMPARE(p.gpus.at(0).arch, QStringLiteral("sm61"));
        QCOMPARE(p.gpus.at(1).arch, QStringLiteral("sm89"));
        QCOMPARE(p.gpus.at(2).arch, QStringLiteral("sm89"));
        QCOMPARE(p.gpuArchs, (QStringList { "sm89", "sm61" }));
        QCOMPARE(p.recommendedGpu, QStringLiteral("sm89"));
        QCOMPARE(p.recommendedGpuIndex, 1);
        QCOMPARE(p.recommendedCuda, QStringLiteral("13_0"));
        QVERIFY2(p.gpuChoice.contains(QLatin1String("sm61")), qPrintable(p.gpuChoice));
        QCOMPARE(p.isas, (QStringList { "avx", "avx2" }));
        QCOMPARE(p.recommendedSuffix, QStringLiteral("cuda13_0-sm89-avx2"));
    }

    void cudaMustCompileForTheArch()
    {
        // CUDA 13 dropped Pascal: the driver runs 13.0, the recommendation stays on 12.9.
        const HostProfile p = withCsv(QStringLiteral("index, name, compute_cap, driver_version\n0, Tesla P40, 6.1, 580.95.05\n"));
        QCOMPARE(p.maxCuda, QStringLiteral("13_0"));
        QCOMPARE(p.recommendedCuda, QStringLiteral("12_9"));
        QCOMPARE(p.recommendedSuffix, QStringLiteral("cuda12_9-sm61-avx512"));
    }

    void driverTooOldForTheGpu()
    {
        // DGX Spark (sm121) needs CUDA 12.9; driver 570.26 runs 12.8 at most.
        const HostProfile p = withCsv(QStringLiteral("index, name, compute_cap, driver_version\n0, NVIDIA GB10, 12.1, 570.26\n"));
        QCOMPARE(p.gpus.first().arch, QStringLiteral("sm121"));
        QCOMPARE(p.maxCuda, QStringLiteral("12_8"));
        QVERIFY(!p.hasGpu());
        QVERIFY2(p.gpuChoice.contains(QLatin1String("570.26")), qPrintable(p.gpuChoice));
        QCOMPARE(p.recommendedSuffix, QStringLiteral("cpu-avx512"));
    }

    void gpuOutsideTheCatalogue()
    {
        const HostProfile p = withCsv(QStringLiteral("index, name, compute_cap, driver_version\n0, Tesla M60, 5.2, 580.95.05\n"));
        QCOMPARE(p.gpus.size(), 1);
        QVERIFY(p.gpus.first().arch.isEmpty());
        QVERIFY(!p.hasGpu());
        QVERIFY2(p.gpuChoice.contains(QLatin1String("5.2")), qPrintable(p.gpuChoice));
    }

    void driverFailureIsReportedNotFatal()
    {
        const HostProfile p = fromFixture(QStringLiteral("driver-failure"));
        QVERIFY(p.nvidiaSmiFound);
        QVERIFY(p.gpus.isEmpty());
        QVERIFY2(p.gpuError.contains(QLatin1String("couldn't communicate with the NVIDIA driver")), qPrintable(p.gpuError));
        QCOMPARE(p.recommendedSuffix, QStringLiteral("cpu-avx2"));
    }

    void avxOnlyCpu()
    {
        const HostProfile p = fromFixture(QStringLiteral("avx-only"));
        QCOMPARE(p.cpuModel, QStringLiteral("Intel(R) Xeon(R) CPU E5-2670 0 @ 2.60GHz"));
        QCOMPARE(p.isas, QStringList { "avx" });
        QVERIFY(p.alternativeIsas.isEmpty());
        QCOMPARE(p.recommendedSuffix, QStringLiteral("cpu-avx"));
    }

    void cpuinfoWithoutFlagsSaysSo()
    {
        const CpuInfo c = CpuInfo::parse(QStringLiteral("processor\t: 0\n"), QStringLiteral("arm64"));
        QCOMPARE(c.machine, QStringLiteral("aarch64"));
        QVERIFY(c.flags.isEmpty());
        QVERIFY(c.error.contains(QLatin1String("features")));
    }

    void missingProgramMeansNoGpu()
    {
        QTemporaryDir dir;
        const HostProfile p = HardwareProbe::probe(Catalog::embedded(), optionsWithSmi(dir.filePath("absent/nvidia-smi")));
        QVERIFY(!p.nvidiaSmiFound);
        QVERIFY2(p.gpuError.isEmpty(), qPrintable(p.gpuError));
        QCOMPARE(p.recommendedSuffix, QStringLiteral("cpu-avx512"));
    }

    void realProcessParsesItsOutput()
    {
        QTemporaryDir dir;
        // The stand-in insists on the exact query so the argument list is checked too.
        const QByteArray body = "[ \"$1\" = '--query-gpu=index,name,compute_cap,driver_version,memory.total,pci.bus_id' ] "
                                "&& [ \"$2\" = '--format=csv' ] && [ $# -eq 2 ] || { echo \"bad arguments: $*\" >&2; exit 3; }\n"
                                "cat '"
            + QByteArray(VS_SOURCE_DIR) + "/tests/fixtures/hardware/h100-xeon/query.csv'\n";
        const QString smi = writeScript(dir, "nvidia-smi", body);
        const HostProfile p = HardwareProbe::probe(Catalog::embedded(), optionsWithSmi(smi));
        QVERIFY(p.nvidiaSmiFound);
        QVERIFY2(p.gpuError.isEmpty(), qPrintable(p.gpuError));
        QCOMPARE(p.gpus.size(), 1);
        QCOMPARE(p.recommendedSuffix, QStringLiteral("cuda13_0-sm90-avx512"));

        const HostProfile async = HardwareProbe::probeAsync(Catalog::embedded(), optionsWithSmi(smi)).result();
        QCOMPARE(async.recommendedSuffix, p.recommendedSuffix);
    }

    void processDriverFailureAndExitStatus()
    {
        QTemporaryDir dir;
        const QString failing = writeScript(dir, "smi-fail",
            "echo \"NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. "
            "Make sure that the latest NVIDIA driver is installed and running.\"\nexit 9\n");
        HostProfile p = HardwareProbe::probe(Catalog::embedded(), optionsWithSmi(failing));
        QVERIFY(p.nvidiaSmiFound);
        QVERIFY2(p.gpuError.contains(QLatin1String("NVIDIA-SMI has failed")), qPrintable(p.gpuError));

        const QString crashing = writeScript(dir, "smi-crash",
            "cat '" + QByteArray(VS_SOURCE_DIR) + "/tests/fixtures/hardware/h100-xeon/query.csv'\necho 'segfault' >&2\nexit 4\n");
        p = HardwareProbe::probe(Catalog::embedded(), optionsWithSmi(crashing));
        QVERIFY2(p.gpuError.contains(QLatin1String("status 4")), qPrintable(p.gpuError));
    }

    void thisMachine()
    {
        // The real probe of the machine the tests run on: whatever it has, it answers.
        const HostProfile p = HardwareProbe::probe(Catalog::embedded());
        QCOMPARE(p.machine, CpuInfo::normaliseMachine(QSysInfo::currentCpuArchitecture()));
        if (QFile::exists("/proc/cpuinfo") && p.machine == QLatin1String("x86_64")) {
            QVERIFY2(p.cpuError.isEmpty(), qPrintable(p.cpuError));
            QVERIFY(p.isas.contains(QLatin1String("avx")) || p.recommendedIsa.isEmpty());
        }
        if (!p.nvidiaSmiFound)
            QVERIFY(p.gpus.isEmpty() && p.gpuError.isEmpty());
    }

    void hangingProgramTimesOut()
    {
        QTemporaryDir dir;
        const QString smi = writeScript(dir, "nvidia-smi", "exec sleep 60\n");
        ProbeOptions o = optionsWithSmi(smi);
        o.timeoutMs = 300;
        QElapsedTimer t;
        t.start();
        const HostProfile p = HardwareProbe::probe(Catalog::embedded(), o);
        QVERIFY(t.elapsed() < 20000);
        QVERIFY(p.nvidiaSmiFound);
        QVERIFY2(p.gpuError.contains(QLatin1String("did not answer")), qPrintable(p.gpuError));
        QCOMPARE(p.recommendedSuffix, QStringLiteral("cpu-avx512"));
    }
};

QTEST_GUILESS_MAIN(TestHardware)
#include "test_hardware.moc"
