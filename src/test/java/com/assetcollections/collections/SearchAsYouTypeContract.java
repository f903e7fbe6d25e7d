package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.users.User;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code search} while the user types: the last word also matches as the start of a longer word. */
abstract class SearchAsYouTypeContract extends CollectionsContract {

    private User bob;
    private String token;

    @BeforeEach
    void people() {
        bob = fixtures.user("Bob");
        token = fixtures.token(fixtures.user("Alice"));
    }

    private long publicOne(String name, String description) {
        return fixtures.collection(bob, name)
                .publicOne()
                .description(description)
                .create();
    }

    private List<Long> found(String search) {
        return ids(list(token, "search", search));
    }

    @Test
    void findsWordsFromTheirFirstLetters() {
        long corporate = publicOne("Corporate screenshots 2018", null);
        long paintings = publicOne("Print paintings", null);
        publicOne("Sculptures", "marble");

        assertThat(found("corp")).containsExactly(corporate);
        assertThat(found("CORPO")).containsExactly(corporate);
        assertThat(found("pain")).containsExactly(paintings);
        assertThat(found("20")).as("digits").containsExactly(corporate);
        assertThat(found("screenshots 20")).containsExactly(corporate);
    }

    @Test
    void ranksWholeWordMatchesBeforeMatchesOnlyOfTheStartOfAWord() {
        // created first and matched in the name, so that neither id nor the name's weight puts it last
        long prefixInName = publicOne("Corporate screenshots 2018", null);
        long prefixInDescription = publicOne("Boxes", "corporate gifts");
        long wholeInDescription = publicOne("Crates", "corp files");
        long wholeInName = publicOne("Corp", null);

        assertThat(found("corp")).containsExactly(wholeInName, wholeInDescription, prefixInName, prefixInDescription);
    }

    @Test
    void aLastWordOfOneCharacterMatchesOnlyWholeWords() {
        publicOne("Corporate screenshots 2018", null);
        long letter = publicOne("Vitamin C", null);

        assertThat(found("c")).containsExactly(letter);
        assertThat(found("vitamin c")).containsExactly(letter);
        assertThat(found("c*")).containsExactly(letter);
    }

    @Test
    void excludedOrQuotedLastWordsMatchOnlyWholeWords() {
        long corporate = publicOne("Corporate screenshots 2018", null);
        long corp = publicOne("Corp screenshots", null);

        assertThat(found("screenshots -corp")).containsExactly(corporate);
        assertThat(found("-corp")).isEmpty();
        assertThat(found("\"corp\"")).containsExactly(corp);
        assertThat(found("screenshots \"corp\"")).containsExactly(corp);
    }

    @Test
    void onlyTheLastWordMatchesAsTheStartOfAWord() {
        long corporate = publicOne("Corporate screenshots 2018", null);
        long corp = publicOne("Corp screenshots", null);

        assertThat(found("corp screenshots")).containsExactly(corp);
        assertThat(found("corp screen")).containsExactly(corp);
        assertThat(found("screenshots corp")).containsExactly(corp, corporate);
        assertThat(found("corp -screenshots")).isEmpty();
    }

    @Test
    void keepsOrBeforeTheLastWord() {
        long corporate = publicOne("Corporate screenshots 2018", null);
        long sculptures = publicOne("Sculptures", null);
        publicOne("Print paintings", null);

        assertThat(found("sculptures or corp")).containsExactlyInAnyOrder(corporate, sculptures);
        assertThat(found("corp or")).isEmpty();
    }

    @Test
    void readsNoSearchSyntaxInTheLastWord() {
        long corporate = publicOne("Corporate screenshots 2018", null);
        publicOne("Bob's \\ (special) & 'quoted' paintings", null);

        for (String last : new String[] {
            "a:*", "'", "\\", "(", "&", "c*", "|", "!", ":*", "corp'", "co\\", "co(", "co&b", "\"co", "corp&", "!co",
            "co|", "co:b", "co:*", "''", "'':*'ab", "corp\\'", "NEAR(co", "co)", "co*:*"
        }) {
            var response = list(token, "search", "screenshots " + last);
            assertThat(response.status()).as(last + " " + response.body()).isEqualTo(200);
            assertThat(list(token, "search", last).status()).as(last).isEqualTo(200);
        }
        assertThat(found("corp:*")).containsExactly(corporate);
        assertThat(found("screenshots corp'")).containsExactly(corporate);
    }

    @Test
    void searchesNamingNothingSearchableStillFindNothing() {
        publicOne("Corporate screenshots 2018", null);

        assertThat(found("-co")).isEmpty();
        assertThat(found("'")).isEmpty();
        assertThat(found("or")).isEmpty();
        assertThat(found("*")).isEmpty();
    }

    /** Rows found by a search for "the" among "The Beatles" and "Theme park". */
    List<Long> foundByStopWordPrefix(long theBeatles, long themePark) {
        return List.of(theBeatles, themePark);
    }

    @Test
    void aStopWordTypedLastMatchesTheWordsItBegins() {
        long beatles = publicOne("The Beatles", null);
        long theme = publicOne("Theme park", null);

        assertThat(found("the")).containsExactlyElementsOf(foundByStopWordPrefix(beatles, theme));
        assertThat(found("park the")).containsExactly(theme);
    }
}
