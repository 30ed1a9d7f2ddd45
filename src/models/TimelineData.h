// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The version timeline of one registered model, widget-free: lanes (one per stage, one per
// alias), blocks (a version holding a stage or an alias for a time) and event markers.
//
// How intervals are derived. The registry keeps only the current state (OSS MLflow has no
// stage-transition history), so the past comes from the journal's observed changes
// ("observed.stage", "observed.alias", … written by the importer, each with the window
// [window_start_ms, window_end_ms] between the two syncs that saw it). An observed change is
// placed at the middle of its window; the window is its uncertainty.
//  - Stage, no observed change for the version: a version in Staging or Production holds that
//    stage since its last_updated_timestamp, until now (an open block). A version in None has no
//    block. An Archived version shows only its registration marker (when it was archived, and
//    what it held before, is unknown).
//  - Stage, with observed changes (oldest first): the current stage holds since the middle of
//    the last change's window; each change's old stage holds from the previous change's middle
//    to this change's middle. The old stage of the earliest change holds since the version's
//    last_updated_timestamp when that lies before the change's window (the other tool did not
//    touch it), else since the version's creation. Archived is then drawn like any stage; None
//    never gets a block.
//  - Alias, no observed change: the alias holds its version since that version's creation (the
//    earliest it can have been set; MLflow keeps no alias timestamp).
//  - Alias, with observed changes: the same back-walk as for stages, per alias; the old version
//    of the earliest change holds since its creation.
//  - Markers: one "registered" marker per version at its creation time (lane Events, exact);
//    one per observed journal entry at the middle of its window, in the lane of the new stage or
//    alias (the old one when it was removed; lane Events for tags, descriptions, deletions).
//    Journal entries that are not observations (promote, approve, …) are markers at their time.

#include "cache/Journal.h"
#include "core/Domain.h"

#include <QList>
#include <QString>

namespace md {

struct TimelineBlock {
    qint64 version = 0;
    qint64 startMs = 0;
    qint64 endMs = 0;       ///< == TimelineData::endMs for an open block
    bool open = false;      ///< still holds it now
    /// The start comes from an observed change: it happened somewhere in this window.
    qint64 startWindowStartMs = 0, startWindowEndMs = 0;
    /// The row inside the lane: blocks that overlap in time (two versions in Production at once)
    /// get different tracks, the earliest-starting one the lowest free track.
    int track = 0;
};

struct TimelineLane {
    enum class Kind { Events, Stage, Alias };
    Kind kind = Kind::Stage;
    QString name;  ///< "Production", "champion"; "" for the events lane
    QList<TimelineBlock> blocks;  ///< by start
    int tracks = 1;                ///< rows the lane needs (at least 1)
    /// An alias lane that is the model's Production: the production alias of a model that uses
    /// aliases only (its stage lanes, always empty, are then left out).
    bool production = false;
};

struct TimelineMarker {
    enum class Kind { Registered, Observed, Action };
    Kind kind = Kind::Registered;
    int lane = 0;           ///< index into TimelineData::lanes
    int track = 0;          ///< the track of the block this event starts or ends, else 0
    qint64 version = 0;     ///< 0 for a model-level event
    qint64 timeMs = 0;      ///< exact time, or the middle of the window
    qint64 windowStartMs = 0, windowEndMs = 0;  ///< observed: the uncertainty; else both = timeMs
    QString field;          ///< "registered", "stage", "alias:champion", "tag:x", or the journal kind
    QString oldValue, newValue;
    QString user, note;
};

struct TimelineData {
    QList<TimelineLane> lanes;      ///< Events, Production, Staging, Archived, then aliases by name
    QList<TimelineMarker> markers;  ///< by time
    qint64 startMs = 0;             ///< the earliest time shown
    qint64 endMs = 0;               ///< "now" as given to build()

    /// Builds the timeline (see the file comment). `journal`: entries of this model's source,
    /// any order; entries about other models are ignored. `nowMs`: where open blocks end.
    /// `productionAlias`: for a model that uses aliases only, its production alias ("champion"),
    /// whose lane then comes first, marked as Production, and the empty stage lanes are left out.
    static TimelineData build(const RegisteredModel &model, const QList<JournalEntry> &journal, qint64 nowMs,
                              const QString &productionAlias = {});

    /// The lane index by kind and name, -1 when none.
    int laneIndex(TimelineLane::Kind kind, const QString &name) const;

    /// Where `ms` lies on a compressed axis, 0 (startMs) … 1 (endMs). Every distinct time of a
    /// block edge or marker is a breakpoint; the stretch between two breakpoints gets a width
    /// that grows with the logarithm of its duration, so that seconds apart and days apart both
    /// stay readable. Monotonic; clamps outside [startMs, endMs].
    double position(qint64 ms) const;
    /// The breakpoints position() uses, sorted (filled by build()).
    QList<qint64> breakpoints;

private:
    QList<double> m_cumulative;  // position of each breakpoint, 0 … 1
};

} // namespace md
