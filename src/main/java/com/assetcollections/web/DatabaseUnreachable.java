package com.assetcollections.web;

import java.sql.SQLException;

/**
 * A request that failed because the database does not answer: a connection refused or broken
 * (SQLSTATE class 08), or a server shutting down or restarting (57P01, 57P02, 57P03). jOOQ,
 * Spring and the pool wrap these in their own exceptions — the pool's connection timeout carries
 * the last failed attempt as its cause — so the whole chain is searched. Answered 503: nothing is
 * wrong with the request, and the same one will work once the database is back.
 */
public final class DatabaseUnreachable {

    static final String MESSAGE = "the database is unreachable; retry shortly";
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseUnreachable() {}

    /** Whether {@code e}, however wrapped, comes from a database that did not answer. */
    public static boolean explains(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && connectionFailure(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static boolean connectionFailure(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08")
                        || sqlState.equals("57P01")
                        || sqlState.equals("57P02")
                        || sqlState.equals("57P03"));
    }
}
