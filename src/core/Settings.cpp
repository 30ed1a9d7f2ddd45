// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Settings.h"

#include <QSettings>
#include <QStringList>
#include <QVariantMap>

#include <iterator>

using namespace Qt::StringLiterals;

namespace md {

namespace {

using Key = Settings::Key;

struct Entry {
    Key key;
    QString name;          ///< as earlier builds stored it: never rename (users' layouts would be lost)
    QMetaType::Type type;  ///< what value() converts to
    QVariant defaultValue;
};

// One row per Settings::Key, in the enum's order.
const Entry kEntries[] = {
    {Key::MainWindowGeometry, u"mainWindow/geometry"_s, QMetaType::QByteArray, QByteArray()},
    {Key::MainWindowState, u"mainWindow/state"_s, QMetaType::QByteArray, QByteArray()},
    {Key::MainWindowSplitter, u"mainWindow/splitter"_s, QMetaType::QByteArray, QByteArray()},
    {Key::ShowDeleted, u"view/showDeleted"_s, QMetaType::Bool, false},
    {Key::RunsHiddenColumns, u"runsTable/hiddenColumns"_s, QMetaType::QStringList, QVariant()},
    {Key::ModelsPageSplitter, u"modelsPage/splitter"_s, QMetaType::QByteArray, QByteArray()},
    {Key::MetricDirections, u"comparison/metricDirections"_s, QMetaType::QVariantMap, QVariantMap()},
    {Key::ParallelAxes, u"charts/parallelAxes"_s, QMetaType::QStringList, QStringList()},
    {Key::ParallelUpIsBetter, u"charts/parallelUpIsBetter"_s, QMetaType::Bool, true},
    {Key::ParallelColour, u"charts/parallelColour"_s, QMetaType::QString, u"lastAxis"_s},
    {Key::LivePaused, u"live/paused"_s, QMetaType::Bool, false},
    {Key::LiveServerIntervalSeconds, u"live/serverIntervalSeconds"_s, QMetaType::Int, 15},
    {Key::Theme, u"view/theme"_s, QMetaType::QString, u"system"_s},
    {Key::RecentSources, u"openSource/recent"_s, QMetaType::QStringList, QStringList()},
    {Key::DemoNoticeDismissed, u"mainWindow/demoNoticeDismissed"_s, QMetaType::Bool, false},
};
static_assert(std::size(kEntries) == std::size_t(Key::DemoNoticeDismissed) + 1, "one row per Settings::Key");

// Beside the keys, in QSettings' [General] group; no earlier build wrote it.
const QString kVersionName = u"settingsVersion"_s;

const Entry &entry(Key key)
{
    const Entry &e = kEntries[std::size_t(key)];
    Q_ASSERT(e.key == key);
    return e;
}

/// `stored` as the entry's type; the default when it cannot be read as that type.
QVariant typed(const Entry &e, const QVariant &stored)
{
    if (!stored.isValid()) {
        // QSettings writes an empty list as @Invalid(): an empty list, not "nothing stored".
        return e.type == QMetaType::QStringList ? QVariant(QStringList()) : e.defaultValue;
    }
    if (stored.metaType().id() == e.type)
        return stored;
    if (e.type == QMetaType::Bool) {
        // An INI file holds a bool as text; QVariant would take any other text ("banana") as true.
        if (stored.metaType().id() != QMetaType::QString)
            return e.defaultValue;
        const QString text = stored.toString().trimmed().toLower();
        if (text == u"true"_s || text == u"1"_s)
            return true;
        if (text == u"false"_s || text == u"0"_s)
            return false;
        return e.defaultValue;
    }
    QVariant converted = stored;
    // An INI file gives a one-element list back as a string; QVariant converts that, as it
    // converts between list kinds. It has no conversion from text to a map, nor from a word to a number.
    if (converted.convert(QMetaType(e.type)))
        return converted;
    return e.defaultValue;
}

} // namespace

Settings::Settings() = default;

Settings::Settings(const QString &fileName)
    : m_fileName(fileName)
{
}

Settings::~Settings() = default;

Settings &Settings::instance()
{
    static Settings settings;
    return settings;
}

void Settings::useFile(const QString &fileName)
{
    instance().m_fileName = fileName;
}

QString Settings::name(Key key)
{
    return entry(key).name;
}

QVariant Settings::defaultValue(Key key)
{
    return entry(key).defaultValue;
}

std::unique_ptr<QSettings> Settings::open() const
{
    // A QSettings per call, as the pages used before: it re-reads a file another process changed
    // and writes back when it is destroyed.
    if (m_fileName.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(m_fileName, QSettings::IniFormat);
}

QVariant Settings::value(Key key) const
{
    const Entry &e = entry(key);
    const auto settings = open();
    if (!settings->contains(e.name))
        return e.defaultValue;
    return typed(e, settings->value(e.name));
}

void Settings::setValue(Key key, const QVariant &value)
{
    const Entry &e = entry(key);
    Q_ASSERT_X(value.metaType().id() == e.type, "Settings::setValue", qPrintable(e.name));
    open()->setValue(e.name, value);
}

bool Settings::contains(Key key) const
{
    return open()->contains(entry(key).name);
}

void Settings::remove(Key key)
{
    open()->remove(entry(key).name);
}

void Settings::clear()
{
    open()->clear();
}

int Settings::version() const
{
    bool ok = false;
    const int v = open()->value(kVersionName).toInt(&ok);
    return ok ? v : 0;
}

void Settings::migrate()
{
    const auto settings = open();
    bool ok = false;
    const int stored = settings->value(kVersionName).toInt(&ok);
    if (ok && stored >= kCurrentVersion)
        return;
    // 0 → 1: the first versioned format keeps every name earlier builds wrote; nothing to convert.
    settings->setValue(kVersionName, kCurrentVersion);
}

} // namespace md
