package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionTable.ASSETS_COUNT;
import static com.assetcollections.collections.CollectionTable.COLLECTION_TYPE;
import static com.assetcollections.collections.CollectionTable.CREATED_AT;
import static com.assetcollections.collections.CollectionTable.DESCRIPTION;
import static com.assetcollections.collections.CollectionTable.DESCRIPTION_FOLDED;
import static com.assetcollections.collections.CollectionTable.ID;
import static com.assetcollections.collections.CollectionTable.NAME;
import static com.assetcollections.collections.CollectionTable.NAME_FOLDED;
import static com.assetcollections.collections.CollectionTable.OWNER_ID;
import static com.assetcollections.collections.CollectionTable.UPDATED_AT;
import static com.assetcollections.collections.CollectionTable.UUID_;

import com.assetcollections.query.ExtraFilter;
import com.assetcollections.query.FieldSpec;
import com.assetcollections.query.Include;
import com.assetcollections.query.ResourceSchema;
import com.assetcollections.query.ValueType;
import com.assetcollections.query.WithDeleted;
import java.util.List;

/** The collections resource as API.md describes it, in one place. */
public final class CollectionSchema {

    public static final ResourceSchema SCHEMA = new ResourceSchema(
            "collections",
            List.of(
                    FieldSpec.of("id", ValueType.INTEGER, ID, "the system ID")
                            .exactMatch()
                            .sortable(),
                    FieldSpec.of("name", ValueType.STRING, NAME, "the primary name of the collection")
                            .containsMatch(NAME_FOLDED)
                            .sortableBy(NAME_FOLDED),
                    FieldSpec.of("collection_type", ValueType.STRING, COLLECTION_TYPE, "`public` or `private`")
                            .containsMatch(COLLECTION_TYPE)
                            .sortable(),
                    FieldSpec.of(
                                    "uuid",
                                    ValueType.UUID_,
                                    UUID_,
                                    "public unique identifier, used whenever a collection is linked or shared outside the system")
                            .exactMatch()
                            .sortable(),
                    FieldSpec.of(
                                    "description",
                                    ValueType.STRING,
                                    DESCRIPTION,
                                    "free text describing the collection, or null")
                            .containsMatch(DESCRIPTION_FOLDED)
                            .orNull(),
                    FieldSpec.of("owner_id", ValueType.INTEGER, OWNER_ID, "the ID of the user who created it")
                            .exactMatch()
                            .sortable(),
                    FieldSpec.of(
                                    "assets_count",
                                    ValueType.INTEGER,
                                    ASSETS_COUNT,
                                    "how many assets the collection holds")
                            .exactMatch()
                            .sortable(),
                    FieldSpec.of("created_at", ValueType.DATETIME, CREATED_AT, "when the collection was first created")
                            .rangeOperators()
                            .sortable(),
                    FieldSpec.of(
                                    "updated_at",
                                    ValueType.DATETIME,
                                    UPDATED_AT,
                                    "when the collection itself was last updated")
                            .rangeOperators()
                            .sortable()),
            List.of(
                    ExtraFilter.since("updated_since", UPDATED_AT, "only collections updated after this instant (UTC)"),
                    ExtraFilter.flag("public", caller -> Visibility.isPublic(), "only public collections"),
                    ExtraFilter.flag("mine", Visibility::ownedBy, "only collections the caller created"),
                    ExtraFilter.flag(
                            "shared_with_me", Visibility::sharedWith, "only collections shared with the caller"),
                    WithDeleted.filter(
                            "also the tombstones ({id, uuid, deleted_at}) of collections deleted in the last 30 days"
                                    + " (app.tombstones.kept), for incremental sync with `filter[updated_since]`"),
                    ExtraFilter.byCaller(
                            "share_level",
                            ValueType.STRING,
                            (level, caller) -> Visibility.sharedWithAt(caller, (String) level),
                            "only collections shared with the caller at this level: `view` or `edit`")),
            List.of(
                    Include.many(
                            "assets",
                            "assets",
                            List.of("id", "uuid", "name", "asset_type", "url"),
                            "the collection's assets in collection order (slim asset schema)"),
                    Include.one(
                            "owner",
                            "users",
                            List.of("id", "name"),
                            "the user who created the collection (slim user schema)")),
            true);

    private CollectionSchema() {}
}
