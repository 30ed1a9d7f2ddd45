// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// modeldesk-cli's JSON output in MLflow's field names (what MLflow's REST API and its Python client
// write), so that scripts written against MLflow read it unchanged. Internal to md_cli.

#include "core/Domain.h"

#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <string>

namespace md::cli {

/// Keys keep the order they are written in, as MLflow's own JSON does.
using json = nlohmann::ordered_json;

inline std::string s(const QString &q) { return q.toStdString(); }

/// MLflow's proto3 JSON: NaN and infinities as strings ("NaN", "Infinity", "-Infinity"), numbers otherwise.
json jsonNumber(double v);
/// [{"key": …, "value": …}, …]
json keyValues(const QList<KeyValue> &kvs);
/// A run as MLflow's GetRun answers: info, data (metrics, params, tags), inputs.
json runJson(const Run &r);
/// A model version as MLflow's GetModelVersion answers (the version number as a string).
json versionJson(const ModelVersion &v);
/// A registered model's aliases as MLflow lists them: [{"alias": …, "version": "2"}, …].
json aliasesJson(const RegisteredModel &m);

} // namespace md::cli
