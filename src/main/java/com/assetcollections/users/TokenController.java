package com.assetcollections.users;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.RequiredScopes;
import com.assetcollections.auth.Scope;
import com.assetcollections.query.ItemKey;
import com.assetcollections.query.Paging;
import com.assetcollections.query.QueryParser;
import com.assetcollections.web.IdempotentPosts;
import com.assetcollections.web.JsonResponses;
import com.assetcollections.web.PageEnvelope;
import com.assetcollections.web.PageLinks;
import com.assetcollections.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's own tokens ({@code /api/v2/tokens}, any valid token) and, for admins, anyone's
 * ({@code /api/v2/users/{id}/tokens}, and any id under {@code /api/v2/tokens}).
 */
@RestController
class TokenController {

    private final Tokens tokens;
    private final Users users;
    private final TokenWriter writer;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final IdempotentPosts posts;

    TokenController(
            Tokens tokens,
            Users users,
            TokenWriter writer,
            RequestBodies bodies,
            JsonResponses responses,
            IdempotentPosts posts) {
        this.tokens = tokens;
        this.users = users;
        this.writer = writer;
        this.bodies = bodies;
        this.responses = responses;
        this.posts = posts;
    }

    @GetMapping("/api/v2/tokens")
    @RequiredScopes({})
    Map<String, Object> list(Caller caller, HttpServletRequest request, PageLinks links) {
        return page(caller.userId(), "`/api/v2/tokens`", request, links);
    }

    @GetMapping("/api/v2/tokens/{id}")
    @RequiredScopes({})
    ResponseEntity<Map<String, Object>> one(@PathVariable String id, Caller caller) {
        return responses.read(
                Map.of("data", writer.visible(caller, ItemKey.id(id, "token")).toJson()));
    }

    @PostMapping("/api/v2/tokens")
    @RequiredScopes({})
    ResponseEntity<byte[]> create(Caller caller, HttpServletRequest request) {
        return issue(caller, caller.userId(), request);
    }

    @DeleteMapping("/api/v2/tokens/{id}")
    @RequiredScopes({})
    ResponseEntity<Void> revoke(@PathVariable String id, Caller caller) {
        writer.revoke(caller, ItemKey.id(id, "token"));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v2/users/{user}/tokens")
    @RequiredScopes(Scope.ADMIN)
    Map<String, Object> listOfUser(
            @PathVariable String user, Caller caller, HttpServletRequest request, PageLinks links) {
        return page(users.byKey(user).id(), "`/api/v2/users/{id}/tokens`", request, links);
    }

    @PostMapping("/api/v2/users/{user}/tokens")
    @RequiredScopes(Scope.ADMIN)
    ResponseEntity<byte[]> createForUser(@PathVariable String user, Caller caller, HttpServletRequest request) {
        return issue(caller, users.byKey(user).id(), request);
    }

    /**
     * 201 with the new token's secret, the only time it is shown; never cached, and kept for an
     * {@code Idempotency-Key} replay only sealed (see {@link BearerSeal}).
     */
    private ResponseEntity<byte[]> issue(Caller caller, long userId, HttpServletRequest request) {
        byte[] body = bodies.raw(request);
        ResponseEntity<byte[]> response = posts.run(caller.userId(), request, body, BearerSeal.of(request), () -> {
            IssuedToken issued = writer.create(caller, userId, bodies.parse(body, TokenWriter.FIELDS));
            Map<String, Object> data = tokens.find(issued.id()).orElseThrow().toJson();
            data.put("token", issued.plaintext());
            return responses.created(Map.of("data", data), "/api/v2/tokens/" + issued.id());
        });
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .cacheControl(CacheControl.noStore())
                .body(response.getBody());
    }

    private Map<String, Object> page(long userId, String endpoint, HttpServletRequest request, PageLinks links) {
        Paging paging = QueryParser.parsePlainList(request.getParameterMap(), endpoint);
        return PageEnvelope.offset(
                tokens.ofUser(userId, paging.offset(), paging.perPage()).stream()
                        .map(Token::toJson)
                        .toList(),
                tokens.countOfUser(userId),
                paging.page(),
                paging.perPage(),
                links);
    }
}
