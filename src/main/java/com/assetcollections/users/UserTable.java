package com.assetcollections.users;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.assetcollections.storage.SqlTypes;
import java.time.Instant;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** The {@code users} and {@code api_tokens} tables. */
public final class UserTable {

    public static final Table<?> USERS = table(name("users"));
    public static final Field<Long> ID = field(name("users", "id"), SQLDataType.BIGINT);
    public static final Field<UUID> UUID_ = field(name("users", "uuid"), SQLDataType.UUID);
    public static final Field<String> NAME = field(name("users", "name"), SQLDataType.VARCHAR);
    public static final Field<String> EMAIL = field(name("users", "email"), SQLDataType.VARCHAR);
    public static final Field<Instant> CREATED_AT = field(name("users", "created_at"), SqlTypes.TIMESTAMP);
    public static final Field<Instant> UPDATED_AT = field(name("users", "updated_at"), SqlTypes.TIMESTAMP);

    public static final Table<?> TOKENS = table(name("api_tokens"));
    public static final Field<Long> TOKEN_ID = field(name("api_tokens", "id"), SQLDataType.BIGINT);
    public static final Field<Long> TOKEN_USER_ID = field(name("api_tokens", "user_id"), SQLDataType.BIGINT);
    public static final Field<String> TOKEN_NAME = field(name("api_tokens", "name"), SQLDataType.VARCHAR);
    public static final Field<String> TOKEN_HASH = field(name("api_tokens", "token_hash"), SQLDataType.VARCHAR);
    public static final Field<String> TOKEN_SCOPES = field(name("api_tokens", "scopes"), SQLDataType.VARCHAR);
    public static final Field<Instant> TOKEN_CREATED_AT = field(name("api_tokens", "created_at"), SqlTypes.TIMESTAMP);
    public static final Field<Instant> TOKEN_LAST_USED_AT =
            field(name("api_tokens", "last_used_at"), SqlTypes.TIMESTAMP);
    public static final Field<Instant> TOKEN_EXPIRES_AT = field(name("api_tokens", "expires_at"), SqlTypes.TIMESTAMP);
    public static final Field<Instant> TOKEN_REVOKED_AT = field(name("api_tokens", "revoked_at"), SqlTypes.TIMESTAMP);

    private UserTable() {}
}
