package com.assetcollections.collections;

import static com.assetcollections.openapi.Answer.ALL;
import static com.assetcollections.openapi.Answer.CHANGED;
import static com.assetcollections.openapi.Answer.CREATED;
import static com.assetcollections.openapi.Answer.CREATED_OR_CHANGED;
import static com.assetcollections.openapi.Answer.ITEM;
import static com.assetcollections.openapi.Answer.LIST;

import com.assetcollections.openapi.Endpoint;
import com.assetcollections.openapi.EndpointList;
import com.assetcollections.openapi.Property;
import com.assetcollections.openapi.QueryParameter;
import com.assetcollections.openapi.Shape;
import com.assetcollections.query.ResourceSchema;
import com.assetcollections.query.ValueType;
import java.util.List;
import org.springframework.stereotype.Component;

/** The collection endpoints, with their memberships and shares, as the OpenAPI document lists them. */
@Component
class CollectionEndpoints implements EndpointList {

    private static final String COLLECTIONS = "/api/v2/collections";
    private static final String ONE = COLLECTIONS + "/{key}";
    private static final String MEMBERS = ONE + "/assets";
    private static final String SHARES = ONE + "/shares";
    private static final ResourceSchema COLLECTION = CollectionSchema.SCHEMA;

    static final Shape SHARE = Shape.of(
            "shares",
            Property.of("user_id", ValueType.INTEGER, "the user it is shared with (a share made by id)"),
            Property.of("email", ValueType.STRING, "the address it is shared with (a share made by e-mail)"),
            Property.of("level", ValueType.STRING, "`view` or `edit`"),
            Property.of("created_at", ValueType.DATETIME, "when it was shared"));

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", COLLECTIONS, "list the collections the caller may see", LIST, COLLECTION),
                Endpoint.of("GET", ONE, "one collection", ITEM, COLLECTION),
                Endpoint.of("POST", COLLECTIONS, "create a collection", CREATED, COLLECTION)
                        .taking(CollectionWriter.BODY),
                Endpoint.of(
                                "PATCH",
                                ONE,
                                "change a collection (owner, or a user it is shared with at `edit`)",
                                CHANGED,
                                COLLECTION)
                        .taking(CollectionWriter.BODY.allOptional()),
                Endpoint.deletes(ONE, "delete a collection (its owner)"),
                Endpoint.of(
                                "POST",
                                MEMBERS,
                                "add assets to a collection; answers with the collection",
                                CHANGED,
                                COLLECTION)
                        .taking(MembershipController.ADD),
                Endpoint.of("PUT", MEMBERS, "set the whole order of a collection's assets", CHANGED, COLLECTION)
                        .taking(MembershipController.ORDER),
                Endpoint.deletes(MEMBERS, "remove several assets from a collection")
                        .with(new QueryParameter(
                                "asset_ids",
                                true,
                                "^\\s*[0-9]{1,18}\\s*(,\\s*[0-9]{1,18}\\s*)*$",
                                "the assets to remove, comma-separated (at most " + Memberships.MAX_IDS + ")")),
                Endpoint.of("PATCH", MEMBERS + "/{assetId}", "move an asset within a collection", CHANGED, COLLECTION)
                        .taking(MembershipController.MOVE),
                Endpoint.deletes(MEMBERS + "/{assetId}", "remove an asset from a collection"),
                Endpoint.of("GET", SHARES, "who a collection is shared with (its owner)", ALL, SHARE),
                Endpoint.of(
                                "POST",
                                SHARES,
                                "share a collection, or change the level of a share",
                                CREATED_OR_CHANGED,
                                SHARE)
                        .taking(Shares.BODY),
                Endpoint.of("PATCH", SHARES + "/{user}", "change the level of a share", CHANGED, SHARE)
                        .taking(Shares.LEVEL_BODY),
                Endpoint.deletes(SHARES + "/{user}", "unshare a collection"));
    }
}
