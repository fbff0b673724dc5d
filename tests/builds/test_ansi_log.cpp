// AnsiParser, LineSplitter and LogModel on their own (no process involved).
#include "builds/AnsiText.h"
#include "builds/BuildRunner.h"
#include "builds/LineSplitter.h"
#include "itemmodels/LogModel.h"

#include <QSignalSpy>
#include <QTest>

using namespace vs;

class TestAnsiLog : public QObject {
    Q_OBJECT
private slots:
    void plainLineHasNoSpans()
    {
        AnsiParser p;
        const LogLine l = p.parseLine("hello world");
        QCOMPARE(l.text, QStringLiteral("hello world"));
        QVERIFY(l.spans.isEmpty());
    }

    void basicColoursBecomeSpans()
    {
        AnsiParser p;
        const LogLine l = p.parseLine("\x1b[31mred\x1b[0m plain \x1b[1;32mbold green\x1b[m");
        QCOMPARE(l.text, QStringLiteral("red plain bold green"));
        QCOMPARE(l.spans.size(), 2);
        QCOMPARE(l.spans[0].start, 0);
        QCOMPARE(l.spans[0].length, 3);
        QCOMPARE(QColor::fromRgba(l.spans[0].foreground.argb), QColor(205, 0, 0));
        QVERIFY(!l.spans[0].bold);
        QCOMPARE(l.spans[1].start, 10);
        QCOMPARE(l.spans[1].length, 10);
        QVERIFY(l.spans[1].bold);
        QCOMPARE(QColor::fromRgba(l.spans[1].foreground.argb), QColor(0, 160, 0));
    }

    void extendedColours()
    {
        AnsiParser p;
        const LogLine l = p.parseLine("\x1b[38;5;196mA\x1b[38;2;1;2;3mB\x1b[48;5;21mC\x1b[0m");
        QCOMPARE(l.text, QStringLiteral("ABC"));
        QCOMPARE(l.spans.size(), 3);
        QCOMPARE(QColor::fromRgba(l.spans[0].foreground.argb), QColor(255, 0, 0));
        QCOMPARE(QColor::fromRgba(l.spans[1].foreground.argb), QColor(1, 2, 3));
        QCOMPARE(QColor::fromRgba(l.spans[2].background.argb), QColor(0, 0, 255));
    }

    void otherSequencesAreDropped()
    {
        AnsiParser p;
        // erase line, cursor moves, private modes, an OSC window title, a charset switch, a bell
        const LogLine l = p.parseLine("\x1b[2K\x1b[1A\x1b[?25lab\x1b]0;title\x07"
                                      "c\x1b(Bd\x07"
                                      "e\x1b]8;;http://x\x1b\\f\x1b[");
        QCOMPARE(l.text, QStringLiteral("abcdef"));
        QVERIFY(l.spans.isEmpty());
        QVERIFY(!l.text.contains(QChar(0x1b)));
    }

    void carriageReturnKeepsTheLastState()
    {
        AnsiParser p;
        QCOMPARE(p.parseLine("10%\r20%\r30%").text, QStringLiteral("30%"));
        QCOMPARE(p.parseLine("windows line\r").text, QStringLiteral("windows line"));
        QCOMPARE(p.parseLine("done\r\r").text, QStringLiteral("done"));
        QCOMPARE(p.parseLine("a\tb").text, QStringLiteral("a       b"));
    }

    void styleCarriesOverLines()
    {
        AnsiParser p;
        p.parseLine("\x1b[33mstart yellow");
        const LogLine l = p.parseLine("still yellow");
        QCOMPARE(l.spans.size(), 1);
        QCOMPARE(l.spans[0].length, 12);
        QCOMPARE(AnsiParser::strip("\x1b[1mx\x1b[0m\ny"), QStringLiteral("x\ny"));
    }

    void splitterBuffersPartialLines()
    {
        LineSplitter s;
        QList<QByteArray> lines;
        auto take = [&](QByteArrayView l) { lines.append(l.toByteArray()); };
        s.feed("one\ntw", take);
        QCOMPARE(lines, QList<QByteArray> { "one" });
        QVERIFY(s.hasPartialLine());
        s.feed("o\n\nthr", take);
        s.feed("ee", take);
        QCOMPARE(lines, (QList<QByteArray> { "one", "two", "" }));
        s.finish(take);
        QCOMPARE(lines.last(), QByteArray("three"));
        QVERIFY(!s.hasPartialLine());
    }

    void splitterCutsRunawayLines()
    {
        LineSplitter s(8);
        QList<QByteArray> lines;
        s.feed("0123456789", [&](QByteArrayView l) { lines.append(l.toByteArray()); });
        QCOMPARE(lines.size(), 1);
    }

    void modelIsBounded()
    {
        LogModel model(nullptr, 100);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        for (int batch = 0; batch < 5; ++batch) {
            LogLines lines;
            for (int i = 0; i < 30; ++i)
                lines.append({ QStringLiteral("line %1").arg(batch * 30 + i + 1), {} });
            model.appendLines(lines);
        }
        QCOMPARE(model.totalLines(), 150);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.droppedLines(), 50);
        QVERIFY(!removed.isEmpty());
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("line 51"));
        QCOMPARE(model.index(0).data(LogModel::LineNumberRole).toLongLong(), 51);
        QCOMPARE(model.index(99).data().toString(), QStringLiteral("line 150"));

        LogLines big;
        for (int i = 0; i < 250; ++i)
            big.append({ QString::number(i), {} });
        model.appendLines(big);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.totalLines(), 400);
        QCOMPARE(model.index(99).data().toString(), QStringLiteral("249"));
    }

    void spansRole()
    {
        LogModel model;
        AnsiParser p;
        model.appendLines({ p.parseLine("\x1b[31mred") });
        const auto spans = model.index(0).data(LogModel::SpansRole).value<AnsiSpans>();
        QCOMPARE(spans.size(), 1);
        QCOMPARE(spans[0].length, 3);
    }

    void stepFromNixLines()
    {
        QCOMPARE(BuildRunner::stepFromLine(QStringLiteral("building '/nix/store/0c5d2mq9c2xkb5lxpbq3jyx0v1z0z0z0-pytorch-2.8.0.drv'...")),
            QStringLiteral("pytorch-2.8.0"));
        QCOMPARE(BuildRunner::stepFromLine(QStringLiteral("compiling foo.c")), QString());
    }
};

QTEST_GUILESS_MAIN(TestAnsiLog)
#include "test_ansi_log.moc"
