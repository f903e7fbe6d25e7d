package com.assetcollections.assets;

import static com.assetcollections.assets.AssetsContract.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every filter operator each asset field declares, and the 400s for the ones it does not. */
abstract class AssetsOperatorsContract extends ApiTestBase {

    private static final UUID SKETCH_UUID = UUID.fromString("0a1b2c3d-0000-4000-8000-000000000001");
    private static final UUID CLIP_UUID = UUID.fromString("0a1b2c3d-0000-4000-8000-000000000002");

    private User alice;
    private User bob;
    private String token;
    private long sketch;
    private long clip;
    private long sheet;
    private long song;

    @BeforeEach
    void catalogue() {
        alice = fixtures.user("Alice");
        bob = fixtures.user("Bob");
        token = fixtures.token(bob);
        sketch = fixtures.asset(alice, "Harbour sketch")
                .type("image")
                .mime("image/svg+xml")
                .description("Pencil on paper")
                .uuid(SKETCH_UUID)
                .created(Instant.parse("2024-01-01T10:00:00.000001Z"))
                .updated(Instant.parse("2024-05-01T00:00:00Z"))
                .create();
        clip = fixtures.asset(bob, "harbour clip")
                .type("video")
                .mime("video/mp4")
                .uuid(CLIP_UUID)
                .created(Instant.parse("2024-02-01T10:00:00Z"))
                .updated(Instant.parse("2024-02-01T10:00:00Z"))
                .create();
        sheet = fixtures.asset(alice, "Budget sheet")
                .type("document")
                .mime("application/vnd.ms-excel.sheet.macroEnabled.12")
                .description("Harbour costs")
                .created(Instant.parse("2024-03-01T10:00:00Z"))
                .updated(Instant.parse("2024-06-01T12:30:00Z"))
                .create();
        song = fixtures.asset(bob, "Sea shanty")
                .type("audio")
                .mime("audio/mpeg")
                .description("")
                .created(Instant.parse("2024-04-01T10:00:00Z"))
                .updated(Instant.parse("2024-04-01T10:00:00Z"))
                .create();
    }

    @Test
    void comparesIdsWithEveryRangeOperator() {
        assertThat(ids(list("filter[id][gt]", "" + clip))).containsExactly(sheet, song);
        assertThat(ids(list("filter[id][gte]", "" + clip))).containsExactly(clip, sheet, song);
        assertThat(ids(list("filter[id][lt]", "" + clip))).containsExactly(sketch);
        assertThat(ids(list("filter[id][lte]", "" + clip))).containsExactly(sketch, clip);
        assertThat(ids(list("filter[id][eq]", "" + sheet))).containsExactly(sheet);
        assertThat(ids(list("filter[id][in]", song + "," + sketch + ",999999"))).containsExactly(sketch, song);
        assertThat(ids(list("filter[owner_id][gt]", "" + alice.id()))).containsExactly(clip, song);
        assertThat(ids(list("filter[owner_id][lte]", "" + alice.id()))).containsExactly(sketch, sheet);
    }

    @Test
    void comparesCreationTimesWithEveryOperatorToTheMicrosecond() {
        assertThat(ids(list("filter[created_at][gt]", "2024-01-01T10:00:00Z")))
                .containsExactly(sketch, clip, sheet, song);
        assertThat(ids(list("filter[created_at][gt]", "2024-01-01T10:00:00.000001Z")))
                .containsExactly(clip, sheet, song);
        assertThat(ids(list("filter[created_at][gte]", "2024-02-01 10:00:00"))).containsExactly(clip, sheet, song);
        assertThat(ids(list("filter[created_at][lt]", "2024-02-01T12:00:00+02:00")))
                .containsExactly(sketch);
        assertThat(ids(list("filter[created_at][lt]", "2024-02-01T12:00:00.000001+02:00")))
                .containsExactly(sketch, clip);
        assertThat(ids(list("filter[created_at][lte]", "2024-02-01"))).containsExactly(sketch);
        assertThat(ids(list("filter[created_at][eq]", "2024-01-01T10:00:00.000001Z")))
                .containsExactly(sketch);
        assertThat(ids(list("filter[created_at][eq]", "2024-01-01T10:00:00Z"))).isEmpty();
    }

