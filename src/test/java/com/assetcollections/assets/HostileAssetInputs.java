package com.assetcollections.assets;

import static com.assetcollections.collections.HostileInputs.cursor;
import static com.assetcollections.collections.HostileInputs.list;
import static com.assetcollections.collections.HostileInputs.raw;
import static com.assetcollections.support.ApiClient.encode;

import com.assetcollections.collections.HostileInputs;
import com.assetcollections.collections.HostileInputs.Expect;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Hostile parameters for the asset endpoints: the assets' own filters, operators, sparse fields
 * of the included types and cursors, on top of the general ones of {@link HostileInputs}.
 */
final class HostileAssetInputs {

    static final List<String> NAMES = List.of(
            "filter[asset_type]",
            "filter[mime_type]",
            "filter[mime_type][starts_with]",
            "filter[mime_type][eq]",
            "filter[tags]",
            "filter[tags][contains]",
            "filter[tags][eq]",
            "filter[tags][0]",
            "filter[tags][]",
            "filter[url]",
            "filter[collection]",
            "filter[collection][eq]",
            "filter[collection][]",
            "filter[collections]",
            "filter[owner_id][in]",
            "filter[created_at][gte]",
            "filter[updated_at][lt]",
            "fields[assets]",
            "fields[collections]",
            "fields[users]",
            "fields[owner]",
            "fields[asset]",
            "fields[assets][collections]",
            "include",
            "sort",
            "cursor");

    static final List<String> VALUES = List.of(
            "collections",
            "owner",
            "collections,owner",
            "collections,assets",
            "assets",
            "id,tags",
            "id,email",
            "id,assets_count",
            "id,collection_type",
            "tags",
            "url",
            "position",
            "-position",
            "collection",
            "image",
            "image/svg+xml",
            "[\"oil\"]",
            "\"oil\"",
            "oil\nbrand",
            "\n",
            "[",
            "]");

    private HostileAssetInputs() {}

