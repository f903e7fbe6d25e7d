package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.query.TextFolding;
import com.assetcollections.users.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Order of GET /api/v2/collections: {@code sort} on every sortable field, and {@code search} ranking. */
abstract class CollectionsOrderingContract extends CollectionsContract {

    private static final Instant T = Instant.parse("2024-03-01T12:00:00Z");

    private User alice;
    private User bob;
    private User carol;
    private String token;

    @BeforeEach
    void people() {
        alice = fixtures.user("Alice");
        bob = fixtures.user("Bob");
        carol = fixtures.user("Carol");
        token = fixtures.token(alice);
    }

    private record Row(long id, String name, String type, UUID uuid, long ownerId, Instant created, Instant updated) {}

    /** Seven visible rows with ties in every field but id and uuid, and one hidden row. */
    private List<Row> rowsWithTies() {
        List<Row> rows = new ArrayList<>();
        rows.add(row(bob, "delta", true, 3, 5));
        rows.add(row(alice, "Alpha", false, 1, 5));
        rows.add(row(carol, "charlie", true, 3, 1));
        rows.add(row(bob, "bravo", true, 2, 9));
        rows.add(row(alice, "alpha", true, 1, 2));
        rows.add(row(carol, "Echo", true, 0, 7));
        Row shared = row(bob, "Delta", false, 4, 5);
        fixtures.share(shared.id(), alice);
        rows.add(shared);
        row(carol, "zulu", false, 5, 5);
        return rows;
    }

    private Row row(User owner, String name, boolean isPublic, int createdOffset, int updatedOffset) {
        UUID uuid = UUID.randomUUID();
        Instant created = T.plusSeconds(createdOffset);
        Instant updated = T.plusSeconds(updatedOffset);
        var builder =
                fixtures.collection(owner, name).uuid(uuid).created(created).updated(updated);
        long id = (isPublic ? builder.publicOne() : builder).create();
        return new Row(id, name, isPublic ? "public" : "private", uuid, owner.id(), created, updated);
    }

    private static final Map<String, Function<Row, Comparable<?>>> KEYS = Map.of(
            "id",
            Row::id,
            "name",
            r -> codePoints(TextFolding.fold(r.name())),
            "collection_type",
            Row::type,
            "uuid",
            r -> r.uuid().toString(),
            "owner_id",
            Row::ownerId,
            "created_at",
            Row::created,
            "updated_at",
            Row::updated);

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Long> expected(List<Row> rows, String sort) {
        boolean descending = sort.startsWith("-");
        Function<Row, Comparable> key = (Function) KEYS.get(sort.replace("-", ""));
        Comparator<Row> order = Comparator.comparing(key);
        order = (descending ? order.reversed() : order).thenComparing(Row::id);
        return rows.stream().sorted(order).map(Row::id).toList();
    }

