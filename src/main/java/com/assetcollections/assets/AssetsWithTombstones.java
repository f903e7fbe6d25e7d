package com.assetcollections.assets;

import static com.assetcollections.assets.AssetTable.ASSETS;
import static com.assetcollections.assets.AssetTable.ASSET_TYPE;
import static com.assetcollections.assets.AssetTable.CREATED_AT;
import static com.assetcollections.assets.AssetTable.DESCRIPTION;
import static com.assetcollections.assets.AssetTable.DESCRIPTION_FOLDED;
import static com.assetcollections.assets.AssetTable.ID;
import static com.assetcollections.assets.AssetTable.MIME_TYPE;
import static com.assetcollections.assets.AssetTable.NAME;
import static com.assetcollections.assets.AssetTable.NAME_FOLDED;
import static com.assetcollections.assets.AssetTable.OWNER_ID;
import static com.assetcollections.assets.AssetTable.TAGS;
import static com.assetcollections.assets.AssetTable.TAGS_FOLDED;
import static com.assetcollections.assets.AssetTable.UPDATED_AT;
import static com.assetcollections.assets.AssetTable.URL;
import static com.assetcollections.assets.AssetTable.UUID_;

import com.assetcollections.query.TombstoneUnion;
import java.util.List;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The list source of {@code filter[with_deleted]=1} on assets: live assets and the tombstones of
 * deleted ones as one table named {@code assets}. A tombstone row keeps its id, uuid, owner and
 * created_at, has empty texts, and its deletion time as {@code updated_at}.
 */
final class AssetsWithTombstones {

    static final TombstoneUnion UNION = new TombstoneUnion(
            ASSETS,
            ID,
            UUID_,
            List.of(
                    ID,
                    UUID_,
                    OWNER_ID,
                    NAME,
                    NAME_FOLDED,
                    DESCRIPTION,
                    DESCRIPTION_FOLDED,
                    ASSET_TYPE,
                    MIME_TYPE,
                    URL,
                    TAGS,
                    TAGS_FOLDED,
                    CREATED_AT,
                    UPDATED_AT),
            AssetTombstones.ASSET_TOMBSTONES,
            List.of(
                    AssetTombstones.ID,
                    AssetTombstones.UUID_,
                    AssetTombstones.OWNER_ID,
                    DSL.inline(""),
                    DSL.inline(""),
                    DSL.inline(null, SQLDataType.VARCHAR),
                    DSL.inline(null, SQLDataType.VARCHAR),
                    DSL.inline(""),
                    DSL.inline(""),
                    DSL.inline(""),
                    DSL.inline("[]"),
                    DSL.inline(""),
                    AssetTombstones.CREATED_AT,
                    AssetTombstones.DELETED_AT,
                    AssetTombstones.DELETED_AT));

    private AssetsWithTombstones() {}
}
