package com.assetcollections.collections;

import com.assetcollections.support.OnPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
        Set<Integer> backends =
                Set.copyOf(db.fetch("select pid from pg_stat_activity where datname = current_database()")
                        .getValues(0, Integer.class));
        try {
            dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            // Backends of other test contexts on the same database stay connected; they have been
            // idle long enough to have flushed whatever they counted.
            List<Integer> left = db.fetch("select pid from pg_stat_activity where datname = current_database()"
                            + " and not (state = 'idle' and state_change < now() - interval '11 seconds')")
                    .getValues(0, Integer.class);
            if (left.stream().noneMatch(backends::contains)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pool connections still open after 15 s: "
                        + left.stream()
                                .filter(backends::contains)
                                .map(String::valueOf)
                                .collect(Collectors.joining(", ")));
            }
            pause();
        }
        db.fetch("select pg_stat_clear_snapshot()");
        return db.fetchOne("select deadlocks from pg_stat_database where datname = current_database()")
                .get(0, Long.class);
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
