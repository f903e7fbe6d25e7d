package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookTable.ID;
import static com.assetcollections.webhooks.WebhookTable.OWNER_ID;
import static com.assetcollections.webhooks.WebhookTable.UUID_;
import static com.assetcollections.webhooks.WebhookTable.WEBHOOKS;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import com.assetcollections.query.ItemKey;
import com.assetcollections.query.QueryParser;
import com.assetcollections.query.ResourceItems;
import com.assetcollections.query.ResourcePages;
import com.assetcollections.query.ResourceQuery;
import com.assetcollections.query.Source;
import com.assetcollections.storage.ChangeScope;
import com.assetcollections.web.PageLinks;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * Reads subscriptions: a user's own, and with {@code admin} everyone's. Someone else's
 * subscription is 404 to anyone else, exactly as one that does not exist.
 */
@Service
class WebhookReader {

    /** A subscription's full representation, the body of write responses and the data of a ping. */
    private static final ResourceQuery FULL = QueryParser.parseItem(WebhookSchema.SCHEMA, Map.of());

    private final ResourcePages pages;
    private final DSLContext db;

    WebhookReader(ResourcePages pages, DSLContext db) {
        this.pages = pages;
        this.db = db;
    }

    Map<String, Object> list(Caller caller, Map<String, String[]> parameters, PageLinks links) {
        caller.require(Scope.WEBHOOKS_READ);
        ResourceQuery query = QueryParser.parseList(WebhookSchema.SCHEMA, parameters);
        return pages.list(
                source(caller), query, caller.userId(), links, rows -> ResourceItems.write(rows, query, List.of()));
    }

    Map<String, Object> one(Caller caller, String key, Map<String, String[]> parameters) {
        caller.require(Scope.WEBHOOKS_READ);
        ResourceQuery query = QueryParser.parseItem(WebhookSchema.SCHEMA, parameters);
        Record row = pages.item(source(caller), ItemKey.condition(key, ID, UUID_, "webhook"), query);
        if (row == null) {
            throw ItemKey.notFound(key, "webhook");
        }
        return ResourceItems.body(
                ResourceItems.write(List.of(row), query, List.of()).get(0));
    }

    /**
     * The full representation of a subscription the caller has just written (or is about to):
     * write responses, the state {@code If-Match} compares with, a ping's data. Needs no read scope.
     */
    Map<String, Object> current(Caller caller, long id) {
        Record row = pages.item(source(caller), ID.eq(id), FULL);
        if (row == null) {
            throw ItemKey.notFound(Long.toString(id), "webhook");
        }
        return ResourceItems.body(
                ResourceItems.write(List.of(row), FULL, List.of()).get(0));
    }

    /** The id of the subscription {@code key} names if the caller may manage it; 404 otherwise. */
    long visibleId(Caller caller, String key) {
        Long id = db.select(ID)
                .from(WEBHOOKS)
                .where(ItemKey.condition(key, ID, UUID_, "webhook").and(managedBy(caller)))
                .fetchOne(ID);
        if (id == null) {
            throw ItemKey.notFound(key, "webhook");
        }
        return id;
    }

    /** The subscriptions a caller sees and manages: their own, or with {@code admin} all. */
    static Condition managedBy(Caller caller) {
        return isAdmin(caller) ? DSL.noCondition() : OWNER_ID.eq(caller.userId());
    }

    private static boolean isAdmin(Caller caller) {
        return caller.scopes().contains(Scope.ADMIN);
    }

    private static Source source(Caller caller) {
        return isAdmin(caller)
                ? new Source(WEBHOOKS, DSL.noCondition(), "all", null, List.of(ChangeScope.allWebhooks()), List.of(ID))
                : new Source(
                        WEBHOOKS,
                        OWNER_ID.eq(caller.userId()),
                        "user:" + caller.userId(),
                        null,
                        List.of(ChangeScope.webhooksOf(caller.userId())),
                        List.of(ID));
    }
}
