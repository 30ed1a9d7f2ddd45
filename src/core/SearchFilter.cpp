// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchFilter.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace md {

namespace {

struct EntityAlias {
    QLatin1String name;
    SearchEntity entity;
};

// MLflow's _VALID_IDENTIFIERS; matched case-sensitively like MLflow does.
constexpr EntityAlias kEntityAliases[] = {
    { "metric"_L1, SearchEntity::Metric },
    { "metrics"_L1, SearchEntity::Metric },
    { "param"_L1, SearchEntity::Param },
    { "params"_L1, SearchEntity::Param },
    { "parameter"_L1, SearchEntity::Param },
    { "parameters"_L1, SearchEntity::Param },
    { "tag"_L1, SearchEntity::Tag },
    { "tags"_L1, SearchEntity::Tag },
    { "attribute"_L1, SearchEntity::Attribute },
    { "attributes"_L1, SearchEntity::Attribute },
    { "attr"_L1, SearchEntity::Attribute },
    { "run"_L1, SearchEntity::Attribute },
    { "dataset"_L1, SearchEntity::Dataset },
    { "datasets"_L1, SearchEntity::Dataset },
};

const QStringList &stringAttributes()
{
    static const QStringList l = { u"run_id"_s, u"run_name"_s, u"status"_s, u"user_id"_s, u"artifact_uri"_s };
    return l;
}

const QStringList &numericAttributes()
{
    static const QStringList l = { u"start_time"_s, u"end_time"_s };
    return l;
}

const QStringList &datasetFields()
{
    static const QStringList l = { u"name"_s, u"digest"_s, u"context"_s };
    return l;
}

/// MLflow's translate_key_alias plus the check against the searchable attributes.
std::optional<QString> canonicalAttribute(const QString &key)
{
    if (key == "created"_L1 || key == "Created"_L1)
        return u"start_time"_s;
    if (key == "run name"_L1 || key == "Run name"_L1 || key == "Run Name"_L1)
        return u"run_name"_s;
    if (stringAttributes().contains(key) || numericAttributes().contains(key))
        return key;
    return std::nullopt;
}

bool isWordStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

bool isQuote(QChar c)
{
    return c == u'\'' || c == u'"' || c == u'`';
}

QString quoted(const QString &s)
{
    return u"'"_s + s + u"'"_s;
}

/// A hand-written scanner + recursive-descent parser over one filter or one order-by clause.
/// Every error records the 0-based position it points at.
class Parser {
    Q_DECLARE_TR_FUNCTIONS(SearchFilter)

public:
    enum class Mode { Filter, OrderBy };

    Parser(const QString &text, QString where, Mode mode)
        : m_s(text)
        , m_where(std::move(where))
        , m_endName(mode == Mode::Filter ? tr("the end of the filter") : tr("the end of the sort clause"))
    {
    }

    struct Identifier {
        SearchEntity entity = SearchEntity::Attribute;
        QString key;
        qsizetype start = 0;
    };

    std::optional<Error> error;

    bool atEnd() const { return m_pos >= m_s.size(); }
    qsizetype pos() const { return m_pos; }

    void skipSpace()
    {
        while (!atEnd() && m_s.at(m_pos).isSpace())
            ++m_pos;
    }

    void fail(qsizetype at, const QString &message)
    {
        if (!error)
            error = makeError(ErrorCategory::BadInput, message, m_where + u", column "_s + QString::number(at + 1));
    }

    /// A short description of what stands at `at`: "the end of the filter" or the next token.
    QString found(qsizetype at) const
    {
        if (at >= m_s.size())
            return m_endName;
        if (m_s.at(at).isSpace())
            return tr("a space");
        qsizetype end = at;
        const QChar c = m_s.at(at);
        if (isWordChar(c) || c == u'.' || c == u'-') {
            while (end < m_s.size() && (isWordChar(m_s.at(end)) || m_s.at(end) == u'.' || m_s.at(end) == u'-'))
                ++end;
        } else if (isQuote(c)) {
            end = m_s.indexOf(c, at + 1);
            end = end < 0 ? m_s.size() : end + 1;
        } else {
            while (end < m_s.size() && !m_s.at(end).isSpace() && !isWordChar(m_s.at(end)) && !isQuote(m_s.at(end)))
                ++end;
        }
        QString token = m_s.mid(at, std::min<qsizetype>(end - at, 40));
        return quoted(token);
    }

