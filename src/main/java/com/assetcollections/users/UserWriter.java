package com.assetcollections.users;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import com.assetcollections.openapi.Body;
import com.assetcollections.openapi.BodyField;
import com.assetcollections.web.JsonBody;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** Creates users over the API (admins only). */
@Service
class UserWriter {

    static final int MAX_NAME = 255;
    /** The longest address SMTP can carry (RFC 5321: a 256-octet path less the angle brackets). */
    static final int MAX_EMAIL = 254;

    /**
     * The "valid e-mail address" of HTML's {@code <input type=email>}: ASCII only, which also keeps
     * the case-insensitive uniqueness ({@code lower(email)}) the same on SQLite, whose
     * {@code lower()} folds only ASCII, and PostgreSQL.
     */
    private static final Pattern EMAIL = Pattern.compile("[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+"
            + "@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");

    static final Body BODY = Body.of(
            BodyField.text("name", 1, MAX_NAME, "the user's name").required(),
            BodyField.text(
                            "email",
                            3,
                            MAX_EMAIL,
                            "an e-mail address as HTML's `<input type=email>` takes it (ASCII), unique whatever its"
                                    + " case")
                    .matching(EMAIL)
                    .required());
    static final List<String> FIELDS = BODY.names();

    private final Users users;

    UserWriter(Users users) {
        this.users = users;
    }

    /** The new user; 409 when the e-mail address is taken, whatever its case. */
    User create(Caller caller, JsonBody body) {
        caller.require(Scope.ADMIN);
        String name = body.requiredText("name", 1, MAX_NAME);
        String email = body.requiredText("email", 3, MAX_EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            body.reject("email", "`email` must be an e-mail address such as ada@example.com; got `" + email + "`");
        }
        body.validate();
        return users.create(name, email);
    }
}
