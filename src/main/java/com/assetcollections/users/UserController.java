package com.assetcollections.users;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.NotAuthenticated;
import com.assetcollections.auth.RequiredScopes;
import com.assetcollections.auth.Scope;
import com.assetcollections.query.Paging;
import com.assetcollections.query.QueryParser;
import com.assetcollections.query.ResourceJson;
import com.assetcollections.web.IdempotentPosts;
import com.assetcollections.web.JsonResponses;
import com.assetcollections.web.PageEnvelope;
import com.assetcollections.web.PageLinks;
import com.assetcollections.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account ({@code /api/v2/me}, any valid token) and, for admins, all users. */
@RestController
class UserController {

    /** What {@code /me} tells about the token in use. */
    static final List<String> OWN_TOKEN_FIELDS =
            List.of("id", "name", "scopes", "created_at", "expires_at", "last_used_at");

    private final Users users;
    private final Tokens tokens;
    private final UserWriter writer;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final IdempotentPosts posts;

    UserController(
            Users users,
            Tokens tokens,
            UserWriter writer,
            RequestBodies bodies,
            JsonResponses responses,
            IdempotentPosts posts) {
        this.users = users;
        this.tokens = tokens;
        this.writer = writer;
        this.bodies = bodies;
        this.responses = responses;
        this.posts = posts;
    }

    /**
     * Not {@link JsonResponses#read}: its Last-Modified (the user's) would hide a newer {@code
     * last_used_at}. A user or token deleted since the request was authenticated answers 401, as
     * the next request with that token will.
     */
    @GetMapping("/api/v2/me")
    @RequiredScopes({})
    Map<String, Object> me(Caller caller) {
        Map<String, Object> data =
                users.find(caller.userId()).orElseThrow(NotAuthenticated::new).toJson();
        Token token = tokens.find(caller.tokenId()).orElseThrow(NotAuthenticated::new);
        data.put("token", ResourceJson.narrow(token.toJson(), OWN_TOKEN_FIELDS));
        return Map.of("data", data);
    }

    @GetMapping("/api/v2/users")
    @RequiredScopes(Scope.ADMIN)
    Map<String, Object> list(Caller caller, HttpServletRequest request, PageLinks links) {
        Paging paging = QueryParser.parsePlainList(request.getParameterMap(), "`/api/v2/users`");
        return PageEnvelope.offset(
                users.page(paging.offset(), paging.perPage()).stream()
                        .map(User::toJson)
                        .toList(),
                users.count(),
                paging.page(),
                paging.perPage(),
                links);
    }

    @GetMapping("/api/v2/users/{key}")
    @RequiredScopes(Scope.ADMIN)
    ResponseEntity<Map<String, Object>> one(@PathVariable String key, Caller caller) {
        return responses.read(Map.of("data", users.byKey(key).toJson()));
    }

    @PostMapping("/api/v2/users")
    @RequiredScopes(Scope.ADMIN)
    ResponseEntity<byte[]> create(Caller caller, HttpServletRequest request) {
        byte[] body = bodies.raw(request);
        return posts.run(caller.userId(), request, body, () -> {
            User user = writer.create(caller, bodies.parse(body, UserWriter.FIELDS));
            return responses.created(Map.of("data", user.toJson()), "/api/v2/users/" + user.id());
        });
    }
}