    QString readWord()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isWordChar(m_s.at(m_pos)))
            ++m_pos;
        return m_s.mid(start, m_pos - start);
    }

    /// Reads a string quoted with the character at the current position; a doubled quote stands
    /// for one.
    std::optional<QString> readQuoted()
    {
        const qsizetype start = m_pos;
        const QChar q = m_s.at(m_pos++);
        QString out;
        while (!atEnd()) {
            const QChar c = m_s.at(m_pos++);
            if (c != q) {
                out += c;
                continue;
            }
            if (!atEnd() && m_s.at(m_pos) == q) {
                out += q;
                ++m_pos;
                continue;
            }
            return out;
        }
        fail(start,
            tr("expected a closing %1 for the quote at column %2, found the end of the text")
                .arg(QString(q))
                .arg(start + 1));
        return std::nullopt;
    }

    /// identifier := (word | `word`) '.' key | word | "key" | `key`
    std::optional<Identifier> parseIdentifier(bool forOrderBy)
    {
        Identifier id;
        id.start = m_pos;
        const QString example = tr("a key such as metrics.rmse, params.lr or attributes.status");
        if (atEnd()) {
            fail(m_pos, tr("expected %1, found %2").arg(example, found(m_pos)));
            return std::nullopt;
        }
        const QChar c = m_s.at(m_pos);
        QString head;
        bool headQuoted = false;
        if (c == u'`' || c == u'"') {
            auto q = readQuoted();
            if (!q)
                return std::nullopt;
            head = *q;
            headQuoted = true;
        } else if (isWordStart(c)) {
            head = readWord();
        } else {
            fail(m_pos, tr("expected %1, found %2").arg(example, found(m_pos)));
            return std::nullopt;
        }

        const bool hasPrefix = !atEnd() && m_s.at(m_pos) == u'.' && (!headQuoted || c == u'`');
        if (!hasPrefix) {
            // A bare key is an attribute (MLflow: "status = 'FINISHED'").
            id.entity = SearchEntity::Attribute;
            const auto attr = canonicalAttribute(head);
            if (!attr) {
                fail(id.start,
                    tr("expected an identifier such as metrics.rmse or an attribute (%1), found %2")
                        .arg(attributeList(forOrderBy), quoted(head)));
                return std::nullopt;
            }
            id.key = *attr;
            return id;
        }

        bool known = false;
        for (const EntityAlias &a : kEntityAliases) {
            if (head == a.name) {
                id.entity = a.entity;
                known = true;
                break;
            }
        }
        if (!known) {
            fail(id.start,
                tr("expected metrics., params., tags., attributes. or datasets. before the key, found %1")
                    .arg(quoted(head + u'.')));
            return std::nullopt;
        }
        ++m_pos; // the '.'
        const qsizetype keyStart = m_pos;
        const QString prefix = m_s.mid(id.start, keyStart - id.start);
        if (!atEnd() && isQuote(m_s.at(m_pos))) {
            auto q = readQuoted();
            if (!q)
                return std::nullopt;
            id.key = *q;
            if (id.key.isEmpty()) {
                fail(keyStart, tr("expected a key after %1, found an empty key").arg(quoted(prefix)));
                return std::nullopt;
            }
        } else {
            while (!atEnd() && (isWordChar(m_s.at(m_pos)) || m_s.at(m_pos) == u'.'))
                ++m_pos;
            id.key = m_s.mid(keyStart, m_pos - keyStart);
            if (id.key.isEmpty()) {
                fail(keyStart, tr("expected a key after %1, found %2").arg(quoted(prefix), found(keyStart)));
                return std::nullopt;
            }
        }

        if (id.entity == SearchEntity::Attribute) {
            const auto attr = canonicalAttribute(id.key);
            if (!attr) {
                fail(keyStart,
                    tr("expected an attribute (%1), found %2").arg(attributeList(forOrderBy), quoted(id.key)));
                return std::nullopt;
            }
            id.key = *attr;
        } else if (id.entity == SearchEntity::Dataset && !datasetFields().contains(id.key)) {
            fail(keyStart, tr("expected a dataset field (name, digest or context), found %1").arg(quoted(id.key)));
            return std::nullopt;
        }
        return id;
    }

    QString attributeList(bool /*forOrderBy*/) const
    {
        // MLflow's searchable and orderable run attributes are the same set.
        QStringList all = stringAttributes() + numericAttributes();
        all << u"created"_s;
        return all.join(u", "_s);
    }

    /// operator := = | != | < | <= | > | >= | LIKE | ILIKE | IN | NOT IN | IS NULL | IS NOT NULL
    std::optional<QString> parseOperator()
    {
        const QString expected = tr("an operator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN, IS NULL)");
        if (atEnd()) {
            fail(m_pos, tr("expected %1, found %2").arg(expected, found(m_pos)));
            return std::nullopt;
        }
        const qsizetype start = m_pos;
        const QChar c = m_s.at(m_pos);
        static const QString symbols = u"=!<>~"_s;
        if (symbols.contains(c)) {
            while (!atEnd() && symbols.contains(m_s.at(m_pos)))
                ++m_pos;
            const QString op = m_s.mid(start, m_pos - start);
            static const QStringList valid = { u"="_s, u"!="_s, u"<"_s, u"<="_s, u">"_s, u">="_s };
            if (!valid.contains(op)) {
                fail(start, tr("expected %1, found %2").arg(expected, quoted(op)));
                return std::nullopt;
            }
            return op;
        }
        if (!isWordStart(c)) {
            fail(start, tr("expected %1, found %2").arg(expected, found(start)));
            return std::nullopt;
        }
        const QString word = readWord().toUpper();
        if (word == "LIKE"_L1 || word == "ILIKE"_L1 || word == "IN"_L1)
            return word;
        if (word == "NOT"_L1) {
            skipSpace();
            const qsizetype at = m_pos;
            if (readWord().toUpper() != "IN"_L1) {
                fail(at, tr("expected IN after NOT, found %1").arg(found(at)));
                return std::nullopt;
            }
            return u"NOT IN"_s;
        }
        if (word == "IS"_L1) {
            skipSpace();
            qsizetype at = m_pos;
            QString next = readWord().toUpper();
            bool negated = false;
            if (next == "NOT"_L1) {
                negated = true;
                skipSpace();
                at = m_pos;
                next = readWord().toUpper();
            }
            if (next != "NULL"_L1) {
                fail(at,
                    negated ? tr("expected NULL after IS NOT, found %1").arg(found(at))
                            : tr("expected NULL or NOT NULL after IS, found %1").arg(found(at)));
                return std::nullopt;
            }
            return negated ? u"IS NOT NULL"_s : u"IS NULL"_s;
        }
        fail(start, tr("expected %1, found %2").arg(expected, found(start)));
        return std::nullopt;
    }

    /// Checks the operator against MLflow's VALID_*_COMPARATORS for the identifier.
    bool checkOperator(const Identifier &id, const QString &op, qsizetype at)
    {
        static const QStringList numeric = { u"="_s, u"!="_s, u"<"_s, u"<="_s, u">"_s, u">="_s };
        static const QStringList text = { u"="_s, u"!="_s, u"LIKE"_s, u"ILIKE"_s };
        const QString subject = describe(id);
        const bool isNullOp = op.startsWith("IS "_L1);
        if (isNullOp && id.entity != SearchEntity::Param && id.entity != SearchEntity::Tag) {
            fail(at, tr("%1 can only be used with params and tags, found it after %2").arg(quoted(op), subject));
            return false;
        }
        switch (id.entity) {
        case SearchEntity::Metric:
            if (numeric.contains(op))
                return true;
            fail(at, tr("expected =, !=, <, <=, > or >= after %1 (a metric), found %2").arg(subject, quoted(op)));
            return false;
        case SearchEntity::Param:
        case SearchEntity::Tag:
            if (text.contains(op) || isNullOp)
                return true;
            fail(at,
                tr("expected =, !=, LIKE, ILIKE, IS NULL or IS NOT NULL after %1, found %2").arg(subject, quoted(op)));
            return false;
        case SearchEntity::Attribute:
            if (numericAttributes().contains(id.key)) {
                if (numeric.contains(op))
                    return true;
                fail(at, tr("expected =, !=, <, <=, > or >= after %1 (a time), found %2").arg(subject, quoted(op)));
                return false;
            }
            if (text.contains(op))
                return true;
            if (op == "IN"_L1 || op == "NOT IN"_L1) {
                if (id.key == "run_id"_L1)
                    return true;
                fail(at,
                    tr("only attributes.run_id can be compared with a list (IN, NOT IN), found %1 after %2")
                        .arg(quoted(op), subject));
                return false;
            }
            fail(at, tr("expected =, !=, LIKE, ILIKE, IN or NOT IN after %1, found %2").arg(subject, quoted(op)));
            return false;
        case SearchEntity::Dataset:
            if (text.contains(op) || op == "IN"_L1 || op == "NOT IN"_L1)
                return true;
            fail(at, tr("expected =, !=, LIKE, ILIKE, IN or NOT IN after %1, found %2").arg(subject, quoted(op)));
            return false;
        }
        return false;
    }

    static QString describe(const Identifier &id) { return searchEntityPrefix(id.entity) + u'.' + id.key; }

    /// list := '(' quoted (',' quoted)* ')'
    std::optional<QStringList> parseList()
    {
        if (atEnd() || m_s.at(m_pos) != u'(') {
            fail(m_pos, tr("expected a list of quoted values such as ('a', 'b'), found %1").arg(found(m_pos)));
            return std::nullopt;
        }
        ++m_pos;
        QStringList out;
        for (;;) {
            skipSpace();
            if (atEnd() || (m_s.at(m_pos) != u'\'' && m_s.at(m_pos) != u'"')) {
                fail(m_pos, tr("expected a quoted value in the list, found %1").arg(found(m_pos)));
                return std::nullopt;
            }
            auto v = readQuoted();
            if (!v)
                return std::nullopt;
            out << *v;
            skipSpace();
            if (!atEnd() && m_s.at(m_pos) == u',') {
                ++m_pos;
                continue;
            }
            if (!atEnd() && m_s.at(m_pos) == u')') {
                ++m_pos;
                return out;
            }
            fail(m_pos, tr("expected ',' or ')' in the list, found %1").arg(found(m_pos)));
            return std::nullopt;
        }
    }

    /// value := 'string' | "string" | number, checked against what the identifier needs.
    std::optional<QVariant> parseValue(const Identifier &id)
    {
        const qsizetype start = m_pos;
        const QString subject = describe(id);
        const bool wantsNumber = id.entity == SearchEntity::Metric
            || (id.entity == SearchEntity::Attribute && numericAttributes().contains(id.key));
        const QString expected = id.entity == SearchEntity::Metric ? tr("a number")
            : wantsNumber                                          ? tr("a whole number of milliseconds since 1970")
                                                                   : tr("a 'single' or \"double\" quoted string");

        if (!atEnd() && (m_s.at(m_pos) == u'\'' || m_s.at(m_pos) == u'"')) {
            auto s = readQuoted();
            if (!s)
                return std::nullopt;
            if (wantsNumber) {
                fail(start, tr("expected %1 after %2, found the string %3").arg(expected, subject, quoted(*s)));
                return std::nullopt;
            }
            return QVariant(*s);
        }

        static const QRegularExpression number(u"-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?"_s);
        const auto m
            = number.match(m_s, m_pos, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch()) {
            fail(start, tr("expected %1 after %2, found %3").arg(expected, subject, found(start)));
            return std::nullopt;
        }
        const qsizetype end = m.capturedEnd();
        if (end < m_s.size() && (isWordChar(m_s.at(end)) || m_s.at(end) == u'.')) {
            fail(start, tr("expected %1 after %2, found %3").arg(expected, subject, found(start)));
            return std::nullopt;
        }
        const QString text = m.captured();
        m_pos = end;
        if (!wantsNumber) {
            fail(start, tr("expected %1 after %2, found the number %3").arg(expected, subject, text));
            return std::nullopt;
        }
        bool ok = false;
        if (id.entity == SearchEntity::Metric) {
            const double d = text.toDouble(&ok);
            if (!ok) {
                fail(start, tr("expected a number that fits a double after %1, found %2").arg(subject, text));
                return std::nullopt;
            }
            return QVariant(d);
        }
        const qint64 v = text.toLongLong(&ok);
        if (!ok) {
            fail(start, tr("expected %1 after %2, found %3").arg(expected, subject, text));
            return std::nullopt;
        }
        return QVariant(v);
    }

    std::optional<Comparison> parseComparison()
    {
        auto id = parseIdentifier(false);
        if (!id)
            return std::nullopt;
        skipSpace();
        const qsizetype opStart = m_pos;
        auto op = parseOperator();
        if (!op || !checkOperator(*id, *op, opStart))
            return std::nullopt;

        Comparison c;
        c.entity = id->entity;
        c.key = id->key;
        c.op = *op;
        c.column = int(id->start + 1);
        if (op->startsWith("IS "_L1))
            return c;
        skipSpace();
        if (*op == "IN"_L1 || *op == "NOT IN"_L1) {
            auto list = parseList();
            if (!list)
                return std::nullopt;
            c.list = *list;
            return c;
        }
        auto value = parseValue(*id);
        if (!value)
            return std::nullopt;
        c.value = *value;
        return c;
    }

    std::optional<SearchFilter> parseFilter()
    {
        SearchFilter f;
        skipSpace();
        if (atEnd())
            return f;
        for (;;) {
            auto c = parseComparison();
            if (!c)
                return std::nullopt;
            f.clauses << *c;
            skipSpace();
            if (atEnd())
                return f;
            const qsizetype at = m_pos;
            if (m_s.at(m_pos) == u';') {
                fail(at,
                    tr("expected AND or the end of the filter, found ';' (a filter is one expression; "
                       "combine conditions with AND)"));
                return std::nullopt;
            }
            const QString word = readWord().toUpper();
            if (word == "OR"_L1) {
                fail(at,
                    tr("expected AND or the end of the filter, found OR (MLflow filters can only "
                       "combine conditions with AND)"));
                return std::nullopt;
            }
            if (word != "AND"_L1) {
                m_pos = at;
                fail(at, tr("expected AND or the end of the filter, found %1").arg(found(at)));
                return std::nullopt;
            }
            skipSpace();
            if (atEnd()) {
                fail(m_pos, tr("expected a condition after AND, found the end of the filter"));
                return std::nullopt;
            }
        }
    }

    std::optional<OrderBy> parseOrderByClause()
    {
        skipSpace();
        auto id = parseIdentifier(true);
        if (!id)
            return std::nullopt;
        if (id->entity == SearchEntity::Dataset) {
            fail(id->start,
                tr("expected a metric, param, tag or attribute to sort by, found %1 (runs cannot "
                   "be sorted by datasets)")
                    .arg(describe(*id)));
            return std::nullopt;
        }
        OrderBy o { id->entity, id->key, true };
        skipSpace();
        if (atEnd())
            return o;
        const qsizetype at = m_pos;
        const QString word = readWord().toUpper();
        if (word == "ASC"_L1 || word == "DESC"_L1) {
            o.ascending = word == "ASC"_L1;
        } else {
            fail(at, tr("expected ASC, DESC or the end of the sort clause, found %1").arg(found(at)));
            return std::nullopt;
        }
        skipSpace();
        if (!atEnd()) {
            fail(m_pos, tr("expected the end of the sort clause, found %1").arg(found(m_pos)));
            return std::nullopt;
        }
        return o;
    }

    /// Reports that this clause's key was already sorted by, pointing at the clause's start.
    void failDuplicate(const OrderBy &o)
    {
        m_pos = 0;
        skipSpace();
        fail(m_pos,
            tr("expected each key once in the sort order, found %1 a second time")
                .arg(searchEntityPrefix(o.entity) + u'.' + o.key));
    }

