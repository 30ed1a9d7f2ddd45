// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/filestore/FileStoreWriter.h"

#include "core/AtomicFile.h"
#include "sources/filestore/FileStoreSource.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <fcntl.h>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace md {

namespace {

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(FileStoreWriter)
};

qsizetype codePoints(const QString &s) { return s.toUcs4().size(); }

Error badInput(const QString &message, const QString &field) { return makeError(ErrorCategory::BadInput, message, field); }

} // namespace

// ---------------------------------------------------------------------------------------------
// MLflow's validation rules (mlflow/utils/validation.py)

namespace registryrules {

namespace {

/// Python's posixpath.normpath.
QString posixNormpath(const QString &path)
{
    if (path.isEmpty())
        return u"."_s;
    int initialSlashes = path.startsWith(u'/') ? 1 : 0;
    if (initialSlashes && path.startsWith(u"//"_s) && !path.startsWith(u"///"_s))
        initialSlashes = 2;
    QStringList out;
    for (const QString &comp : path.split(u'/')) {
        if (comp.isEmpty() || comp == u"."_s)
            continue;
        if (comp != u".."_s || (!initialSlashes && out.isEmpty()) || (!out.isEmpty() && out.last() == u".."_s))
            out.append(comp);
        else if (!out.isEmpty())
            out.removeLast();
    }
    QString result = QString(initialSlashes, u'/') + out.join(u'/');
    return result.isEmpty() ? u"."_s : result;
}

} // namespace

Status checkModelName(const QString &name)
{
    if (name.isEmpty())
        return badInput(Tr::tr("the registered model name cannot be empty"), u"name"_s);
    return {};
}

Status checkTagKey(const QString &key, const QString &field)
{
    // Python's \w is Unicode-aware: letters, digits and '_' of any script.
    static const QRegularExpression valid(u"\\A[/\\w.\\- ]*\\z"_s, QRegularExpression::UseUnicodePropertiesOption);
    if (!valid.match(key).hasMatch())
        return badInput(Tr::tr("invalid tag name '%1': names may only contain alphanumerics, underscores (_), "
                               "dashes (-), periods (.), spaces ( ) and slashes (/)")
                                .arg(key),
                        field);
    const QString norm = posixNormpath(key);
    if (norm != key || norm == u"."_s || norm.startsWith(u".."_s) || norm.startsWith(u'/'))
        return badInput(Tr::tr("invalid tag name '%1': it would resolve to the path '%2'").arg(key, norm), field);
    if (codePoints(key) > 250)
        return badInput(Tr::tr("the tag name has %1 characters, more than the limit of 250").arg(codePoints(key)),
                        field);
    return {};
}

Status checkTagValue(const QString &value, const QString &field)
{
    if (codePoints(value) > 5000)
        return badInput(Tr::tr("the tag value has %1 characters, more than the limit of 5000").arg(codePoints(value)),
                        field);
    return {};
}

Status checkAlias(const QString &alias)
{
    static const QRegularExpression valid(u"\\A[\\w\\-]*\\z"_s, QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression versionLike(u"\\A[vV]\\d+\\z"_s);
    if (alias.isEmpty())
        return badInput(Tr::tr("the alias cannot be empty"), u"alias"_s);
    if (!valid.match(alias).hasMatch())
        return badInput(Tr::tr("invalid alias '%1': names may only contain alphanumerics, underscores (_) and "
                               "dashes (-)")
                                .arg(alias),
                        u"alias"_s);
    if (codePoints(alias) > 255)
        return badInput(Tr::tr("the alias has %1 characters, more than the limit of 255").arg(codePoints(alias)),
                        u"alias"_s);
    if (alias.compare(u"latest"_s, Qt::CaseInsensitive) == 0)
        return badInput(Tr::tr("the alias 'latest' (in any case) is reserved"), u"alias"_s);
    if (versionLike.match(alias).hasMatch())
        return badInput(Tr::tr("the version alias '%1' is reserved").arg(alias), u"alias"_s);
    return {};
}

Result<QString> canonicalStage(const QString &stage)
{
    for (const QString *s : {&kStageNone, &kStageStaging, &kStageProduction, &kStageArchived})
        if (stage.compare(*s, Qt::CaseInsensitive) == 0)
            return *s;
    return badInput(Tr::tr("invalid stage '%1': it must be one of None, Staging, Production, Archived").arg(stage),
                    u"stage"_s);
}

Status checkArchiveExisting(const QString &canonical, bool archiveExisting)
{
    if (archiveExisting && canonical != kStageStaging && canonical != kStageProduction)
        return badInput(Tr::tr("existing versions can only be archived when moving to Staging or Production, not %1")
                                .arg(canonical),
                        u"archive_existing_versions"_s);
    return {};
}

Result<std::optional<std::pair<QString, qint64>>> modelsUriTarget(const QString &source)
{
    // urllib.parse.urlparse: the scheme is what precedes the first ':' and is case-insensitive.
    const qsizetype colon = source.indexOf(u':');
    if (colon <= 0 || source.left(colon).compare(u"models"_s, Qt::CaseInsensitive) != 0)
        return std::optional<std::pair<QString, qint64>>();
    QString path = source.mid(colon + 1);
    while (path.startsWith(u'/'))
        path.remove(0, 1);
    const QStringList parts = path.split(u'/');
    bool ok = false;
    const qint64 version = parts.size() == 2 ? parts[1].toLongLong(&ok) : 0;
    // MLflow's stores only resolve models:/<name>/<version>; stages and aliases fail there too.
    if (!ok || parts[0].isEmpty() || version <= 0)
        return badInput(Tr::tr("cannot resolve the model URI '%1': only models:/<name>/<version> can be registered "
                               "from the registry")
                                .arg(source),
                        u"source"_s);
    return std::optional<std::pair<QString, qint64>>(std::pair{parts[0], version});
}

} // namespace registryrules

// ---------------------------------------------------------------------------------------------
// YAML as MLflow writes it: yaml.dump(..., Dumper=CSafeDumper, default_flow_style=False,
// allow_unicode=True), i.e. PyYAML's representer and resolver on top of libyaml's emitter.

namespace {

struct YEntry;

// The special members and everything that creates or destroys a YValue are defined out of line,
// after YEntry is complete: clang (14, with libstdc++ 12's constexpr std::vector) instantiates
// the members' destructors where the class's own are implicitly declared, and rejects a
// container of a type that is still incomplete there (std::pair<QString, YValue> was one).
/// A YAML value as MLflow's meta.yaml files hold it.
struct YValue {
    enum class Kind { Null, Plain, Str, Seq, Map };
    Kind kind = Kind::Null;
    QString text;                 ///< Plain: written as is (numbers …); Str: a string
    std::vector<YValue> items;    ///< Seq
    std::vector<YEntry> entries;  ///< Map, in file order (sorted when written)

