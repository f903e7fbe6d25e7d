package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.users.User;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filters of GET /api/v2/collections: exact, contains, datetime, flags and operators. */
abstract class CollectionsQueryContract extends CollectionsContract {

    private User alice;
    private User bob;
    private String token;

    @BeforeEach
    void people() {
        alice = fixtures.user("Alice");
        bob = fixtures.user("Bob");
        token = fixtures.token(alice);
    }

    private long publicOne(String name) {
        return fixtures.collection(bob, name).publicOne().create();
    }

    private long hidden(String name) {
        return fixtures.collection(bob, name).create();
    }

    @Test
    void filtersByIdExactlyAndByAnyOfACommaList() {
        long a = publicOne("A");
        long b = publicOne("B");
        long c = fixtures.collection(alice, "C").create();
        long secret = hidden("Secret");

        assertThat(ids(list(token, "filter[id]", "" + b))).containsExactly(b);
        assertThat(ids(list(token, "filter[id]", c + "," + a))).containsExactly(a, c);
        assertThat(ids(list(token, "filter[id]", a + "," + secret))).containsExactly(a);
        assertThat(ids(list(token, "filter[id]", a + "0"))).isEmpty();
        assertThat(ids(list(token, "filter[id][in]", b + "," + c))).containsExactly(b, c);
        assertThat(ids(list(token, "filter[id][gt]", "" + a))).containsExactly(b, c);
        assertBadRequest(
                list(token, "filter[id]", "1,x"), "filter[id]", "`filter[id]` must be a whole number, got `x`");
    }

    @Test
    void filtersByUuidExactly() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID secret = UUID.randomUUID();
        long a = fixtures.collection(bob, "A").publicOne().uuid(first).create();
        long b = fixtures.collection(alice, "B").uuid(second).create();
        fixtures.collection(bob, "Secret").uuid(secret).create();

