package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionController.ifMatch;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.RequiredScopes;
import com.assetcollections.auth.Scope;
import com.assetcollections.openapi.Body;
import com.assetcollections.openapi.BodyField;
import com.assetcollections.query.InvalidQuery;
import com.assetcollections.web.DeadlockRetry;
import com.assetcollections.web.IdempotentPosts;
import com.assetcollections.web.InvalidBody;
import com.assetcollections.web.JsonBody;
import com.assetcollections.web.JsonResponses;
import com.assetcollections.web.RequestBodies;
import com.assetcollections.web.WriteTransactions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Adding, removing and ordering the assets of a collection; each answers with the collection. */
@RestController
@RequestMapping("/api/v2/collections/{key}/assets")
class MembershipController {

    private static final BodyField POSITION =
            BodyField.integer("position", 1, null, "the place, from 1 (the first); past the end: the end");
    static final Body ADD = Body.of(
            BodyField.ids("asset_ids", Memberships.MAX_IDS, "the assets to add, in order")
                    .required(),
            POSITION.optional());
    static final Body ORDER = Body.of(BodyField.ids(
                    "asset_ids", Memberships.MAX_IDS, "every asset of the collection in the new order (empty: none)")
            .required());
    static final Body MOVE = Body.of(POSITION.required());
    private static final List<String> ADD_FIELDS = ADD.names();
    private static final List<String> ORDER_FIELDS = ORDER.names();
    private static final List<String> MOVE_FIELDS = MOVE.names();

    private final Memberships memberships;
    private final CollectionReader reader;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final IdempotentPosts posts;
    private final WriteTransactions writes;

    MembershipController(
            Memberships memberships,
            CollectionReader reader,
            RequestBodies bodies,
            JsonResponses responses,
            IdempotentPosts posts,
            WriteTransactions writes) {
        this.memberships = memberships;
        this.reader = reader;
        this.bodies = bodies;
        this.responses = responses;
        this.posts = posts;
        this.writes = writes;
    }

    @PostMapping
    @RequiredScopes(Scope.COLLECTIONS_WRITE)
    ResponseEntity<byte[]> add(
            @PathVariable String key,
            Caller caller,
            HttpServletRequest request,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        if (IdempotentPosts.keyed(request)) {
            memberships.requireEditable(caller, key);
        }
        byte[] raw = bodies.raw(request);
        return posts.run(caller.userId(), request, raw, () -> {
            JsonBody body = bodies.parse(raw, ADD_FIELDS);
            List<Long> ids = assetIds(body);
            Long position = body.number("position", 1).orElse(null);
            body.validate();
            return responses.ok(reader.written(
                    memberships.add(caller, key, ids, position, ifMatch(reader, responses, caller, ifMatch))));
        });
    }

    @PutMapping
    @RequiredScopes(Scope.COLLECTIONS_WRITE)
    ResponseEntity<byte[]> replace(
            @PathVariable String key,
            Caller caller,
            HttpServletRequest request,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        JsonBody body = bodies.read(request, ORDER_FIELDS);
        List<Long> ids = body.has("asset_ids") ? assetIds(body) : List.of();
        if (!body.has("asset_ids")) {
            body.reject("asset_ids", "`asset_ids` is required: the whole new order (an empty list empties it)");
        }
        body.validate();
        return writes.run(() -> {
            return responses.ok(
                    reader.written(memberships.replace(caller, key, ids, ifMatch(reader, responses, caller, ifMatch))));
        });
    }

    @PatchMapping("/{assetId}")
    @RequiredScopes(Scope.COLLECTIONS_WRITE)
    ResponseEntity<byte[]> move(
            @PathVariable String key,
            @PathVariable long assetId,
            Caller caller,
            HttpServletRequest request,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        JsonBody body = bodies.read(request, MOVE_FIELDS);
        Long position = body.number("position", 1).orElse(null);
        if (!body.has("position") || body.isNull("position")) {
            body.reject("position", "`position` is required (1 is the first place)");
        }
        body.validate();
        return writes.run(() -> {
            return responses.ok(reader.written(
                    memberships.move(caller, key, assetId, position, ifMatch(reader, responses, caller, ifMatch))));
        });
    }

    @DeleteMapping("/{assetId}")
    @RequiredScopes(Scope.COLLECTIONS_WRITE)
    ResponseEntity<Void> removeOne(
            @PathVariable String key,
            @PathVariable long assetId,
            Caller caller,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        DeadlockRetry.run(
                () -> memberships.remove(caller, key, List.of(assetId), ifMatch(reader, responses, caller, ifMatch)));
        return ResponseEntity.noContent().build();
    }

    /** {@code DELETE .../assets?asset_ids=1,2,3}: removes several at once. */
    @DeleteMapping
    @RequiredScopes(Scope.COLLECTIONS_WRITE)
    ResponseEntity<Void> remove(
            @PathVariable String key,
            @RequestParam(name = "asset_ids", required = false) String assetIds,
            Caller caller,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        if (assetIds == null || assetIds.isBlank()) {
            throw new InvalidBody("asset_ids", "name the assets to remove: `?asset_ids=1,2,3`");
        }
        List<Long> ids = new java.util.ArrayList<>();
        for (String id : assetIds.split(",", -1)) {
            if (!id.strip().matches("[0-9]{1,18}") || ids.size() >= Memberships.MAX_IDS) {
                throw new InvalidQuery(
                        "asset_ids", "`asset_ids` must be up to " + Memberships.MAX_IDS + " comma-separated asset ids");
            }
            ids.add(Long.parseLong(id.strip()));
        }
        DeadlockRetry.run(() -> memberships.remove(caller, key, ids, ifMatch(reader, responses, caller, ifMatch)));
        return ResponseEntity.noContent().build();
    }

    private static List<Long> assetIds(JsonBody body) {
        List<Long> ids = body.numbers("asset_ids", Memberships.MAX_IDS).orElse(List.of());
        if (!body.has("asset_ids") || body.isNull("asset_ids")) {
            body.reject("asset_ids", "`asset_ids` is required: a list of asset ids");
        }
        return ids;
    }
}
