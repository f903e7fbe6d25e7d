package com.assetcollections.collections;

import com.assetcollections.query.InvalidQuery;
import com.assetcollections.web.JsonBody;
import java.util.Locale;
import java.util.Optional;

/**
 * Whom a share is for, as the owner named them: by user id, or by e-mail address. A share made
 * by address is shown and changed by that address only, and never tells whether the address has
 * an account (docs/decisions.md "Sharing by e-mail").
 */
sealed interface ShareRecipient {

    record ById(long userId) implements ShareRecipient {}

    /** @param email in lower case, as stored */
    record ByEmail(String email) implements ShareRecipient {}

    /** The recipient a share body names by exactly one of {@code user_id} or {@code email}; problems are recorded on the body. */
    static Optional<ShareRecipient> of(JsonBody body) {
        boolean byId = body.has("user_id") && !body.isNull("user_id");
        boolean byEmail = body.has("email") && !body.isNull("email");
        if (byId == byEmail) {
            body.reject("user_id", "name the user to share with by exactly one of `user_id` or `email`");
            return Optional.empty();
        }
        if (byId) {
            return body.number("user_id", 1).map(ById::new);
        }
        Optional<String> email = body.text("email", 3, 320);
        if (email.isPresent() && !looksLikeAnAddress(email.get())) {
            body.reject("email", "`email` must be an e-mail address");
            return Optional.empty();
        }
        return email.map(ShareRecipient::byEmail);
    }

    /** The recipient a path segment names: a user id, or an e-mail address. */
    static ShareRecipient of(String segment) {
        if (segment.matches("[0-9]{1,18}")) {
            return new ById(Long.parseLong(segment));
        }
        if (segment.length() <= 320 && looksLikeAnAddress(segment)) {
            return byEmail(segment);
        }
        throw new InvalidQuery("user", "name the share by a user id or an e-mail address");
    }

    private static ShareRecipient byEmail(String email) {
        return new ByEmail(email.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean looksLikeAnAddress(String text) {
        int at = text.indexOf('@');
        return at > 0
                && at == text.lastIndexOf('@')
                && at < text.length() - 1
                && text.chars().noneMatch(Character::isWhitespace);
    }
}