private:
    const QString &m_s;
    QString m_where;
    QString m_endName;
    qsizetype m_pos = 0;
};

} // namespace

Result<SearchFilter> parseSearchFilter(const QString &filter)
{
    Parser p(filter, u"filter"_s, Parser::Mode::Filter);
    auto f = p.parseFilter();
    if (!f)
        return *p.error;
    return std::move(*f);
}

Result<QList<OrderBy>> parseOrderBy(const QStringList &orderBy)
{
    QList<OrderBy> out;
    for (qsizetype i = 0; i < orderBy.size(); ++i) {
        Parser p(orderBy.at(i), u"order by "_s + QString::number(i + 1), Parser::Mode::OrderBy);
        auto o = p.parseOrderByClause();
        if (!o)
            return *p.error;
        for (const OrderBy &seen : std::as_const(out)) {
            if (seen.entity == o->entity && seen.key == o->key) {
                p.failDuplicate(*o);
                return *p.error;
            }
        }
        out << *o;
    }
    return out;
}

QStringList searchFilterKeywords()
{
    QStringList out = { u"metrics."_s, u"params."_s, u"tags."_s, u"attributes."_s, u"datasets."_s };
    for (const QString &a : stringAttributes())
        out << u"attributes."_s + a;
    for (const QString &a : numericAttributes())
        out << u"attributes."_s + a;
    out << u"attributes.created"_s;
    for (const QString &d : datasetFields())
        out << u"datasets."_s + d;
    return out;
}

