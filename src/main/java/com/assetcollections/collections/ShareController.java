package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionController.ifMatch;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.RequiredScopes;
import com.assetcollections.auth.Scope;
import com.assetcollections.web.DeadlockRetry;
import com.assetcollections.web.IdempotentPosts;
import com.assetcollections.web.JsonBody;
import com.assetcollections.web.JsonResponses;
import com.assetcollections.web.RequestBodies;
import com.assetcollections.web.WriteTransactions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who a collection is shared with: only its owner lists and changes this. */
@RestController
@RequestMapping("/api/v2/collections/{key}/shares")
class ShareController {

    private final Shares shares;
    private final CollectionReader reader;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final IdempotentPosts posts;
    private final WriteTransactions writes;

    ShareController(
            Shares shares,
            CollectionReader reader,
            RequestBodies bodies,
            JsonResponses responses,
            IdempotentPosts posts,
            WriteTransactions writes) {
        this.shares = shares;
        this.reader = reader;
        this.bodies = bodies;
        this.responses = responses;
        this.posts = posts;
        this.writes = writes;
    }

    @GetMapping
    @RequiredScopes(Scope.COLLECTIONS_READ)
    Map<String, Object> list(@PathVariable String key, Caller caller) {
        return Map.of("data", shares.list(caller, key));
    }

    /** 201 for a new share, 200 when the user already had one (its level is set to the one asked for). */
    @PostMapping
    @RequiredScopes(Scope.COLLECTIONS_WRITE)
    ResponseEntity<byte[]> share(
            @PathVariable String key,
            Caller caller,
            HttpServletRequest request,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        if (IdempotentPosts.keyed(request)) {
            shares.requireOwned(caller, key);
        }
        byte[] raw = bodies.raw(request);
        return posts.run(caller.userId(), request, raw, () -> {
            Shares.Shared shared = shares.share(
                    caller, key, bodies.parse(raw, Shares.FIELDS), ifMatch(reader, responses, caller, ifMatch));
            return ResponseEntity.status(shared.created() ? HttpStatus.CREATED : HttpStatus.OK)
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(responses.bytes(Map.of("data", shared.share())));
        });
    }

    /** {@code user}: the user id of a share made by id, or the address of one made by e-mail. */
    @PatchMapping("/{user}")
    @RequiredScopes(Scope.COLLECTIONS_WRITE)
    Map<String, Object> changeLevel(
            @PathVariable String key,
            @PathVariable String user,
            Caller caller,
            HttpServletRequest request,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        ShareRecipient recipient = ShareRecipient.of(user);
        JsonBody body = bodies.read(request, Shares.LEVEL_BODY.names());
        return writes.run(() -> Map.of(
                "data", shares.changeLevel(caller, key, recipient, body, ifMatch(reader, responses, caller, ifMatch))));
    }

    @DeleteMapping("/{user}")
    @RequiredScopes(Scope.COLLECTIONS_WRITE)
    ResponseEntity<Void> unshare(
            @PathVariable String key,
            @PathVariable String user,
            Caller caller,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        ShareRecipient recipient = ShareRecipient.of(user);
        DeadlockRetry.run(() -> shares.unshare(caller, key, recipient, ifMatch(reader, responses, caller, ifMatch)));
        return ResponseEntity.noContent().build();
    }
}
