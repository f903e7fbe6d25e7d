package com.assetcollections.collections;

import com.assetcollections.support.OnPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;

@OnPostgres
class WriteMixPostgresTest extends WriteMixContract {

    @Autowired
    private DataSource dataSource;

    /**
     * PostgreSQL counts deadlocks per database ({@code pg_stat_database.deadlocks}), but a backend
     * adds its own count to the shared statistics only when it flushes them: when it exits, or up
     * to ten seconds after it went idle. So the pool's connections are closed first (each backend
     * flushes as it exits, before it leaves {@code pg_stat_activity}) and the count is read once
     * all of them are gone, from a fresh statistics snapshot. (This holds from PostgreSQL 15 on,
     * where backends write their statistics to shared memory themselves; checked by provoking a
     * deadlock between two pool connections, which this counted at once.)
     */
    @Override
    long deadlocksSoFar() {
        try {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            Set<Integer> backends = backendsOf(pool);
            pool.getHikariPoolMXBean().softEvictConnections();
            awaitGone(backends);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        db.fetch("select pg_stat_clear_snapshot()");
        return db.fetchOne("select deadlocks from pg_stat_database where datname = current_database()")
                .get(0, Long.class);
    }

    /**
     * The server processes of every connection of this application's pool (not those of other
     * test contexts over the same database): each connection, taken all at once, says its own.
     */
    private static Set<Integer> backendsOf(HikariDataSource pool) throws SQLException {
        List<Connection> taken = new ArrayList<>();
        Set<Integer> backends = new HashSet<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                Connection connection = pool.getConnection();
                taken.add(connection);
                try (Statement statement = connection.createStatement();
                        ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
                    pid.next();
                    backends.add(pid.getInt(1));
                }
            }
            return backends;
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
    }

    private void awaitGone(Set<Integer> backends) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<Integer> left =
                    new ArrayList<>(db.fetch("select pid from pg_stat_activity where datname = current_database()")
                            .getValues(0, Integer.class));
            left.retainAll(backends);
            if (left.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pool connections still open after 10 s: server processes " + left);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
