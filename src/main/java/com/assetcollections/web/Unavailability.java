package com.assetcollections.web;

import java.util.Optional;

/**
 * Why a request that failed in the database should be answered 503 with {@code Retry-After}
 * rather than 500: the database is unreachable, a statement ran too long, or no pooled
 * connection came in time. The handler, the filters that run before MVC and the container's error
 * page all answer it alike.
 *
 * @param message the error body's message
 * @param retryAfterSeconds the {@code Retry-After} value
 * @param logMessage what the one warning logged for it says
 */
public record Unavailability(String message, String retryAfterSeconds, String logMessage) {

    private static final Unavailability UNREACHABLE = new Unavailability(
            DatabaseUnreachable.MESSAGE, DatabaseUnreachable.RETRY_AFTER_SECONDS, "the database is unreachable");
    private static final Unavailability SLOW_STATEMENT = new Unavailability(
            StatementTimeout.MESSAGE,
            StatementTimeout.RETRY_AFTER_SECONDS,
            "a statement ran past the statement timeout");
    private static final Unavailability OVERLOADED =
            new Unavailability(Overload.MESSAGE, Overload.RETRY_AFTER_SECONDS, "no database connection in time");

    /** What {@code e} says about the database, if it explains the failure; the unreachable database first, as the pool's timeout also carries it. */
    public static Optional<Unavailability> of(Throwable e) {
        if (DatabaseUnreachable.explains(e)) {
            return Optional.of(UNREACHABLE);
        }
        if (StatementTimeout.explains(e)) {
            return Optional.of(SLOW_STATEMENT);
        }
        if (Overload.explains(e)) {
            return Optional.of(OVERLOADED);
        }
        return Optional.empty();
    }
}
