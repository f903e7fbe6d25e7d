package com.assetcollections.storage;

import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.SQLDialect;

/**
 * Binds {@link Instant} to the one storage form each database does best: {@code timestamptz} on
 * PostgreSQL, UTC epoch microseconds ({@code INTEGER}) on SQLite. Both keep microseconds, sort
 * correctly and compare as numbers or instants, so one table definition serves both databases.
 */
final class InstantBinding implements Binding<Object, Instant> {

    private static final Converter<Object, Instant> CONVERTER =
            Converter.ofNullable(Object.class, Instant.class, InstantBinding::toInstant, instant -> instant);

    @Override
    public Converter<Object, Instant> converter() {
        return CONVERTER;
    }

    @Override
    public void sql(BindingSQLContext<Instant> ctx) {
        if (ctx.render().paramType() == org.jooq.conf.ParamType.INLINED) {
            Instant value = ctx.value();
            if (value == null) {
                ctx.render().sql("null");
            } else if (isSqlite(ctx.dialect())) {
                ctx.render().sql(Long.toString(toMicros(value)));
            } else {
                ctx.render().sql("timestamptz '").sql(value.toString()).sql("'");
            }
        } else if (isSqlite(ctx.dialect())) {
            ctx.render().sql("?");
        } else {
            ctx.render().sql("?::timestamptz");
        }
    }

    @Override
    public void register(BindingRegisterContext<Instant> ctx) throws SQLException {
        ctx.statement()
                .registerOutParameter(
                        ctx.index(), isSqlite(ctx.dialect()) ? Types.BIGINT : Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    public void set(BindingSetStatementContext<Instant> ctx) throws SQLException {
        Instant value = ctx.value();
        boolean sqlite = isSqlite(ctx.dialect());
        if (value == null) {
            ctx.statement().setNull(ctx.index(), sqlite ? Types.BIGINT : Types.TIMESTAMP_WITH_TIMEZONE);
        } else if (sqlite) {
            ctx.statement().setLong(ctx.index(), toMicros(value));
        } else {
            ctx.statement().setObject(ctx.index(), OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    @Override
    public void set(BindingSetSQLOutputContext<Instant> ctx) throws SQLException {
        throw new SQLException("SQLData output is not supported for timestamps");
    }

    @Override
    public void get(BindingGetResultSetContext<Instant> ctx) throws SQLException {
        if (isSqlite(ctx.dialect())) {
            long micros = ctx.resultSet().getLong(ctx.index());
            ctx.value(ctx.resultSet().wasNull() ? null : fromMicros(micros));
        } else {
            OffsetDateTime value = ctx.resultSet().getObject(ctx.index(), OffsetDateTime.class);
            ctx.value(value == null ? null : value.toInstant());
        }
    }

    @Override
    public void get(BindingGetStatementContext<Instant> ctx) throws SQLException {
        ctx.value(toInstant(ctx.statement().getObject(ctx.index())));
    }

    @Override
    public void get(BindingGetSQLInputContext<Instant> ctx) throws SQLException {
        throw new SQLException("SQLData input is not supported for timestamps");
    }

    private static boolean isSqlite(SQLDialect dialect) {
        return dialect.family() == SQLDialect.SQLITE;
    }

    static long toMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static Instant fromMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return fromMicros(number.longValue());
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalArgumentException(
                "not a timestamp: " + value.getClass().getName());
    }
}