    YValue();
    YValue(const YValue &);
    YValue(YValue &&) noexcept;
    YValue &operator=(const YValue &);
    YValue &operator=(YValue &&) noexcept;
    ~YValue();

    static YValue null();
    static YValue integer(qint64 v);
    static YValue str(const QString &s);
    /// A string, or null when empty (MLflow's None for fields that were never set).
    static YValue strOrNull(const QString &s);
    static YValue map();
    static YValue seq();

    /// Sets `key` to `v`, in place when the key exists, else appended.
    void set(const QString &key, YValue v);
    /// The value of `key`, or nullptr when the mapping has no such key.
    const YValue *get(const QString &key) const;
    /// The text of a scalar field; empty for null or missing.
    QString scalar(const QString &key) const;
};

/// One key of a YAML mapping.
struct YEntry {
    QString key;
    YValue value;
};

YValue::YValue() = default;
YValue::YValue(const YValue &) = default;
YValue::YValue(YValue &&) noexcept = default;
YValue &YValue::operator=(const YValue &) = default;
YValue &YValue::operator=(YValue &&) noexcept = default;
YValue::~YValue() = default;

YValue YValue::null() { return {}; }
YValue YValue::integer(qint64 v)
{
    YValue y;
    y.kind = Kind::Plain;
    y.text = QString::number(v);
    return y;
}
YValue YValue::str(const QString &s)
{
    YValue y;
    y.kind = Kind::Str;
    y.text = s;
    return y;
}
YValue YValue::strOrNull(const QString &s) { return s.isEmpty() ? null() : str(s); }
YValue YValue::map()
{
    YValue y;
    y.kind = Kind::Map;
    return y;
}
YValue YValue::seq()
{
    YValue y;
    y.kind = Kind::Seq;
    return y;
}

void YValue::set(const QString &key, YValue v)
{
    for (YEntry &e : entries)
        if (e.key == key) {
            e.value = std::move(v);
            return;
        }
    entries.push_back(YEntry{key, std::move(v)});
}
const YValue *YValue::get(const QString &key) const
{
    for (const YEntry &e : entries)
        if (e.key == key)
            return &e.value;
    return nullptr;
}
QString YValue::scalar(const QString &key) const
{
    const YValue *v = get(key);
    return v && (v->kind == Kind::Str || v->kind == Kind::Plain) ? v->text : QString();
}

bool matches(const QRegularExpression &re, const QString &s) { return re.match(s).hasMatch(); }

/// PyYAML's implicit resolvers (YAML 1.1): does a plain scalar with this text read back as a string?
bool plainIsString(const QString &s)
{
    static const QRegularExpression boolRe(
        u"\\A(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)\\z"_s);
    static const QRegularExpression floatRe(
        u"\\A(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
        "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))\\z"_s);
    static const QRegularExpression intRe(
        u"\\A(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
        "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)\\z"_s);
    static const QRegularExpression nullRe(u"\\A(?:~|null|Null|NULL|)\\z"_s);
    static const QRegularExpression timestampRe(
        u"\\A(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
        "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
        "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)\\z"_s);
    if (s == u"<<"_s || s == u"="_s)
        return false;
    for (const QRegularExpression *re : {&boolRe, &floatRe, &intRe, &nullRe, &timestampRe})
        if (matches(*re, s))
            return false;
    return true;
}

bool isBreak(char32_t c) { return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029; }
bool isBlankZ(const std::u32string &s, size_t i)
{
    return i >= s.size() || s[i] == ' ' || s[i] == '\t' || isBreak(s[i]) || s[i] == 0;
}

/// libyaml's IS_PRINTABLE: characters outside the BMP are not, so PyYAML escapes emoji as \U….
bool isPrintable(char32_t c)
{
    return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
}

enum class Style { Plain, Single, Double };

/// libyaml's yaml_emitter_analyze_scalar + yaml_emitter_select_scalar_style for a block context.
Style chooseStyle(const std::u32string &s, bool plainImplicit, bool simpleKey)
{
    bool multiline = false;
    bool blockPlain = true;
    bool singleQuoted = true;
    if (!s.empty()) {
        bool blockIndicators = false;
        bool specialCharacters = false;
        bool lineBreaks = false;
        bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
        bool breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
        const size_t n = s.size();
        if (n >= 3 && ((s[0] == '-' && s[1] == '-' && s[2] == '-') || (s[0] == '.' && s[1] == '.' && s[2] == '.')))
            blockIndicators = true;
        for (size_t i = 0; i < n; ++i) {
            const char32_t c = s[i];
            const bool precededByWhitespace = i == 0 || isBlankZ(s, i - 1);
            const bool followedByWhitespace = isBlankZ(s, i + 1);
            if (i == 0) {
                if (std::u32string_view(U"#,[]{}&*!|>'\"%@`").find(c) != std::u32string_view::npos)
                    blockIndicators = true;
                if ((c == '?' || c == ':') && followedByWhitespace)
                    blockIndicators = true;
                if (c == '-' && followedByWhitespace)
                    blockIndicators = true;
            } else {
                if (c == ':' && followedByWhitespace)
                    blockIndicators = true;
                if (c == '#' && precededByWhitespace)
                    blockIndicators = true;
            }
            if (!isPrintable(c))
                specialCharacters = true;
            if (isBreak(c))
                lineBreaks = true;
            if (c == ' ') {
                if (i == 0)
                    leadingSpace = true;
                if (i == n - 1)
                    trailingSpace = true;
                if (previousBreak)
                    breakSpace = true;
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(c)) {
                if (i == 0)
                    leadingBreak = true;
                if (i == n - 1)
                    trailingBreak = true;
                if (previousSpace)
                    spaceBreak = true;
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = previousBreak = false;
            }
        }
        multiline = lineBreaks;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
            blockPlain = false;
        if (breakSpace)
            blockPlain = singleQuoted = false;
        if (spaceBreak || specialCharacters)
            blockPlain = singleQuoted = false;
        if (lineBreaks || blockIndicators)
            blockPlain = false;
    }
    if (simpleKey && multiline)
        return Style::Double;
    Style style = Style::Plain;
    if (!blockPlain || (s.empty() && simpleKey) || !plainImplicit)
        style = Style::Single;
    if (style == Style::Single && !singleQuoted)
        style = Style::Double;
    return style;
}

/// Writes YAML text, tracking the column as libyaml does (one per character).
class Emitter {
public:
    static constexpr int kBestWidth = 80;

