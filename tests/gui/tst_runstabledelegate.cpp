// SPDX-License-Identifier: GPL-3.0-or-later
// The runs table's delegate paints what QStyledItemDelegate paints, pixel for pixel: the same
// table is grabbed once with each, in the light and the dark palette, active, inactive and
// disabled, with a selected row, alternate rows, right-aligned numbers, a greyed "Loading…" cell,
// a struck-out deleted run, text that must elide, icons, kerning pairs, ligatures and non-Latin
// text. Offscreen. The pictures must be equal to the bit, no tolerance: the fast path puts each
// glyph at the 1/64-pixel position QTextLayout gives it and draws it from the same glyph cache,
// so even the antialiased edges come out the same. The grid, which PlaceholderTableView fills
// itself, is checked against QTableView's the same way.
#include "gui/PlaceholderTableView.h"
#include "gui/RunsTableDelegate.h"
#include "gui/Theme.h"
#include "models/RunsTableModel.h"

#include <QApplication>
#include <QDir>
#include <QFontMetricsF>
#include <QHeaderView>
#include <QIcon>
#include <QImage>
#include <QItemSelectionModel>
#include <QPainter>
#include <QPixmap>
#include <QProxyStyle>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QStyleFactory>
#include <QStyledItemDelegate>
#include <QTest>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;
using md::RunsTableDelegate;
using md::Theme;