QString searchEntityPrefix(SearchEntity entity)
{
    switch (entity) {
    case SearchEntity::Metric:
        return u"metrics"_s;
    case SearchEntity::Param:
        return u"params"_s;
    case SearchEntity::Tag:
        return u"tags"_s;
    case SearchEntity::Attribute:
        return u"attributes"_s;
    case SearchEntity::Dataset:
        return u"datasets"_s;
    }
    return {};
}

bool isNumericSearchAttribute(const QString &key)
{
    return numericAttributes().contains(key);
}

int errorColumn(const Error &error)
{
    static const QRegularExpression re(u", column (\\d+)$"_s);
    const auto m = re.match(error.where);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

namespace {

struct KeyTr {
    Q_DECLARE_TR_FUNCTIONS(SearchFilter)
};

/// The key without case and the separators people swap for each other.
QString normalisedKey(const QString &key)
{
    QString out;
    out.reserve(key.size());
    for (const QChar c : key.toCaseFolded()) {
        if (c != u'.' && c != u'_' && c != u'-' && c != u'/' && c != u':' && !c.isSpace())
            out += c;
    }
    return out;
}

/// The optimal-string-alignment distance of `a` and `b` (a swap of neighbours is one edit), or
/// `limit + 1` once it is certain to exceed `limit`.
int editDistance(const QString &a, const QString &b, int limit)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    if (std::abs(n - m) > limit)
        return limit + 1;
    std::vector<int> before(size_t(m + 1)), previous(size_t(m + 1)), current(size_t(m + 1));
    for (qsizetype j = 0; j <= m; ++j)
        previous[size_t(j)] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        current[0] = int(i);
        int rowMin = current[0];
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            int d = std::min({ previous[size_t(j)] + 1, current[size_t(j - 1)] + 1, previous[size_t(j - 1)] + cost });
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                d = std::min(d, before[size_t(j - 2)] + 1);
            current[size_t(j)] = d;
            rowMin = std::min(rowMin, d);
        }
        if (rowMin > limit)
            return limit + 1;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[size_t(m)];
}