    QString finish()
    {
        if (m_column > 0)
            newline();
        return m_out;
    }

    void put(char32_t c)
    {
        m_out.append(QString::fromUcs4(&c, 1));
        ++m_column;
    }
    void puts(const char *ascii)
    {
        for (; *ascii; ++ascii)
            put(char32_t(*ascii));
    }
    void newline()
    {
        m_out.append(u'\n');
        m_column = 0;
    }
    /// libyaml's write_indent: a new line unless at its start, then spaces up to `indent`.
    void indentTo(int indent)
    {
        if (m_column > 0)
            newline();
        while (m_column < indent)
            put(' ');
    }

    void scalar(const YValue &v, int indent, bool simpleKey)
    {
        if (v.kind == YValue::Kind::Null) {
            puts("null");
            return;
        }
        if (v.kind == YValue::Kind::Plain) {
            for (char32_t c : v.text.toStdU32String())
                put(c);
            return;
        }
        const std::u32string s = v.text.toStdU32String();
        switch (chooseStyle(s, plainIsString(v.text), simpleKey)) {
        case Style::Plain:
            writePlain(s, indent, !simpleKey);
            break;
        case Style::Single:
            writeSingle(s, indent, !simpleKey);
            break;
        case Style::Double:
            writeDouble(s, indent, !simpleKey);
            break;
        }
    }

    /// A block mapping whose keys start at `indent`; `inlineFirst` when the first key continues
    /// the current line (a mapping inside a sequence item).
    void map(const YValue &m, int indent, bool inlineFirst)
    {
        std::vector<const YEntry *> sorted;
        for (const YEntry &e : m.entries)
            sorted.push_back(&e);
        // PyYAML sorts keys as Python compares str: by code point, which is UTF-8 byte order.
        std::sort(sorted.begin(), sorted.end(),
                  [](const YEntry *a, const YEntry *b) { return a->key.toUtf8() < b->key.toUtf8(); });
        bool first = true;
        for (const auto *e : sorted) {
            if (!(first && inlineFirst))
                indentTo(indent);
            first = false;
            scalar(YValue::str(e->key), indent + 2, true);
            put(':');
            value(e->value, indent);
        }
    }

private:
    /// The value after "key:" of a mapping at `indent`.
    void value(const YValue &v, int indent)
    {
        switch (v.kind) {
        case YValue::Kind::Seq:
            if (v.items.empty()) {
                puts(" []");
                return;
            }
            // PyYAML writes a sequence inside a mapping without indenting it ("- item").
            sequence(v, indent);
            return;
        case YValue::Kind::Map:
            if (v.entries.empty()) {
                puts(" {}");
                return;
            }
            map(v, indent + 2, false);
            return;
        default:
            put(' ');
            scalar(v, indent + 2, false);
        }
    }