namespace {

enum Column { Name, Status, Started, Duration, User, Metric1, Metric2, Narrow, Centred, Param, Words, ColumnCount };

constexpr int kSelectedRow = 2;
constexpr int kLoadingRow = 4;
constexpr int kDeletedRow = 5;

QStandardItem *item(const QString &text, Qt::Alignment alignment = {})
{
    auto *it = new QStandardItem(text);
    if (alignment)
        it->setData(QVariant(alignment), Qt::TextAlignmentRole);
    return it;
}

QIcon statusIcon(const QColor &colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(colour);
    p.setPen(Qt::NoPen);
    p.drawEllipse(QRectF(1, 1, 14, 14));
    return QIcon(pixmap);
}

/// Rows as the runs table shows them, and the cells that put each role to the test.
std::unique_ptr<QStandardItemModel> runsLikeModel()
{
    auto model = std::make_unique<QStandardItemModel>(0, ColumnCount);
    const QStringList words = {u"AVATAR"_s, u"Type"_s, u"Wave"_s, u"office"_s, u"fine-tuning"_s, u"To. Va, Yo"_s,
                               u"T'y"_s, u"L'Ā"_s, u"Ωmega"_s, u"«quote»"_s, u"x ≥ 0.5"_s};
    // The table's own SVG icons, and one from a pixmap.
    const QIcon finished = md::RunsTableModel::statusIcon(u"FINISHED"_s);
    const QIcon running = md::RunsTableModel::statusIcon(u"RUNNING"_s);
    const QIcon drawn = statusIcon(QColor(0x2e, 0x9e, 0x4f));
    for (int r = 0; r < 24; ++r) {
        QList<QStandardItem *> row;
        row << item(u"run-%1"_s.arg(99999 - r));
        auto *status = item(r % 3 == 0 ? u"Running"_s : u"Finished"_s);
        status->setIcon(r % 7 == 6 ? drawn : r % 3 == 0 ? running : finished);
        row << status;
        row << item(u"2027-02-04 10:%1"_s.arg(59 - r, 2, 10, QChar(u'0')));
        row << item(r % 4 == 0 ? u"44.5 s"_s : u"%1 min %2 s"_s.arg(1 + r % 9).arg(r * 7 % 60, 2, 10, QChar(u'0')),
                    Qt::AlignRight | Qt::AlignVCenter);
        row << item(r % 2 ? u"alice"_s : u"bob"_s);
        row << item(QString::number(0.343935 + r * 0.1731, 'g', 6), Qt::AlignRight | Qt::AlignVCenter);
        row << item(QString::number(1.47406 * (r + 1) / 7.0, 'g', 6), Qt::AlignRight | Qt::AlignVCenter);
        // A column too narrow for most of its values: they elide.
        row << item(r % 2 ? u"3.14159265358979"_s : u"7"_s, Qt::AlignRight | Qt::AlignVCenter);
        row << item(u"c%1"_s.arg(r * 13), Qt::AlignHCenter | Qt::AlignVCenter);
        row << item(r % 5 == 1 ? QString() : u"lr=0.0%1, optimizer=adamw, schedule=cosine"_s.arg(r));
        row << item(words.at(r % words.size()));
        model->appendRow(row);
    }
    // Non-Latin text: Cyrillic and Greek have glyphs in the usual sans-serif font, Japanese comes
    // from a fallback font, Arabic is right to left.
    model->item(1, User)->setText(u"скорость"_s);
    model->item(3, User)->setText(u"学習率"_s);
    model->item(6, User)->setText(u"مرحبا"_s);
    model->item(7, User)->setText(u"Ελένη"_s);
    // A run still being read: greyed "Loading…" in the name, the rest empty.
    const QColor grey = QGuiApplication::palette().color(QPalette::PlaceholderText);
    for (int c = 0; c < ColumnCount; ++c) {
        QStandardItem *it = model->item(kLoadingRow, c);
        it->setData(QVariant(), Qt::DecorationRole);
        it->setText(c == Name ? u"Loading…"_s : QString());
        it->setData(grey, Qt::ForegroundRole);
    }
    // A deleted run: every cell struck out.
    QFont struck;
    struck.setStrikeOut(true);
    for (int c = 0; c < ColumnCount; ++c)
        model->item(kDeletedRow, c)->setData(struck, Qt::FontRole);
    // A disabled cell, and text with blanks and a line break.
    model->item(8, Name)->setEnabled(false);
    model->item(8, Status)->setEnabled(false);
    // Decorations other than icons.
    model->item(11, Status)->setData(QColor(Qt::red), Qt::DecorationRole);
    model->item(12, Status)->setData(drawn.pixmap(16, 16), Qt::DecorationRole);
    model->item(9, Name)->setText(u" run-1 "_s);
    model->item(10, Param)->setText(u"two\nlines"_s);
    return model;
}

/// `view` set up as RunsPage sets up the runs table (ui/RunsPage.ui).
template <typename View> std::unique_ptr<View> runsLikeView(QAbstractItemModel *model)
{
    auto view = std::make_unique<View>();
    view->setModel(model);
    view->setAlternatingRowColors(true);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setWordWrap(false);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->resize(1200, 700);
    return view;
}

std::unique_ptr<md::PlaceholderTableView> runsLikeView(QAbstractItemModel *model)
{
    return runsLikeView<md::PlaceholderTableView>(model);
}

/// A table that hands out the options it gives its delegate.
class OptionView : public QTableView {
public:
    void options(QStyleOptionViewItem *option) const { initViewItemOption(option); }
};

/// `view`'s viewport painted with `delegate`.
QImage grabWith(QTableView *view, QAbstractItemDelegate *delegate)
{
    view->setItemDelegate(delegate);
    return view->viewport()->grab().toImage().convertToFormat(QImage::Format_ARGB32);
}

/// Empty when `a` and `b` are the same picture; else where they differ first, how many pixels
/// differ, and where both were saved.
QString differences(const QImage &a, const QImage &b, const QTableView *view, const QString &name)
{
    if (a.size() != b.size())
        return u"sizes differ"_s;
    int count = 0;
    QPoint first(-1, -1);
    for (int y = 0; y < a.height(); ++y) {
        const auto *la = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *lb = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            if (la[x] != lb[x]) {
                if (count++ == 0)
                    first = QPoint(x, y);
            }
        }
    }
    if (count == 0)
        return {};
    const QString base = QDir::temp().filePath(u"tst_runstabledelegate-"_s + name);
    a.save(base + u"-styled.png"_s);
    b.save(base + u"-fast.png"_s);
    const QModelIndex cell = view->indexAt((QPointF(first) / a.devicePixelRatio()).toPoint());
    return u"%1 pixels differ, the first at (%2, %3) in cell (%4, %5): %6 instead of %7; saved as %8-*.png"_s.arg(count)
        .arg(first.x())
        .arg(first.y())
        .arg(cell.row())
        .arg(cell.column())
        .arg(QColor(b.pixel(first)).name(), QColor(a.pixel(first)).name(), base);
}

} // namespace

class TestRunsTableDelegate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void samePicture_data();
    void samePicture();
    void manyValuesSamePicture_data();
    void manyValuesSamePicture();
    void elidesWhereTheStyleElides_data();
    void elidesWhereTheStyleElides();
    void plainCellsTakeTheFastPath();
    void sameSizeHints();
    void gridSamePicture_data();
    void gridSamePicture();
};

