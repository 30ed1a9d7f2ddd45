// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/filestore/MlflowYaml.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <string>
#include <string_view>

using namespace Qt::StringLiterals;

namespace md {

namespace {

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(MlflowYaml)
};

} // namespace

YamlValue::YamlValue() = default;
YamlValue::YamlValue(const YamlValue &) = default;
YamlValue::YamlValue(YamlValue &&) noexcept = default;
YamlValue &YamlValue::operator=(const YamlValue &) = default;
YamlValue &YamlValue::operator=(YamlValue &&) noexcept = default;
YamlValue::~YamlValue() = default;

YamlValue YamlValue::null() { return {}; }
YamlValue YamlValue::integer(qint64 v)
{
    YamlValue y;
    y.kind = Kind::Plain;
    y.text = QString::number(v);
    return y;
}
YamlValue YamlValue::str(const QString &s)
{
    YamlValue y;
    y.kind = Kind::Str;
    y.text = s;
    return y;
}
YamlValue YamlValue::strOrNull(const QString &s) { return s.isEmpty() ? null() : str(s); }
YamlValue YamlValue::map(std::initializer_list<YamlEntry> entries)
{
    YamlValue y;
    y.kind = Kind::Map;
    y.entries.assign(entries.begin(), entries.end());
    return y;
}
YamlValue YamlValue::strings(const QStringList &items)
{
    YamlValue y = seq();
    for (const QString &item : items)
        y.items.push_back(str(item));
    return y;
}
YamlValue YamlValue::seq()
{
    YamlValue y;
    y.kind = Kind::Seq;
    return y;
}

YamlValue &YamlValue::set(const QString &key, YamlValue v)
{
    for (YamlEntry &e : entries)
        if (e.key == key) {
            e.value = std::move(v);
            return *this;
        }
    entries.push_back(YamlEntry{key, std::move(v)});
    return *this;
}
const YamlValue *YamlValue::get(const QString &key) const
{
    for (const YamlEntry &e : entries)
        if (e.key == key)
            return &e.value;
    return nullptr;
}
QString YamlValue::scalar(const QString &key) const
{
    const YamlValue *v = get(key);
    return v && (v->kind == Kind::Str || v->kind == Kind::Plain) ? v->text : QString();
}

// ---------------------------------------------------------------------------------------------
// The emitter follows libyaml (yaml_emitter_analyze_scalar, _select_scalar_style, _write_*), with
// PyYAML's representer and resolver on top.

namespace {

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

    void scalar(const YamlValue &v, int indent, bool simpleKey)
    {
        if (v.kind == YamlValue::Kind::Null) {
            puts("null");
            return;
        }
        if (v.kind == YamlValue::Kind::Plain) {
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
    void map(const YamlValue &m, int indent, bool inlineFirst)
    {
        std::vector<const YamlEntry *> sorted;
        for (const YamlEntry &e : m.entries)
            sorted.push_back(&e);
        // PyYAML sorts keys as Python compares str: by code point, which is UTF-8 byte order.
        std::sort(sorted.begin(), sorted.end(),
                  [](const YamlEntry *a, const YamlEntry *b) { return a->key.toUtf8() < b->key.toUtf8(); });
        bool first = true;
        for (const auto *e : sorted) {
            if (!(first && inlineFirst))
                indentTo(indent);
            first = false;
            scalar(YamlValue::str(e->key), indent + 2, true);
            put(':');
            value(e->value, indent);
        }
    }

private:
    /// The value after "key:" of a mapping at `indent`.
    void value(const YamlValue &v, int indent)
    {
        switch (v.kind) {
        case YamlValue::Kind::Seq:
            if (v.items.empty()) {
                puts(" []");
                return;
            }
            // PyYAML writes a sequence inside a mapping without indenting it ("- item").
            sequence(v, indent);
            return;
        case YamlValue::Kind::Map:
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

    void sequence(const YamlValue &s, int indent)
    {
        for (const YamlValue &item : s.items) {
            indentTo(indent);
            put('-');
            switch (item.kind) {
            case YamlValue::Kind::Seq:
                if (item.items.empty())
                    puts(" []");
                else {
                    put(' ');
                    sequenceInline(item, indent + 2);
                }
                break;
            case YamlValue::Kind::Map:
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
    void sequenceInline(const YamlValue &s, int indent)
    {
        bool first = true;
        for (const YamlValue &item : s.items) {
            if (!first)
                indentTo(indent);
            first = false;
            put('-');
            put(' ');
            if (item.kind == YamlValue::Kind::Map && !item.entries.empty())
                map(item, indent + 2, true);
            else if (item.kind == YamlValue::Kind::Map)
                puts("{}");
            else if (item.kind == YamlValue::Kind::Seq && !item.items.empty())
                sequenceInline(item, indent + 2);
            else if (item.kind == YamlValue::Kind::Seq)
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

YamlValue fromNode(const YAML::Node &n)
{
    switch (n.Type()) {
    case YAML::NodeType::Scalar: {
        const QString text = QString::fromStdString(n.Scalar());
        // yaml-cpp tags quoted scalars "!" and plain ones "?": a quoted scalar is a string.
        if (n.Tag() == "!" || plainIsString(text))
            return YamlValue::str(text);
        YamlValue v;
        v.kind = YamlValue::Kind::Plain;
        v.text = text;
        return v;
    }
    case YAML::NodeType::Sequence: {
        YamlValue v = YamlValue::seq();
        for (const auto &item : n)
            v.items.push_back(fromNode(item));
        return v;
    }
    case YAML::NodeType::Map: {
        YamlValue v = YamlValue::map();
        for (const auto &kv : n)
            v.entries.push_back(YamlEntry{QString::fromStdString(kv.first.Scalar()), fromNode(kv.second)});
        return v;
    }
    default:
        return YamlValue::null();
    }
}

} // namespace

namespace mlflowyaml {

QByteArray dump(const YamlValue &mapping)
{
    Emitter e;
    e.map(mapping, 0, false);
    return e.finish().toUtf8();
}

bool plainReadsAsString(const QString &text) { return plainIsString(text); }

Result<YamlValue> parse(const QByteArray &bytes, const QString &where)
{
    try {
        const YAML::Node node = YAML::Load(bytes.toStdString());
        if (!node.IsMap())
            return makeError(ErrorCategory::BadInput, Tr::tr("the file is empty or not a YAML mapping"), where);
        return fromNode(node);
    } catch (const YAML::Exception &e) {
        const QString at = e.mark.is_null() ? where : where + u':' + QString::number(e.mark.line + 1);
        return makeError(ErrorCategory::BadInput, Tr::tr("not valid YAML: %1").arg(QString::fromStdString(e.msg)), at);
    }
}

Result<YamlValue> load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (!f.exists())
            return makeError(ErrorCategory::NotFound, Tr::tr("the file is missing"), path);
        return makeError(ErrorCategory::Storage, Tr::tr("cannot read the file: %1").arg(f.errorString()), path);
    }
    return parse(f.readAll(), path);
}

} // namespace mlflowyaml

} // namespace md