    void sequence(const YValue &s, int indent)
    {
        for (const YValue &item : s.items) {
            indentTo(indent);
            put('-');
            switch (item.kind) {
            case YValue::Kind::Seq:
                if (item.items.empty())
                    puts(" []");
                else {
                    put(' ');
                    sequenceInline(item, indent + 2);
                }
                break;
            case YValue::Kind::Map:
                if (item.entries.empty())
                    puts(" {}");
                else {
                    put(' ');
                    map(item, indent + 2, true);
                }
                break;
            default:
                put(' ');
                scalar(item, indent + 2, false);
            }
        }
    }
    void sequenceInline(const YValue &s, int indent)
    {
        bool first = true;
        for (const YValue &item : s.items) {
            if (!first)
                indentTo(indent);
            first = false;
            put('-');
            put(' ');
            if (item.kind == YValue::Kind::Map && !item.entries.empty())
                map(item, indent + 2, true);
            else if (item.kind == YValue::Kind::Map)
                puts("{}");
            else if (item.kind == YValue::Kind::Seq && !item.items.empty())
                sequenceInline(item, indent + 2);
            else if (item.kind == YValue::Kind::Seq)
                puts("[]");
            else
                scalar(item, indent + 2, false);
        }
    }

    // The three writers follow libyaml's yaml_emitter_write_plain / _single_quoted / _double_quoted,
    // including where they fold a long line at a space (past column 80).
    void writePlain(const std::u32string &s, int indent, bool allowBreaks)
    {
        bool spaces = false;
        for (size_t i = 0; i < s.size(); ++i) {
            const char32_t c = s[i];
            if (c == ' ') {
                if (allowBreaks && !spaces && m_column > kBestWidth && !(i + 1 < s.size() && s[i + 1] == ' '))
                    indentTo(indent);
                else
                    put(c);
                spaces = true;
            } else {
                put(c);
                spaces = false;
            }
        }
    }

    void writeSingle(const std::u32string &s, int indent, bool allowBreaks)
    {
        put('\'');
        bool spaces = false;
        bool breaks = false;
        for (size_t i = 0; i < s.size(); ++i) {
            const char32_t c = s[i];
            if (c == ' ') {
                if (allowBreaks && !spaces && m_column > kBestWidth && i != 0 && i != s.size() - 1
                    && s[i + 1] != ' ')
                    indentTo(indent);
                else
                    put(c);
                spaces = true;
            } else if (isBreak(c)) {
                if (!breaks && c == '\n')
                    newline();
                if (c == '\n') {
                    newline();
                } else {
                    put(c);
                    m_column = 0;
                }
                breaks = true;
            } else {
                if (breaks)
                    indentTo(indent);
                if (c == '\'')
                    put('\'');
                put(c);
                spaces = false;
                breaks = false;
            }
        }
        if (breaks)
            indentTo(indent);
        put('\'');
    }

    void writeDouble(const std::u32string &s, int indent, bool allowBreaks)
    {
        put('"');
        bool spaces = false;
        for (size_t i = 0; i < s.size(); ++i) {
            const char32_t c = s[i];
            if (!isPrintable(c) || c == 0xFEFF || isBreak(c) || c == '"' || c == '\\') {
                put('\\');
                switch (c) {
                case 0x00: put('0'); break;
                case 0x07: put('a'); break;
                case 0x08: put('b'); break;
                case 0x09: put('t'); break;
                case 0x0A: put('n'); break;
                case 0x0B: put('v'); break;
                case 0x0C: put('f'); break;
                case 0x0D: put('r'); break;
                case 0x1B: put('e'); break;
                case 0x22: put('"'); break;
                case 0x5C: put('\\'); break;
                case 0x85: put('N'); break;
                case 0xA0: put('_'); break;
                case 0x2028: put('L'); break;
                case 0x2029: put('P'); break;
                default: {
                    int width = 8;
                    if (c <= 0xFF) {
                        put('x');
                        width = 2;
                    } else if (c <= 0xFFFF) {
                        put('u');
                        width = 4;
                    } else {
                        put('U');
                    }
                    for (int k = (width - 1) * 4; k >= 0; k -= 4) {
                        const unsigned digit = (unsigned(c) >> k) & 0x0F;
                        put(char32_t(digit < 10 ? '0' + digit : 'A' + digit - 10));
                    }
                }
                }
                spaces = false;
            } else if (c == ' ') {
                if (allowBreaks && !spaces && m_column > kBestWidth && i != 0 && i != s.size() - 1) {
                    indentTo(indent);
                    if (s[i + 1] == ' ')
                        put('\\');
                } else {
                    put(c);
                }
                spaces = true;
            } else {
                put(c);
                spaces = false;
            }
        }
        put('"');
    }

    QString m_out;
    int m_column = 0;
};

QByteArray emitDocument(const YValue &root)
{
    Emitter e;
    e.map(root, 0, false);
    return e.finish().toUtf8();
}

YValue fromNode(const YAML::Node &n)
{
    switch (n.Type()) {
    case YAML::NodeType::Scalar: {
        const QString text = QString::fromStdString(n.Scalar());
        // yaml-cpp tags quoted scalars "!" and plain ones "?": a quoted scalar is a string.
        if (n.Tag() == "!" || plainIsString(text))
            return YValue::str(text);
        YValue v;
        v.kind = YValue::Kind::Plain;
        v.text = text;
        return v;
    }
    case YAML::NodeType::Sequence: {
        YValue v = YValue::seq();
        for (const auto &item : n)
            v.items.push_back(fromNode(item));
        return v;
    }
    case YAML::NodeType::Map: {
        YValue v = YValue::map();
        for (const auto &kv : n)
            v.entries.push_back(YEntry{QString::fromStdString(kv.first.Scalar()), fromNode(kv.second)});
        return v;
    }
    default:
        return YValue::null();
    }
}

Result<QByteArray> readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (!f.exists())
            return makeError(ErrorCategory::NotFound, Tr::tr("the file is missing"), path);
        return makeError(ErrorCategory::Storage, Tr::tr("cannot read the file: %1").arg(f.errorString()), path);
    }
    return f.readAll();
}

