package com.assetcollections.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Fts5QueryTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "painting                  | (\"painting\")",
                "oil  painting             | (\"oil\") AND (\"painting\")",
                "\"oil painting\"          | (\"oil painting\")",
                "\"oil painting\" classes  | (\"oil painting\") AND (\"classes\")",
                "\"unclosed phrase         | (\"unclosed phrase\")",
                "oil or acrylic            | (\"oil\" OR \"acrylic\")",
                "oil OR acrylic or tempera | (\"oil\" OR \"acrylic\" OR \"tempera\")",
                "oil or acrylic canvas     | (\"oil\" OR \"acrylic\") AND (\"canvas\")",
                "or oil                    | (\"oil\")",
                "oil or                    | (\"oil\")",
                "painting -oil             | (\"painting\") NOT \"oil\"",
                "painting -\"oil paint\"   | (\"painting\") NOT \"oil paint\"",
                "-oil painting -acrylic    | (\"painting\") NOT \"oil\" NOT \"acrylic\"",
                "Ärger                     | (\"Ärger\")",
                "bob's                     | (\"bob's\")"
            })
    void writesWebSearchSyntaxAsQuotedFts5Terms(String text, String expected) {
        assertThat(wholeWords(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "name:foo         | (\"name:foo\")",
                "paint*           | (\"paint*\")",
                "NEAR(a b)        | (\"NEAR(a\") AND (\"b)\")",
                "a AND b          | (\"a\") AND (\"AND\") AND (\"b\")",
                "say\"hi\"        | (\"say\"\"hi\"\"\")",
                "^start           | (\"^start\")"
            })
    void quotesEverythingSoNoUserTextIsReadAsFts5Syntax(String text, String expected) {
        assertThat(wholeWords(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "corp                      | (\"corp\"*)",
                "oil  pain                 | (\"oil\") AND (\"pain\"*)",
                "oil or acr                | (\"oil\" OR \"acr\"*)",
                "pain -oil                 | (\"pain\") NOT \"oil\"",
                "pain -oil ?               | (\"pain\") NOT \"oil\"",
                "oil \"paint\"           | (\"oil\") AND (\"paint\")",
                "oil \"paint              | (\"oil\") AND (\"paint\")",
                "oil p                     | (\"oil\") AND (\"p\")",
                "oil c*                    | (\"oil\") AND (\"c*\")",
                "oil or                    | (\"oil\")",
                "oil pain ...              | (\"oil\") AND (\"pain\"*)",
                "ab                        | (\"ab\"*)",
                "a:*                       | (\"a:*\")",
                "say\"hi\"               | (\"say\"\"hi\"\"\"*)",
                "Är                        | (\"Är\"*)"
            })
    void letsOnlyAPlainLastWordOfTwoLettersOrDigitsMatchAsAPrefix(String text, String expected) {
        assertThat(Fts5Query.from(SearchTerms.parse(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "   ", "!!!", "... ?", "\"\"", "- -- ---", "'; --", "or", "OR or", "-oil", "-oil -\"a b\""})
    void findsNothingSearchableInPunctuationOrExclusionsAlone(String text) {
        assertThat(SearchTerms.parse(text).isEmpty()).isTrue();
        assertThat(Fts5Query.from(SearchTerms.parse(text))).isEmpty();
    }

    private static String wholeWords(String text) {
        return Fts5Query.from(SearchTerms.parse(text).wholeWords());
    }
}
