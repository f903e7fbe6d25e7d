package com.assetcollections.collections;

import static com.assetcollections.support.ApiClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The hostile parameter names and values that {@link HostileInputPropertyContract} sends: SQL
 * fragments, huge numbers, unicode, NUL and control characters, empty values, malformed brackets,
 * unknown operators, bad dates and uuids, overlong text and garbage cursors; and a generator of
 * random ones; and what every answer to them must look like.
 */
public final class HostileInputs {

    public static final List<String> NAMES = List.of(
            "filter[id]",
            "filter[name]",
            "filter[uuid]",
            "filter[collection_type]",
            "filter[description]",
            "filter[owner_id]",
            "filter[updated_since]",
            "filter[public]",
            "filter[mine]",
            "filter[shared_with_me]",
            "filter[id][gt]",
            "filter[id][in]",
            "filter[name][starts_with]",
            "filter[name][eq]",
            "filter[description][null]",
            "filter[created_at][lte]",
            "filter[updated_at][eq]",
            "sort",
            "include",
            "fields[collections]",
            "search",
            "page",
            "per_page",
            "cursor",
            "filter[",
            "filter]",
            "filter",
            "filter[]",
            "filter[name][x][y]",
            "filter[[id]]",
            "filter[name]]",
            "fields[]",
            "fields[nope]",
            "fields",
            "fields[collections][x]",
            "filter[id][like]",
            "filter[nope]",
            "filter[name][null]",
            "filter[updated_since][gt]",
            "filter[id][IN]",
            "filter[created_at]",
            "FILTER[id]",
            "sort[]",
            "page[cursor]",
            "page[size]",
            "include[]",
            "search[]",
            "",
            " ",
            "filter[ name ]",
            "filter[id] ",
            "😀",
            "名前",
            "\u0000",
            "filter[\u0000]",
            "filter[name]\u0000",
            "a".repeat(300),
            "filter[" + "x".repeat(200) + "]",
            "filter[name][' OR 1=1 --]",
            "sort; DROP TABLE collections");

    public static final List<String> VALUES = List.of(
            "' OR 1=1 --",
            "1; DROP TABLE collections",
            "1) OR (1=1",
            "%' OR '1'='1",
            "\"; DROP TABLE users; --",
            "' UNION SELECT token_hash FROM api_tokens --",
            "%",
            "_",
            "\\",
            "'",
            "\"",
            "`",
            "*",
            "(",
            ")",
            "-",
            "--",
            ",",
            ",,",
            "1,,2",
            "99999999999999999999",
            "-1",
            "0",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "1e309",
            "NaN",
            "Infinity",
            "0x1F",
            "1.5",
            "１２３",
            "2147483648",
            "2147483647",
            "😀",
            "Ärger",
            "日本語",
            "\u202E",
            "\uFEFF",
            "ß",
            "İ",
            "e\u0301",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "\u0000",
            "a\u0000b",
            "\u0001",
            "\r\n",
            "\t",
            "%00",
            "",
            " ",
            "   ",
            "yesterday",
            "2024-13-01",
            "2024-02-30",
            "0000-00-00",
            "+999999999-12-31",
            "-999999999-01-01",
            "+10000-01-01T00:00:00Z",
            "-4713-01-01T00:00:00Z",
            "2024-01-01T25:00:00Z",
            "1704067200",
            "2024-01-01T00:00:00+25:00",
            "2024-01-01 13:45:00",
            "2024-01-01T00:00:00.123456789123Z",
            "not-a-uuid",
            "123e4567-e89b-12d3-a456-42661417400",
            "{123e4567-e89b-12d3-a456-426614174000}",
            "123e4567e89b12d3a456426614174000",
            "00000000-0000-0000-0000-000000000000",
            "a".repeat(501),
            "x".repeat(4000),
            "word ".repeat(100),
            numbers(1001),
            "garbage",
            "id",
            "-id",
            "name,-name",
            "id,id",
            "owner,assets",
            "owner,,assets",
            "password",
            "id,name",
            "+name",
            "--name",
            "+",
            "{}",
            "[]",
            "null",
            "true",
            "NEAR(a b)",
            "name:secret*",
            "^x",
            "a OR",
            "OR",
            "a AND NOT b",
            "\"unterminated",
            "1 OR 1",
            "$1",
            "?",
            "::text",
            "E'\\x00'");

