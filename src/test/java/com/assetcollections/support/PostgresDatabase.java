package com.assetcollections.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One throw-away PostgreSQL database per test run on the local server (127.0.0.1:5432, user
 * postgres or $PGUSER), created on first use and dropped when the JVM exits.
 */
public final class PostgresDatabase {

    private static final String HOST = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
    private static final String PORT = System.getenv().getOrDefault("PGPORT", "5432");
    private static final String USER = System.getenv().getOrDefault("PGUSER", "postgres");
    private static final String NAME =
            "ac_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static volatile boolean created;

    private PostgresDatabase() {}

    /** Points a test context at this database; see {@link OnPostgres}. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.datasource.url=" + url(), "spring.datasource.username=" + USER)
                    .applyTo(context);
        }
    }

    public static boolean available() {
        try (Connection ignored = admin()) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public static synchronized String url() {
        if (!created) {
            createWithEnglishCollation(NAME);
            created = true;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)")));
        }
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + NAME;
    }

    /**
     * Text orders under the collation most servers are installed with (English, ICU), not the C
     * collation of this machine's clusters: an order that the database's collation decides, where the
     * API promises code point order as on SQLite, then fails the property tests (it did for
     * {@code sort=url}). Plain {@code CREATE DATABASE} where the server has no ICU.
     */
    private static void createWithEnglishCollation(String name) {
        try {
            execute("CREATE DATABASE " + name
                    + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en' LOCALE 'C.UTF-8'");
        } catch (RuntimeException noIcu) {
            execute("CREATE DATABASE " + name);
        }
    }

    /** A new empty database of its own for a test that needs one (its demo data, its own outage); see {@link #drop}. */
    public static String createAnother(String prefix) {
        String name =
                prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        return name;
    }

    public static void drop(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** The JDBC URL of database {@code name} reached through {@code port} of this host (a proxy, say). */
    public static String url(String name, int port) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + name + "?user=" + USER;
    }

    /** A direct connection to database {@code name}, for a test to look into it. */
    public static Connection connect(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + name, USER, "");
    }

    public static int port() {
        return Integer.parseInt(PORT);
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, "");
    }

    private static void execute(String sql) {
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql + " failed", e);
        }
    }
}