void TestRunsTableDelegate::initTestCase()
{
    Theme::apply(Theme::Mode::System);  // remembers the platform's look
}

void TestRunsTableDelegate::cleanup()
{
    Theme::apply(Theme::Mode::System);
}

void TestRunsTableDelegate::samePicture_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("active");
    QTest::addColumn<bool>("enabled");
    QTest::newRow("light") << false << true << true;
    QTest::newRow("dark") << true << true << true;
    QTest::newRow("light, inactive window") << false << false << true;
    QTest::newRow("dark, inactive window") << true << false << true;
    QTest::newRow("light, disabled") << false << true << false;
    QTest::newRow("dark, disabled") << true << true << false;
}

void TestRunsTableDelegate::samePicture()
{
    QFETCH(bool, dark);
    QFETCH(bool, active);
    QFETCH(bool, enabled);
    Theme::apply(dark ? Theme::Mode::Dark : Theme::Mode::Light);
    const auto model = runsLikeModel();
    const auto view = runsLikeView(model.get());
    const int widths[ColumnCount] = {92, 80, 116, 84, 72, 98, 98, 44, 60, 180, 110};
    for (int c = 0; c < ColumnCount; ++c)
        view->setColumnWidth(c, widths[c]);
    view->setEnabled(enabled);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    QWidget other;
    if (active) {
        view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(view.get()));
    } else {
        other.show();
        other.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&other));
        QVERIFY(!view->isActiveWindow());
    }
    view->selectRow(kSelectedRow);
    view->selectionModel()->select(model->index(kDeletedRow, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    // The current cell (with its focus frame when the view has focus).
    view->selectionModel()->setCurrentIndex(model->index(7, Metric1), QItemSelectionModel::NoUpdate);
    view->setFocus();

    QStyledItemDelegate styled;
    RunsTableDelegate fast;
    const QImage expected = grabWith(view.get(), &styled);
    const QImage actual = grabWith(view.get(), &fast);
    const QString tag = QString::fromUtf8(QTest::currentDataTag()).replace(u' ', u'-').remove(u',');
    const QString diff = differences(expected, actual, view.get(), tag);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    // Most cells took the fast path; elided text, Japanese, Arabic, pixmaps and the focus frame did not.
    const RunsTableDelegate::Counts counts = fast.counts();
    QVERIFY2(counts.fast > 4 * counts.fallback, qPrintable(u"fast %1, fallback %2"_s.arg(counts.fast).arg(counts.fallback)));
    QVERIFY(counts.fallback > 0);
    view->setItemDelegate(nullptr);
}

void TestRunsTableDelegate::manyValuesSamePicture_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

// Numbers, dates, durations, names and prose as the runs table shows them: every pair of
// characters the fast path kerns must land where the shaper puts it.
void TestRunsTableDelegate::manyValuesSamePicture()
{
    QFETCH(bool, dark);
    Theme::apply(dark ? Theme::Mode::Dark : Theme::Mode::Light);
    QRandomGenerator rng(20261205);
    const QStringList prose = {u"The quick brown fox jumps over the lazy dog"_s, u"WAVE-Try: AVATAR, Lt.Col. P.J. Fly"_s,
                               u"efficient-affine fluffy"_s, u"y = f(x) + 1/2 % [a-z]{3} @host #42 $5 &c *"_s,
                               u"Ü Ö Ä ß é è ê ñ ç Œ æ ø Å"_s, u"“quoted” ‘single’ — dash – en…"_s,
                               u"Привет, мир"_s, u"Αλφα βήτα"_s};
    auto model = std::make_unique<QStandardItemModel>(0, 12);
    for (int r = 0; r < 40; ++r) {
        QList<QStandardItem *> row;
        for (int c = 0; c < 12; ++c) {
            QString text;
            switch (c % 6) {
            case 0: text = QString::number(rng.generateDouble() * std::pow(10.0, rng.bounded(-4, 6)), 'g', 6); break;
            case 1: text = QString::number(-rng.generateDouble() * 1e-3, 'g', 4); break;
            case 2: text = u"%1 min %2 s"_s.arg(rng.bounded(60)).arg(rng.bounded(60)); break;
            case 3: text = u"2027-%1-%2 %3:%4"_s.arg(rng.bounded(1, 13)).arg(rng.bounded(1, 29)).arg(rng.bounded(24)).arg(rng.bounded(60)); break;
            case 4: text = prose.at(rng.bounded(prose.size())).mid(rng.bounded(8), 12 + rng.bounded(10)).trimmed(); break;
            default: text = u"run-%1-%2"_s.arg(rng.bounded(100000)).arg(QChar(u'a' + rng.bounded(26))); break;
            }
            row << item(text, c % 2 ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
        }
        model->appendRow(row);
    }
    const auto view = runsLikeView(model.get());
    for (int c = 0; c < 12; ++c)
        view->setColumnWidth(c, 150);
    view->resize(1850, 1000);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    view->selectRow(3);

    QStyledItemDelegate styled;
    RunsTableDelegate fast;
    const QImage expected = grabWith(view.get(), &styled);
    const QImage actual = grabWith(view.get(), &fast);
    const QString diff = differences(expected, actual, view.get(), u"many-"_s + QString::fromUtf8(QTest::currentDataTag()));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY2(fast.counts().fast > 10 * fast.counts().fallback,
             qPrintable(u"fast %1, fallback %2"_s.arg(fast.counts().fast).arg(fast.counts().fallback)));
    view->setItemDelegate(nullptr);
}

void TestRunsTableDelegate::elidesWhereTheStyleElides_data()
{
    QTest::addColumn<QString>("text");
    // Last glyphs that reach past their advance (a negative right bearing counts towards the
    // width QCommonStyle compares with the cell's), and some that do not.
    for (const QString &text : {u"leaf"_s, u"run-0f"_s, u"AVATAR-T"_s, u"VIEW-Y"_s, u"0.5A"_s, u"run-99999"_s, u"1.2345"_s})
        QTest::newRow(qPrintable(text)) << text;
}

// Columns a pixel at a time around the text's width: the text is elided in the same columns.
void TestRunsTableDelegate::elidesWhereTheStyleElides()
{
    QFETCH(QString, text);
    Theme::apply(Theme::Mode::Light);
    constexpr int kColumns = 9;
    QStandardItemModel model(2, kColumns);
    for (int c = 0; c < kColumns; ++c) {
        model.setItem(0, c, item(text));
        model.setItem(1, c, item(text, Qt::AlignRight | Qt::AlignVCenter));
    }
    const auto view = runsLikeView(&model);
    const int margin = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view.get()) + 1;
    const qreal advance = QFontMetricsF(view->font()).horizontalAdvance(text);
    for (int c = 0; c < kColumns; ++c)
        view->setColumnWidth(c, int(std::floor(advance)) + 2 * margin - 3 + c);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    QStyledItemDelegate styled;
    RunsTableDelegate fast;
    const QImage expected = grabWith(view.get(), &styled);
    const QImage actual = grabWith(view.get(), &fast);
    const QString diff = differences(expected, actual, view.get(), u"elide-"_s + text);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(fast.counts().fast > 0);
    view->setItemDelegate(nullptr);
}

// The roles the fast path must honour are honoured by it, not by handing the cell over; and a
// cell alone (no row panel under it) comes out as QStyledItemDelegate paints it.
void TestRunsTableDelegate::plainCellsTakeTheFastPath()
{
    Theme::apply(Theme::Mode::Light);
    const auto model = runsLikeModel();
    const auto view = runsLikeView(model.get());
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    RunsTableDelegate fast;
    QStyledItemDelegate styled;
    // Each cell alone, without the row panel the view paints under it: the same picture from both.
    const auto path = [&](const QModelIndex &index, QStyle::State extra) {
        QStyleOptionViewItem option;
        option.initFrom(view.get());
        option.widget = view.get();
        option.font = view->font();
        option.rect = QRect(0, 0, 300, view->verticalHeader()->defaultSectionSize());
        option.displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
        option.showDecorationSelected = true;
        const int iconExtent = view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, view.get());
        option.decorationSize = QSize(iconExtent, iconExtent);
        option.decorationAlignment = Qt::AlignCenter;
        option.state &= ~(QStyle::State_HasFocus | QStyle::State_MouseOver);
        option.state |= extra;
        QImage expected(option.rect.size(), QImage::Format_ARGB32);
        expected.fill(view->palette().color(QPalette::Base));
        QImage actual = expected;
        {
            QPainter painter(&expected);
            styled.paint(&painter, option, index);
        }
        const RunsTableDelegate::Counts before = fast.counts();
        {
            QPainter painter(&actual);
            fast.paint(&painter, option, index);
        }
        const QString diff = differences(expected, actual, view.get(),
                                         u"cell-%1-%2"_s.arg(index.row()).arg(index.column()));
        if (!diff.isEmpty())
            return diff;
        return fast.counts().fast > before.fast ? u"fast"_s : u"fallback"_s;
    };
    QCOMPARE(path(model->index(0, Name), {}), u"fast"_s);
    QCOMPARE(path(model->index(kSelectedRow, Metric1), QStyle::State_Selected), u"fast"_s);
    QCOMPARE(path(model->index(0, Duration), {}), u"fast"_s);              // right-aligned
    QCOMPARE(path(model->index(kLoadingRow, Name), {}), u"fast"_s);        // grey
    QCOMPARE(path(model->index(kDeletedRow, Started), {}), u"fast"_s);     // struck out
    QCOMPARE(path(model->index(1, User), {}), u"fast"_s);                  // Cyrillic
    QCOMPARE(path(model->index(0, Status), {}), u"fast"_s);                // icon
    QCOMPARE(path(model->index(kSelectedRow, Status), QStyle::State_Selected), u"fast"_s);
    QCOMPARE(path(model->index(12, Status), {}), u"fallback"_s);           // pixmap
    QCOMPARE(path(model->index(6, User), {}), u"fallback"_s);              // Arabic
    QCOMPARE(path(model->index(9, Name), {}), u"fallback"_s);              // blanks around
    QCOMPARE(path(model->index(10, Param), {}), u"fallback"_s);            // two lines
    QCOMPARE(path(model->index(0, Name), QStyle::State_HasFocus), u"fallback"_s);
}

