package com.assetcollections.collections;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.assetcollections.storage.SqlTypes;
import java.time.Instant;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** The {@code collections} table and the tables that hang off it. */
public final class CollectionTable {

    public static final Table<?> COLLECTIONS = table(name("collections"));
    public static final Field<Long> ID = field(name("collections", "id"), SQLDataType.BIGINT);
    public static final Field<UUID> UUID_ = field(name("collections", "uuid"), SQLDataType.UUID);
    public static final Field<Long> OWNER_ID = field(name("collections", "owner_id"), SQLDataType.BIGINT);
    public static final Field<String> NAME = field(name("collections", "name"), SQLDataType.VARCHAR);
    public static final Field<String> NAME_FOLDED = field(name("collections", "name_folded"), SQLDataType.VARCHAR);
    public static final Field<String> DESCRIPTION = field(name("collections", "description"), SQLDataType.VARCHAR);
    public static final Field<String> DESCRIPTION_FOLDED =
            field(name("collections", "description_folded"), SQLDataType.VARCHAR);
    public static final Field<String> COLLECTION_TYPE =
            field(name("collections", "collection_type"), SQLDataType.VARCHAR);
    /** How many assets the collection holds, maintained by triggers on collection_assets. */
    public static final Field<Integer> ASSETS_COUNT = field(name("collections", "assets_count"), SQLDataType.INTEGER);

    public static final Field<Instant> CREATED_AT = field(name("collections", "created_at"), SqlTypes.TIMESTAMP);
    public static final Field<Instant> UPDATED_AT = field(name("collections", "updated_at"), SqlTypes.TIMESTAMP);

    public static final Table<?> SHARES = table(name("collection_shares"));
    public static final Field<Long> SHARE_COLLECTION_ID =
            field(name("collection_shares", "collection_id"), SQLDataType.BIGINT);
    public static final Field<Long> SHARE_USER_ID = field(name("collection_shares", "user_id"), SQLDataType.BIGINT);
    public static final Field<String> SHARE_LEVEL = field(name("collection_shares", "level"), SQLDataType.VARCHAR);
    public static final Field<Instant> SHARE_CREATED_AT =
            field(name("collection_shares", "created_at"), SqlTypes.TIMESTAMP);
    /** The address a share was made by (lower case), or null for a share made by user id (migration V10). */
    public static final Field<String> SHARE_INVITED_EMAIL =
            field(name("collection_shares", "invited_email"), SQLDataType.VARCHAR);

    /** Shares by e-mail address that no account has yet (migration V10). */
    public static final Table<?> INVITATIONS = table(name("collection_invitations"));

    public static final Field<Long> INVITATION_COLLECTION_ID =
            field(name("collection_invitations", "collection_id"), SQLDataType.BIGINT);
    public static final Field<String> INVITATION_EMAIL =
            field(name("collection_invitations", "email"), SQLDataType.VARCHAR);
    public static final Field<String> INVITATION_LEVEL =
            field(name("collection_invitations", "level"), SQLDataType.VARCHAR);
    public static final Field<Instant> INVITATION_CREATED_AT =
            field(name("collection_invitations", "created_at"), SqlTypes.TIMESTAMP);

    public static final Table<?> MEMBERS = table(name("collection_assets"));
    public static final Field<Long> MEMBER_COLLECTION_ID =
            field(name("collection_assets", "collection_id"), SQLDataType.BIGINT);
    public static final Field<Long> MEMBER_ASSET_ID = field(name("collection_assets", "asset_id"), SQLDataType.BIGINT);
    public static final Field<Integer> MEMBER_POSITION =
            field(name("collection_assets", "position"), SQLDataType.INTEGER);
    public static final Field<Instant> MEMBER_ADDED_AT =
            field(name("collection_assets", "added_at"), SqlTypes.TIMESTAMP);

    private CollectionTable() {}
}
