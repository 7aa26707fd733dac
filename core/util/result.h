#pragma once

#include "util/tr.h"

#include <QString>

#include <expected>

namespace Corral {

// What went wrong, for code that reacts to errors; the message is for people.
enum class ErrorCode {
    Generic,
    InvalidArgument, // bad input from the user: a name, a URI, a size
    NotFound, // a host, VM or record that does not exist
    AlreadyExists,
    Ambiguous, // a name that matches more than one object
    Unsupported, // the host or driver cannot do this
    Offline, // the host is not connected
    Connection, // could not reach or lost the host
    Authentication, // credentials refused or cancelled
    HostKeyUnknown, // the SSH host key is not in known_hosts and was not accepted
    HostKeyChanged, // the SSH host key differs from known_hosts: refused
    Timeout,
    Cancelled,
    Storage, // SQLite or file I/O
    Busy, // the catalog is locked by another process
    OperationFailed, // libvirt refused the operation
};

// An error: a code to branch on, a translated message for the user (what happened and what
// to do), and detail for the log (library messages, paths).
struct Error
{
    ErrorCode code = ErrorCode::Generic;
    QString message;
    QString detail;

    QString fullText() const
    {
        return detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + u')';
    }
    friend bool operator==(const Error &, const Error &) = default;
};

template<typename T = void> using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, QString message, QString detail = {})
{
    return std::unexpected(Error{code, std::move(message), std::move(detail)});
}

} // namespace Corral

Q_DECLARE_METATYPE(Corral::Error)