// Every cell's size hint as QStyledItemDelegate gives it, as the table asks when it sizes its
// columns and rows (RunsPage sizes the columns by a screenful of rows).
void TestRunsTableDelegate::sameSizeHints()
{
    Theme::apply(Theme::Mode::Light);
    const auto model = runsLikeModel();
    // Bold, larger and struck-out fonts, and an icon alone in a cell.
    QFont bold;
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.4);
    model->item(13, Name)->setData(bold, Qt::FontRole);
    model->item(14, Status)->setText(QString());
    auto view = std::make_unique<OptionView>();
    view->setModel(model.get());
    view->setWordWrap(false);
    view->resize(1200, 700);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    view->selectRow(kSelectedRow);
    QStyledItemDelegate styled;
    RunsTableDelegate fast;
    QStyleOptionViewItem option;
    view->options(&option);
    for (int r = 0; r < model->rowCount(); ++r) {
        for (int c = 0; c < model->columnCount(); ++c) {
            const QModelIndex index = model->index(r, c);
            for (const QStyle::State extra : {QStyle::State_None, QStyle::State_Selected}) {
                QStyleOptionViewItem cell = option;
                cell.state |= extra;
                QCOMPARE(fast.sizeHint(cell, index), styled.sizeHint(cell, index));
            }
        }
    }
    const RunsTableDelegate::Counts counts = fast.counts();
    QVERIFY2(counts.fastSizeHints > 4 * counts.fallbackSizeHints,
             qPrintable(u"fast %1, fallback %2"_s.arg(counts.fastSizeHints).arg(counts.fallbackSizeHints)));
    for (int c = 0; c < model->columnCount(); ++c) {
        view->setItemDelegate(&styled);
        const int expected = static_cast<QAbstractItemView *>(view.get())->sizeHintForColumn(c);
        view->setItemDelegate(&fast);
        QCOMPARE(static_cast<QAbstractItemView *>(view.get())->sizeHintForColumn(c), expected);
    }
    view->setItemDelegate(nullptr);
}

