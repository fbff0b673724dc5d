#pragma once

#include "recipes/DeepCheck.h"

#include <QJsonObject>

namespace vs::deepcheck {

// One entry of deep-check.nix's JSON list -> Outcome. The shell text of
// preConfigure/preBuild is already evaluated by nix (no Nix comments, every
// interpolation resolved); this reads its assignments the way the build's
// shell would: the last TORCH_CUDA_ARCH_LIST wins, compiler flags accumulate.
DeepCheck::Outcome outcomeFromJson(const QString &file, const QJsonObject &entry);

// The gist of nix's error output: the last "error: …" with its "at file:line:col".
// Paths inside recipeDir are shortened to the file name.
QString nixErrorMessage(const QString &stdErr, const QString &recipeDir = {});

} // namespace vs::deepcheck
