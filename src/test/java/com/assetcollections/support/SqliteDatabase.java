package com.assetcollections.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** One throw-away SQLite database file per test run, configured as the application configures it. */
public final class SqliteDatabase {

    private static Path file;

    private SqliteDatabase() {}

    /** Points a test context at this database; see {@link OnSqlite}. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.datasource.url=" + url()).applyTo(context);
        }
    }

    public static synchronized String url() {
        if (file == null) {
            try {
                Path dir = Files.createTempDirectory("ac-test-");
                file = dir.resolve("test.db");
                dir.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "jdbc:sqlite:" + file
                + "?journal_mode=WAL&transaction_mode=IMMEDIATE&busy_timeout=10000&foreign_keys=true";
    }
}