// PlaceholderTableView fills its grid lines itself: they must fall on the pixels QTableView
// strokes, in every case the table meets — scrolled, with hidden rows and columns, right to left,
// with the row numbers shown, for part of the viewport, in both palettes, and with the left and
// top lines a style may ask for when the headers are hidden.
void TestRunsTableDelegate::gridSamePicture_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("rightToLeft");
    QTest::addColumn<bool>("rowNumbers");
    QTest::addColumn<bool>("hidden");
    QTest::addColumn<bool>("scrolled");
    QTest::addColumn<QRect>("part");
    QTest::addColumn<bool>("leftTopLines");
    QTest::newRow("light") << false << false << false << false << false << QRect() << false;
    QTest::newRow("dark") << true << false << false << false << false << QRect() << false;
    QTest::newRow("scrolled") << false << false << false << false << true << QRect() << false;
    QTest::newRow("hidden row and column") << false << false << false << true << false << QRect() << false;
    QTest::newRow("row numbers") << false << false << true << false << true << QRect() << false;
    QTest::newRow("right to left") << false << true << false << true << true << QRect() << false;
    QTest::newRow("right to left, row numbers") << true << true << true << false << false << QRect() << false;
    QTest::newRow("part of the viewport")
        << false << false << false << false << true << QRect(37, 41, 333, 129) << false;
    QTest::newRow("left and top lines") << false << false << false << false << false << QRect() << true;
    QTest::newRow("left and top lines, right to left") << true << true << false << false << false << QRect() << true;
    QTest::newRow("part, right to left") << false << true << false << false << false << QRect(500, 3, 250, 300)
                                         << false;
}