    @Test
    void comparesUpdateTimesWithEveryOperatorAndUpdatedSince() {
        assertThat(ids(list("filter[updated_at][gt]", "2024-05-01"))).containsExactly(sheet);
        assertThat(ids(list("filter[updated_at][gte]", "2024-05-01"))).containsExactly(sketch, sheet);
        assertThat(ids(list("filter[updated_at][lt]", "2024-04-01T10:00:00Z"))).containsExactly(clip);
        assertThat(ids(list("filter[updated_at][lte]", "2024-04-01T10:00:00Z"))).containsExactly(clip, song);
        assertThat(ids(list("filter[updated_at][eq]", "2024-06-01T14:30:00+02:00")))
                .containsExactly(sheet);
        assertThat(ids(list("filter[updated_since]", "2024-05-01"))).containsExactly(sheet);
    }

    @Test
    void matchesNamesExactlyOrByCaseInsensitiveContainsAndPrefix() {
        assertThat(ids(list("filter[name]", "HARBOUR"))).containsExactly(sketch, clip);
        assertThat(ids(list("filter[name][contains]", "our cl"))).containsExactly(clip);
        assertThat(ids(list("filter[name][eq]", "harbour clip"))).containsExactly(clip);
        assertThat(ids(list("filter[name][eq]", "Harbour Clip")))
                .as("eq is case-sensitive")
                .isEmpty();
        assertThat(ids(list("filter[name][eq]", "harbour")))
                .as("eq is the whole name")
                .isEmpty();
        assertThat(ids(list("filter[name][starts_with]", "hARB"))).containsExactly(sketch, clip);
        assertThat(ids(list("filter[name][starts_with]", "sketch"))).isEmpty();
    }

    @Test
    void matchesMediaTypesExactlyOrByCaseInsensitiveContainsAndPrefix() {
        assertThat(ids(list("filter[mime_type]", "SVG"))).containsExactly(sketch);
        assertThat(ids(list("filter[mime_type]", "macroenabled"))).containsExactly(sheet);
        assertThat(ids(list("filter[mime_type][contains]", "MACROENABLED"))).containsExactly(sheet);
        assertThat(ids(list("filter[mime_type][starts_with]", "APPLICATION/VND.MS-EXCEL.SHEET.MACRO")))
                .containsExactly(sheet);
        assertThat(ids(list("filter[mime_type][starts_with]", "mp4"))).isEmpty();
        assertThat(ids(list("filter[mime_type][eq]", "video/mp4"))).containsExactly(clip);
        assertThat(ids(list("filter[mime_type][eq]", "application/vnd.ms-excel.sheet.macroEnabled.12")))
                .containsExactly(sheet);
        assertThat(ids(list("filter[mime_type][eq]", "Video/MP4"))).isEmpty();
    }

    @Test
    void matchesAssetTypesExactlyOrByCaseInsensitiveContainsAndPrefix() {
        assertThat(ids(list("filter[asset_type]", "DEO"))).containsExactly(clip);
        assertThat(ids(list("filter[asset_type][contains]", "o"))).containsExactly(clip, sheet, song);
        assertThat(ids(list("filter[asset_type][eq]", "image"))).containsExactly(sketch);
        assertThat(ids(list("filter[asset_type][eq]", "IMAGE"))).isEmpty();
        assertThat(ids(list("filter[asset_type][starts_with]", "Au"))).containsExactly(song);
    }

    @Test
    void matchesDescriptionsIncludingNullAndEmpty() {
        assertThat(ids(list("filter[description][null]", "1"))).containsExactly(clip);
        assertThat(ids(list("filter[description][null]", "true"))).containsExactly(clip);
        assertThat(ids(list("filter[description][null]", "0"))).containsExactly(sketch, sheet, song);
        assertThat(ids(list("filter[description][null]", "false"))).containsExactly(sketch, sheet, song);
        assertThat(ids(list("filter[description]", "harbour"))).containsExactly(sheet);
        assertThat(ids(list("filter[description][eq]", "")))
                .as("an empty value is ignored")
                .containsExactly(sketch, clip, sheet, song);
        assertThat(ids(list("filter[description][eq]", "Pencil on paper"))).containsExactly(sketch);
        assertThat(ids(list("filter[description][starts_with]", "PENCIL"))).containsExactly(sketch);
        assertBadRequest(
                list("filter[description][null]", "maybe"),
                "filter[description][null]",
                "`filter[description][null]` must be 1 (is null) or 0 (is not null), got `maybe`");
    }

