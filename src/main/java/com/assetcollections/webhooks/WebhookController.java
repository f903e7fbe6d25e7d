package com.assetcollections.webhooks;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.RequiredScopes;
import com.assetcollections.auth.Scope;
import com.assetcollections.users.BearerSeal;
import com.assetcollections.web.ConditionalWrite;
import com.assetcollections.web.DeadlockRetry;
import com.assetcollections.web.IdempotentPosts;
import com.assetcollections.web.JsonResponses;
import com.assetcollections.web.PageLinks;
import com.assetcollections.web.RequestBodies;
import com.assetcollections.web.WriteTransactions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Subscriptions: {@code /api/v2/webhooks}. The signing secret is shown at creation and rotation only. */
@RestController
class WebhookController {

    private final WebhookReader reader;
    private final WebhookWriter writer;
    private final TargetGuard targets;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final IdempotentPosts posts;
    private final WriteTransactions writes;

    WebhookController(
            WebhookReader reader,
            WebhookWriter writer,
            TargetGuard targets,
            RequestBodies bodies,
            JsonResponses responses,
            IdempotentPosts posts,
            WriteTransactions writes) {
        this.reader = reader;
        this.writer = writer;
        this.targets = targets;
        this.bodies = bodies;
        this.responses = responses;
        this.posts = posts;
        this.writes = writes;
    }

    @GetMapping("/api/v2/webhooks")
    @RequiredScopes(Scope.WEBHOOKS_READ)
    Map<String, Object> list(Caller caller, HttpServletRequest request, PageLinks links) {
        return reader.list(caller, request.getParameterMap(), links);
    }

    @GetMapping("/api/v2/webhooks/{key}")
    @RequiredScopes(Scope.WEBHOOKS_READ)
    ResponseEntity<Map<String, Object>> one(@PathVariable String key, Caller caller, HttpServletRequest request) {
        return responses.read(reader.one(caller, key, request.getParameterMap()));
    }

    @PostMapping("/api/v2/webhooks")
    @RequiredScopes(Scope.WEBHOOKS_WRITE)
    ResponseEntity<byte[]> create(Caller caller, HttpServletRequest request) {
        byte[] body = bodies.raw(request);
        WebhookBody.Change change =
                new WebhookBody(bodies.parse(body, WebhookBody.CREATE_FIELDS), caller, targets).forCreate();
        return secretShown(caller, request, body, () -> {
            WebhookWriter.Secreted created = writer.create(caller, change);
            return withSecret(
                    reader.current(caller, created.id()),
                    created.secret(),
                    item -> responses.created(item, "/api/v2/webhooks/" + created.id()));
        });
    }

    @PatchMapping("/api/v2/webhooks/{key}")
    @RequiredScopes(Scope.WEBHOOKS_WRITE)
    ResponseEntity<byte[]> update(
            @PathVariable String key,
            Caller caller,
            HttpServletRequest request,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        WebhookBody.Change change =
                new WebhookBody(bodies.read(request, WebhookBody.UPDATE_FIELDS), caller, targets).forUpdate();
        return writes.run(() -> {
            long id = writer.update(caller, key, change, ifMatch(caller, ifMatch));
            return responses.ok(reader.current(caller, id));
        });
    }

    @DeleteMapping("/api/v2/webhooks/{key}")
    @RequiredScopes(Scope.WEBHOOKS_WRITE)
    ResponseEntity<Void> delete(
            @PathVariable String key,
            Caller caller,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        DeadlockRetry.run(() -> writer.delete(caller, key, ifMatch(caller, ifMatch)));
        return ResponseEntity.noContent().build();
    }

    /** A new signing secret, shown this once; the previous one keeps signing for the rotation overlap. */
    @PostMapping("/api/v2/webhooks/{key}/rotate-secret")
    @RequiredScopes(Scope.WEBHOOKS_WRITE)
    ResponseEntity<byte[]> rotate(@PathVariable String key, Caller caller, HttpServletRequest request) {
        reader.visibleId(caller, key);
        return secretShown(caller, request, bodies.raw(request), () -> {
            WebhookWriter.Secreted rotated = writer.rotate(caller, key);
            return withSecret(reader.current(caller, rotated.id()), rotated.secret(), responses::ok);
        });
    }

    /**
     * A response holding a secret: never cached, and kept for an {@code Idempotency-Key} replay
     * only sealed under the bearer token that asked ({@link BearerSeal}).
     */
    private ResponseEntity<byte[]> secretShown(
            Caller caller, HttpServletRequest request, byte[] body, Supplier<ResponseEntity<byte[]>> action) {
        ResponseEntity<byte[]> response = posts.run(caller.userId(), request, body, BearerSeal.of(request), action);
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .cacheControl(CacheControl.noStore())
                .body(response.getBody());
    }

    /**
     * The response {@code respond} makes of the subscription with its secret added, under the ETag
     * of the subscription without it: the one a GET of the same state answers, which If-Match takes.
     */
    @SuppressWarnings("unchecked")
    private ResponseEntity<byte[]> withSecret(
            Map<String, Object> body, String secret, Function<Map<String, Object>, ResponseEntity<byte[]>> respond) {
        String etag = JsonResponses.etag(responses.bytes(body));
        ((Map<String, Object>) body.get("data")).put("secret", secret);
        ResponseEntity<byte[]> response = respond.apply(body);
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        headers.setETag(etag);
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }

    /** The If-Match check of a write: against the subscription's full representation, read inside the write. */
    private ConditionalWrite ifMatch(Caller caller, String ifMatch) {
        return ifMatch == null
                ? ConditionalWrite.NONE
                : id -> responses.checkIfMatch(ifMatch, () -> reader.current(caller, id));
    }
}
