// SPDX-License-Identifier: GPL-3.0-or-later
#include "VersionDetailsWidget.h"

#include "models/PlainToolTip.h"
#include "sources/ArtifactStore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace md {

namespace {

/// One version whose artifacts a worker reads.
struct ReadJob {
    QString key;
    ArtifactLocation location;
};

VersionArtifacts toCardData(const ModelArtifacts &m)
{
    VersionArtifacts a;
    a.state = VersionArtifacts::State::Loaded;
    a.root = m.root;
    a.problems = m.problems;
    for (const ArtifactFile &f : m.files)
        a.files.append(VersionArtifacts::File{f.path, f.size, f.sha256, f.checksumNote});
    a.mlmodelPath = m.mlmodelPath;
    if (m.mlmodel) {
        a.flavors = m.mlmodel->flavors;
        a.loaderModule = m.mlmodel->loaderModule;
        a.pythonVersion = m.mlmodel->pythonVersion;
        a.mlflowVersion = m.mlmodel->mlflowVersion;
        a.libraryVersions = m.mlmodel->libraryVersions;
    }
    for (const Dependency &d : m.dependencies)
        a.dependencies.append(VersionArtifacts::Dependency{d.kind, d.name, d.spec, d.file});
    if (m.mlmodel && m.mlmodel->signature) {
        a.hasSignature = true;
        auto copy = [](const QList<SignatureField> &from, QList<VersionArtifacts::SignatureField> &to) {
            for (const SignatureField &f : from)
                to.append(VersionArtifacts::SignatureField{f.name, f.type, f.required, f.defaultValue});
        };
        copy(m.mlmodel->signature->inputs, a.signatureInputs);
        copy(m.mlmodel->signature->outputs, a.signatureOutputs);
        copy(m.mlmodel->signature->params, a.signatureParams);
    }
    return a;
}

/// Runs on a pool thread: one ArtifactStore for the whole job (stores are one per thread).
QList<QPair<QString, VersionArtifacts>> readArtifacts(const QString &sourceUri, const QList<ReadJob> &jobs,
                                                      const std::atomic_bool &cancel)
{
    QList<QPair<QString, VersionArtifacts>> out;
    auto store = createArtifactStore(sourceUri);
    for (const ReadJob &job : jobs) {
        VersionArtifacts a;
        if (!store) {
            a.state = VersionArtifacts::State::Failed;
            a.error = store.error();
            a.root = job.location.displayName();
        } else if (auto m = loadModelArtifacts(**store, job.location, cancel)) {
            a = toCardData(*m);
        } else {
            a.state = m.error().category == ErrorCategory::Cancelled ? VersionArtifacts::State::Cancelled
                                                                     : VersionArtifacts::State::Failed;
            a.error = m.error();
            a.root = (*store)->resolvedRoot(job.location);
        }
        out.append({job.key, a});
    }
    return out;
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

/// Colours for the HTML, derived from the widget's palette so that a dark palette works.
struct Colors {
    QString muted, error, changed, added, removed;
    explicit Colors(const QPalette &p)
    {
        const QColor base = p.color(QPalette::Base);
        const QColor hl = p.color(QPalette::Highlight);
        const bool dark = base.lightness() < 128;
        // Placeholder text is often the text colour at half alpha, which HTML colours drop.
        const QColor placeholder = p.color(QPalette::PlaceholderText);
        muted = mix(base, QColor(placeholder.rgb()), placeholder.alphaF()).name();
        error = (dark ? QColor(255, 138, 128) : QColor(176, 32, 32)).name();
        changed = mix(base, hl, 0.30).name();
        added = mix(base, hl, 0.18).name();
        removed = mix(base, p.color(QPalette::Mid), 0.45).name();
    }
};

/// Longest value the card shows: laying out a 1 MB description froze the window for minutes.
constexpr qsizetype kMaxCardValueChars = 10000;

QString esc(const QString &s)
{
    if (s.size() <= kMaxCardValueChars)
        return s.toHtmlEscaped();
    return VersionDetailsWidget::tr("%1… (%n more characters)", nullptr, int(s.size() - kMaxCardValueChars))
        .arg(s.left(kMaxCardValueChars))
        .toHtmlEscaped();
}

const QString kChangedGlyph = u"≠"_s;
const QString kAddedGlyph = u"+"_s;
const QString kRemovedGlyph = u"−"_s;

} // namespace

VersionDetailsWidget::VersionDetailsWidget(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    // The title on a line of its own (it can be long when comparing), the buttons below it.
    m_title = new QLabel(this);
    m_title->setObjectName(u"cardTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);

    m_headerLayout = new QHBoxLayout;
    m_headerLayout->setSpacing(4);
    m_closeCompare = new QToolButton(this);
    m_closeCompare->setObjectName(u"closeComparison"_s);
    m_headerLayout->addWidget(m_closeCompare);
    m_onlyDiffs = new QCheckBox(this);
    m_onlyDiffs->setObjectName(u"onlyDifferences"_s);
    m_headerLayout->addWidget(m_onlyDiffs);
    m_headerLayout->addStretch(1);
    m_copy = new QToolButton(this);
    m_copy->setObjectName(u"copyCard"_s);
    m_copy->setIcon(QIcon::fromTheme(u"edit-copy"_s));
    m_copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_headerLayout->addWidget(m_copy);
    layout->addLayout(m_headerLayout);

    m_busy = new QWidget(this);
    auto *busyLayout = new QHBoxLayout(m_busy);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    m_progress = new QProgressBar(m_busy);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(120);
    m_busyLabel = new QLabel(m_busy);
    m_cancelButton = new QPushButton(m_busy);
    m_cancelButton->setObjectName(u"cancelArtifacts"_s);
    busyLayout->addWidget(m_progress);
    busyLayout->addWidget(m_busyLabel, 1);
    busyLayout->addWidget(m_cancelButton);
    m_busy->hide();
    layout->addWidget(m_busy);

    m_view = new QTextBrowser(this);
    m_view->setObjectName(u"cardView"_s);
    m_view->setOpenLinks(false);
    m_view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_view->setMinimumWidth(240);
    layout->addWidget(m_view, 1);

    connect(m_copy, &QToolButton::clicked, this, [this] { QApplication::clipboard()->setText(plainText()); });
    connect(m_cancelButton, &QPushButton::clicked, this, &VersionDetailsWidget::cancelLoading);
    connect(m_closeCompare, &QToolButton::clicked, this, &VersionDetailsWidget::comparisonClosed);
    connect(m_onlyDiffs, &QCheckBox::toggled, this, &VersionDetailsWidget::render);

    retranslate();
    clear(tr("Select a version to see its card."));
}

void VersionDetailsWidget::retranslate()
{
    m_onlyDiffs->setText(tr("Only differences"));
    m_onlyDiffs->setToolTip(tr("Hide the rows that are the same in both versions"));
    m_closeCompare->setText(tr("Show one version"));
    m_closeCompare->setToolTip(tr("Leave the comparison and show the selected version's card"));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the card as text"));
    m_busyLabel->setText(tr("Reading the artifacts…"));
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop reading the artifacts; the rest of the card stays"));
}

void VersionDetailsWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        render();
    } else if (event->type() == QEvent::PaletteChange) {
        render();
    }
    QWidget::changeEvent(event);
}