        assertThat(ids(list(token, "filter[uuid]", first.toString()))).containsExactly(a);
        assertThat(ids(list(token, "filter[uuid]", second + "," + first))).containsExactly(a, b);
        assertThat(ids(list(token, "filter[uuid]", first.toString().toUpperCase())))
                .containsExactly(a);
        assertThat(ids(list(token, "filter[uuid]", secret.toString()))).isEmpty();
        assertBadRequest(
                list(token, "filter[uuid]", "abc"),
                "filter[uuid]",
                "`filter[uuid]` must be a UUID like `123e4567-e89b-12d3-a456-426614174000`, got `abc`");
    }

    @Test
    void filtersByNameAsCaseInsensitiveContains() {
        long messenger = publicOne("Facebook Messenger");
        long faceOff = fixtures.collection(alice, "Face Off").create();
        long surface = publicOne("Surface tension");
        publicOne("Bookshelf");
        hidden("Facades");

        assertThat(ids(list(token, "filter[name]", "face"))).containsExactly(messenger, faceOff, surface);
        assertThat(ids(list(token, "filter[name]", "FACE"))).containsExactly(messenger, faceOff, surface);
        assertThat(ids(list(token, "filter[name]", "ce of"))).containsExactly(faceOff);
        assertThat(ids(list(token, "filter[name]", ""))).hasSize(4);
    }

    @Test
    void matchesNonAsciiTextCaseInsensitively() {
        long office = publicOne("Ärger im Büro");
        long annoying = fixtures.collection(alice, "ärgerlich").create();
        publicOne("Arger");

        assertThat(ids(list(token, "filter[name]", "ärger"))).containsExactly(office, annoying);
        assertThat(ids(list(token, "filter[name]", "ÄRGER"))).containsExactly(office, annoying);
        assertThat(ids(list(token, "filter[name]", "BÜRO"))).containsExactly(office);
        assertThat(ids(list(token, "filter[name]", "a\u0308rger")))
                .as("NFD input")
                .containsExactly(office, annoying);
    }

    @Test
    void treatsLikeWildcardsInFiltersAsPlainCharacters() {
        long percent = publicOne("100% cotton");
        publicOne("100 percent");
        long underscore = publicOne("a_b");
        publicOne("axb");

        assertThat(ids(list(token, "filter[name]", "%"))).containsExactly(percent);
        assertThat(ids(list(token, "filter[name]", "_"))).containsExactly(underscore);
        assertThat(ids(list(token, "filter[name][starts_with]", "a_"))).containsExactly(underscore);
    }

    @Test
    void filtersNamesWithEqualsAndStartsWith() {
        long faceOff = publicOne("Face Off");
        long facebook = publicOne("Facebook");
        publicOne("Surface");

        assertThat(ids(list(token, "filter[name][eq]", "Face Off"))).containsExactly(faceOff);
        assertThat(ids(list(token, "filter[name][eq]", "face off")))
                .as("eq is exact")
                .isEmpty();
        assertThat(ids(list(token, "filter[name][eq]", "Face"))).isEmpty();
        assertThat(ids(list(token, "filter[name][starts_with]", "FACE"))).containsExactly(faceOff, facebook);
        assertBadRequest(
                list(token, "filter[name][gt]", "a"),
                "filter[name][gt]",
                "unknown operator `gt` for filter `name`; operators: eq, contains, starts_with");
    }

    @Test
    void filtersByCollectionTypeAsCaseInsensitiveContains() {
        long pub = publicOne("Open");
        long mine = fixtures.collection(alice, "Mine").create();
        hidden("Secret");

        assertThat(ids(list(token, "filter[collection_type]", "PUB"))).containsExactly(pub);
        assertThat(ids(list(token, "filter[collection_type]", "riv"))).containsExactly(mine);
        assertThat(ids(list(token, "filter[collection_type][eq]", "public"))).containsExactly(pub);
    }

    @Test
    void filtersByDescriptionAndByItsAbsence() {
        long logos = fixtures.collection(bob, "Logos")
                .publicOne()
                .description("Logos and FONTS")
                .create();
        long bare = fixtures.collection(bob, "Bare").publicOne().create();
        long print = fixtures.collection(alice, "Print")
                .description("fonts for print")
                .create();

        assertThat(ids(list(token, "filter[description]", "Fonts"))).containsExactly(logos, print);
        assertThat(ids(list(token, "filter[description][null]", "1"))).containsExactly(bare);
        assertThat(ids(list(token, "filter[description][null]", "0"))).containsExactly(logos, print);
        assertBadRequest(
                list(token, "filter[description][null]", "maybe"),
                "filter[description][null]",
                "`filter[description][null]` must be 1 (is null) or 0 (is not null), got `maybe`");
    }

    @Test
    void filtersByOwnerId() {
        User carol = fixtures.user("Carol");
        long bobs = publicOne("Bob's");
        long alices = fixtures.collection(alice, "Alice's").create();
        long carols = fixtures.collection(carol, "Carol's").publicOne().create();
        fixtures.collection(carol, "Carol's secret").create();

        assertThat(ids(list(token, "filter[owner_id]", "" + bob.id()))).containsExactly(bobs);
        assertThat(ids(list(token, "filter[owner_id]", carol.id() + "," + alice.id())))
                .containsExactly(alices, carols);
        assertThat(ids(list(token, "filter[owner_id]", "" + (carol.id() + 1000))))
                .isEmpty();
    }

    private long updatedAt(Instant at) {
        return fixtures.collection(bob, "At " + at)
                .publicOne()
                .created(Instant.parse("2020-01-01T00:00:00Z"))
                .updated(at)
                .create();
    }

    @Test
    void keepsCollectionsUpdatedStrictlyAfterADate() {
        Instant midnight = Instant.parse("2024-03-01T00:00:00Z");
        updatedAt(midnight.minusNanos(1000));
        updatedAt(midnight);
        long after = updatedAt(midnight.plusNanos(1000));
        long later = updatedAt(Instant.parse("2024-03-02T00:00:00Z"));

        assertThat(ids(list(token, "filter[updated_since]", "2024-03-01"))).containsExactly(after, later);
    }

    @Test
    void readsUpdatedSinceAsDateTimeOrIsoInstantInUtc() {
        Instant instant = Instant.parse("2024-03-01T13:45:00Z");
        updatedAt(instant.minusNanos(1000));
        updatedAt(instant);
        long after = updatedAt(instant.plusNanos(1000));
        long later = updatedAt(instant.plusSeconds(3600));

        for (String form : new String[] {
            "2024-03-01 13:45:00",
            "2024-03-01T13:45:00Z",
            "2024-03-01T13:45:00",
            "2024-03-01T15:45:00+02:00",
            "2024-03-01T08:45:00-05:00",
            "2024-03-01T13:45:00.000000Z"
        }) {
            assertThat(ids(list(token, "filter[updated_since]", form))).as(form).containsExactly(after, later);
        }
        assertThat(ids(api.get(PATH + "?filter[updated_since]=2024-03-01T15:45:00+02:00", token)))
                .as("an unencoded + arrives as a space")
                .containsExactly(after, later);
        assertThat(ids(list(token, "filter[updated_since]", "2024-03-01T13:45:00.000001Z")))
                .containsExactly(later);
    }

    @Test
    void rejectsUpdatedSinceThatIsNoDate() {
        assertBadRequest(
                list(token, "filter[updated_since]", "yesterday"),
                "filter[updated_since]",
                "`filter[updated_since]` must be a date (`2023-01-01`), a date and time (`2023-01-01 13:45:00`) "
                        + "or an ISO-8601 date-time, got `yesterday`");
        assertThat(list(token, "filter[updated_since]", "2024-02-30").status()).isEqualTo(400);
    }

    @Test
    void rejectsDatetimesOutsideTheYears1To9999NamingTheParameter() {
        for (String[] filter : new String[][] {
            {"filter[created_at][gt]", "+300000-01-01T00:00:00"},
            {"filter[created_at][lte]", "0000-12-31T23:59:59Z"},
            {"filter[updated_since]", "-300000-01-01T00:00:00Z"},
            {"filter[updated_since]", "+10000-01-01T00:00:00Z"}
        }) {
            String message = "`" + filter[0] + "` must lie in the years 1 to 9999; got `" + filter[1] + "`";
            assertBadRequest(list(token, filter), filter[0], message);
            assertBadRequest(list(token, "filter[with_deleted]", "1", filter[0], filter[1]), filter[0], message);
            assertBadRequest(list(token, "cursor", "", filter[0], filter[1]), filter[0], message);
        }
        publicOne("Now");
        assertThat(ids(list(token, "filter[updated_since]", "0001-01-01"))).hasSize(1);
        assertThat(ids(list(token, "filter[created_at][gt]", "9999-12-31T23:59:59.999999Z")))
                .isEmpty();
    }

    @Test
    void combinesPublicMineAndSharedWithMeWithAnd() {
        long alicePrivate = fixtures.collection(alice, "A private").create();
        long alicePublic = fixtures.collection(alice, "A public").publicOne().create();
        long bobPublic = publicOne("B public");
        long bobShared = hidden("B shared");
        hidden("B secret");
        long bobPublicShared = publicOne("B public shared");
        fixtures.share(bobShared, alice);
        fixtures.share(bobPublicShared, alice);

        assertThat(ids(list(token, "filter[public]", "1"))).containsExactly(alicePublic, bobPublic, bobPublicShared);
        assertThat(ids(list(token, "filter[mine]", "1"))).containsExactly(alicePrivate, alicePublic);
        assertThat(ids(list(token, "filter[shared_with_me]", "1"))).containsExactly(bobShared, bobPublicShared);
        assertThat(ids(list(token, "filter[public]", "1", "filter[mine]", "1"))).containsExactly(alicePublic);
        assertThat(ids(list(token, "filter[public]", "1", "filter[shared_with_me]", "1")))
                .containsExactly(bobPublicShared);
        assertThat(ids(list(token, "filter[mine]", "1", "filter[shared_with_me]", "1")))
                .isEmpty();
        assertThat(ids(list(token, "filter[public]", "0")))
                .containsExactly(alicePrivate, alicePublic, bobPublic, bobShared, bobPublicShared);
        assertBadRequest(
                list(token, "filter[public]", "yes"), "filter[public]", "`filter[public]` must be 1 or 0, got `yes`");
    }

    @Test
    void combinesFieldFiltersWithFlagsAndDates() {
        Instant old = Instant.parse("2023-06-01T00:00:00Z");
        Instant recent = Instant.parse("2024-06-01T00:00:00Z");
        long match = fixtures.collection(alice, "Quarterly report")
                .publicOne()
                .created(recent)
                .create();
        fixtures.collection(alice, "Yearly report").publicOne().created(old).create();
        fixtures.collection(alice, "Report drafts").created(recent).create();
        fixtures.collection(bob, "Report copy").publicOne().created(recent).create();

        assertThat(ids(list(
                        token,
                        "filter[name]",
                        "report",
                        "filter[public]",
                        "1",
                        "filter[mine]",
                        "1",
                        "filter[updated_since]",
                        "2024-01-01")))
                .containsExactly(match);
    }

    @Test
    void filtersCreatedAtWithRangeOperatorsOnly() {
        Instant noon = Instant.parse("2024-03-01T12:00:00Z");
        long early = fixtures.collection(bob, "Early")
                .publicOne()
                .created(noon.minusSeconds(1))
                .create();
        long atNoon = fixtures.collection(bob, "Noon").publicOne().created(noon).create();
        long late = fixtures.collection(bob, "Late")
                .publicOne()
                .created(noon.plusNanos(1000))
                .create();

        assertThat(ids(list(token, "filter[created_at][gte]", "2024-03-01 12:00:00")))
                .containsExactly(atNoon, late);
        assertThat(ids(list(token, "filter[created_at][gt]", "2024-03-01 12:00:00")))
                .containsExactly(late);
        assertThat(ids(list(token, "filter[created_at][lt]", "2024-03-01T12:00:00Z")))
                .containsExactly(early);
        assertThat(ids(list(token, "filter[created_at][lte]", "2024-03-01T14:00:00+02:00")))
                .containsExactly(early, atNoon);
        assertThat(ids(list(token, "filter[created_at][eq]", "2024-03-01T12:00:00Z")))
                .containsExactly(atNoon);
        assertBadRequest(
                list(token, "filter[created_at]", "2024-03-01"),
                "filter[created_at]",
                "filter `created_at` needs an operator, e.g. filter[created_at][gte]=...; operators: eq, gt, gte, lt, lte");
    }

    @Test
    void rejectsUnknownFiltersNamingTheFilterableOnes() {
        assertBadRequest(
                list(token, "filter[size]", "1"),
                "filter[size]",
                "unknown filter `size`; filterable: id, name, "
                        + "collection_type, uuid, description, owner_id, assets_count, created_at, updated_at, updated_since, public, mine, "
                        + "shared_with_me, with_deleted, share_level");
        assertBadRequest(
                list(token, "filter[mine][eq]", "1"),
                "filter[mine][eq]",
                "filter `mine` takes no operator; write filter[mine]=value");
        assertBadRequest(
                api.get(PATH + "?filter[id]=1&filter[id]=2", token),
                "filter[id]",
                "parameter `filter[id]` is given 2 times; give it once (use a comma-separated list for several values)");
    }
}
