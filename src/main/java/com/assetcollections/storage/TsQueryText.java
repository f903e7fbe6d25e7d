package com.assetcollections.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@link SearchTerms} as input for PostgreSQL's {@code to_tsquery}. Every term is a quoted
 * operand ({@code 'bob''s'}), so no user text is read as tsquery syntax; {@code to_tsquery} splits
 * and normalises a quoted operand as it does a phrase, so a word of several tokens
 * ({@code e-mail}) and a quoted phrase both match as phrases, as they do in FTS5. The last word,
 * when it may match as a prefix, is written {@code 'word':*}.
 */
final class TsQueryText {

    private TsQueryText() {}

    /** The tsquery text, or empty when the terms hold nothing at all. */
    static String from(SearchTerms terms) {
        List<String> parts = new ArrayList<>();
        for (int g = 0; g < terms.groups().size(); g++) {
            var group = terms.groups().get(g);
            List<String> alternatives = new ArrayList<>();
            for (String term : group) {
                alternatives.add(quoted(term));
            }
            if (g == terms.groups().size() - 1 && terms.lastPrefix()) {
                alternatives.set(alternatives.size() - 1, prefix(group.get(group.size() - 1)));
            }
            parts.add("(" + String.join(" | ", alternatives) + ")");
        }
        for (String word : terms.excluded()) {
            parts.add("!" + quoted(word));
        }
        return String.join(" & ", parts);
    }

    /** {@code word} as an operand matching every lexeme that starts with the word's own. */
    static String prefix(String word) {
        return quoted(word) + ":*";
    }

    private static String quoted(String term) {
        return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
