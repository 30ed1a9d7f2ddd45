// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "actions/ReviewInbox.h"
#include "models/AsyncJob.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace md {

class PlaceholderTableView;
class ReviewsModel;

/// The Reviews inbox: every version waiting for review in every source of the cache and every
/// model (ReviewInbox), with who asked and when, the key metric against Production and the A/B
/// share. Enter or a double-click on a row (or "Open Review") emits reviewRequested(); the main
/// window then opens the Review of that version in the Models tab.
///
/// The inbox is read on a worker thread with its own connections to the cache and the journal
/// (reload()); only the result of the newest reload() is shown, older ones are dropped.
class ReviewsPage : public QWidget {
    Q_OBJECT
public:
    ReviewsPage(const QString &cachePath, const QString &journalPath, QWidget *parent = nullptr);

    /// Reads the inbox again in the background. With `announce`, requests that the previous
    /// reading did not have are reported by requestsArrived() (after a sync).
    void reload(bool announce = false);
    /// True while a reload() reads the inbox.
    bool isLoading() const { return m_reading.isRunning(); }
    /// Versions waiting for review, as shown.
    int count() const;
    /// "Reviews", or "Reviews (3)" when three versions wait: the tab's title.
    QString shortTitle() const;
    /// The status bar line about new requests: "2 new review requests: car_price_model v5, …".
    static QString arrivalText(const QList<ReviewRequest> &added);
    /// Selects the row of that version; false when the inbox does not show it.
    bool selectRequest(const QString &sourceUri, const QString &model, qint64 version);
    /// The request of the current row, nullopt when none.
    std::optional<ReviewRequest> currentRequest() const;

    QTableView *table() const;
    ReviewsModel *model() const { return m_model; }
    QPushButton *openButton() const { return m_open; }
    /// Why the inbox could not be read; empty when it was.
    QString errorText() const;

Q_SIGNALS:
    /// The inbox was read (every reload() ends with it, also after an error).
    void loaded();
    /// count() changed.
    void countChanged(int count);
    /// After reload(true): the requests the inbox did not have before.
    void requestsArrived(const QList<md::ReviewRequest> &added);
    /// The person wants to review this version.
    void reviewRequested(const md::ReviewRequest &request);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Loaded;
    /// Reads the inbox with this thread's own connections (the GUI's Cache is not thread-safe).
    static Loaded read(const QString &cachePath, const QString &journalPath);
    void apply(const Loaded &result);
    void openCurrent();
    void updateTexts();

    QString m_cachePath;
    QString m_journalPath;
    ReviewsModel *m_model;
    PlaceholderTableView *m_table;
    QLabel *m_intro;
    QLabel *m_error;
    QPushButton *m_open;
    QTimer *m_ageTimer;
    AsyncJob m_reading;        ///< the newest reload(): an older one is dropped
    bool m_everLoaded = false;
    bool m_announce = false;   ///< a reload(true) waits for its result
    QString m_errorText;
};

} // namespace md