    @Test
    void matchesUuidsExactlyInAnyCase() {
        assertThat(ids(list(
                        "filter[uuid][in]",
                        CLIP_UUID + "," + SKETCH_UUID.toString().toUpperCase())))
                .containsExactly(sketch, clip);
        assertThat(ids(list("filter[uuid][eq]", CLIP_UUID.toString()))).containsExactly(clip);
        assertThat(ids(list("filter[uuid]", SKETCH_UUID.toString()))).containsExactly(sketch);
        assertBadRequest(
                list("filter[uuid][in]", CLIP_UUID + ",nope"),
                "filter[uuid][in]",
                "`filter[uuid][in]` must be a UUID like `123e4567-e89b-12d3-a456-426614174000`, got `nope`");
    }

    @Test
    void combinesOperatorsOnSeveralFieldsWithAnd() {
        assertThat(ids(list(Map.of(
                        "filter[name][starts_with]", "harbour",
                        "filter[created_at][gte]", "2024-02-01",
                        "filter[description][null]", "1"))))
                .containsExactly(clip);
    }

    @Test
    void refusesOperatorsAFieldDoesNotDeclareNamingTheOnesItDoes() {
        assertBadRequest(
                list("filter[uuid][gt]", SKETCH_UUID.toString()),
                "filter[uuid][gt]",
                "unknown operator `gt` for filter `uuid`; operators: eq, in");
        assertBadRequest(
                list("filter[name][null]", "1"),
                "filter[name][null]",
                "unknown operator `null` for filter `name`; operators: eq, contains, starts_with");
        assertBadRequest(
                list("filter[description][in]", "a"),
                "filter[description][in]",
                "unknown operator `in` for filter `description`; operators: eq, contains, starts_with, null");
        assertBadRequest(
                list("filter[mime_type][lt]", "b"),
                "filter[mime_type][lt]",
                "unknown operator `lt` for filter `mime_type`; operators: eq, contains, starts_with");
        assertBadRequest(
                list("filter[created_at][contains]", "2024"),
                "filter[created_at][contains]",
                "unknown operator `contains` for filter `created_at`; operators: eq, gt, gte, lt, lte");
        assertBadRequest(
                list("filter[created_at]", "2024-01-01"),
                "filter[created_at]",
                "filter `created_at` needs an operator, e.g. filter[created_at][gte]=...; operators: eq, gt, gte, lt, lte");
        assertBadRequest(
                list("filter[collection][eq]", "1"),
                "filter[collection][eq]",
                "filter `collection` takes no operator; write filter[collection]=value");
        assertBadRequest(
                list("filter[updated_since][gt]", "2024-01-01"),
                "filter[updated_since][gt]",
                "filter `updated_since` takes no operator; write filter[updated_since]=value");
    }

    @Test
    void refusesDatetimesOutsideTheYears1To9999NamingTheParameter() {
        assertBadRequest(
                list("filter[created_at][gt]", "+300000-01-01T00:00:00"),
                "filter[created_at][gt]",
                "`filter[created_at][gt]` must lie in the years 1 to 9999; got `+300000-01-01T00:00:00`");
        assertBadRequest(
                list("filter[updated_at][lt]", "-300000-01-01T00:00:00Z"),
                "filter[updated_at][lt]",
                "`filter[updated_at][lt]` must lie in the years 1 to 9999; got `-300000-01-01T00:00:00Z`");
        assertBadRequest(
                list(Map.of("filter[updated_since]", "-300000-01-01T00:00:00Z", "filter[with_deleted]", "1")),
                "filter[updated_since]",
                "`filter[updated_since]` must lie in the years 1 to 9999; got `-300000-01-01T00:00:00Z`");
    }

    private ApiResponse list(String name, String value) {
        return list(Map.of(name, value));
    }

    private ApiResponse list(Map<String, String> query) {
        return api.get("/api/v2/assets", token, query);
    }

    private static void assertBadRequest(ApiResponse response, String parameter, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).isEqualTo(message);
        assertThat(response.json().at("/errors/" + parameter + "/0").asString()).isEqualTo(message);
    }
}