Result<YValue> loadMeta(const QString &path)
{
    auto bytes = readAll(path);
    if (!bytes)
        return bytes.error();
    try {
        const YAML::Node node = YAML::Load(bytes->toStdString());
        if (!node.IsMap())
            return makeError(ErrorCategory::BadInput, Tr::tr("the file is empty or not a YAML mapping"), path);
        return fromNode(node);
    } catch (const YAML::Exception &e) {
        const QString where = e.mark.is_null() ? path : path + u':' + QString::number(e.mark.line + 1);
        return makeError(ErrorCategory::BadInput, Tr::tr("not valid YAML: %1").arg(QString::fromStdString(e.msg)),
                         where);
    }
}

Error ioError(int e, const QString &what, const QString &path)
{
    return makeError(e == EACCES || e == EPERM || e == EROFS ? ErrorCategory::Permission : ErrorCategory::Storage,
                     Tr::tr("%1: %2").arg(what, QString::fromLocal8Bit(std::strerror(e))), path);
}

/// fsync a folder so that a rename or new entry in it is durable.
Status syncFolder(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return ioError(errno, Tr::tr("cannot open the folder to sync it"), dir);
    const int rc = ::fsync(fd);
    const int e = errno;
    ::close(fd);
    if (rc != 0 && e != EINVAL)
        return ioError(e, Tr::tr("cannot sync the folder"), dir);
    return {};
}

/// Creates `dir` (and missing parents), making each new entry durable.
Status makeFolders(const QString &dir)
{
    if (QFileInfo(dir).isDir())
        return {};
    const QString parent = QFileInfo(dir).absolutePath();
    if (auto s = makeFolders(parent); !s)
        return s;
    if (::mkdir(QFile::encodeName(dir).constData(), 0777) != 0 && errno != EEXIST)
        return ioError(errno, Tr::tr("cannot create the folder"), dir);
    return syncFolder(parent);
}

/// Renames the folder `from` to `to` only when `to` does not exist; false in `taken` when it did.
Status renameFolderNoReplace(const QString &from, const QString &to, bool &taken)
{
    taken = false;
    const QByteArray f = QFile::encodeName(from);
    const QByteArray t = QFile::encodeName(to);
    int rc = ::renameat2(AT_FDCWD, f.constData(), AT_FDCWD, t.constData(), RENAME_NOREPLACE);
    if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
        // A file system without RENAME_NOREPLACE: rename(2) would replace an empty folder only.
        if (QFileInfo::exists(to)) {
            errno = EEXIST;
        } else {
            rc = ::rename(f.constData(), t.constData());
        }
    }
    if (rc != 0) {
        if (errno == EEXIST || errno == ENOTEMPTY) {
            taken = true;
            return {};
        }
        return ioError(errno, Tr::tr("cannot rename the folder"), to);
    }
    return syncFolder(QFileInfo(to).absolutePath());
}

/// The files one operation replaces, with what they held before, so that a failed operation can
/// put them back.
class Undo {
public:
    Status write(const QString &path, const QByteArray &bytes)
    {
        remember(path);
        return writeFileAtomically(path, bytes);
    }
    Status remove(const QString &path)
    {
        remember(path);
        return removeFileDurably(path);
    }
    /// Puts every file back, newest first (best effort: the first failure already was reported).
    void rollback()
    {
        for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
            if (it->second)
                (void)writeFileAtomically(it->first, *it->second);
            else
                (void)removeFileDurably(it->first);
        }
        m_entries.clear();
    }

private:
    void remember(const QString &path)
    {
        for (const auto &e : m_entries)
            if (e.first == path)
                return;
        QFile f(path);
        std::optional<QByteArray> before;
        if (f.open(QIODevice::ReadOnly))
            before = f.readAll();
        m_entries.emplace_back(path, std::move(before));
    }
    std::vector<std::pair<QString, std::optional<QByteArray>>> m_entries;
};

/// Runs `body` with an Undo; rolls the written files back when it fails.
Status withUndo(const std::function<Status(Undo &)> &body)
{
    Undo undo;
    Status s = body(undo);
    if (!s)
        undo.rollback();
    return s;
}

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

constexpr QLatin1StringView kMeta("meta.yaml");
constexpr QLatin1StringView kStageDeletedInternal("Deleted_Internal");

} // namespace

// ---------------------------------------------------------------------------------------------

QByteArray FileStoreWriter::yamlDocument(const QList<KeyValue> &stringFields)
{
    YValue map = YValue::map();
    for (const KeyValue &kv : stringFields)
        map.set(kv.key, YValue::str(kv.value));
    return emitDocument(map);
}

FileStoreWriter::FileStoreWriter(QString mlrunsRoot)
    : m_root(QDir::cleanPath(QFileInfo(mlrunsRoot).absoluteFilePath()))
{
}

QString FileStoreWriter::uri() const { return FileStoreSource(m_root).uri(); }

namespace {

/// Paths and reads of one store; the checks every operation shares.
class Store {
public:
    explicit Store(const QString &root) : m_root(root) {}

    QString modelsDir() const { return m_root + u"/models"_s; }
    QString modelDir(const QString &name) const { return modelsDir() + u'/' + name; }
    QString versionDir(const QString &name, qint64 v) const
    {
        return modelDir(name) + u"/version-"_s + QString::number(v);
    }

