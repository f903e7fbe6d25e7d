package com.assetcollections.assets;

import static com.assetcollections.assets.AssetTable.ASSET_TYPE;
import static com.assetcollections.assets.AssetTable.DESCRIPTION;
import static com.assetcollections.assets.AssetTable.DESCRIPTION_FOLDED;
import static com.assetcollections.assets.AssetTable.MIME_TYPE;
import static com.assetcollections.assets.AssetTable.NAME;
import static com.assetcollections.assets.AssetTable.NAME_FOLDED;
import static com.assetcollections.assets.AssetTable.TAGS;
import static com.assetcollections.assets.AssetTable.TAGS_FOLDED;
import static com.assetcollections.assets.AssetTable.URL;

import com.assetcollections.openapi.Body;
import com.assetcollections.openapi.BodyField;
import com.assetcollections.query.TextFolding;
import com.assetcollections.web.JsonBody;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.Field;

/**
 * The body of an asset write, read into the columns it sets. Every rule is checked before any
 * problem is reported, so a 422 lists all bad fields at once; the rules are those of
 * "Writing assets" in docs/API.md.
 */
final class AssetBody {

    static final List<String> TYPES = List.of("image", "video", "audio", "document", "other");
    /** The columns holding what a client sent (the folded ones follow from them). */
    static final List<Field<?>> VALUES = List.of(NAME, DESCRIPTION, ASSET_TYPE, MIME_TYPE, URL, TAGS);

    static final int MAX_NAME = 255;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_URL = 2048;
    static final int MAX_TAGS = 50;
    static final int MAX_TAG = 50;
    /** RFC 6838 section 4.2: {@code type/subtype}, each a restricted-name of 1 to 127 characters, no parameters. */
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");
    /** The body of a POST; a PATCH takes the same fields, each optional. */
    static final Body BODY = Body.of(
            BodyField.text("name", 1, MAX_NAME, "the name of the asset").required(),
            BodyField.text("description", 0, MAX_DESCRIPTION, "free text describing it, or null"),
            BodyField.oneOf("asset_type", TYPES, "what kind of asset it is").required(),
            BodyField.text(
                            "mime_type",
                            1,
                            255,
                            "its media type `type/subtype` (RFC 6838, no parameters), e.g. `image/png`")
                    .matching(MEDIA_TYPE)
                    .required(),
            BodyField.text("url", 1, MAX_URL, "an absolute http or https URL with a host: where it is stored")
                    .format("uri")
                    .required(),
            BodyField.texts(
                    "tags", MAX_TAGS, MAX_TAG, "short labels without control characters; duplicates are dropped"));

    static final List<String> FIELDS = BODY.names();

    private final JsonBody body;

    AssetBody(JsonBody body) {
        this.body = body;
    }

    /** Every column of a new asset; fields not sent take their defaults (no description, no tags). */
    Map<Field<?>, Object> all() {
        return columns(true);
    }

    /** The columns of the fields the body names, and only those (a PATCH). */
    Map<Field<?>, Object> present() {
        return columns(false);
    }

    private Map<Field<?>, Object> columns(boolean all) {
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        if (all || body.has("name")) {
            String name = body.requiredText("name", 1, MAX_NAME);
            row.put(NAME, name);
            row.put(NAME_FOLDED, TextFolding.fold(name));
        }
        if (all || body.has("description")) {
            String description = body.text("description", 0, MAX_DESCRIPTION).orElse(null);
            row.put(DESCRIPTION, description);
            row.put(DESCRIPTION_FOLDED, TextFolding.fold(description));
        }
        if (all || body.has("asset_type")) {
            row.put(ASSET_TYPE, body.requiredOneOf("asset_type", TYPES));
        }
        if (all || body.has("mime_type")) {
            row.put(MIME_TYPE, mimeType());
        }
        if (all || body.has("url")) {
            row.put(URL, url());
        }
        if (all || body.has("tags")) {
            List<String> tags = tags();
            row.put(TAGS, AssetTags.json(tags));
            row.put(TAGS_FOLDED, AssetTags.folded(tags));
        }
        body.validate();
        return row;
    }

    /** Stored lower-cased: media type names are case-insensitive (RFC 6838), filters then see one spelling. */
    private String mimeType() {
        String value = body.requiredText("mime_type", 1, 255);
        if (value != null && !MEDIA_TYPE.matcher(value).matches()) {
            body.reject(
                    "mime_type",
                    "`mime_type` must be a media type `type/subtype` (RFC 6838: letters, digits and ! # $ & ^ _ . + -,"
                            + " without parameters); got `" + value + "`");
            return null;
        }
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private String url() {
        String value = body.requiredText("url", 1, MAX_URL);
        if (value != null && !isWebAddress(value)) {
            body.reject(
                    "url",
                    "`url` must be an absolute http or https URL with a host (e.g. https://cdn.example.com/a.png);"
                            + " got `" + value + "`");
            return null;
        }
        return value;
    }

    /** An absolute http(s) URI with a server host (DNS name or IP literal; international names in punycode). */
    static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null
                    && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Trimmed, without duplicates (the first spelling of tags that fold alike wins); none when absent
     * or null. Tags are stored one per line for filters, so a tag may not hold control characters.
     */
    private List<String> tags() {
        List<String> tags = body.texts("tags", MAX_TAGS, MAX_TAG).orElse(List.of());
        for (String tag : tags) {
            if (tag.chars().anyMatch(Character::isISOControl)) {
                body.reject("tags", "`tags` may not contain control characters (line breaks, tabs); got `" + tag + "`");
                return List.of();
            }
        }
        Set<String> seen = new HashSet<>();
        return tags.stream().filter(tag -> seen.add(TextFolding.fold(tag))).toList();
    }
}