    private static final String CHARS =
            "abcXYZ019 -_.,;:'\"`%&=+*?!#[]{}()<>|\\/~^$@\u0000\u0001\u007f\u00a0\u00e4\u00df"
                    + "\u0130\u202e\ufeff\u65e5\u672c\ud83d\ude00";

    /** What the contract says a hand-picked query must answer. */
    public enum Expect {
        OK,
        NO_ROWS,
        BAD_REQUEST,
        NOT_5XX
    }

    private HostileInputs() {}

    static Stream<Arguments> handPicked() {
        return Stream.of(
                list(Expect.NO_ROWS, "filter[name]", "' OR 1=1 --"),
                list(Expect.NO_ROWS, "filter[name]", "%' OR '1'='1"),
                list(Expect.NO_ROWS, "filter[name]", "%"),
                list(Expect.NO_ROWS, "filter[name]", "_"),
                list(Expect.NO_ROWS, "filter[description]", "\\"),
                list(Expect.NO_ROWS, "filter[name][starts_with]", "%"),
                list(Expect.BAD_REQUEST, "filter[id]", "1; DROP TABLE collections"),
                list(Expect.BAD_REQUEST, "filter[id]", "1) OR (1=1"),
                list(Expect.BAD_REQUEST, "filter[uuid]", "' OR ''='"),
                list(Expect.BAD_REQUEST, "sort", "name; DROP TABLE collections"),
                list(Expect.BAD_REQUEST, "sort", "(select 1)"),
                list(Expect.BAD_REQUEST, "fields[collections]", "id,(select token_hash from api_tokens)"),
                list(Expect.BAD_REQUEST, "include", "owner;drop"),
                list(Expect.BAD_REQUEST, "filter[public]", "1 OR 1=1"),
                list(Expect.BAD_REQUEST, "filter[mine]", "yes"),
                list(Expect.NO_ROWS, "search", "' OR 1=1 --"),
                list(Expect.NO_ROWS, "search", "name:secret*"),
                list(Expect.OK, "search", "\""),
                list(Expect.OK, "search", "NEAR(a b)"),
                list(Expect.OK, "search", "-"),
                list(Expect.OK, "search", "a OR"),
                list(Expect.OK, "search", "*"),
                list(Expect.OK, "search", "^x"),
                list(Expect.BAD_REQUEST, "page", "99999999999999999999"),
                list(Expect.BAD_REQUEST, "page", "0"),
                list(Expect.BAD_REQUEST, "page", "-1"),
                list(Expect.BAD_REQUEST, "page", "2147483648"),
                list(Expect.NO_ROWS, "page", "2147483647"),
                list(Expect.BAD_REQUEST, "per_page", "-1"),
                list(Expect.BAD_REQUEST, "per_page", "0"),
                list(Expect.BAD_REQUEST, "per_page", "1001"),
                list(Expect.BAD_REQUEST, "per_page", "1e3"),
                list(Expect.BAD_REQUEST, "per_page", "99999999999999999999"),
                list(Expect.BAD_REQUEST, "filter[id]", "9223372036854775808"),
                list(Expect.NO_ROWS, "filter[id]", "9223372036854775807"),
                list(Expect.NO_ROWS, "filter[id]", "-9223372036854775808"),
                list(Expect.BAD_REQUEST, "filter[id]", "-9223372036854775809"),
                list(Expect.BAD_REQUEST, "filter[id][gt]", "99999999999999999999999"),
                list(Expect.BAD_REQUEST, "filter[owner_id]", "1e10"),
                list(Expect.BAD_REQUEST, "filter[id]", "0x10"),
                list(Expect.BAD_REQUEST, "filter[id]", "1.5"),
                list(Expect.BAD_REQUEST, "filter[id]", "１２"),
                list(Expect.NO_ROWS, "filter[name]", "😀"),
                list(Expect.NO_ROWS, "filter[name]", "Ärger"),
                list(Expect.NO_ROWS, "search", "😀"),
                list(Expect.NO_ROWS, "search", "日本語"),
                list(Expect.NO_ROWS, "filter[name]", "\u202E"),
                list(Expect.BAD_REQUEST, "sort", "名前"),
                list(Expect.BAD_REQUEST, "filter[名前]", "x"),
                list(Expect.BAD_REQUEST, "fields[collections]", "😀"),
                list(Expect.BAD_REQUEST, "filter[name]", "\u0000"),
                list(Expect.BAD_REQUEST, "filter[name]", "a\u0000b"),
                list(Expect.BAD_REQUEST, "search", "\u0000"),
                list(Expect.BAD_REQUEST, "filter[description][eq]", "\u0000"),
                list(Expect.BAD_REQUEST, "filter[\u0000]", "1"),
                list(Expect.BAD_REQUEST, "sort", "\u0000"),
                list(Expect.OK, "\u0000", "1"),
                raw(Expect.BAD_REQUEST, "filter%5Bname%5D=%C0%80"),
                raw(Expect.BAD_REQUEST, "filter%5Bname%5D=%FF%FE"),
                raw(Expect.BAD_REQUEST, "filter%5Bname%5D=%ED%A0%80"),
                raw(Expect.BAD_REQUEST, "search=%C0%80"),
                raw(Expect.BAD_REQUEST, "filter%5Bname%C0%80%5D=1"),
                list(Expect.OK, "filter[name]", ""),
                list(Expect.OK, "filter[id]", ""),
                list(Expect.BAD_REQUEST, "filter[id]", ","),
                list(Expect.BAD_REQUEST, "filter[id]", "1,,2"),
                list(Expect.OK, "sort", ""),
                list(Expect.OK, "include", ""),
                list(Expect.OK, "search", ""),
                list(Expect.BAD_REQUEST, "fields[collections]", ""),
                list(Expect.BAD_REQUEST, "page", ""),
                list(Expect.BAD_REQUEST, "per_page", ""),
                list(Expect.OK, "cursor", ""),
                list(Expect.BAD_REQUEST, "", ""),
                raw(Expect.OK, "&&&"),
                raw(Expect.BAD_REQUEST, "=&=x&x="),
                raw(Expect.OK, "x&y=&z"),
                raw(Expect.BAD_REQUEST, "filter%5Bid%5D=1&filter%5Bid%5D=2"),
                raw(Expect.BAD_REQUEST, "sort=id&sort=name"),
                raw(Expect.BAD_REQUEST, "page=1&page=2"),
                raw(Expect.OK, "unknown=1&unknown=2"),
                raw(Expect.BAD_REQUEST, "include=owner&include=owner"),
                list(Expect.BAD_REQUEST, "filter[", "1"),
                list(Expect.BAD_REQUEST, "filter]", "1"),
                list(Expect.BAD_REQUEST, "filter[name", "x"),
                list(Expect.BAD_REQUEST, "filter[name][x][y]", "1"),
                list(Expect.BAD_REQUEST, "filter[name]]", "1"),
                list(Expect.BAD_REQUEST, "filter[[name]]", "1"),
                list(Expect.BAD_REQUEST, "filter[]", "1"),
                list(Expect.BAD_REQUEST, "filter[name][]", "x"),
                list(Expect.BAD_REQUEST, "fields[]", "id"),
                list(Expect.BAD_REQUEST, "fields[nope]", "id"),
                list(Expect.BAD_REQUEST, "fields[collections][x]", "id"),
                list(Expect.BAD_REQUEST, "fields", "id"),
                list(Expect.BAD_REQUEST, "fields[collections]", "id,,name"),
                list(Expect.BAD_REQUEST, "filter[id][like]", "1"),
                list(Expect.BAD_REQUEST, "filter[name][regex]", ".*"),
                list(Expect.BAD_REQUEST, "filter[name][null]", "1"),
                list(Expect.BAD_REQUEST, "filter[updated_since][gt]", "2024-01-01"),
                list(Expect.BAD_REQUEST, "filter[id][IN]", "1"),
                list(Expect.BAD_REQUEST, "filter[created_at]", "2024-01-01"),
                list(Expect.BAD_REQUEST, "filter[updated_since]", "yesterday"),
                list(Expect.BAD_REQUEST, "filter[updated_since]", "2024-13-01"),
                list(Expect.BAD_REQUEST, "filter[updated_since]", "2024-02-30"),
                list(Expect.BAD_REQUEST, "filter[updated_since]", "0000-00-00"),
                list(Expect.BAD_REQUEST, "filter[updated_since]", "2024-01-01T25:00:00Z"),
                list(Expect.BAD_REQUEST, "filter[updated_since]", "1704067200"),
                list(Expect.BAD_REQUEST, "filter[updated_since]", "2024-01-01T00:00:00+25:00"),
                list(Expect.NOT_5XX, "filter[updated_since]", "+999999999-12-31"),
                list(Expect.NOT_5XX, "filter[updated_since]", "-999999999-01-01"),
                list(Expect.NOT_5XX, "filter[created_at][gt]", "+10000-01-01T00:00:00Z"),
                list(Expect.NOT_5XX, "filter[updated_at][lt]", "-4713-01-01T00:00:00Z"),
                list(Expect.BAD_REQUEST, "filter[uuid]", "not-a-uuid"),
                list(Expect.BAD_REQUEST, "filter[uuid]", "123e4567-e89b-12d3-a456-42661417400"),
                list(Expect.BAD_REQUEST, "filter[uuid]", "{123e4567-e89b-12d3-a456-426614174000}"),
                list(Expect.BAD_REQUEST, "filter[uuid]", "123e4567e89b12d3a456426614174000"),
                list(Expect.BAD_REQUEST, "filter[uuid]", "g23e4567-e89b-12d3-a456-426614174000"),
                list(Expect.BAD_REQUEST, "search", "a".repeat(501)),
                list(Expect.NO_ROWS, "search", "a".repeat(500)),
                list(Expect.NO_ROWS, "filter[name]", "a".repeat(5000)),
                list(Expect.OK, "search", "word ".repeat(99)),
                list(Expect.BAD_REQUEST, "filter[id]", numbers(1001)),
                list(Expect.OK, "filter[id]", numbers(1000)),
                list(Expect.OK, "cursor", cursor("{\"s\":\"id\",\"d\":\"next\",\"k\":[1]}")),
                raw(
                        Expect.BAD_REQUEST,
                        "sort=updated_at&cursor="
                                + cursor("{\"s\":\"updated_at,id\",\"d\":\"next\",\"k\":[-9223372036854775808,1]}")),
                raw(
                        Expect.BAD_REQUEST,
                        "sort=created_at&cursor="
                                + cursor("{\"s\":\"created_at,id\",\"d\":\"prev\",\"k\":[9223372036854775807,1]}")),
                raw(
                        Expect.BAD_REQUEST,
                        "sort=uuid&cursor=" + cursor("{\"s\":\"uuid,id\",\"d\":\"next\",\"k\":[\"nope\",1]}")),
                raw(
                        Expect.BAD_REQUEST,
                        "sort=name&cursor=" + cursor("{\"s\":\"name,id\",\"d\":\"next\",\"k\":[\"\\u0000\",1]}")),
                raw(Expect.BAD_REQUEST, "search=x&cursor="));
    }

