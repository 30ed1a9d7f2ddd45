// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the fuzz targets without libFuzzer (the CTest test fuzz_corpus_replay, built with any
// compiler): every file of tests/fuzz/corpus/<target>/ and then a fixed-seed set of mutations of
// them (truncations, byte flips, insertions of quotes, brackets, NUL, separators, huge numbers,
// removed and repeated ranges) go to each target. Passes when nothing crashes or aborts; under the
// asan preset memory errors are caught as well. When an input kills the process it is first saved
// to ./fuzz-replay-crash-<target> so that it can be added to the corpus as a regression.
//
//   md_fuzz_replay CORPUS_ROOT [--mutations N] [TARGET ...]

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QString>

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

// Each target's LLVMFuzzerTestOneInput, renamed by tests/fuzz/CMakeLists.txt.
#define MD_FUZZ_TARGETS(X) \
    X(fuzz_search_filter)  \
    X(fuzz_rest_json)      \
    X(fuzz_filestore_yaml) \
    X(fuzz_version_txt)    \
    X(fuzz_policies)       \
    X(fuzz_mlmodel)        \
    X(fuzz_history_page)

#define MD_DECLARE(name) extern "C" int mdFuzz_##name(const uint8_t *data, size_t size);
MD_FUZZ_TARGETS(MD_DECLARE)
#undef MD_DECLARE

namespace {

using Entry = int (*)(const uint8_t *, size_t);
struct Target {
    const char *name;
    Entry entry;
};

#define MD_ENTRY(name) Target{#name, &mdFuzz_##name},
const Target kTargets[] = {MD_FUZZ_TARGETS(MD_ENTRY)};
#undef MD_ENTRY

// What the crash handler saves: the input being run and where it goes. Plain buffers, because
// only async-signal-safe calls are allowed in the handler.
char g_crashPath[256];
const char *g_input = nullptr;
size_t g_inputSize = 0;

extern "C" void onCrash(int sig)
{
    const int fd = ::open(g_crashPath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        if (g_input && g_inputSize > 0)
            (void)!::write(fd, g_input, g_inputSize);
        ::close(fd);
    }
    static const char msg[] = "\nmd_fuzz_replay: the input that crashed was saved to ";
    (void)!::write(2, msg, sizeof msg - 1);
    (void)!::write(2, g_crashPath, std::strlen(g_crashPath));
    (void)!::write(2, "\n", 1);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

void runOne(const Target &t, const QByteArray &input)
{
    g_input = input.constData();
    g_inputSize = size_t(input.size());
    t.entry(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
    g_input = nullptr;
    g_inputSize = 0;
}

/// Bytes that matter to the parsers: quotes, brackets, separators, escapes, NUL, newlines.
const char *const kTokens[] = {
    "'", "\"", "`", "\\", "[", "]", "{", "}", "(", ")", ":", ",", "\n", "\r\n", " ", "\t", "#", "-",
    "- ", "%", "_", "=", "!=", "<=", " AND ", " IN ", " LIKE ", " IS NULL", "NaN", "-Infinity",
    "1e309", "-0", "99999999999999999999", "-9223372036854775808", "\xff", "\xc3\xa9", "\xed\xa0\x80",
    "*anchor", "&anchor ", "!!binary ", "? ", "|", ">", "\n--8<--\n", "null", "true", "[]", "{}",
};

QByteArray mutate(QByteArray in, std::mt19937 &rng)
{
    auto pick = [&rng](qsizetype n) { return n <= 0 ? qsizetype(0) : qsizetype(rng() % quint64(n)); };
    const int rounds = 1 + int(rng() % 4);
    for (int r = 0; r < rounds; ++r) {
        switch (rng() % 7) {
        case 0: // truncate
            in.truncate(pick(in.size() + 1));
            break;
        case 1: // flip one byte
            if (!in.isEmpty()) {
                const qsizetype at = pick(in.size());
                in[at] = char(in[at] ^ char(1u << (rng() % 8)));
            }
            break;
        case 2: // insert a token
        case 3:
            in.insert(pick(in.size() + 1), kTokens[pick(qsizetype(std::size(kTokens)))]);
            break;
        case 4: // insert a NUL or a random byte
            in.insert(pick(in.size() + 1), rng() % 2 ? '\0' : char(rng() % 256));
            break;
        case 5: { // remove a range
            const qsizetype at = pick(in.size());
            in.remove(at, pick(qMin<qsizetype>(64, in.size() - at) + 1));
            break;
        }
        case 6: { // repeat a range
            const qsizetype at = pick(in.size());
            const QByteArray part = in.mid(at, pick(qMin<qsizetype>(64, in.size() - at) + 1));
            in.insert(pick(in.size() + 1), part.repeated(1 + int(rng() % 8)));
            break;
        }
        }
    }
    return in;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_ROOT [--mutations N] [TARGET ...]\n", argv[0]);
        return 2;
    }
    const QString root = QString::fromLocal8Bit(argv[1]);
    int mutations = 2000;
    QList<QByteArray> only;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--mutations") == 0 && i + 1 < argc)
            mutations = std::atoi(argv[++i]);
        else
            only.append(argv[i]);
    }
    for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL})
        std::signal(sig, onCrash);

    int failures = 0;
    for (const Target &t : kTargets) {
        if (!only.isEmpty() && !only.contains(t.name))
            continue;
        std::snprintf(g_crashPath, sizeof g_crashPath, "fuzz-replay-crash-%s", t.name);
        const QDir dir(root + u'/' + QString::fromLatin1(t.name));
        QList<QByteArray> corpus;
        for (const QString &f : dir.entryList(QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(f));
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "%s: cannot read %s\n", t.name, qPrintable(file.fileName()));
                return 2;
            }
            corpus.append(file.readAll());
        }
        if (corpus.isEmpty()) {
            // A target without seeds would pass without testing anything.
            std::fprintf(stderr, "%s: no corpus files in %s\n", t.name, qPrintable(dir.path()));
            ++failures;
            continue;
        }
        QElapsedTimer timer;
        timer.start();
        for (const QByteArray &input : std::as_const(corpus))
            runOne(t, input);
        std::mt19937 rng(20240607u); // fixed: the same mutations on every run
        for (int i = 0; i < mutations; ++i)
            runOne(t, mutate(corpus[qsizetype(rng() % quint64(corpus.size()))], rng));
        std::printf("%-20s %3lld corpus files + %d mutations: no crash (%lld ms)\n", t.name,
                    static_cast<long long>(corpus.size()), mutations, static_cast<long long>(timer.elapsed()));
    }
    return failures == 0 ? 0 : 1;
}