void VersionDetailsWidget::setSourceUri(const QString &uri)
{
    if (uri == m_sourceUri)
        return;
    stopLoading();
    m_sourceUri = uri;
    m_kept.clear();
}

void VersionDetailsWidget::invalidateArtifacts()
{
    m_kept.clear();
}

void VersionDetailsWidget::addHeaderAction(QAction *action)
{
    auto *button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_headerLayout->insertWidget(m_headerActions++, button);
}

QString VersionDetailsWidget::keyOf(const VersionDetails &d) const
{
    const ModelVersion &v = d.version();
    return QStringList{m_sourceUri, v.name, QString::number(v.version), v.runId, v.source, d.runArtifactUri(),
                       d.loggedModelArtifactUri()}
        .join(QChar(0x1f));
}

void VersionDetailsWidget::showVersion(const VersionDetails &details)
{
    stopLoading();
    m_left = details;
    m_right = VersionDetails();
    m_comparing = false;
    m_hasCard = true;
    startLoading();
}

void VersionDetailsWidget::showComparison(const VersionDetails &left, const VersionDetails &right)
{
    stopLoading();
    m_left = left;
    m_right = right;
    m_comparing = true;
    m_hasCard = true;
    startLoading();
}

void VersionDetailsWidget::clear(const QString &placeholder)
{
    stopLoading();
    m_hasCard = false;
    m_comparing = false;
    m_left = VersionDetails();
    m_right = VersionDetails();
    m_placeholder = placeholder;
    m_placeholderIsError = false;
    render();
}

void VersionDetailsWidget::showError(const QString &message)
{
    clear(message);
    m_placeholderIsError = true;
    render();
}