    /** Compares as code points (String.compareTo compares UTF-16 units, which differs above U+FFFF). */
    private static String codePoints(String text) {
        StringBuilder padded = new StringBuilder();
        text.codePoints().forEach(cp -> padded.append(String.format("%06x", cp)));
        return padded.toString();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "id",
                "-id",
                "name",
                "-name",
                "collection_type",
                "-collection_type",
                "uuid",
                "-uuid",
                "owner_id",
                "-owner_id",
                "created_at",
                "-created_at",
                "updated_at",
                "-updated_at"
            })
    void sortsByEverySortableFieldBreakingTiesById(String sort) {
        List<Row> rows = rowsWithTies();

        assertThat(ids(list(token, "sort", sort))).containsExactlyElementsOf(expected(rows, sort));
    }

    @Test
    void sortsBySeveralKeysInTheOrderGiven() {
        List<Long> r = rowsWithTies().stream().map(Row::id).toList();

        assertThat(ids(list(token, "sort", "collection_type,-created_at")))
                .containsExactly(r.get(6), r.get(1), r.get(0), r.get(2), r.get(3), r.get(4), r.get(5));
        assertThat(ids(list(token, "sort", "-updated_at,name")))
                .containsExactly(r.get(3), r.get(5), r.get(1), r.get(0), r.get(6), r.get(4), r.get(2));
        assertThat(ids(list(token, "sort", "-owner_id,-id")))
                .containsExactly(r.get(5), r.get(2), r.get(6), r.get(3), r.get(0), r.get(4), r.get(1));
    }

    @Test
    void ordersByIdAscendingByDefault() {
        List<Long> r = rowsWithTies().stream().map(Row::id).toList();

        assertThat(ids(list(token))).containsExactlyElementsOf(r);
        assertThat(ids(list(token, "sort", ""))).containsExactlyElementsOf(r);
    }

    @Test
    void sortsNamesCaseInsensitivelyByCodePoint() {
        List<Long> r = new ArrayList<>();
        for (String name : new String[] {
            "banana", "Apple", "Zebra", "ärger", "apple", "Éclair", "eclair", "\uD83D\uDE00 party", "\uFF5A wide"
        }) {
            r.add(fixtures.collection(alice, name).create());
        }

        assertThat(ids(list(token, "sort", "name")))
                .containsExactly(
                        r.get(1), r.get(4), r.get(0), r.get(6), r.get(2), r.get(3), r.get(5), r.get(8), r.get(7));
        assertThat(ids(list(token, "sort", "-name")))
                .containsExactly(
                        r.get(7), r.get(8), r.get(5), r.get(3), r.get(2), r.get(6), r.get(0), r.get(1), r.get(4));
    }

    @Test
    void rejectsUnknownAndRepeatedSortFields() {
        assertBadRequest(
                list(token, "sort", "size2"),
                "sort",
                "unknown sort field `size2`; sortable: id, name, collection_type, uuid, owner_id, assets_count, created_at, updated_at");
        assertBadRequest(
                list(token, "sort", "description"),
                "sort",
                "unknown sort field `description`; sortable: id, name, collection_type, uuid, owner_id, assets_count, created_at, updated_at");
        assertBadRequest(list(token, "sort", "name,-name"), "sort", "sort field `name` is given twice");
    }

    private long publicOne(String name, String description) {
        return fixtures.collection(bob, name)
                .publicOne()
                .description(description)
                .create();
    }

    @Test
    void searchFindsStemmedWords() {
        long paintings = publicOne("Paintings", "from the attic");
        publicOne("Sculptures", "marble");

        assertThat(ids(list(token, "search", "painting"))).containsExactly(paintings);
        assertThat(ids(list(token, "search", "PAINTED"))).containsExactly(paintings);
        assertThat(ids(list(token, "search", "attics"))).containsExactly(paintings);
    }

    @Test
    void ranksANameMatchAboveADescriptionOnlyMatchWhenNoSortIsGiven() {
        long descriptionOnly = publicOne("Boxes", "paintings");
        long nameMatch =
                publicOne("Paintings", "old frames, brushes, canvas rolls and other studio supplies from the attic");
        long sameA = publicOne("Oil paintings", null);
        long sameB = publicOne("Oil paintings", null);

        assertThat(ids(list(token, "search", "oil"))).containsExactly(sameA, sameB);
        assertThat(ids(list(token, "search", "painting", "filter[id]", descriptionOnly + "," + nameMatch)))
                .containsExactly(nameMatch, descriptionOnly);
    }

    @Test
    void searchCombinesWithFiltersAndAnExplicitSort() {
        long bobs = publicOne("Painting B", null);
        long mine = fixtures.collection(alice, "Painting A").create();
        long mineToo = fixtures.collection(alice, "Zen painting").publicOne().create();
        fixtures.collection(alice, "Sculpture").create();

        assertThat(ids(list(token, "search", "painting", "filter[mine]", "1", "sort", "-id")))
                .containsExactly(mineToo, mine);
        assertThat(ids(list(token, "search", "painting", "sort", "name"))).containsExactly(mine, bobs, mineToo);
        assertThat(ids(list(token, "search", "painting", "filter[public]", "1", "sort", "-name")))
                .containsExactly(mineToo, bobs);
    }

    @Test
    void searchNeverFindsPrivateCollectionsOfOthers() {
        long open = publicOne("Paintings open", null);
        long shared = fixtures.collection(bob, "Paintings shared").create();
        fixtures.share(shared, alice);
        fixtures.collection(bob, "Paintings secret").description("paintings").create();
        long own = fixtures.collection(alice, "Paintings own").create();

        var response = list(token, "search", "paintings");
        assertThat(ids(response)).containsExactlyInAnyOrder(open, shared, own);
        assertThat(response.json().at("/meta/total").asLong()).isEqualTo(3);
        assertThat(ids(list(token, "search", "secret"))).isEmpty();
    }

    @Test
    void searchUnderstandsPhrasesOrAndExclusion() {
        long classes = publicOne("Oil painting classes", null);
        long withOil = publicOne("Painting with oil", null);
        long watercolor = publicOne("Watercolor paintings", null);
        long sculpture = publicOne("Sculpture", null);

        assertThat(ids(list(token, "search", "\"oil painting\"", "sort", "id"))).containsExactly(classes);
        assertThat(ids(list(token, "search", "painting -oil", "sort", "id"))).containsExactly(watercolor);
        assertThat(ids(list(token, "search", "sculpture or watercolor", "sort", "id")))
                .containsExactly(watercolor, sculpture);
        assertThat(ids(list(token, "search", "oil painting", "sort", "id"))).containsExactly(classes, withOil);
        assertThat(ids(list(token, "search", "sculpture or watercolor paintings", "sort", "id")))
                .as("`or` joins the words beside it; every group must match")
                .containsExactly(watercolor);
    }

    @Test
    void searchOfPunctuationOrSearchSyntaxIsNoError() {
        publicOne("Paintings", null);

        var punctuation = list(token, "search", "!!! ... ?");
        assertThat(ids(punctuation)).isEmpty();
        assertThat(punctuation.json().at("/meta/total").asLong()).isZero();
        for (String hostile :
                new String[] {"name:foo", "NEAR(a b)", "paint*", "\"unclosed", "a AND OR NOT", "'; --", "^"}) {
            assertThat(list(token, "search", hostile).status()).as(hostile).isEqualTo(200);
        }
        assertBadRequest(
                list(token, "search", "x".repeat(501)), "search", "`search` is 501 characters long; at most 500");
    }

    /** Rows found by a search for "the" among "The Beatles" and "Abbey Road". */
    List<Long> foundByStopWordSearch(long theBeatles, long abbeyRoad) {
        return List.of(theBeatles);
    }

    @Test
    void searchOfOnlyAStopWord() {
        long beatles = publicOne("The Beatles", null);
        long abbey = publicOne("Abbey Road", null);

        assertThat(ids(list(token, "search", "the"))).containsExactlyElementsOf(foundByStopWordSearch(beatles, abbey));
    }

    /** Rows found by a search for "-beatles" among "The Beatles" and "Abbey Road". */
    List<Long> foundByExclusionOnlySearch(long theBeatles, long abbeyRoad) {
        return List.of();
    }

    @Test
    void searchOfOnlyAnExcludedWord() {
        long beatles = publicOne("The Beatles", null);
        long abbey = publicOne("Abbey Road", null);

        assertThat(ids(list(token, "search", "-beatles")))
                .containsExactlyElementsOf(foundByExclusionOnlySearch(beatles, abbey));
    }
}
