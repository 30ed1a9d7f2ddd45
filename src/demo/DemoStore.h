// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QString>

namespace md {

/// The bundled demo: the car-price scenario of the product's design, written deterministically
/// (same bytes every time) in MLflow's exact file-store format plus a model folder:
///   DIR/mlruns/                experiment `car_price` with 4 runs (Linear Regression 0.82,
///                              Random Forest 0.85, XGBoost 0.88, XGBoost tuned 0.89), per-fold and
///                              hold-out metrics, params, tags, dataset input, artifacts, and the
///                              registry `car_price_model` v1 Archived, v2 Archived, v3 Staging
///                              (alias challenger), v4 Production (alias champion)
///   DIR/artifacts/training/    model.pkl, model_v1..4.pkl, scaler.pkl, encoders.pkl, version.txt
/// Refuses a DIR that exists and is not empty (nothing is overwritten).
Status writeDemo(const QString &dir);

/// The URIs of the two stores writeDemo() makes under `dir`.
QString demoFileStoreUri(const QString &dir);
QString demoModelFolderUri(const QString &dir);

} // namespace md
