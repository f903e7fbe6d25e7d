package com.assetcollections.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.SQLDialect;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;

/**
 * No request may hold the database for longer than {@code app.db.statement-timeout} (0: no
 * limit). PostgreSQL stops any statement that runs longer ({@code statement_timeout}, set once
 * per connection through the driver's startup options, so it costs no round trip). SQLite has no
 * such setting: there a progress handler on every connection interrupts the statements of an API
 * request once the request has run that long, counted from its start. Statements outside
 * requests (the command line, scheduled jobs) are not limited on SQLite. A stopped statement is
 * answered 503 ({@link com.assetcollections.web.StatementTimeout}).
 */
@Configuration(proxyBeanMethods = false)
public class RequestDeadlines {

    /** SQLite virtual machine steps between two looks at the clock. */
    private static final int STEPS_BETWEEN_CHECKS = 10_000;

    /** The deadline (System.nanoTime) of the API request running on this thread, if any. */
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private final Duration timeout;

    RequestDeadlines(@Value("${app.db.statement-timeout:5s}") Duration timeout) {
        this.timeout = timeout;
    }

    /** Sets PostgreSQL's {@code statement_timeout} on every connection of the pool. */
    @Bean
    static BeanPostProcessor postgresStatementTimeout(@Value("${app.db.statement-timeout:5s}") Duration timeout) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool
                        && !timeout.isZero()
                        && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    String options = pool.getDataSourceProperties().getProperty("options", "");
                    pool.addDataSourceProperty(
                            "options", (options + " -c statement_timeout=" + timeout.toMillis()).strip());
                }
                return bean;
            }
        };
    }

    /** Gives every API request its deadline, for SQLite's progress handler. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestDeadline() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        DEADLINE.set(System.nanoTime() + timeout.toNanos());
                        try {
                            chain.doFilter(request, response);
                        } finally {
                            DEADLINE.remove();
                        }
                    }
                });
        registration.setOrder(0);
        registration.addUrlPatterns("/api/*");
        registration.setEnabled(!timeout.isZero());
        return registration;
    }

    /** Installs the deadline check on each SQLite connection the first time a statement runs on it. */
    @Bean
    ExecuteListenerProvider sqliteInterrupts() {
        Cache<SQLiteConnection, Boolean> watched =
                Caffeine.newBuilder().weakKeys().build();
        ProgressHandler pastDeadline = new ProgressHandler() {
            @Override
            protected int progress() {
                Long deadline = DEADLINE.get();
                return deadline != null && System.nanoTime() - deadline > 0 ? 1 : 0;
            }
        };
        return new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                if (ctx.dialect().family() != SQLDialect.SQLITE || timeout.isZero() || DEADLINE.get() == null) {
                    return;
                }
                Connection connection = ctx.connection();
                try {
                    if (connection == null || !connection.isWrapperFor(SQLiteConnection.class)) {
                        return;
                    }
                    SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
                    if (watched.getIfPresent(sqlite) == null) {
                        ProgressHandler.setHandler(sqlite, STEPS_BETWEEN_CHECKS, pastDeadline);
                        watched.put(sqlite, Boolean.TRUE);
                    }
                } catch (SQLException e) {
                    throw new org.jooq.exception.DataAccessException("cannot watch the statement's deadline", e);
                }
            }
        });
    }
}
