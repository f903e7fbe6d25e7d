package com.assetcollections.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/** Creates the folder of an embedded SQLite database file (./data/ by default) before the first connection. */
@Component
class SqliteDirectory implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null) {
            databaseFile(dataSource.getJdbcUrl()).map(Path::getParent).ifPresent(SqliteDirectory::create);
        }
        return bean;
    }

    static java.util.Optional<Path> databaseFile(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            return java.util.Optional.empty();
        }
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int options = file.indexOf('?');
        file = options >= 0 ? file.substring(0, options) : file;
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Path.of(file).toAbsolutePath());
    }

    private static void create(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + directory, e);
        }
    }
}
