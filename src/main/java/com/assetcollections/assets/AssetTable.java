package com.assetcollections.assets;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.assetcollections.storage.SqlTypes;
import java.time.Instant;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** The {@code assets} table. */
public final class AssetTable {

    public static final Table<?> ASSETS = table(name("assets"));
    public static final Field<Long> ID = field(name("assets", "id"), SQLDataType.BIGINT);
    public static final Field<UUID> UUID_ = field(name("assets", "uuid"), SQLDataType.UUID);
    public static final Field<Long> OWNER_ID = field(name("assets", "owner_id"), SQLDataType.BIGINT);
    public static final Field<String> NAME = field(name("assets", "name"), SQLDataType.VARCHAR);
    public static final Field<String> NAME_FOLDED = field(name("assets", "name_folded"), SQLDataType.VARCHAR);
    public static final Field<String> DESCRIPTION = field(name("assets", "description"), SQLDataType.VARCHAR);
    public static final Field<String> DESCRIPTION_FOLDED =
            field(name("assets", "description_folded"), SQLDataType.VARCHAR);
    public static final Field<String> ASSET_TYPE = field(name("assets", "asset_type"), SQLDataType.VARCHAR);
    public static final Field<String> MIME_TYPE = field(name("assets", "mime_type"), SQLDataType.VARCHAR);
    public static final Field<String> URL = field(name("assets", "url"), SQLDataType.VARCHAR);
    /** The tags as a JSON array of strings. */
    public static final Field<String> TAGS = field(name("assets", "tags"), SQLDataType.VARCHAR);
    /** The tags folded for case-insensitive contains matching, one per line. */
    public static final Field<String> TAGS_FOLDED = field(name("assets", "tags_folded"), SQLDataType.VARCHAR);

    public static final Field<Instant> CREATED_AT = field(name("assets", "created_at"), SqlTypes.TIMESTAMP);
    public static final Field<Instant> UPDATED_AT = field(name("assets", "updated_at"), SqlTypes.TIMESTAMP);

    private AssetTable() {}
}