/// How many edits a key of this length may be away from the key meant.
int editLimit(qsizetype length)
{
    if (length <= 3)
        return 0;
    if (length <= 6)
        return 1;
    if (length <= 12)
        return 2;
    return 3;
}

struct Closest {
    QString key;
    /// -1 the key itself, 0 the same once normalised, else the edit distance.
    int distance = std::numeric_limits<int>::max();
};

Closest closest(const QString &key, const QStringList &candidates)
{
    Closest best;
    if (candidates.contains(key))
        return { key, -1 };
    const QString normal = normalisedKey(key);
    if (!normal.isEmpty()) {
        for (const QString &c : candidates) {
            if (normalisedKey(c) == normal)
                return { c, 0 };
        }
    }
    const int limit = editLimit(key.size());
    // Very long keys are pasted, not typed: only normalising matches them.
    if (limit == 0 || key.size() > 256)
        return best;
    const QString folded = key.toCaseFolded();
    for (const QString &c : candidates) {
        const int d = editDistance(folded, c.toCaseFolded(), std::min(limit, best.distance - 1));
        if (d <= limit && d < best.distance)
            best = { c, d };
    }
    return best;
}

/// `prefix.key`, with the key back-ticked when MLflow's parser needs it quoted.
QString identifier(SearchEntity entity, const QString &key)
{
    static const QRegularExpression bare(u"^[A-Za-z_][A-Za-z0-9_.]*$"_s);
    const QString k = bare.match(key).hasMatch() ? key : u'`' + key + u'`';
    return searchEntityPrefix(entity) + u'.' + k;
}

} // namespace