void VersionDetailsWidget::stopLoading()
{
    if (!m_reading.isRunning())
        return;
    m_reading.discard();
    m_busy->hide();
}

void VersionDetailsWidget::cancelLoading()
{
    if (!m_reading.isRunning())
        return;
    stopLoading();
    for (VersionDetails *d : {&m_left, &m_right})
        if (d->artifacts().state == VersionArtifacts::State::Loading)
            d->setArtifactsState(VersionArtifacts::State::Cancelled);
    render();
    Q_EMIT artifactsFinished();
}

void VersionDetailsWidget::startLoading()
{
    QList<ReadJob> jobs;
    QList<VersionDetails *> sides{&m_left};
    if (m_comparing)
        sides.append(&m_right);
    for (VersionDetails *d : sides) {
        const QString key = keyOf(*d);
        if (d->isPrompt()) {
            // A prompt's content is its template: there are no model files to look for.
            d->setArtifactsState(VersionArtifacts::State::NotApplicable);
        } else if (const auto it = m_kept.constFind(key); it != m_kept.cend()) {
            d->setArtifacts(*it);
        } else {
            d->setArtifactsState(VersionArtifacts::State::Loading);
            if (std::none_of(jobs.cbegin(), jobs.cend(), [&](const ReadJob &j) { return j.key == key; }))
                jobs.append(ReadJob{key, ArtifactLocation::forVersion(d->version(), d->runArtifactUri(),
                                                                     d->loggedModelArtifactUri())});
        }
    }
    if (jobs.isEmpty()) {
        render();
        Q_EMIT artifactsFinished();
        return;
    }
    using Results = QList<QPair<QString, VersionArtifacts>>;
    const auto read = [uri = m_sourceUri, jobs](const JobToken &token) {
        return readArtifacts(uri, jobs, token.cancelFlag());
    };
    m_reading.start(read, [this](const Results &results) {
        m_busy->hide();
        for (const auto &[key, artifacts] : results) {
            if (artifacts.state == VersionArtifacts::State::Loaded)
                m_kept.insert(key, artifacts);
            for (VersionDetails *d : {&m_left, &m_right})
                if (d->artifacts().state == VersionArtifacts::State::Loading && keyOf(*d) == key)
                    d->setArtifacts(artifacts);
        }
        render();
        Q_EMIT artifactsFinished();
    });
    m_busy->show();
    render();
}

VersionDiff VersionDetailsWidget::diff() const
{
    return m_comparing ? VersionDiff::compare(m_left, m_right) : VersionDiff();
}

QString VersionDetailsWidget::plainText() const
{
    if (!m_hasCard)
        return m_placeholder;
    return m_comparing ? diff().toText() : m_left.toText();
}

void VersionDetailsWidget::updateHeader()
{
    m_copy->setEnabled(m_hasCard);
    m_closeCompare->setVisible(m_comparing);
    m_onlyDiffs->setVisible(m_comparing);
    if (!m_hasCard) {
        m_title->setText(tr("Version details"));
        m_title->setToolTip(QString());
        return;
    }
    if (!m_comparing) {
        const QString stage = m_left.version().currentStage;
        m_title->setText(stage.isEmpty() || stage == kStageNone ? m_left.title()
                                                                : tr("%1 — %2").arg(m_left.title(), stage));
    } else {
        const int n = diff().differences();
        // The singular on its own: without an English translation file %n alone would read "1 differences".
        m_title->setText(n == 1 ? tr("%1 → %2: 1 difference").arg(m_left.title(), m_right.title())
                                : tr("%1 → %2: %n differences", nullptr, n).arg(m_left.title(), m_right.title()));
    }
    m_title->setToolTip(plainToolTip(m_title->text()));
}

void VersionDetailsWidget::render()
{
    updateHeader();
    const int scroll = m_view->verticalScrollBar()->value();
    if (!m_hasCard) {
        const Colors c(palette());
        m_view->setHtml(u"<p style=\"color:%1\">%2%3</p>"_s.arg(m_placeholderIsError ? c.error : c.muted,
                                                                 m_placeholderIsError ? u"⚠ "_s : QString(),
                                                                 esc(m_placeholder)));
        return;
    }
    m_view->setHtml(m_comparing ? renderDiff(diff()) : renderCard(m_left));
    m_view->verticalScrollBar()->setValue(scroll);
}

