#include "companions/BranchPairing.h"

#include <QRegularExpression>

#include <algorithm>

namespace vs {

namespace {

QString pythonWords(const QStringList &pythons)
{
    QStringList words;
    for (const QString &p : pythons)
        words << (p.size() > 1 ? p.left(1) + QLatin1Char('.') + p.mid(1) : p);
    return words.join(QLatin1String(", "));
}

struct Fit {
    const BranchTraits *pytorch = nullptr;
    int score = 0;
    QStringList why;
};

// nullopt-like: score < 0 means the branches cannot go together.
Fit fit(const BranchTraits &companion, const BranchTraits &pytorch)
{
    Fit f;
    f.pytorch = &pytorch;
    const bool overlap
        = std::any_of(companion.pythons.begin(), companion.pythons.end(), [&](const QString &p) { return pytorch.pythons.contains(p); });
    if (!companion.pythons.isEmpty() && !pytorch.pythons.isEmpty() && !overlap) {
        f.score = -1;
        return f;
    }
    if (!companion.releaseLine.isEmpty() && !pytorch.releaseLine.isEmpty()) {
        if (companion.releaseLine != pytorch.releaseLine) {
            f.score = -1;
            return f;
        }
        f.score += 4;
        f.why << QStringLiteral("PyTorch %1 in both branch names").arg(companion.releaseLine);
    }
    if (!companion.pin.isEmpty() && companion.pin == pytorch.pin) {
        f.score += 2;
        f.why << QStringLiteral("the same nixpkgs pin %1").arg(companion.pin.left(8));
    }
    if (!companion.pythons.isEmpty() && companion.pythons == pytorch.pythons) {
        f.score += 1;
        f.why << QStringLiteral("Python %1").arg(pythonWords(companion.pythons));
    } else if (overlap) {
        f.why << QStringLiteral("Python versions overlap");
    }
    return f;
}

} // namespace

BranchTraits BranchTraits::of(const BranchScan &branch)
{
    static const QRegularExpression line(QStringLiteral("(?:^|[-_/])(?:py)?torch-?(\\d+\\.\\d+)"));
    BranchTraits t;
    t.branch = branch.name;
    if (const QRegularExpressionMatch m = line.match(branch.name); m.hasMatch())
        t.releaseLine = m.captured(1);
    for (const RecipeFile &r : branch.recipes)
        if (r.variant && r.state != RecipeFile::State::Deleted && !t.pythons.contains(r.variant->python))
            t.pythons << r.variant->python;
    t.pythons.sort();
    t.pin = branch.mostCommonNixpkgsRev;
    return t;
}

QString BranchPairing::statedAt(const StatedPair &stated)
{
    return stated.defined.file.isEmpty() ? QStringLiteral(".flox/variant-studio.yaml")
                                         : QStringLiteral("%1:%2").arg(stated.defined.file).arg(stated.defined.line);
}

QList<BranchPair> BranchPairing::pair(const QList<BranchScan> &pytorch, const QList<BranchScan> &companion, const QList<StatedPair> &stated)
{
    QList<BranchTraits> candidates;
    for (const BranchScan &b : pytorch)
        candidates << BranchTraits::of(b);
    QList<BranchPair> pairs;
    for (const BranchScan &b : companion) {
        BranchPair p;
        p.companionBranch = b.name;
        const auto it = std::find_if(stated.begin(), stated.end(), [&](const StatedPair &s) { return s.companionBranch == b.name; });
        if (it != stated.end()) {
            const bool exists
                = std::any_of(candidates.begin(), candidates.end(), [&](const BranchTraits &t) { return t.branch == it->pytorchBranch; });
            const QString where = statedAt(*it);
            p.pytorchBranch = exists ? it->pytorchBranch : QString();
            p.stated = true;
            p.reason = exists
                ? QStringLiteral("stated in %1").arg(where)
                : QStringLiteral("%1 pairs it with '%2', which the PyTorch repository does not have").arg(where, it->pytorchBranch);
            pairs << p;
            continue;
        }
        const BranchTraits traits = BranchTraits::of(b);
        QList<Fit> fits;
        for (const BranchTraits &c : std::as_const(candidates))
            if (Fit f = fit(traits, c); f.score >= 0)
                fits << f;
        if (fits.isEmpty()) {
            p.reason = traits.pythons.isEmpty()
                ? QStringLiteral("no PyTorch branch fits")
                : QStringLiteral("no PyTorch branch has Python %1%2")
                      .arg(pythonWords(traits.pythons),
                          traits.releaseLine.isEmpty() ? QString() : QStringLiteral(" for PyTorch %1").arg(traits.releaseLine));
            pairs << p;
            continue;
        }
        const int best = std::max_element(fits.begin(), fits.end(), [](const Fit &a, const Fit &c) { return a.score < c.score; })->score;
        QList<Fit> top;
        for (const Fit &f : std::as_const(fits))
            if (f.score == best)
                top << f;
        const auto sameName = std::find_if(top.begin(), top.end(), [&](const Fit &f) { return f.pytorch->branch == b.name; });
        const Fit chosen = sameName != top.end() ? *sameName : top.first();
        p.pytorchBranch = chosen.pytorch->branch;
        QStringList why = chosen.why;
        if (top.size() > 1) {
            QStringList names;
            for (const Fit &f : std::as_const(top))
                names << f.pytorch->branch;
            why << (sameName != top.end()
                    ? QStringLiteral("the same name among %1 that fit equally").arg(names.join(QLatin1String(", ")))
                    : QStringLiteral("the first of %1 that fit equally; state the pairing in .flox/variant-studio.yaml")
                          .arg(names.join(QLatin1String(", "))));
        }
        p.reason = why.isEmpty() ? QStringLiteral("the only branch that fits") : why.join(QLatin1String("; "));
        pairs << p;
    }
    return pairs;
}

const BranchPair *BranchPairing::find(const QList<BranchPair> &pairs, const QString &companionBranch)
{
    for (const BranchPair &p : pairs)
        if (p.companionBranch == companionBranch)
            return &p;
    return nullptr;
}

} // namespace vs
