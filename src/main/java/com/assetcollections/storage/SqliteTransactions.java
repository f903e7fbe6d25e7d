package com.assetcollections.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Transactions on SQLite take turns in this process before they take the database's one write
 * lock. Every transaction takes that lock at BEGIN ({@code transaction_mode=IMMEDIATE}); left to
 * SQLite, waiting transactions poll it with growing sleeps, so under contention one can starve
 * past the busy timeout, and sqlite-jdbc then leaves the pooled connection believing that a
 * transaction is open (every later use fails: "cannot commit - no transaction is active"). Here
 * they queue fairly instead; one that cannot have its turn within {@code app.sqlite.write-wait}
 * fails before it touches a connection, as a lost lock race (503 with Retry-After). PostgreSQL
 * gets the usual transaction manager.
 */
@Configuration(proxyBeanMethods = false)
class SqliteTransactions {

    @Bean
    PlatformTransactionManager transactionManager(
            DataSource dataSource, @Value("${app.sqlite.write-wait:10s}") Duration writeWait) {
        boolean sqlite = dataSource instanceof HikariDataSource hikari
                && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:sqlite:");
        return sqlite ? new TakingTurns(dataSource, writeWait) : new JdbcTransactionManager(dataSource);
    }

    /** A transaction manager whose transactions hold a fair lock from begin to cleanup. */
    static final class TakingTurns extends JdbcTransactionManager {

        private final transient ReentrantLock turn = new ReentrantLock(true);
        private final Duration wait;

        TakingTurns(DataSource dataSource, Duration wait) {
            super(dataSource);
            this.wait = wait;
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            try {
                if (!turn.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new CannotAcquireLockException(
                            "the database is busy with other writes; no turn within " + wait.toMillis() + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CannotAcquireLockException("interrupted while waiting for a turn to write", e);
            }
            try {
                super.doBegin(transaction, definition);
            } catch (RuntimeException | Error e) {
                turn.unlock();
                throw e;
            }
        }

        @Override
        protected void doCleanupAfterCompletion(Object transaction) {
            try {
                super.doCleanupAfterCompletion(transaction);
            } finally {
                turn.unlock();
            }
        }
    }
}
