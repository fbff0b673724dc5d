#pragma once

#include <QObject>

class QSocketNotifier;

namespace vs {

// Turns SIGINT, SIGTERM and SIGHUP into a Qt signal delivered on the event loop
// (self-pipe), so whoever runs builds can end their process groups, record the
// runs as cancelled and leave with 128+signal, instead of dying at once and
// leaving a build's children behind. One instance per process.
class TerminationSignals : public QObject {
    Q_OBJECT
public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override; // restores the previous handlers

    bool isInstalled() const { return m_notifier != nullptr; }
    int lastSignal() const { return m_last; }
    static QString name(int signal); // "SIGTERM"

signals:
    void received(int signal);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
    int m_last = 0;
};

} // namespace vs
