// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunComparison.h"

#include "NumberFormat.h"
#include "TimeFormat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

namespace md {

namespace {

const QString kMinus = QStringLiteral("\u2212");

bool isFinite(double v)
{
    return std::isfinite(v);
}

// Metric values come from text files and JSON: two logs of "0.89" are the same double, but
// arithmetic on them (a delta of a delta) is not, so equality allows a relative hair.
bool nearlyEqual(double a, double b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    if (a == b)
        return true;
    if (!isFinite(a) || !isFinite(b))
        return false;
    return std::abs(a - b) <= 1e-12 * std::max(std::abs(a), std::abs(b));
}

bool keyLess(const QString &a, const QString &b)
{
    const int c = a.compare(b, Qt::CaseInsensitive);
    return c != 0 ? c < 0 : a < b;
}

QStringList sortedKeys(const QSet<QString> &keys)
{
    QStringList out(keys.cbegin(), keys.cend());
    std::sort(out.begin(), out.end(), keyLess);
    return out;
}

// QString's == calls out of line into a comparison made for every case; keys and values are
// short, and comparing their UTF-16 units with memcmp takes a fraction of that.
bool sameText(const QString &a, const QString &b)
{
    return a.size() == b.size()
        && (a.constData() == b.constData()
            || std::memcmp(a.constData(), b.constData(), size_t(a.size()) * sizeof(QChar)) == 0);
}

// The keys of a section across runs. Runs of one experiment nearly always carry the same keys in
// the same order, so a run whose keys match the previous run's one by one adds nothing: hashing
// every key of every run was a quarter of a 1,000-run comparison.
template <typename Item>
class KeyCollector {
public:
    template <typename Keep>
    void add(const QList<Item> &items, Keep keep)
    {
        if (m_previous && sameKeys(*m_previous, items))
            return;
        for (const Item &item : items)
            if (keep(item.key))
                m_keys.insert(item.key);
        m_previous = &items;
    }
    void add(const QList<Item> &items)
    {
        add(items, [](const QString &) { return true; });
    }
    const QSet<QString> &keys() const { return m_keys; }

private:
    static bool sameKeys(const QList<Item> &a, const QList<Item> &b)
    {
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i)
            if (!sameText(a.at(i).key, b.at(i).key))
                return false;
        return true;
    }

