// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QString>

#include <initializer_list>
#include <vector>

namespace md {

struct YamlEntry;

/// A YAML value as MLflow's `meta.yaml` files hold it: null, a plain scalar written as is (a
/// number), a string (quoted only where YAML needs it), a sequence, or a mapping whose keys keep
/// their file order (they are sorted when written, as MLflow's dumper does).
///
/// The special members and everything that creates or destroys a YamlValue are defined out of
/// line, after YamlEntry is complete: clang (14, with libstdc++ 12's constexpr std::vector)
/// instantiates the members' destructors where the class's own are implicitly declared, and
/// rejects a container of a type that is still incomplete there.
struct YamlValue {
    enum class Kind { Null, Plain, Str, Seq, Map };
    Kind kind = Kind::Null;
    QString text;                    ///< Plain: written as is (numbers …); Str: a string
    std::vector<YamlValue> items;    ///< Seq
    std::vector<YamlEntry> entries;  ///< Map, in file order (sorted when written)

    YamlValue();
    YamlValue(const YamlValue &);
    YamlValue(YamlValue &&) noexcept;
    YamlValue &operator=(const YamlValue &);
    YamlValue &operator=(YamlValue &&) noexcept;
    ~YamlValue();

    static YamlValue null();
    static YamlValue integer(qint64 v);
    static YamlValue str(const QString &s);
    /// A string, or null when empty (MLflow's None for fields that were never set).
    static YamlValue strOrNull(const QString &s);
    /// A mapping, with `entries` in this order.
    static YamlValue map(std::initializer_list<YamlEntry> entries = {});
    /// A sequence of strings.
    static YamlValue strings(const QStringList &items);
    static YamlValue seq();

    /// Sets `key` to `v`, in place when the key exists, else appended. Returns this mapping.
    YamlValue &set(const QString &key, YamlValue v);
    /// The value of `key`, or nullptr when the mapping has no such key.
    const YamlValue *get(const QString &key) const;
    /// The text of a scalar field; empty for null or missing.
    QString scalar(const QString &key) const;
};

/// One key of a YAML mapping.
struct YamlEntry {
    QString key;
    YamlValue value;
};

/// MLflow's YAML: what its FileStore writes with `yaml.safe_dump(…, default_flow_style=False,
/// allow_unicode=True)` — PyYAML's representer and resolver on top of libyaml's emitter — and
/// reads back. The file store's reader, its writer, the demo store and the data generator all
/// write through these, so none of them can drift from what MLflow reads.
namespace mlflowyaml {

/// The bytes MLflow writes for `mapping`: keys sorted by code point, block style, 2-space
/// indentation, a sequence inside a mapping not indented, empty collections as `[]`/`{}`, strings
/// quoted only where YAML 1.1 would read them as something else (`'1'`, `''`, `'null'`), long
/// lines folded at a space past column 80, characters outside the BMP escaped. Example:
/// {"experiment_id": str("1"), "status": integer(3)} is "experiment_id: '1'\nstatus: 3\n".
QByteArray dump(const YamlValue &mapping);

/// PyYAML's implicit resolvers (YAML 1.1): does a plain scalar with this text read back as a
/// string (not a bool, number, null or timestamp)?
bool plainReadsAsString(const QString &text);

/// Parses a document whose top level is a mapping; a quoted scalar, or a plain one that reads as
/// a string, becomes Str, any other scalar Plain. BadInput naming `where` (and the line, when
/// yaml-cpp gives one) for text that is not YAML or not a mapping.
Result<YamlValue> parse(const QByteArray &bytes, const QString &where);

/// parse() of the file at `path`; NotFound when it is missing, Storage when it cannot be read.
Result<YamlValue> load(const QString &path);

} // namespace mlflowyaml

} // namespace md
