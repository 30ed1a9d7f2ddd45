// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

namespace md {

/// ModelDesk's own settings (window layout, view choices): every key typed, with its stored name
/// and its default in one table (Settings.cpp). The stored names are those earlier builds wrote
/// with raw QSettings, so saved layouts survive. Credentials never go here (QtKeychain holds them).
///
/// Where: by default QSettings' native location for the application's organisation and name
/// (`~/.config/ModelDesk/modeldesk.conf`), looked up at each call: set the names first
/// (app::setApplicationNames(); a test's initTestCase() with QStandardPaths::setTestModeEnabled()).
/// With a file name: that INI file.
///
/// Every call opens the store for itself, so a write is in the file when the call returns and
/// another process's writes are seen by the next call. Not thread-safe: call from the GUI thread
/// and hand a worker copies of the values.
class Settings {
public:
    /// One value each. The type a value is read as and its default are in brackets.
    enum class Key {
        MainWindowGeometry,  ///< QMainWindow::saveGeometry() (QByteArray; empty)
        MainWindowState,     ///< QMainWindow::saveState(): toolbars, docks (QByteArray; empty)
        MainWindowSplitter,  ///< the experiments tree beside the pages (QByteArray; empty)
        ShowDeleted,         ///< View → Show Deleted (bool; false)
        /// The column ids the runs table hides (QStringList; none stored: RunsPage's own choice,
        /// so a reader asks contains() first — an empty list stored means "hide nothing")
        RunsHiddenColumns,
        ModelsPageSplitter,  ///< models, versions and the version card side by side (QByteArray; empty)
        /// Metric key → "higher" or "lower" (MetricDirections::toVariantMap()), chosen on the Compare
        /// tab and read by the charts as well (QVariantMap; empty)
        MetricDirections,
        /// The parallel-coordinates axes chosen with Axes…, as ParallelAxisKey::qualified() names
        /// (QStringList; empty: the chart chooses). Removed, not stored empty, when none is chosen.
        ParallelAxes,
        ParallelUpIsBetter,  ///< parallel coordinates: flip axes so that up is better (bool; true)
        ParallelColour,      ///< parallel coordinates: colour lines by "run" or "lastAxis" (QString; "lastAxis")
        /// View › Pause Live Updates: no background syncs of sources with running runs (bool; false)
        LivePaused,
        /// Seconds between the live syncs of a tracking server with running runs (int; 15)
        LiveServerIntervalSeconds,
        /// View › Theme: "system", "light" or "dark" (Theme::fromName()); --theme overrides it for
        /// one run without storing (QString; "system")
        Theme,
        /// The sources opened with File › Open Source…, the latest first, at most
        /// OpenSourceDialog::kMaxRecent (QStringList; empty)
        RecentSources,
        /// The demo's info bar ("This is a demo data set …") was closed with ✕ (bool; false)
        DemoNoticeDismissed,
    };

    /// The settings format this build writes; migrate() brings older settings up to it.
    static constexpr int kCurrentVersion = 1;

    /// The settings at QSettings' default location for the application's names at each call.
    Settings();
    /// The settings in the INI file `fileName` (created by the first write).
    explicit Settings(const QString &fileName);
    ~Settings();

    /// The application's settings: the default location unless useFile() pointed them elsewhere.
    static Settings &instance();
    /// Points instance() at the INI file `fileName` (tests: a file in a QTemporaryDir); an empty
    /// name points it back at the default location.
    static void useFile(const QString &fileName);

    /// The stored name of `key` ("mainWindow/geometry").
    static QString name(Key key);
    /// What value() gives when nothing usable is stored; may be an invalid QVariant (see Key).
    static QVariant defaultValue(Key key);

    /// The value stored for `key`, converted to the key's type. The default when nothing is
    /// stored, or when what is stored cannot be read as that type (a hand-edited or corrupt file:
    /// a bool is only a bool or "true"/"false"/"1"/"0", a map only a map …).
    QVariant value(Key key) const;
    /// Stores `value`, which should have the key's type (anything else reads back as the default).
    void setValue(Key key, const QVariant &value);
    /// Whether anything is stored for `key`, readable or not.
    bool contains(Key key) const;
    /// Forgets `key`: value() gives the default again.
    void remove(Key key);
    /// Forgets every key, the version too (tests reset the settings with it in init()).
    void clear();

    /// The format version stored: 0 when none is (settings of a build before versions, or none).
    int version() const;
    /// Brings the stored settings up to kCurrentVersion and records it. Settings a newer build
    /// wrote (a higher version) are left as they are. Call once at start-up before the first
    /// window reads settings; not in --screenshot mode, which writes no settings.
    void migrate();

private:
    std::unique_ptr<QSettings> open() const;

    QString m_fileName;  ///< empty: QSettings' default location
};

} // namespace md
