#pragma once

namespace tlr::RedactedLog {

// Installs a Qt message handler that passes every message through Redaction::text (tokens,
// passwords in URLs, Authorization headers, secret fields) and hands the result to the handler
// that was installed before it — Qt's own, which writes to stderr or journald. Installed first
// thing in main() of every program, so it covers our categories, Qt's and those of any library
// logging through Qt, on every thread. Installing it again changes nothing.
void install();

} // namespace tlr::RedactedLog