    /// MLflow's name rules plus the file store's: the name is one folder name.
    Status checkName(const QString &name) const
    {
        if (auto s = registryrules::checkModelName(name); !s)
            return s;
        if (name.contains(u'/') || name.contains(u'\\') || name.contains(QChar(0)))
            return badInput(
                Tr::tr("invalid name '%1': a registered model name cannot contain a path separator").arg(name),
                u"name"_s);
        if (name.contains(u'%'))
            return badInput(Tr::tr("invalid name '%1': a registered model name cannot contain '%'").arg(name),
                            u"name"_s);
        if (name == u"."_s || name == u".."_s)
            return badInput(Tr::tr("invalid name '%1'").arg(name), u"name"_s);
        return {};
    }

    /// The folder of an existing model; NotFound naming it otherwise.
    Result<QString> existingModel(const QString &name) const
    {
        if (auto s = checkName(name); !s)
            return s.error();
        const QString dir = modelDir(name);
        if (!QFileInfo(dir + u'/' + kMeta).isFile())
            return makeError(ErrorCategory::NotFound, Tr::tr("there is no registered model '%1'").arg(name), dir);
        return dir;
    }

    /// The meta.yaml of an existing, not deleted version; NotFound naming it otherwise.
    Result<YValue> versionMeta(const QString &name, qint64 version) const
    {
        auto dir = existingModel(name);
        if (!dir)
            return dir.error();
        const QString vdir = versionDir(name, version);
        const Error notFound = makeError(
            ErrorCategory::NotFound, Tr::tr("registered model '%1' has no version %2").arg(name).arg(version), vdir);
        if (version <= 0 || !QFileInfo(vdir + u'/' + kMeta).isFile())
            return notFound;
        auto meta = loadMeta(vdir + u'/' + kMeta);
        if (!meta)
            return meta.error();
        if (meta->scalar(u"current_stage"_s) == kStageDeletedInternal)
            return notFound;
        return meta;
    }

    /// alias -> version text, as MLflow reads the aliases folder.
    std::map<QString, QString> aliases(const QString &modelDir) const
    {
        std::map<QString, QString> out;
        const QString dir = modelDir + u"/aliases"_s;
        QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                out[path.mid(dir.size() + 1)] = QString::fromUtf8(f.readAll());
        }
        return out;
    }

    /// The model's meta.yaml as MLflow rewrites it: its fields (unknown ones kept), the aliases
    /// read from the folder, and `lastUpdated`.
    Result<QByteArray> modelMetaBytes(const QString &modelDir, qint64 lastUpdated) const
    {
        auto meta = loadMeta(modelDir + u'/' + kMeta);
        if (!meta)
            return meta.error();
        YValue aliasMap = YValue::map();
        for (const auto &[alias, version] : aliases(modelDir))
            aliasMap.set(alias, YValue::str(version));
        meta->set(u"aliases"_s, std::move(aliasMap));
        meta->set(u"last_updated_timestamp"_s, YValue::integer(lastUpdated));
        return emitDocument(*meta);
    }

    /// A version's meta.yaml as MLflow rewrites it, with the aliases that point at it now.
    QByteArray versionMetaBytes(YValue meta, const QString &modelDir, qint64 version) const
    {
        YValue list = YValue::seq();
        for (const auto &[alias, target] : aliases(modelDir))
            if (target == QString::number(version))
                list.items.push_back(YValue::str(alias));
        meta.set(u"aliases"_s, std::move(list));
        // Never in the file: MLflow keeps tags in tags/.
        meta.entries.erase(std::remove_if(meta.entries.begin(), meta.entries.end(),
                                          [](const YEntry &e) { return e.key == u"tags"_s; }),
                           meta.entries.end());
        return emitDocument(meta);
    }

