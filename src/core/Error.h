// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace md {

/// What kind of failure an Error is. Drives exit codes (CLI) and how the GUI words it.
enum class ErrorCategory {
    BadInput,   ///< the user's input or a source's content is malformed (exit code 2)
    NotFound,   ///< a file, run, model … named by the user does not exist (exit code 2)
    Storage,    ///< the local cache or journal could not be read or written (exit code 1)
    Network,    ///< a server could not be reached or answered garbage (exit code 1)
    Auth,       ///< 401: the server needs the user to sign in (exit code 1)
    Permission, ///< 403: signed in, but not allowed to do this (exit code 1)
    Conflict,   ///< the state changed under us (exit code 1)
    Policy,     ///< a policy rule refused the action, e.g. four eyes (exit code 3)
    Cancelled,  ///< the user cancelled (exit code 1)
    Internal,   ///< a bug (exit code 1)
};

/// One clear error: what went wrong and where (file[:line], field, URL).
struct Error {
    ErrorCategory category = ErrorCategory::Internal;
    QString message;  ///< translated, user-facing, without the location
    QString where;    ///< file path with optional ":line", field name or URL; may be empty

    /// "where: message", or just the message when there is no location.
    QString toString() const { return where.isEmpty() ? message : where + QStringLiteral(": ") + message; }
    /// 2 for the user's or a source's bad input, 3 for a policy refusal, 1 for runtime failures.
    int exitCode() const
    {
        if (category == ErrorCategory::Policy)
            return 3;
        return category == ErrorCategory::BadInput || category == ErrorCategory::NotFound ? 2 : 1;
    }
};

inline Error makeError(ErrorCategory c, QString message, QString where = {})
{
    return Error{c, std::move(message), std::move(where)};
}

/// A value or an Error. Small on purpose: C++20 has no std::expected.
template<typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error e) : m_v(std::move(e)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<0>(m_v); }
    const T &value() const { return std::get<0>(m_v); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template<>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error e) : m_e(std::move(e)) {}
    bool ok() const { return !m_e.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_e; }

private:
    std::optional<Error> m_e;
};

using Status = Result<void>;

} // namespace md
