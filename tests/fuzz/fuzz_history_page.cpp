// SPDX-License-Identifier: GPL-3.0-or-later
// Differential fuzzing of the two ways a metrics/get-history page is read (src/sources/RestJson.h):
// scanHistoryPage() straight from the bytes and parseHistoryPage() through a json DOM. The input
// is the asked metric key and the page, joined by md::fuzz::kSeparator. Whenever the scanner takes
// a page, the general way must take it too and give the same points (key, value bits, timestamp,
// step) in the same order and the same next page token; anything else traps. The same body is also
// read as a get-history-bulk answer: scanBulkHistories() against parseBulkHistories().

#include "FuzzSupport.h"

#include "sources/rest/RestJson.h"

#include <cstring>

using namespace md::restjson;

namespace {

bool samePoint(const md::MetricPoint &a, const md::MetricPoint &b)
{
    // bit for bit: -0.0 against 0.0 or another rounding of a value is a difference
    return a.key == b.key && std::memcmp(&a.value, &b.value, sizeof a.value) == 0 && a.timestamp == b.timestamp
        && a.step == b.step;
}

/// Whenever the bulk scanner takes the body, the general way takes it too, with the same runs and
/// the same points of each run in the same order.
void checkBulk(const QByteArray &body, const QString &key)
{
    const int maxResults = 16; // small, so that the cut is reached
    const auto fast = scanBulkHistories(body, key, maxResults);
    const auto general = parseBulkHistories(body, key, maxResults);
    if (!fast) {
        md::fuzz::keep(general ? general->size() : 0);
        return;
    }
    if (!general || fast->size() != general->size())
        __builtin_trap();
    for (auto it = fast->cbegin(); it != fast->cend(); ++it) {
        const auto g = general->constFind(it.key());
        if (g == general->cend() || g->size() != it->size())
            __builtin_trap();
        for (qsizetype i = 0; i < it->size(); ++i)
            if (!samePoint(it->at(i), g->at(i)))
                __builtin_trap();
    }
    md::fuzz::keep(fast->size());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> parts = md::fuzz::splitInput(md::fuzz::bytesOf(data, size), 2);
    const QString key = QString::fromUtf8(parts[0]);
    const QByteArray &body = parts[1];

    checkBulk(body, key);

    const auto fast = scanHistoryPage(body, key);
    const auto general = parseHistoryPage(body, key, QStringLiteral("http://fuzz/get-history"));
    if (!fast) {
        md::fuzz::keep(general ? general->points.size() : general.error().message.size());
        return 0;
    }
    if (!general)
        __builtin_trap(); // the scanner took what is not a JSON object
    if (fast->next != general->next || fast->points.size() != general->points.size())
        __builtin_trap();
    for (qsizetype i = 0; i < fast->points.size(); ++i)
        if (!samePoint(fast->points[i], general->points[i]))
            __builtin_trap();
    md::fuzz::keep(fast->points.size());
    return 0;
}