    QSet<QString> m_keys;
    const QList<Item> *m_previous = nullptr;
};

// The row of a key, guessed first as the row after the previous key's: a run's keys come sorted,
// as the rows do, so the guess nearly always holds and the hash is asked only when it does not.
class RowFinder {
public:
    RowFinder(const QStringList &keys, const QHash<QString, int> &rows)
        : m_keys(keys), m_rows(rows)
    {
    }
    void startRun() { m_next = 0; }
    /// -1 when the key has no row.
    int find(const QString &key)
    {
        int row = -1;
        if (m_next < m_keys.size() && sameText(m_keys.at(m_next), key)) {
            row = m_next;
        } else {
            const auto it = m_rows.constFind(key);
            if (it == m_rows.cend())
                return -1;
            row = *it;
        }
        m_next = row + 1;
        return row;
    }

private:
    const QStringList &m_keys;
    const QHash<QString, int> &m_rows;
    qsizetype m_next = 0;
};

QString machineNumber(double v)
{
    if (std::isnan(v))
        return u"NaN"_s;
    if (std::isinf(v))
        return v > 0 ? u"Infinity"_s : u"-Infinity"_s;
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

QJsonValue jsonNumber(double v)
{
    if (!isFinite(v))
        return machineNumber(v);
    return v;
}

QString formatDuration(qint64 ms)
{
    if (ms < 1000)
        return QCoreApplication::translate("RunComparison", "%1 ms").arg(ms);
    if (ms < 60 * 1000)
        return QCoreApplication::translate("RunComparison", "%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    const qint64 s = ms / 1000;
    if (s < 3600)
        return QCoreApplication::translate("RunComparison", "%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("RunComparison", "%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

// The value a run shows for a metric under the step selection.
std::optional<MetricPoint> pickPoint(const Run &run, const QString &key, const StepSelection &step,
                                     const RunHistories &histories)
{
    if (step.mode == StepSelection::Mode::Latest) {
        for (const MetricPoint &p : run.latestMetrics)
            if (p.key == key)
                return p;
        return std::nullopt;
    }
    QList<MetricPoint> series;
    const auto runIt = histories.constFind(run.runId);
    if (runIt != histories.cend() && runIt->contains(key)) {
        series = runIt->value(key);
    } else if (run.hasHistory) {
        for (const MetricPoint &p : run.history)
            if (p.key == key)
                series.append(p);
    }
    std::optional<MetricPoint> best;
    for (const MetricPoint &p : std::as_const(series)) {
        switch (step.mode) {
        case StepSelection::Mode::AtStep:
            if (p.step == step.step && (!best || isLaterMetric(p, *best)))
                best = p;
            break;
        case StepSelection::Mode::Min:
        case StepSelection::Mode::Max: {
            if (!best || (std::isnan(best->value) && !std::isnan(p.value))) {
                best = p;
                break;
            }
            if (std::isnan(p.value))
                break;
            // Strictly better only: on a tie the earliest step stays.
            if (step.mode == StepSelection::Mode::Min ? p.value < best->value : p.value > best->value)
                best = p;
            break;
        }
        case StepSelection::Mode::Latest:
            break;
        }
    }
    if (best)
        best->key = key;
    return best;
}

// Equal / Changed / None for rows without numbers.
void compareTexts(ComparisonRow &row, int baseline)
{
    const ComparisonCell &base = row.cells.at(baseline);
    for (ComparisonCell &cell : row.cells) {
        if (!cell.present && !base.present)
            cell.outcome = CellOutcome::None;
        else if (cell.present && base.present && sameText(cell.text, base.text))
            cell.outcome = CellOutcome::Equal;
        else
            cell.outcome = CellOutcome::Changed;
    }
    const ComparisonCell &first = row.cells.first();
    row.differs = std::any_of(row.cells.cbegin(), row.cells.cend(), [&first](const ComparisonCell &c) {
        return c.present != first.present || !sameText(c.text, first.text);
    });
}

void compareNumbers(ComparisonRow &row, int baseline)
{
    const ComparisonCell &base = row.cells.at(baseline);
    for (ComparisonCell &cell : row.cells) {
        if (!cell.number || !base.number) {
            cell.outcome = CellOutcome::None;
            continue;
        }
        const double v = *cell.number;
        const double b = *base.number;
        if (!isFinite(v) || !isFinite(b)) {
            cell.outcome = nearlyEqual(v, b) ? CellOutcome::Equal : CellOutcome::Changed;
            continue;
        }
        if (nearlyEqual(v, b)) {
            cell.delta = 0.0;
            if (b != 0)
                cell.deltaPercent = 0.0;
            cell.outcome = CellOutcome::Equal;
            continue;
        }
        cell.delta = v - b;
        if (b != 0)
            cell.deltaPercent = 100.0 * (v - b) / std::abs(b);
        switch (row.direction) {
        case MetricDirection::HigherIsBetter:
            cell.outcome = v > b ? CellOutcome::Improved : CellOutcome::Regressed;
            break;
        case MetricDirection::LowerIsBetter:
            cell.outcome = v < b ? CellOutcome::Improved : CellOutcome::Regressed;
            break;
        case MetricDirection::Unknown:
            cell.outcome = CellOutcome::Changed;
            break;
        }
    }

    const ComparisonCell &first = row.cells.first();
    row.differs = std::any_of(row.cells.cbegin(), row.cells.cend(), [&first](const ComparisonCell &c) {
        if (c.number.has_value() != first.number.has_value())
            return true;
        return c.number && !nearlyEqual(*c.number, *first.number);
    });

    if (row.direction == MetricDirection::Unknown)
        return;
    std::optional<double> best;
    int finite = 0;
    bool allEqual = true;
    for (const ComparisonCell &c : std::as_const(row.cells)) {
        if (!c.number || !isFinite(*c.number))
            continue;
        ++finite;
        if (!best) {
            best = *c.number;
            continue;
        }
        if (!nearlyEqual(*c.number, *best))
            allEqual = false;
        if (row.direction == MetricDirection::HigherIsBetter ? *c.number > *best : *c.number < *best)
            best = *c.number;
    }
    if (finite < 2 || allEqual)
        return;
    for (int i = 0; i < row.cells.size(); ++i) {
        const ComparisonCell &c = row.cells.at(i);
        if (c.number && isFinite(*c.number) && nearlyEqual(*c.number, *best))
            row.bestRuns.append(i);
    }
}

QString stepModeName(StepSelection::Mode mode)
{
    switch (mode) {
    case StepSelection::Mode::Latest:
        return u"latest"_s;
    case StepSelection::Mode::Min:
        return u"min"_s;
    case StepSelection::Mode::Max:
        return u"max"_s;
    case StepSelection::Mode::AtStep:
        return u"at_step"_s;
    }
    return {};
}

QString tsvField(QString s)
{
    s.replace(u'\t', u' ');
    s.replace(u"\r\n"_s, u" "_s);
    s.replace(u'\n', u' ');
    s.replace(u'\r', u' ');
    return s;
}

QString csvField(const QString &s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r'))
        return s;
    QString quoted = s;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString markdownField(QString s)
{
    s.replace(u'\\', u"\\\\"_s);
    s.replace(u'|', u"\\|"_s);
    s.replace(u"\r\n"_s, u"<br>"_s);
    s.replace(u'\n', u"<br>"_s);
    return s;
}

} // namespace

QString ComparisonRow::qualifiedKey() const
{
    switch (section) {
    case ComparisonSection::Metric:
        return u"metrics."_s + key;
    case ComparisonSection::Param:
        return u"params."_s + key;
    case ComparisonSection::Tag:
        return u"tags."_s + key;
    case ComparisonSection::Attribute:
        return u"attributes."_s + key;
    }
    return key;
}

RunComparison RunComparison::build(const QList<Run> &runs, const Options &options)
{
    RunComparison c;
    c.m_runs = runs;
    c.m_step = options.step;
    c.m_baseline = runs.isEmpty() ? 0 : std::clamp(options.baseline, 0, int(runs.size()) - 1);
    if (runs.isEmpty())
        return c;
    const int baseline = c.m_baseline;

    KeyCollector<MetricPoint> latestKeys;
    KeyCollector<KeyValue> paramKeys, tagKeys;
    QSet<QString> historyKeys;
    for (const Run &run : runs) {
        latestKeys.add(run.latestMetrics);
        if (options.step.needsHistory()) {
            for (const MetricPoint &p : run.history)
                historyKeys.insert(p.key);
            for (const auto &series : options.histories.value(run.runId).keys())
                historyKeys.insert(series);
        }
        paramKeys.add(run.params);
        // MLflow's UI hides its own system tags; the useful ones are attributes here.
        tagKeys.add(run.tags, [](const QString &key) { return !key.startsWith(QLatin1String("mlflow.")); });
    }
    QSet<QString> metricKeys = latestKeys.keys();
    metricKeys.unite(historyKeys);

    // Rows are filled run by run through a key → row index: asking every run for every key
    // scanned each run's values once per row, 10 million string comparisons for 1,000 runs with
    // 100 metrics and 100 params (120 ms of a 1,000-run comparison).
    const int runCount = int(runs.size());
    const auto emptyRows = [&](ComparisonSection section, const QStringList &keys, QHash<QString, int> &index) {
        QList<ComparisonRow> rows(keys.size());
        index.reserve(keys.size());
        for (qsizetype i = 0; i < keys.size(); ++i) {
            rows[i].section = section;
            rows[i].key = keys.at(i);
            rows[i].cells.resize(runCount);
            index.insert(keys.at(i), int(i));
        }
        return rows;
    };

    const QStringList metricKeyList = sortedKeys(metricKeys);
    QHash<QString, int> metricRow;
    QList<ComparisonRow> metricRows = emptyRows(ComparisonSection::Metric, metricKeyList, metricRow);
    c.m_rows.reserve(metricRows.size() + paramKeys.keys().size() + tagKeys.keys().size() + 8);
    const LocalNumberFormat format;  // formatNumber's text, with the locale read once
    const auto setPoint = [&format](ComparisonCell &cell, const MetricPoint &p) {
        cell.present = true;
        cell.number = p.value;
        cell.step = p.step;
        cell.text = format(p.value, 6);
    };
    RowFinder metricFinder(metricKeyList, metricRow);
    for (int r = 0; r < runCount; ++r) {
        const Run &run = runs.at(r);
        if (!options.step.needsHistory()) {
            metricFinder.startRun();
            for (const MetricPoint &p : run.latestMetrics) {
                ComparisonCell &cell = metricRows[metricFinder.find(p.key)].cells[r];
                if (!cell.present)  // the first point of a key, as a search would find it
                    setPoint(cell, p);
            }
        } else {
            for (qsizetype i = 0; i < metricKeyList.size(); ++i)
                if (const auto p = pickPoint(run, metricKeyList.at(i), options.step, options.histories))
                    setPoint(metricRows[i].cells[r], *p);
        }
    }
    for (ComparisonRow &row : metricRows) {
        row.direction = options.directions.direction(row.key);
        row.directionOverridden = options.directions.isOverridden(row.key);
        compareNumbers(row, baseline);
        c.m_rows.append(std::move(row));
    }

    const auto addKeyValueRows = [&](ComparisonSection section, const QSet<QString> &keys,
                                     const QList<KeyValue> Run::*values) {
        QHash<QString, int> rowOf;
        const QStringList keyList = sortedKeys(keys);
        QList<ComparisonRow> rows = emptyRows(section, keyList, rowOf);
        RowFinder finder(keyList, rowOf);
        for (int r = 0; r < runCount; ++r) {
            finder.startRun();
            for (const KeyValue &kv : runs.at(r).*values) {
                const int row = finder.find(kv.key);
                if (row < 0)
                    continue;  // a system tag
                ComparisonCell &cell = rows[row].cells[r];
                if (!cell.present) {
                    cell.present = true;
                    cell.text = kv.value;
                }
            }
        }
        for (ComparisonRow &row : rows) {
            compareTexts(row, baseline);
            c.m_rows.append(std::move(row));
        }
    };
    addKeyValueRows(ComparisonSection::Param, paramKeys.keys(), &Run::params);
    addKeyValueRows(ComparisonSection::Tag, tagKeys.keys(), &Run::tags);

    const auto addTextRows = [&](ComparisonSection section, const QStringList &keys, auto valueOf) {
        for (const QString &key : keys) {
            ComparisonRow row;
            row.section = section;
            row.key = key;
            row.cells.reserve(runCount);
            for (const Run &run : runs) {
                ComparisonCell cell;
                if (const std::optional<QString> v = valueOf(run, key)) {
                    cell.present = true;
                    cell.text = *v;
                }
                row.cells.append(cell);
            }
            compareTexts(row, baseline);
            c.m_rows.append(std::move(row));
        }
    };
    if (options.includeAttributes) {
        const LocalDateTimes localTime;
        const QStringList attributes{u"run_id"_s,    u"run_name"_s, u"experiment_id"_s, u"status"_s,
                                     u"user_id"_s,   u"start_time"_s, u"end_time"_s,   u"duration"_s};
        addTextRows(ComparisonSection::Attribute, attributes, [&localTime](const Run &run, const QString &key) -> std::optional<QString> {
            if (key == QLatin1String("run_id"))
                return run.runId;
            if (key == QLatin1String("run_name"))
                return run.runName.isEmpty() ? std::nullopt : std::optional<QString>(run.runName);
            if (key == QLatin1String("experiment_id"))
                return run.experimentId;
            if (key == QLatin1String("status"))
                return run.status.isEmpty() ? std::nullopt : std::optional<QString>(run.status);
            if (key == QLatin1String("user_id"))
                return run.userId.isEmpty() ? std::nullopt : std::optional<QString>(run.userId);
            if (key == QLatin1String("start_time"))
                return run.startTime > 0 ? std::optional<QString>(localTime(run.startTime)) : std::nullopt;
            if (key == QLatin1String("end_time"))
                return run.endTime ? std::optional<QString>(localTime(*run.endTime)) : std::nullopt;
            if (key == QLatin1String("duration") && run.endTime && run.startTime > 0 && *run.endTime >= run.startTime)
                return formatDuration(*run.endTime - run.startTime);
            return std::nullopt;
        });
    }
    return c;
}

QString RunComparison::runLabel(int run) const
{
    if (run < 0 || run >= m_runs.size())
        return {};
    const Run &r = m_runs.at(run);
    return r.runName.isEmpty() ? r.runId : r.runName;
}

bool RunComparison::rowMatches(const ComparisonRow &row, const QString &search)
{
    const QString s = search.trimmed();
    return s.isEmpty() || row.qualifiedKey().contains(s, Qt::CaseInsensitive);
}

QList<int> RunComparison::visibleRows(const ComparisonExportOptions &options) const
{
    QList<int> out;
    for (int i = 0; i < m_rows.size(); ++i) {
        const ComparisonRow &row = m_rows.at(i);
        if (options.onlyDifferences && !row.differs)
            continue;
        if (!rowMatches(row, options.search))
            continue;
        out.append(i);
    }
    return out;
}

QString RunComparison::formatNumber(double value)
{
    return localNumber(value);
}

QString RunComparison::formatDelta(double delta)
{
    if (delta == 0)
        return u"±0"_s;
    // Three digits: the percentage and the values carry the precision; the cell must stay narrow.
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return (delta > 0 ? u"+"_s : kMinus) + locale.toString(std::abs(delta), 'g', 3);
}

QString RunComparison::formatPercent(double percent)
{
    const QString number = QLocale().toString(std::abs(percent), 'f', 1);
    if (number == QLocale().toString(0.0, 'f', 1))
        return u"±"_s + number + u" %"_s;
    return (percent > 0 ? u"+"_s : kMinus) + number + u" %"_s;
}

QString RunComparison::sectionName(ComparisonSection section)
{
    switch (section) {
    case ComparisonSection::Metric:
        return u"metric"_s;
    case ComparisonSection::Param:
        return u"param"_s;
    case ComparisonSection::Tag:
        return u"tag"_s;
    case ComparisonSection::Attribute:
        return u"attribute"_s;
    }
    return {};
}

QString RunComparison::outcomeName(CellOutcome outcome)
{
    switch (outcome) {
    case CellOutcome::None:
        return u"none"_s;
    case CellOutcome::Equal:
        return u"equal"_s;
    case CellOutcome::Improved:
        return u"improved"_s;
    case CellOutcome::Regressed:
        return u"regressed"_s;
    case CellOutcome::Changed:
        return u"changed"_s;
    }
    return {};
}

QString RunComparison::displayText(const ComparisonRow &row, int run) const
{
    if (run < 0 || run >= row.cells.size())
        return {};
    const ComparisonCell &cell = row.cells.at(run);
    if (!cell.present)
        return {};
    if (run == m_baseline || !cell.delta)
        return cell.text;
    if (!cell.deltaPercent || *cell.delta == 0)
        return cell.text + u" ("_s + formatDelta(*cell.delta) + u")"_s;
    return cell.text + u" ("_s + formatDelta(*cell.delta) + u", "_s + formatPercent(*cell.deltaPercent) + u")"_s;
}

QStringList RunComparison::displayTexts(const ComparisonRow &row, int run) const
{
    const QString full = displayText(row, run);
    QStringList out{full};
    if (full.isEmpty())
        return out;
    const ComparisonCell &cell = row.cells.at(run);
    if (cell.delta && cell.deltaPercent && *cell.delta != 0 && run != m_baseline)
        out.append(cell.text + u" ("_s + formatPercent(*cell.deltaPercent) + u")"_s);
    if (cell.text != full)
        out.append(cell.text);
    return out;
}

QList<QStringList> RunComparison::grid(const ComparisonExportOptions &options, bool display) const
{
    const QList<int> rows = visibleRows(options);
    const auto cellText = [&](const ComparisonRow &row, int run) -> QString {
        const ComparisonCell &cell = row.cells.at(run);
        if (!cell.present)
            return {};
        if (!display)
            return cell.number ? machineNumber(*cell.number) : cell.text;
        const QString text = markdownField(displayText(row, run));
        return row.bestRuns.contains(run) ? u"**"_s + text + u"**"_s : text;
    };
    const auto runHeader = [&](int run) {
        const QString label = runLabel(run);
        if (!display)
            return label;
        return markdownField(run == m_baseline
                                 ? QCoreApplication::translate("RunComparison", "%1 (baseline)").arg(label)
                                 : label);
    };

    QList<QStringList> out;
    if (!options.transposed) {
        QStringList header{u"key"_s};
        for (int r = 0; r < m_runs.size(); ++r)
            header.append(runHeader(r));
        out.append(header);
        for (int i : rows) {
            const ComparisonRow &row = m_rows.at(i);
            QStringList line{display ? markdownField(row.qualifiedKey()) : row.qualifiedKey()};
            for (int r = 0; r < m_runs.size(); ++r)
                line.append(cellText(row, r));
            out.append(line);
        }
    } else {
        QStringList header{u"run"_s};
        for (int i : rows)
            header.append(display ? markdownField(m_rows.at(i).qualifiedKey()) : m_rows.at(i).qualifiedKey());
        out.append(header);
        for (int r = 0; r < m_runs.size(); ++r) {
            QStringList line{runHeader(r)};
            for (int i : rows)
                line.append(cellText(m_rows.at(i), r));
            out.append(line);
        }
    }
    return out;
}

QString RunComparison::toTsv(const ComparisonExportOptions &options) const
{
    QString out;
    for (const QStringList &line : grid(options, false)) {
        QStringList fields;
        for (const QString &f : line)
            fields.append(tsvField(f));
        out += fields.join(u'\t') + u'\n';
    }
    return out;
}

QString RunComparison::toCsv(const ComparisonExportOptions &options) const
{
    QString out;
    for (const QStringList &line : grid(options, false)) {
        QStringList fields;
        for (const QString &f : line)
            fields.append(csvField(f));
        out += fields.join(u',') + u"\r\n"_s;
    }
    return out;
}

QString RunComparison::toMarkdown(const ComparisonExportOptions &options) const
{
    const QList<QStringList> lines = grid(options, true);
    QString out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        out += u"| "_s + lines.at(i).join(u" | "_s) + u" |\n"_s;
        if (i == 0) {
            QStringList rule;
            for (qsizetype c = 0; c < lines.at(i).size(); ++c)
                rule.append(u"---"_s);
            out += u"| "_s + rule.join(u" | "_s) + u" |\n"_s;
        }
    }
    return out;
}

QByteArray RunComparison::toJson(const ComparisonExportOptions &options) const
{
    QJsonObject root;
    root.insert(u"baseline_run_id"_s, m_runs.isEmpty() ? QJsonValue() : QJsonValue(m_runs.at(m_baseline).runId));
    QJsonObject step{{u"mode"_s, stepModeName(m_step.mode)}};
    if (m_step.mode == StepSelection::Mode::AtStep)
        step.insert(u"step"_s, m_step.step);
    root.insert(u"step"_s, step);
    QJsonArray runs;
    for (const Run &r : m_runs)
        runs.append(QJsonObject{{u"run_id"_s, r.runId},
                                {u"run_name"_s, r.runName},
                                {u"experiment_id"_s, r.experimentId},
                                {u"status"_s, r.status}});
    root.insert(u"runs"_s, runs);
    QJsonArray rows;
    for (int i : visibleRows(options)) {
        const ComparisonRow &row = m_rows.at(i);
        QJsonObject o{{u"section"_s, sectionName(row.section)}, {u"key"_s, row.key}, {u"differs"_s, row.differs}};
        if (row.section == ComparisonSection::Metric) {
            o.insert(u"direction"_s, metricDirectionName(row.direction));
            o.insert(u"direction_overridden"_s, row.directionOverridden);
        }
        QJsonArray best;
        for (int b : row.bestRuns)
            best.append(m_runs.at(b).runId);
        o.insert(u"best_run_ids"_s, best);
        QJsonArray values;
        for (int r = 0; r < row.cells.size(); ++r) {
            const ComparisonCell &cell = row.cells.at(r);
            QJsonObject v{{u"run_id"_s, m_runs.at(r).runId}, {u"outcome"_s, outcomeName(cell.outcome)}};
            if (!cell.present)
                v.insert(u"value"_s, QJsonValue());
            else if (cell.number)
                v.insert(u"value"_s, jsonNumber(*cell.number));
            else
                v.insert(u"value"_s, cell.text);
            if (cell.step)
                v.insert(u"step"_s, *cell.step);
            if (row.section == ComparisonSection::Metric) {
                v.insert(u"delta"_s, cell.delta ? QJsonValue(*cell.delta) : QJsonValue());
                v.insert(u"delta_pct"_s, cell.deltaPercent ? QJsonValue(*cell.deltaPercent) : QJsonValue());
            }
            values.append(v);
        }
        o.insert(u"values"_s, values);
        rows.append(o);
    }
    root.insert(u"rows"_s, rows);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

int defaultBaselineIndex(const QStringList &runIds, const QList<RegisteredModel> &models)
{
    QList<RegisteredModel> sorted = models;
    std::sort(sorted.begin(), sorted.end(), [](const RegisteredModel &a, const RegisteredModel &b) {
        return keyLess(a.name, b.name);
    });
    const auto pick = [&](auto matches) -> int {
        for (const RegisteredModel &m : std::as_const(sorted)) {
            for (auto it = m.versions.crbegin(); it != m.versions.crend(); ++it) {
                if (!matches(m, *it))
                    continue;
                if (const qsizetype i = runIds.indexOf(it->runId); i >= 0 && !it->runId.isEmpty())
                    return int(i);
            }
        }
        return -1;
    };
    if (const int i = pick([](const RegisteredModel &, const ModelVersion &v) { return v.currentStage == kStageProduction; });
        i >= 0)
        return i;
    const QString champion = u"champion"_s;
    if (const int i = pick([&](const RegisteredModel &m, const ModelVersion &v) {
            if (v.aliases.contains(champion))
                return true;
            return std::any_of(m.aliases.cbegin(), m.aliases.cend(),
                               [&](const ModelAlias &a) { return a.alias == champion && a.version == v.version; });
        });
        i >= 0)
        return i;
    return 0;
}

} // namespace md