    /** Queries of {@code GET /api/v2/assets} and what the contract says each must answer. */
    static Stream<Arguments> handPicked() {
        return Stream.of(
                list(Expect.NO_ROWS, "filter[name]", "' OR 1=1 --"),
                list(Expect.NO_ROWS, "filter[name]", "%"),
                list(Expect.NO_ROWS, "filter[name][starts_with]", "_"),
                list(Expect.NO_ROWS, "filter[mime_type]", "%"),
                list(Expect.NO_ROWS, "filter[mime_type][starts_with]", "' OR '1'='1"),
                list(Expect.NO_ROWS, "filter[asset_type]", "_"),
                list(Expect.NO_ROWS, "filter[tags]", "%"),
                list(Expect.NO_ROWS, "filter[tags]", "_"),
                list(Expect.NO_ROWS, "filter[tags]", "' OR 1=1 --"),
                // the stored JSON of the tags must not show through a contains match
                list(Expect.NO_ROWS, "filter[tags]", "\""),
                list(Expect.NO_ROWS, "filter[tags]", "["),
                list(Expect.NO_ROWS, "filter[tags]", "\",\""),
                list(Expect.NO_ROWS, "filter[tags]", ","),
                list(Expect.OK, "filter[tags]", ""),
                list(Expect.OK, "filter[tags][contains]", "OIL"),
                list(Expect.BAD_REQUEST, "filter[tags][eq]", "oil"),
                list(Expect.BAD_REQUEST, "filter[tags][starts_with]", "oil"),
                list(Expect.BAD_REQUEST, "filter[tags][null]", "1"),
                list(Expect.BAD_REQUEST, "filter[tags][0]", "oil"),
                list(Expect.BAD_REQUEST, "filter[tags][]", "oil"),
                list(Expect.BAD_REQUEST, "filter[tags]", "\u0000"),
                list(Expect.BAD_REQUEST, "filter[url]", "cdn"),
                list(Expect.BAD_REQUEST, "filter[asset_type][null]", "1"),
                list(Expect.BAD_REQUEST, "filter[mime_type][gt]", "a"),
                list(Expect.BAD_REQUEST, "filter[uuid][gt]", "123e4567-e89b-12d3-a456-426614174000"),
                list(Expect.BAD_REQUEST, "filter[created_at]", "2024-01-01"),
                list(Expect.BAD_REQUEST, "filter[created_at][gte]", "yesterday"),
                list(Expect.NOT_5XX, "filter[created_at][gte]", "+10000-01-01T00:00:00Z"),
                list(Expect.NOT_5XX, "filter[updated_at][lt]", "-4713-01-01T00:00:00Z"),
                list(Expect.BAD_REQUEST, "filter[collection]", "junk"),
                list(Expect.BAD_REQUEST, "filter[collection]", "1,2"),
                list(Expect.BAD_REQUEST, "filter[collection]", "1 OR 1=1"),
                list(Expect.BAD_REQUEST, "filter[collection]", "99999999999999999999"),
                list(Expect.BAD_REQUEST, "filter[collection]", "123e4567-e89b-12d3-a456-426614174000"),
                list(Expect.BAD_REQUEST, "filter[collection]", "\u0000"),
                list(Expect.BAD_REQUEST, "filter[collection][eq]", "1"),
                list(Expect.BAD_REQUEST, "filter[collection][in]", "1,2"),
                list(Expect.BAD_REQUEST, "filter[collections]", "1"),
                list(Expect.OK, "filter[collection]", ""),
                list(Expect.NO_ROWS, "filter[collection]", "-1"),
                list(Expect.NO_ROWS, "filter[collection]", "0"),
                list(Expect.NO_ROWS, "filter[collection]", "9223372036854775807"),
                list(Expect.BAD_REQUEST, "filter[public]", "1"),
                list(Expect.BAD_REQUEST, "sort", "tags"),
                list(Expect.BAD_REQUEST, "sort", "url"),
                list(Expect.BAD_REQUEST, "sort", "description"),
                list(Expect.BAD_REQUEST, "sort", "position"),
                list(Expect.BAD_REQUEST, "sort", "collection"),
                list(Expect.BAD_REQUEST, "sort", "name; DROP TABLE assets"),
                list(Expect.BAD_REQUEST, "fields[assets]", "nope"),
                list(Expect.BAD_REQUEST, "fields[assets]", "id,(select token_hash from api_tokens)"),
                list(Expect.BAD_REQUEST, "fields[assets]", "id,,name"),
                list(Expect.BAD_REQUEST, "fields[assets]", ""),
                list(Expect.BAD_REQUEST, "fields[collections]", "owner_id"),
                list(Expect.BAD_REQUEST, "fields[collections]", "assets_count"),
                list(Expect.BAD_REQUEST, "fields[collections]", "id;drop"),
                list(Expect.BAD_REQUEST, "fields[collections]", ""),
                list(Expect.BAD_REQUEST, "fields[users]", "email"),
                list(Expect.BAD_REQUEST, "fields[users]", "id,password"),
                list(Expect.BAD_REQUEST, "fields[users]", "😀"),
                list(Expect.BAD_REQUEST, "fields[owner]", "id"),
                list(Expect.BAD_REQUEST, "fields[asset]", "id"),
                list(Expect.BAD_REQUEST, "fields[assets][collections]", "id"),
                list(Expect.OK, "fields[collections]", "id"),
                list(Expect.OK, "fields[users]", "name"),
                list(Expect.BAD_REQUEST, "include", "assets"),
                list(Expect.BAD_REQUEST, "include", "collections,assets"),
                list(Expect.BAD_REQUEST, "include", "collections,"),
                list(Expect.BAD_REQUEST, "include", "owner.collections"),
                list(Expect.BAD_REQUEST, "include", "COLLECTIONS"),
                list(Expect.OK, "include", "collections,owner"),
                list(Expect.OK, "include", " owner , collections "),
                list(Expect.OK, "include", ""),
                list(Expect.BAD_REQUEST, "search", "\u0000"),
                list(Expect.BAD_REQUEST, "search", "a".repeat(501)),
                list(Expect.NO_ROWS, "search", "' OR 1=1 --"),
                list(Expect.OK, "search", "tags:oil"),
                list(Expect.OK, "search", "\"oil"),
                raw(Expect.BAD_REQUEST, "filter%5Btags%5D=oil&filter%5Btags%5D=brand"),
                raw(Expect.BAD_REQUEST, "fields%5Bcollections%5D=id&fields%5Bcollections%5D=name"),
                raw(Expect.BAD_REQUEST, "filter%5Bcollection%5D=1&filter%5Bcollection%5D=2"),
                raw(Expect.BAD_REQUEST, "filter%5Btags%5D=%C0%80"),
                raw(Expect.BAD_REQUEST, "search=x&cursor="),
                raw(Expect.BAD_REQUEST, "sort=name&cursor=" + cursor("{\"s\":\"id\",\"d\":\"next\",\"k\":[1]}")),
                raw(
                        Expect.BAD_REQUEST,
                        "sort=mime_type&cursor="
                                + cursor("{\"s\":\"mime_type,id\",\"d\":\"next\",\"k\":[\"\\u0000\",1]}")),
                raw(
                        Expect.BAD_REQUEST,
                        "sort=owner_id&cursor=" + cursor("{\"s\":\"owner_id,id\",\"d\":\"next\",\"k\":[\"1\",1]}")),
                raw(
                        Expect.NOT_5XX,
                        "sort=-updated_at&cursor="
                                + cursor("{\"s\":\"-updated_at,id\",\"d\":\"prev\",\"k\":[253402300799999999,1]}")));
    }

    /**
     * Cursors that no list made: the general garbage, and ones claiming the sub-resource's own
     * order ({@code position,id}) with wrong types, a position beyond an int, a bad direction.
     */
    static List<String> contentsCursors() {
        List<String> cursors = new ArrayList<>(HostileInputs.cursors());
        cursors.add(cursor("{\"s\":\"position,id\",\"d\":\"next\",\"k\":[\"x\",1]}"));
        cursors.add(cursor("{\"s\":\"position,id\",\"d\":\"next\",\"k\":[2147483648,1]}"));
        cursors.add(cursor("{\"s\":\"position,id\",\"d\":\"next\",\"k\":[1.5,1]}"));
        cursors.add(cursor("{\"s\":\"position,id\",\"d\":\"next\",\"k\":[1]}"));
        cursors.add(cursor("{\"s\":\"position,id\",\"d\":\"up\",\"k\":[1,1]}"));
        return cursors;
    }

    /** 1 to 5 random pairs from the asset lists, the general lists or made up; percent-encoded. */
    static String randomQuery(Random random) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
            String name = random.nextInt(100) < 50
                    ? HostileInputs.pick(random, NAMES)
                    : random.nextInt(100) < 20
                            ? HostileInputs.randomText(random)
                            : HostileInputs.pick(random, HostileInputs.NAMES);
            String value = switch (random.nextInt(10)) {
                case 0, 1 -> HostileInputs.randomText(random);
                case 2, 3, 4 -> HostileInputs.pick(random, VALUES);
                default ->
                    name.equals("cursor") && random.nextBoolean()
                            ? HostileInputs.pick(random, contentsCursors())
                            : HostileInputs.pick(random, HostileInputs.VALUES);
            };
            pairs.add(encode(name) + "=" + encode(value));
        }
        return String.join("&", pairs);
    }
}