    /** A hand-picked case: the parameter {@code name=value}, percent-encoded, and what it must answer. */
    public static Arguments list(Expect expect, String name, String value) {
        return Arguments.of(expect, encode(name) + "=" + encode(value));
    }

    /** A hand-picked case: a query string sent as written, and what it must answer. */
    public static Arguments raw(Expect expect, String query) {
        return Arguments.of(expect, query);
    }

    /** A comma list of {@code count} numbers. */
    public static String numbers(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /** URL-safe base64 of {@code json}, as a cursor is written. */
    public static String cursor(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    public static List<String> cursors() {
        return List.of(
                "garbage",
                "%%%",
                "====",
                "AA",
                cursor(" "),
                cursor("{}"),
                cursor("null"),
                cursor("[]"),
                cursor("   "),
                cursor("{\"s\":\"id\",\"d\":\"next\",\"k\":[1e400]}"),
                cursor("{\"s\":\"id\",\"d\":\"next\",\"k\":[\"1\"]}"),
                cursor("{\"s\":\"id\",\"d\":\"next\",\"k\":[9223372036854775808]}"),
                cursor("{\"s\":\"id\",\"d\":\"sideways\",\"k\":[1]}"),
                cursor("{\"s\":\"id\",\"d\":\"next\",\"k\":[[1]]}"),
                cursor("{\"s\":\"id\",\"d\":\"next\",\"k\":{\"a\":1}}"),
                cursor("{\"s\":\"id\",\"d\":\"next\",\"k\":[null]}"),
                cursor("{\"s\":\"id\",\"d\":\"next\",\"k\":[1,2,3]}"),
                cursor("{\"s\":\"name,id\",\"d\":\"next\",\"k\":[\"x\",1]}"),
                cursor("{\"s\":\"id\",\"d\":\"next\",\"k\":[1]" + "}".repeat(5000)),
                cursor("[".repeat(5000)));
    }

    /** 1 to 5 random pairs, names and values from the lists or made up, sometimes a key twice; percent-encoded. */
    public static String randomQuery(Random random) {
        List<String> pairs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
            String name = !names.isEmpty() && random.nextInt(100) < 15
                    ? pick(random, names)
                    : random.nextInt(100) < 15 ? randomText(random) : pick(random, NAMES);
            String value = random.nextInt(100) < 15
                    ? randomText(random)
                    : name.equals("cursor") && random.nextBoolean() ? pick(random, cursors()) : pick(random, VALUES);
            names.add(name);
            pairs.add(encode(name) + "=" + encode(value));
        }
        return String.join("&", pairs);
    }

    public static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = random.nextInt(12); i < n; i++) {
            int at = random.nextInt(CHARS.length());
            char c = CHARS.charAt(at);
            text.append(c);
            if (Character.isHighSurrogate(c) && at + 1 < CHARS.length()) {
                text.append(CHARS.charAt(at + 1));
            } else if (Character.isLowSurrogate(c)) {
                text.setLength(text.length() - 1);
            }
        }
        return text.toString();
    }

    /** 2xx or 4xx, JSON whatever was asked, and a non-blank {@code message} on every 4xx. */
    public static void assertWellFormed(String request, ApiResponse response) {
        assertThat(response.status()).as("%s: %s", request, response.body()).isBetween(200, 499);
        assertThat(response.header("Content-Type"))
                .as("%s: content type", request)
                .startsWith("application/json");
        assertThat(response.json())
                .as("%s: a JSON body: %s", request, response.body())
                .isNotNull();
        if (response.status() >= 400) {
            assertThat(response.json().path("message").isString())
                    .as("%s: a message: %s", request, response.body())
                    .isTrue();
            assertThat(response.json().path("message").asString()).as(request).isNotBlank();
        }
    }

    /** The answer {@code expect} says a hand-picked list query must get; {@code what} names it in messages. */
    public static void assertAnswers(Expect expect, String what, ApiResponse response) {
        switch (expect) {
            case OK -> assertThat(response.status()).as(what).isEqualTo(200);
            case NO_ROWS -> {
                assertThat(response.status()).as(what).isEqualTo(200);
                assertThat(response.json().get("data").size())
                        .as(what + ": no rows")
                        .isZero();
            }
            case BAD_REQUEST -> assertThat(response.status()).as(what).isEqualTo(400);
            case NOT_5XX -> assertThat(response.status()).as(what).isIn(200, 400);
        }
    }

    /** A cursor no list made is refused with 400 and an error on {@code cursor}. */
    public static void assertCursorRefused(String what, ApiResponse response) {
        assertThat(response.status()).as("%s: %s", what, response.body()).isEqualTo(400);
        assertThat(response.json().at("/errors/cursor").isArray())
                .as(response.body())
                .isTrue();
    }

    public static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