QString closestSearchKey(const QString &key, const QStringList &candidates)
{
    return closest(key, candidates).key;
}

QList<UnknownSearchKey> unknownSearchKeys(const SearchFilter &filter, const SearchKeys &known)
{
    const std::pair<SearchEntity, const QStringList *> kinds[] = {
        { SearchEntity::Metric, &known.metrics },
        { SearchEntity::Param, &known.params },
        { SearchEntity::Tag, &known.tags },
    };
    QList<UnknownSearchKey> out;
    for (const Comparison &c : filter.clauses) {
        const auto own
            = std::find_if(std::begin(kinds), std::end(kinds), [&](const auto &k) { return k.first == c.entity; });
        if (own == std::end(kinds) || std::binary_search(own->second->cbegin(), own->second->cend(), c.key))
            continue;
        const bool seen = std::any_of(out.cbegin(), out.cend(),
            [&](const UnknownSearchKey &u) { return u.entity == c.entity && u.key == c.key; });
        if (seen)
            continue;
        UnknownSearchKey u { c.entity, c.key, {}, c.column };
        const Closest same = closest(c.key, *own->second);
        u.suggestion = same.key;
        int best = same.distance;
        // Another kind wins only when it is strictly closer: metrics.lr where lr is a param.
        for (const auto &[entity, keys] : kinds) {
            if (entity == c.entity)
                continue;
            const Closest other = closest(c.key, *keys);
            if (!other.key.isEmpty() && other.distance < best) {
                best = other.distance;
                u.suggestion = identifier(entity, other.key);
            }
        }
        out.append(u);
    }
    return out;
}

