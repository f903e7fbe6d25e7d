package com.assetcollections.users;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import com.assetcollections.openapi.Body;
import com.assetcollections.openapi.BodyField;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.web.JsonBody;
import com.assetcollections.web.JsonValues;
import com.assetcollections.web.NotFound;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Issues and revokes tokens over the API. A token never grants more than the token that creates
 * it: its scopes are a subset of the caller's, and it expires no later than the caller's token.
 */
@Service
class TokenWriter {

    static final int MAX_NAME = 255;
    static final long MAX_DAYS = 36_500;
    static final Body BODY = Body.of(
            BodyField.text("name", 1, MAX_NAME, "what the token is for, e.g. the machine it lives on")
                    .required(),
            BodyField.texts(
                            "scopes",
                            Scope.values().length * 4,
                            50,
                            "one or more scopes, each held by the token that asks")
                    .allowing(Arrays.stream(Scope.values()).map(Scope::token).toList())
                    .required(),
            BodyField.datetime(
                    "expires_at",
                    "when it expires: an ISO-8601 date-time, a date and time (UTC) or a date; in the future and not"
                            + " after the asking token's expiry (not with `expires_in_days`)"),
            BodyField.integer(
                    "expires_in_days", 1, MAX_DAYS, "it expires this many days from now (not with `expires_at`)"));
    static final List<String> FIELDS = BODY.names();

    private final Tokens tokens;

    TokenWriter(Tokens tokens) {
        this.tokens = tokens;
    }

    /** A new token for {@code userId} (the caller, or anyone for an admin: the controller decides). */
    IssuedToken create(Caller caller, long userId, JsonBody body) {
        Instant callerExpiry = tokens.find(caller.tokenId())
                .orElseThrow(() -> new IllegalStateException("the calling token " + caller.tokenId() + " is gone"))
                .expiresAt();
        String name = body.requiredText("name", 1, MAX_NAME);
        Set<Scope> scopes = scopes(body, caller.scopes());
        Instant expiresAt = expiry(body, callerExpiry);
        body.validate();
        return tokens.issue(userId, name, scopes, expiresAt);
    }

    /** Revokes the token (again is fine); someone else's token exists only for admins. */
    void revoke(Caller caller, long tokenId) {
        tokens.revoke(visible(caller, tokenId).id());
    }

    /** The token, if it is the caller's own or the caller is an admin; 404 otherwise, as if it did not exist. */
    Token visible(Caller caller, long tokenId) {
        return tokens.find(tokenId)
                .filter(token ->
                        token.userId() == caller.userId() || caller.scopes().contains(Scope.ADMIN))
                .orElseThrow(() -> new NotFound("token `" + tokenId + "` not found"));
    }

    private static Set<Scope> scopes(JsonBody body, Set<Scope> held) {
        String allowed = held.stream().sorted().map(Scope::token).collect(Collectors.joining(", "));
        if (!body.has("scopes") || body.isNull("scopes")) {
            body.reject("scopes", "`scopes` is required: a list of one or more of " + allowed);
            return Set.of();
        }
        Optional<List<String>> listed = body.texts("scopes", Scope.values().length * 4, 50);
        if (listed.isEmpty()) {
            return Set.of();
        }
        List<String> names = listed.get();
        if (names.isEmpty()) {
            body.reject("scopes", "`scopes` must name at least one scope; this token may grant: " + allowed);
            return Set.of();
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        List<String> unknown = new ArrayList<>();
        names.forEach(name -> Scope.fromToken(name).ifPresentOrElse(scopes::add, () -> unknown.add(name)));
        if (!unknown.isEmpty()) {
            body.reject("scopes", "unknown " + plural(unknown, "scope") + "; scopes: " + Scope.allTokens());
        }
        List<String> notHeld = scopes.stream()
                .filter(scope -> !held.contains(scope))
                .map(Scope::token)
                .toList();
        if (!notHeld.isEmpty()) {
            body.reject(
                    "scopes",
                    "this token does not hold " + plural(notHeld, "scope") + ", so it cannot grant "
                            + (notHeld.size() == 1 ? "it" : "them") + "; it may grant: " + allowed);
        }
        return scopes;
    }

    /**
     * The expiry asked for ({@code expires_at} or {@code expires_in_days}, not both), which must lie
     * in the future and not after the caller's own expiry; without one, the caller's expiry (or none).
     */
    private static Instant expiry(JsonBody body, Instant ceiling) {
        Instant now = SqlTypes.now();
        Optional<Instant> at = body.datetime("expires_at");
        Optional<Long> days = body.number("expires_in_days", 1, MAX_DAYS);
        if (given(body, "expires_at") && given(body, "expires_in_days")) {
            body.reject("expires_in_days", "give either `expires_at` or `expires_in_days`, not both");
            return null;
        }
        if (at.isPresent() && !at.get().isAfter(now)) {
            body.reject(
                    "expires_at",
                    "`expires_at` must be in the future; got " + JsonValues.datetime(at.get()) + ", now is "
                            + JsonValues.datetime(now));
            return null;
        }
        Instant expiry =
                at.or(() -> days.map(d -> now.plus(Duration.ofDays(d)))).orElse(null);
        if (ceiling == null || expiry == null) {
            return expiry == null ? ceiling : expiry;
        }
        if (expiry.isAfter(ceiling)) {
            body.reject(
                    at.isPresent() ? "expires_at" : "expires_in_days",
                    "a token cannot outlive the token that creates it: this one expires at "
                            + JsonValues.datetime(ceiling));
            return null;
        }
        return expiry;
    }

    private static boolean given(JsonBody body, String field) {
        return body.has(field) && !body.isNull(field);
    }

    private static String plural(List<String> names, String noun) {
        return (names.size() == 1 ? noun + " " : noun + "s ")
                + names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    }
}
