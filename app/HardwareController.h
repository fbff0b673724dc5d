#pragma once

#include "hardware/HostProfile.h"
#include "hardware/Recommendation.h"

#include <QFutureWatcher>
#include <QObject>

namespace vs {

class HardwareDock;
class MatrixController;

// Probes the machine in the background at start, marks the cells that run here,
// fills the hardware dock and selects "my cell" on request.
class HardwareController : public QObject {
    Q_OBJECT
public:
    HardwareController(MatrixController *matrix, HardwareDock *dock, QObject *parent = nullptr);
    // Probes this machine, or reads a captured folder (tests/fixtures/hardware/*)
    // when VARIANT_STUDIO_HARDWARE_DIR is set.
    void start();
    void setProfile(const HostProfile &profile);
    bool hasProfile() const { return m_known; }
    const HostProfile &profile() const { return m_profile; }
    // Switches the slice to the branch's best CUDA for this machine and selects the recommended cell.
    bool goToMyCell();
    // Recomputes marks and warnings (after a branch or slice change).
    void refresh();

signals:
    void probed();

private:
    Recommendation recommendation() const;

    MatrixController *m_matrix;
    HardwareDock *m_dock;
    QFutureWatcher<HostProfile> m_probe;
    HostProfile m_profile;
    bool m_known = false;
    bool m_refreshing = false;
};

} // namespace vs
