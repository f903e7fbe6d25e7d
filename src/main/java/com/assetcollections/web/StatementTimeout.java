package com.assetcollections.web;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A request whose statement ran past {@code app.db.statement-timeout} and was stopped by the
 * database: PostgreSQL's {@code statement_timeout} (SQLSTATE 57014), or SQLite interrupted by
 * {@link com.assetcollections.storage.RequestDeadlines}. Answered 503, like an overload: the
 * server protects everyone else from one expensive request.
 */
public final class StatementTimeout {

    static final String MESSAGE = "the request needed the database for longer than a request may; "
            + "narrow it down (filters, search, per_page) or retry later";
    static final String RETRY_AFTER_SECONDS = "1";

    private StatementTimeout() {}

    /** Whether {@code e}, however wrapped, is a statement the database stopped for taking too long. */
    public static boolean explains(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_INTERRUPT) {
                return true;
            }
            if (cause instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
