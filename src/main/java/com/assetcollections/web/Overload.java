package com.assetcollections.web;

import java.sql.SQLTransientConnectionException;

/**
 * A request that waited too long for a pooled database connection: the server is busy, not
 * broken, so the answer is 503 with {@code Retry-After} — the same whether the wait happened in a
 * handler ({@code ApiExceptionHandler}) or in a servlet filter that runs before MVC (the token
 * check), where the exception handler never sees it.
 */
public final class Overload {

    static final String MESSAGE = "the service is overloaded; retry shortly";
    static final String RETRY_AFTER_SECONDS = "1";

    private Overload() {}

    /**
     * Whether {@code e} comes from a pool that gave no connection in time: the pool's
     * {@link SQLTransientConnectionException}, however Spring and jOOQ have wrapped it.
     */
    public static boolean explains(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
