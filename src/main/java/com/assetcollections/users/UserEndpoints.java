package com.assetcollections.users;

import static com.assetcollections.openapi.Answer.CREATED;
import static com.assetcollections.openapi.Answer.ITEM;
import static com.assetcollections.openapi.Answer.PLAIN_LIST;

import com.assetcollections.openapi.Endpoint;
import com.assetcollections.openapi.EndpointList;
import com.assetcollections.openapi.Property;
import com.assetcollections.openapi.Shape;
import com.assetcollections.query.ValueType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The users, tokens and {@code /me} endpoints as the OpenAPI document lists them; their items as {@link User#toJson} and {@link Token#toJson} write them. */
@Component
class UserEndpoints implements EndpointList {

    static final Shape USER = Shape.of(
            "users",
            Property.of("id", ValueType.INTEGER, "the system ID"),
            Property.of("uuid", ValueType.UUID_, "public unique identifier"),
            Property.of("name", ValueType.STRING, "the user's name"),
            Property.of("email", ValueType.STRING, "the user's e-mail address"),
            Property.of("created_at", ValueType.DATETIME, "when the user was created"),
            Property.of("updated_at", ValueType.DATETIME, "when the user was last changed"));
    static final Shape TOKEN = Shape.of(
            "tokens",
            Property.of("id", ValueType.INTEGER, "the system ID"),
            Property.of("user_id", ValueType.INTEGER, "the user it acts for"),
            Property.of("name", ValueType.STRING, "what it is for"),
            Property.of("scopes", ValueType.STRING_LIST, "what it may do"),
            Property.of("created_at", ValueType.DATETIME, "when it was issued"),
            Property.orNull("last_used_at", ValueType.DATETIME, "when it was last used (to the minute), or null"),
            Property.orNull("expires_at", ValueType.DATETIME, "when it expires, or null for never"),
            Property.orNull("revoked_at", ValueType.DATETIME, "when it was revoked, or null"));
    private static final Property PLAINTEXT =
            Property.of("token", ValueType.STRING, "the token itself `ac_…`: shown in this answer only");

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", "/api/v2/me", "the caller and the token it used", ITEM, me()),
                Endpoint.of("GET", "/api/v2/tokens", "the caller's tokens", PLAIN_LIST, TOKEN),
                Endpoint.of("GET", "/api/v2/tokens/{id}", "one of the caller's tokens", ITEM, TOKEN),
                Endpoint.of("POST", "/api/v2/tokens", "issue a token for the caller", CREATED, TOKEN)
                        .taking(TokenWriter.BODY)
                        .adding(PLAINTEXT),
                Endpoint.deletes("/api/v2/tokens/{id}", "revoke one of the caller's tokens"),
                Endpoint.of("GET", "/api/v2/users", "every user (admin)", PLAIN_LIST, USER),
                Endpoint.of("GET", "/api/v2/users/{key}", "one user (admin)", ITEM, USER),
                Endpoint.of("POST", "/api/v2/users", "create a user (admin)", CREATED, USER)
                        .taking(UserWriter.BODY),
                Endpoint.of("GET", "/api/v2/users/{user}/tokens", "a user's tokens (admin)", PLAIN_LIST, TOKEN),
                Endpoint.of("POST", "/api/v2/users/{user}/tokens", "issue a token for a user (admin)", CREATED, TOKEN)
                        .taking(TokenWriter.BODY)
                        .adding(PLAINTEXT));
    }

    /** The caller as a user, with the token of the request narrowed to what its holder may see. */
    private static Shape me() {
        List<Property> ownToken = TOKEN.properties().stream()
                .filter(p -> UserController.OWN_TOKEN_FIELDS.contains(p.name()))
                .toList();
        List<Property> properties = new ArrayList<>(USER.properties());
        properties.add(Property.object("token", new Shape("own_token", ownToken), "the token of this request"));
        return new Shape("me", properties);
    }
}