void TestRunsTableDelegate::gridSamePicture()
{
    QFETCH(bool, dark);
    QFETCH(bool, rightToLeft);
    QFETCH(bool, rowNumbers);
    QFETCH(bool, hidden);
    QFETCH(bool, scrolled);
    QFETCH(QRect, part);
    QFETCH(bool, leftTopLines);
    Theme::apply(dark ? Theme::Mode::Dark : Theme::Mode::Light);
    // Fusion never asks for them; a style that does (as macOS's) gets them drawn by both tables.
    class LeftTopLines : public QProxyStyle {
    public:
        using QProxyStyle::QProxyStyle;
        int styleHint(StyleHint hint, const QStyleOption *option, const QWidget *widget,
            QStyleHintReturn *returnData) const override
        {
            if (hint == SH_Table_AlwaysDrawLeftTopGridLines)
                return 1;
            return QProxyStyle::styleHint(hint, option, widget, returnData);
        }
    };
    LeftTopLines leftTopStyle(QStyleFactory::create(u"Fusion"_s));
    const auto model = runsLikeModel();
    const auto qt = runsLikeView<QTableView>(model.get());
    const auto ours = runsLikeView<md::PlaceholderTableView>(model.get());
    // Neither window active, so that both show the selection alike.
    QWidget other;
    other.show();
    QImage pictures[2];
    int i = 0;
    for (QTableView *view : { qt.get(), static_cast<QTableView *>(ours.get()) }) {
        view->resize(900, 300); // narrower and lower than the table: it scrolls both ways
        view->setLayoutDirection(rightToLeft ? Qt::RightToLeft : Qt::LeftToRight);
        view->verticalHeader()->setVisible(rowNumbers);
        if (leftTopLines) {
            view->setStyle(&leftTopStyle);
            view->horizontalHeader()->hide();
        }
        if (hidden) {
            view->setRowHidden(3, true);
            view->setColumnHidden(Started, true);
        }
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view));
        // (selectRow() picks its column at the viewport's edge: none, right to left, here.)
        view->selectionModel()->select(
            model->index(kSelectedRow, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        other.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&other));
        if (scrolled) {
            view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2 + 3);
            view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->maximum() / 3 + 5);
        }
        QImage image(view->viewport()->size(), QImage::Format_ARGB32);
        image.fill(Qt::magenta);
        view->viewport()->render(&image, QPoint(), part.isNull() ? QRegion(view->viewport()->rect()) : QRegion(part));
        pictures[i++] = image;
    }
    const QString tag = u"grid-"_s + QString::fromUtf8(QTest::currentDataTag()).replace(u' ', u'-').remove(u',');
    const QString diff = differences(pictures[0], pictures[1], qt.get(), tag);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    // And there is a grid to compare: at least a row's width of pixels in the grid's colour.
    QStyleOptionViewItem option;
    option.initFrom(ours.get());
    const QRgb grid = QRgb(ours->style()->styleHint(QStyle::SH_Table_GridLineColor, &option, ours.get())) | 0xff000000u;
    qsizetype gridPixels = 0;
    for (int y = 0; y < pictures[1].height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(pictures[1].constScanLine(y));
        gridPixels += std::count(line, line + pictures[1].width(), grid);
    }
    QVERIFY2(gridPixels >= (part.isNull() ? 900 : part.width()), qPrintable(QString::number(gridPixels)));
}

QTEST_MAIN(TestRunsTableDelegate)
#include "tst_runstabledelegate.moc"
