package com.assetcollections.assets;

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

import com.assetcollections.collections.CollectionTable;
import com.assetcollections.collections.Visibility;
import com.assetcollections.query.ExtraFilter;
import com.assetcollections.query.FieldSpec;
import com.assetcollections.query.Include;
import com.assetcollections.query.ResourceSchema;
import com.assetcollections.query.ValueType;
import com.assetcollections.query.WithDeleted;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** The assets resource: a catalogue every reader may list; only the link to collections is private. */
public final class AssetSchema {

    /** Asset fields an {@code include=assets} embeds (the slim schema of API.md). */
    public static final List<String> SLIM_FIELDS = List.of("id", "uuid", "name", "asset_type", "url");

    public static final ResourceSchema SCHEMA = new ResourceSchema(
            "assets",
            List.of(
                    FieldSpec.of("id", ValueType.INTEGER, ID, "the system ID")
                            .exactMatch()
                            .sortable(),
                    FieldSpec.of("uuid", ValueType.UUID_, UUID_, "public unique identifier")
                            .exactMatch()
                            .sortable(),
                    FieldSpec.of("name", ValueType.STRING, NAME, "the name of the asset")
                            .containsMatch(NAME_FOLDED)
                            .sortableBy(NAME_FOLDED),
                    FieldSpec.of(
                                    "description",
                                    ValueType.STRING,
                                    DESCRIPTION,
                                    "free text describing the asset, or null")
                            .containsMatch(DESCRIPTION_FOLDED)
                            .orNull(),
                    FieldSpec.of(
                                    "asset_type",
                                    ValueType.STRING,
                                    ASSET_TYPE,
                                    "`image`, `video`, `audio`, `document` or `other`")
                            .containsMatch(ASSET_TYPE)
                            .sortable(),
                    FieldSpec.of("mime_type", ValueType.STRING, MIME_TYPE, "the media type, e.g. `image/png`")
                            // media types are ASCII (RFC 6838) but not always lower case (`macroEnabled`);
                            // lower() folds ASCII alike on both databases
                            .containsMatch(DSL.lower(MIME_TYPE))
                            .sortable(),
                    FieldSpec.of("url", ValueType.STRING, URL, "where the asset itself is stored"),
                    FieldSpec.of("tags", ValueType.STRING_LIST, TAGS, "short labels")
                            .containsOnly(TAGS_FOLDED),
                    FieldSpec.of("owner_id", ValueType.INTEGER, OWNER_ID, "the ID of the user who created it")
                            .exactMatch()
                            .sortable(),
                    FieldSpec.of("created_at", ValueType.DATETIME, CREATED_AT, "when the asset was first created")
                            .rangeOperators()
                            .sortable(),
                    FieldSpec.of("updated_at", ValueType.DATETIME, UPDATED_AT, "when the asset was last updated")
                            .rangeOperators()
                            .sortable()),
            List.of(
                    ExtraFilter.since("updated_since", UPDATED_AT, "only assets updated after this instant (UTC)"),
                    WithDeleted.filter("also the tombstones ({id, uuid, deleted_at}) of assets deleted in the last 30"
                            + " days (app.tombstones.kept), for incremental sync with `filter[updated_since]`"),
                    ExtraFilter.byCaller(
                            "collection",
                            ValueType.INTEGER,
                            (value, caller) -> inCollection((Long) value, caller),
                            "only assets in this collection, if the caller may see it")),
            List.of(
                    Include.many(
                            "collections",
                            "collections",
                            List.of("id", "uuid", "name", "collection_type"),
                            "the collections holding the asset that the caller may see (slim collection schema)"),
                    Include.one(
                            "owner",
                            "users",
                            List.of("id", "name"),
                            "the user who created the asset (slim user schema)")),
            true);

    private AssetSchema() {}

    /**
     * Assets held by at least one collection the caller may see. Anonymous callers read this
     * instead of the whole catalogue: for them it means "in a public collection".
     */
    static Condition heldByACollectionVisibleTo(long callerId) {
        return DSL.exists(DSL.selectOne()
                .from(CollectionTable.MEMBERS)
                .join(CollectionTable.COLLECTIONS)
                .on(CollectionTable.ID.eq(CollectionTable.MEMBER_COLLECTION_ID))
                .where(CollectionTable.MEMBER_ASSET_ID.eq(ID).and(Visibility.visibleTo(callerId))));
    }

    static Condition inCollection(long collectionId, long callerId) {
        return DSL.exists(DSL.selectOne()
                .from(CollectionTable.MEMBERS)
                .join(CollectionTable.COLLECTIONS)
                .on(CollectionTable.ID.eq(CollectionTable.MEMBER_COLLECTION_ID))
                .where(CollectionTable.MEMBER_ASSET_ID
                        .eq(ID)
                        .and(CollectionTable.MEMBER_COLLECTION_ID.eq(collectionId))
                        .and(Visibility.visibleTo(callerId))));
    }
}
