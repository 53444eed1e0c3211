#include "RedactedLog.h"

#include "domain/Redaction.h"

#include <QtGlobal>

#include <atomic>

namespace tlr::RedactedLog {
namespace {

std::atomic<QtMessageHandler> g_next{nullptr};

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // Only the text: the category, file and function name what logged, never a secret.
    if (const QtMessageHandler next = g_next.load())
        next(type, context, Redaction::text(message));
}

} // namespace

void install()
{
    // Set before the handler is live: a message from another thread finds where to go.
    const QtMessageHandler current = qInstallMessageHandler(nullptr);
    if (current != redactingHandler)
        g_next.store(current);
    qInstallMessageHandler(redactingHandler);
}

} // namespace tlr::RedactedLog