    /// Every version-<n> folder of the model, by number (deleted versions included).
    QList<qint64> versionNumbers(const QString &modelDir) const
    {
        QList<qint64> out;
        for (const QString &entry : QDir(modelDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (!entry.startsWith(u"version-"_s))
                continue;
            bool ok = false;
            const qint64 n = entry.mid(8).toLongLong(&ok);
            if (ok && n > 0)
                out.append(n);
        }
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    QString m_root;
};

} // namespace

Status FileStoreWriter::open()
{
    if (auto s = FileStoreSource(m_root).open(); !s)
        return s;
    const QString models = m_root + u"/models"_s;
    const QString probe = QFileInfo(models).isDir() ? models : m_root;
    if (!QFileInfo(probe).isWritable())
        return makeError(ErrorCategory::Permission, Tr::tr("the folder is not writable"), probe);
    return {};
}

Result<RegisteredModel> FileStoreWriter::readModel(const QString &name)
{
    Store store(m_root);
    auto dir = store.existingModel(name);
    if (!dir)
        return dir.error();
    // What cannot be read is skipped exactly as FileStoreSource skips it in a sync.
    return FileStoreSource::readModelFolder(*dir, [](const Error &) {});
}

Result<ModelVersion> FileStoreWriter::createVersion(const NewModelVersion &v)
{
    Store store(m_root);
    if (auto s = store.checkName(v.name); !s)
        return s.error();
    if (v.source.isEmpty())
        return badInput(Tr::tr("the source of the new version is empty"), u"source"_s);
    for (const KeyValue &t : v.tags) {
        if (auto s = registryrules::checkTagKey(t.key, u"tags"_s); !s)
            return s.error();
        if (auto s = registryrules::checkTagValue(t.value, u"tags"_s); !s)
            return s.error();
    }
    QString storageLocation = v.source;
    auto target = registryrules::modelsUriTarget(v.source);
    if (!target)
        return target.error();
    if (*target) {
        auto meta = store.versionMeta((*target)->first, (*target)->second);
        if (!meta)
            return meta.error();
        storageLocation = meta->scalar(u"storage_location"_s);
        if (storageLocation.isEmpty())
            storageLocation = meta->scalar(u"source"_s);
    }

    const qint64 now = nowMs();
    const QString modelDir = store.modelDir(v.name);
    if (!QFileInfo(modelDir + u'/' + kMeta).isFile()) {
        if (QFileInfo::exists(modelDir))
            return makeError(ErrorCategory::BadInput,
                             Tr::tr("the folder of registered model '%1' has no meta.yaml").arg(v.name), modelDir);
        // Built beside the store's folders under a hidden name (ignored by MLflow's readers and
        // ours), then renamed into models/ in one step: the model appears complete or not at all.
        if (auto s = makeFolders(store.modelsDir()); !s)
            return s.error();
        QByteArray tmpl = QFile::encodeName(m_root + u"/.modeldesk-new-model-XXXXXX"_s);
        if (!::mkdtemp(tmpl.data()))
            return ioError(errno, Tr::tr("cannot create a temporary folder"), m_root);
        const QString tmp = QFile::decodeName(tmpl);
        YValue meta = YValue::map();
        meta.set(u"aliases"_s, YValue::map());
        meta.set(u"creation_timestamp"_s, YValue::integer(now));
        meta.set(u"description"_s, YValue::null());
        meta.set(u"last_updated_timestamp"_s, YValue::integer(now));
        meta.set(u"name"_s, YValue::str(v.name));
        Status s = writeFileAtomically(tmp + u'/' + kMeta, emitDocument(meta));
        bool taken = false;
        if (s)
            s = renameFolderNoReplace(tmp, modelDir, taken);
        if (!s || taken)
            QDir(tmp).removeRecursively();  // taken: another writer created the model meanwhile
        if (!s)
            return s.error();
    }

    // The version folder is built under a hidden name inside the model folder (MLflow lists only
    // "version-*" folders there) and renamed to version-<n> in one step.
    QByteArray tmpl = QFile::encodeName(modelDir + u"/.modeldesk-new-version-XXXXXX"_s);
    if (!::mkdtemp(tmpl.data()))
        return ioError(errno, Tr::tr("cannot create a temporary folder"), modelDir);
    const QString tmp = QFile::decodeName(tmpl);
    auto cleanup = [&] { QDir(tmp).removeRecursively(); };
    for (const KeyValue &t : v.tags) {
        const QString path = tmp + u"/tags/"_s + t.key;
        Status s = makeFolders(QFileInfo(path).absolutePath());
        if (s)
            s = writeFileAtomically(path, t.value.toUtf8());
        if (!s) {
            cleanup();
            return s.error();
        }
    }
    qint64 number = 0;
    // Like MLflow's store, retry with the next number when another writer took this one.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const QList<qint64> existing = store.versionNumbers(modelDir);
        number = existing.isEmpty() ? 1 : existing.last() + 1;
        YValue meta = YValue::map();
        meta.set(u"aliases"_s, YValue::seq());
        meta.set(u"creation_timestamp"_s, YValue::integer(now));
        meta.set(u"current_stage"_s, YValue::str(kStageNone));
        meta.set(u"description"_s, YValue::strOrNull(v.description));
        meta.set(u"last_updated_timestamp"_s, YValue::integer(now));
        meta.set(u"name"_s, YValue::str(v.name));
        meta.set(u"run_id"_s, YValue::strOrNull(v.runId));
        meta.set(u"run_link"_s, YValue::null());
        meta.set(u"source"_s, YValue::str(v.source));
        meta.set(u"status"_s, YValue::str(u"READY"_s));
        meta.set(u"status_message"_s, YValue::null());
        meta.set(u"storage_location"_s, YValue::str(storageLocation));
        meta.set(u"user_id"_s, YValue::strOrNull(v.userId));
        meta.set(u"version"_s, YValue::integer(number));
        bool taken = false;
        Status s = writeFileAtomically(tmp + u'/' + kMeta, emitDocument(meta));
        if (s)
            s = renameFolderNoReplace(tmp, store.versionDir(v.name, number), taken);
        if (!s) {
            cleanup();
            return s.error();
        }
        if (!taken)
            break;
        if (attempt == 2) {
            cleanup();
            return makeError(ErrorCategory::Conflict,
                             Tr::tr("another client registered new versions of '%1' at the same time; try again")
                                 .arg(v.name),
                             modelDir);
        }
    }
    const QString versionDir = store.versionDir(v.name, number);
    auto modelMeta = store.modelMetaBytes(modelDir, now);
    Status s = modelMeta ? writeFileAtomically(modelDir + u'/' + kMeta, *modelMeta) : Status(modelMeta.error());
    if (!s) {
        QDir(versionDir).removeRecursively();
        (void)syncFolder(modelDir);
        return s.error();
    }

    auto model = readModel(v.name);
    if (!model)
        return model.error();
    if (const ModelVersion *mv = model->findVersion(number))
        return *mv;
    return makeError(ErrorCategory::Internal, Tr::tr("the new version %1 cannot be read back").arg(number), versionDir);
}

