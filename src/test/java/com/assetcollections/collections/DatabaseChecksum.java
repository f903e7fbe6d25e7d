package com.assetcollections.collections;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Row counts and a SHA-256 of every row of the tables a read could conceivably change, to show
 * that requests left the database as they found it. {@code api_tokens.last_used_at} is left out:
 * authenticating legitimately records the use of a token.
 */
public final class DatabaseChecksum {

    private static final Map<String, String> TABLES = Map.of(
            "users", "select * from users order by id",
            "api_tokens",
                    "select id, user_id, name, token_hash, scopes, created_at, expires_at, revoked_at"
                            + " from api_tokens order by id",
            "assets", "select * from assets order by id",
            "collections", "select * from collections order by id",
            "collection_assets", "select * from collection_assets order by collection_id, asset_id",
            "collection_shares", "select * from collection_shares order by collection_id, user_id",
            "change_marks", "select kind, key, sum(version) from change_marks group by kind, key order by kind, key");

    private DatabaseChecksum() {}

    /** Table name → "rows=<n> sha256=<hex>". */
    public static Map<String, String> of(DSLContext db) {
        Map<String, String> sums = new LinkedHashMap<>();
        TABLES.keySet().stream().sorted().forEach(table -> {
            var rows = db.fetch(TABLES.get(table));
            sums.put(table, "rows=" + rows.size() + " sha256=" + sha256(rows.formatCSV()));
        });
        return sums;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