QString VersionDetailsWidget::renderCard(const VersionDetails &d) const
{
    const Colors c(palette());
    QString html;
    const QList<DetailSection> sections = d.sections();
    for (const DetailSection &s : sections) {
        html += u"<h3>%1</h3>"_s.arg(esc(s.title));
        if (!s.note.isEmpty())
            html += u"<p style=\"color:%1\">%2%3</p>"_s.arg(s.noteIsError ? c.error : c.muted,
                                                            s.noteIsError ? u"⚠ "_s : QString(), esc(s.note));
        if (!s.rows.isEmpty()) {
            html += u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">"_s;
            for (const DetailRow &r : s.rows) {
                QString value = esc(r.value);
                if (!r.detail.isEmpty())
                    value += u"<br><span style=\"color:%1; font-size:small\">%2</span>"_s.arg(c.muted, esc(r.detail));
                html += u"<tr><td width=\"35%\" style=\"color:%1\">%2</td><td>%3</td></tr>"_s.arg(c.muted, esc(r.label),
                                                                                                     value);
            }
            html += u"</table>"_s;
        }
        for (const QString &p : s.problems)
            html += u"<p style=\"color:%1\">⚠ %2</p>"_s.arg(c.error, esc(p));
    }
    return html;
}

QString VersionDetailsWidget::renderDiff(const VersionDiff &diff) const
{
    const Colors c(palette());
    const bool onlyDiffs = m_onlyDiffs->isChecked();
    QString html = u"<p style=\"color:%1\">%2</p>"_s.arg(
        c.muted, esc(tr("%1 changed · %2 only in %3 · %4 only in %5")
                         .arg(kChangedGlyph, kAddedGlyph, diff.rightTitle, kRemovedGlyph, diff.leftTitle)));
    for (const SectionDiff &s : diff.sections) {
        html += u"<h3>%1</h3>"_s.arg(esc(s.title));
        const QString noteColor = s.noteIsError ? c.error : c.muted;
        if (!s.leftNote.isEmpty() && (s.rows.isEmpty() || s.noteIsError))
            html += u"<p style=\"color:%1\">%2</p>"_s.arg(noteColor, esc(tr("%1: %2").arg(diff.leftTitle, s.leftNote)));
        if (!s.rightNote.isEmpty() && (s.rows.isEmpty() || s.noteIsError))
            html += u"<p style=\"color:%1\">%2</p>"_s.arg(noteColor, esc(tr("%1: %2").arg(diff.rightTitle, s.rightNote)));
        if (s.rows.isEmpty())
            continue;
        html += u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">"_s;
        html += u"<tr><th width=\"4%\"></th><th align=\"left\" width=\"28%\">%1</th><th align=\"left\" width=\"34%\">%2</th>"
                "<th align=\"left\" width=\"34%\">%3</th></tr>"_s.arg(esc(tr("Field")), esc(diff.leftTitle),
                                                                       esc(diff.rightTitle));
        int shown = 0;
        for (const DiffRow &r : s.rows) {
            if (onlyDiffs && r.change == RowChange::Unchanged)
                continue;
            ++shown;
            QString glyph, bg, what;
            switch (r.change) {
            case RowChange::Unchanged: break;
            case RowChange::Changed: glyph = kChangedGlyph; bg = c.changed; what = tr("changed"); break;
            case RowChange::Added: glyph = kAddedGlyph; bg = c.added; what = tr("only in %1").arg(diff.rightTitle); break;
            case RowChange::Removed: glyph = kRemovedGlyph; bg = c.removed; what = tr("only in %1").arg(diff.leftTitle); break;
            }
            const QString cell = bg.isEmpty() ? u"<td>"_s : u"<td bgcolor=\"%1\">"_s.arg(bg);
            auto valueHtml = [&](const QString &value, const QString &detail) {
                QString v = esc(value);
                if (!detail.isEmpty())
                    v += u"<br><span style=\"color:%1; font-size:small\">%2</span>"_s.arg(c.muted, esc(detail));
                return v;
            };
            html += u"<tr>"_s + cell + u"<b title=\"%1\">%2</b></td>"_s.arg(esc(what), esc(glyph)) + cell
                + esc(r.label) + u"</td>"_s + cell + valueHtml(r.left, r.leftDetail) + u"</td>"_s + cell
                + valueHtml(r.right, r.rightDetail) + u"</td></tr>"_s;
        }
        html += u"</table>"_s;
        if (shown == 0)
            html += u"<p style=\"color:%1\">%2</p>"_s.arg(c.muted, esc(tr("No differences.")));
    }
    return html;
}

} // namespace md