Status FileStoreWriter::transitionStage(const QString &name, qint64 version, const QString &stage,
                                        bool archiveExisting)
{
    auto canonical = registryrules::canonicalStage(stage);
    if (!canonical)
        return canonical.error();
    if (auto s = registryrules::checkArchiveExisting(*canonical, archiveExisting); !s)
        return s;
    Store store(m_root);
    auto target = store.versionMeta(name, version);
    if (!target)
        return target.error();
    const QString modelDir = store.modelDir(name);

    // Read everything first, so that a file we cannot parse stops the operation before any write.
    std::vector<std::pair<qint64, YValue>> others;
    if (archiveExisting) {
        for (qint64 n : store.versionNumbers(modelDir)) {
            if (n == version)
                continue;
            auto meta = loadMeta(store.versionDir(name, n) + u'/' + kMeta);
            if (!meta)
                return meta.error();
            if (meta->scalar(u"current_stage"_s) == *canonical)
                others.emplace_back(n, std::move(*meta));
        }
    }
    const qint64 now = nowMs();
    return withUndo([&](Undo &undo) -> Status {
        // The target first: a crash before the others are archived leaves two versions in the
        // stage (MLflow serves the highest), never none.
        target->set(u"current_stage"_s, YValue::str(*canonical));
        target->set(u"last_updated_timestamp"_s, YValue::integer(now));
        if (auto s = undo.write(store.versionDir(name, version) + u'/' + kMeta,
                                store.versionMetaBytes(*target, modelDir, version));
            !s)
            return s;
        for (auto &[n, meta] : others) {
            meta.set(u"current_stage"_s, YValue::str(kStageArchived));
            meta.set(u"last_updated_timestamp"_s, YValue::integer(now));
            if (auto s = undo.write(store.versionDir(name, n) + u'/' + kMeta, store.versionMetaBytes(meta, modelDir, n));
                !s)
                return s;
        }
        auto modelMeta = store.modelMetaBytes(modelDir, now);
        if (!modelMeta)
            return modelMeta.error();
        return undo.write(modelDir + u'/' + kMeta, *modelMeta);
    });
}

Status FileStoreWriter::setAlias(const QString &name, const QString &alias, qint64 version)
{
    if (auto s = registryrules::checkAlias(alias); !s)
        return s;
    Store store(m_root);
    if (auto meta = store.versionMeta(name, version); !meta)
        return meta.error();
    const QString modelDir = store.modelDir(name);
    return withUndo([&](Undo &undo) -> Status {
        if (auto s = makeFolders(modelDir + u"/aliases"_s); !s)
            return s;
        if (auto s = undo.write(modelDir + u"/aliases/"_s + alias, QByteArray::number(version)); !s)
            return s;
        auto modelMeta = store.modelMetaBytes(modelDir, nowMs());
        if (!modelMeta)
            return modelMeta.error();
        return undo.write(modelDir + u'/' + kMeta, *modelMeta);
    });
}

Status FileStoreWriter::deleteAlias(const QString &name, const QString &alias)
{
    if (auto s = registryrules::checkAlias(alias); !s)
        return s;
    Store store(m_root);
    auto modelDir = store.existingModel(name);
    if (!modelDir)
        return modelDir.error();
    const QString path = *modelDir + u"/aliases/"_s + alias;
    if (!QFileInfo(path).isFile())
        return makeError(ErrorCategory::NotFound,
                         Tr::tr("registered model '%1' has no alias '%2'").arg(name, alias), path);
    return withUndo([&](Undo &undo) -> Status {
        if (auto s = undo.remove(path); !s)
            return s;
        auto modelMeta = store.modelMetaBytes(*modelDir, nowMs());
        if (!modelMeta)
            return modelMeta.error();
        return undo.write(*modelDir + u'/' + kMeta, *modelMeta);
    });
}

Status FileStoreWriter::setVersionTag(const QString &name, qint64 version, const QString &key, const QString &value)
{
    if (auto s = registryrules::checkTagKey(key); !s)
        return s;
    if (auto s = registryrules::checkTagValue(value); !s)
        return s;
    Store store(m_root);
    if (auto meta = store.versionMeta(name, version); !meta)
        return meta.error();
    const QString modelDir = store.modelDir(name);
    const QString path = store.versionDir(name, version) + u"/tags/"_s + key;
    return withUndo([&](Undo &undo) -> Status {
        if (auto s = makeFolders(QFileInfo(path).absolutePath()); !s)
            return s;
        if (auto s = undo.write(path, value.toUtf8()); !s)
            return s;
        auto modelMeta = store.modelMetaBytes(modelDir, nowMs());
        if (!modelMeta)
            return modelMeta.error();
        return undo.write(modelDir + u'/' + kMeta, *modelMeta);
    });
}

Status FileStoreWriter::deleteVersionTag(const QString &name, qint64 version, const QString &key)
{
    if (auto s = registryrules::checkTagKey(key); !s)
        return s;
    Store store(m_root);
    if (auto meta = store.versionMeta(name, version); !meta)
        return meta.error();
    const QString modelDir = store.modelDir(name);
    const QString path = store.versionDir(name, version) + u"/tags/"_s + key;
    if (!QFileInfo(path).isFile())
        return {};
    return withUndo([&](Undo &undo) -> Status {
        if (auto s = undo.remove(path); !s)
            return s;
        auto modelMeta = store.modelMetaBytes(modelDir, nowMs());
        if (!modelMeta)
            return modelMeta.error();
        return undo.write(modelDir + u'/' + kMeta, *modelMeta);
    });
}

Status FileStoreWriter::setVersionDescription(const QString &name, qint64 version, const QString &description)
{
    Store store(m_root);
    auto meta = store.versionMeta(name, version);
    if (!meta)
        return meta.error();
    meta->set(u"description"_s, YValue::str(description));
    meta->set(u"last_updated_timestamp"_s, YValue::integer(nowMs()));
    return writeFileAtomically(store.versionDir(name, version) + u'/' + kMeta,
                               store.versionMetaBytes(*meta, store.modelDir(name), version));
}

} // namespace md
