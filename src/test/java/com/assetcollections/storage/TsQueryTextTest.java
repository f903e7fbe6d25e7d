package com.assetcollections.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TsQueryTextTest {

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "oil painting                => ('oil') & ('painting':*)",
                "\"oil painting\" classes    => ('oil painting') & ('classes':*)",
                "oil or acrylic canvas       => ('oil' | 'acrylic') & ('canvas':*)",
                "painting -oil -\"a b\"      => ('painting') & !'oil' & !'a b'",
                "-oil painting               => ('painting':*) & !'oil'",
                "oil or corp                 => ('oil' | 'corp':*)",
                "oil \"corp\"                => ('oil') & ('corp')"
            })
    void writesWebSearchSyntaxAsTsqueryWithThePrefixOnTheLastWord(String text, String expected) {
        assertThat(TsQueryText.from(SearchTerms.parse(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "bob's         => ('bob''s':*)",
                "a\\b          => ('a\\\\b':*)",
                "it's          => ('it''s':*)",
                "x&y|z         => ('x&y|z':*)",
                "!(a:*)        => ('!(a:*)')",
                "ab:*          => ('ab:*':*)",
                "'':*'ab       => (''''':*''ab':*)"
            })
    void quotesEveryTermSoNoUserTextIsReadAsTsquerySyntax(String text, String expected) {
        assertThat(TsQueryText.from(SearchTerms.parse(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "oil or acr canvas pain  => ('oil' | 'acr') & ('canvas')",
                "pain -oil               => !'oil'",
                "pain                    => ``"
            })
    void leavesOutTheLastWordsGroupForTheUnstemmedPrefix(String text, String expected) {
        assertThat(TsQueryText.from(SearchTerms.parse(text).withoutLastGroup())).isEqualTo(expected);
    }
}