QString unknownSearchKeyMessage(const UnknownSearchKey &unknown, SearchKeyScope scope)
{
    QString where;
    switch (scope) {
    case SearchKeyScope::Experiment:
        where = KeyTr::tr("this experiment");
        break;
    case SearchKeyScope::Experiments:
        where = KeyTr::tr("these experiments");
        break;
    case SearchKeyScope::Source:
        where = KeyTr::tr("this source");
        break;
    case SearchKeyScope::Cache:
        where = KeyTr::tr("the cache");
        break;
    }
    QString text;
    switch (unknown.entity) {
    case SearchEntity::Metric:
        text = KeyTr::tr("no run in %1 has metric '%2'").arg(where, unknown.key);
        break;
    case SearchEntity::Param:
        text = KeyTr::tr("no run in %1 has param '%2'").arg(where, unknown.key);
        break;
    case SearchEntity::Tag:
        text = KeyTr::tr("no run in %1 has tag '%2'").arg(where, unknown.key);
        break;
    case SearchEntity::Attribute:
    case SearchEntity::Dataset:
        text = KeyTr::tr("no run in %1 has %2").arg(where, unknown.key);
        break;
    }
    if (!unknown.suggestion.isEmpty())
        text = KeyTr::tr("%1 — did you mean '%2'?").arg(text, unknown.suggestion);
    return text;
}

} // namespace md
