package com.assetcollections.storage;

/**
 * Writes {@link SearchTerms} as an FTS5 expression. Every term is quoted, so no user text is read
 * as FTS5 syntax; the last word, when it may match as a prefix, is written {@code "word"*}.
 */
final class Fts5Query {

    private Fts5Query() {}

    /** The FTS5 expression, or empty when the terms name nothing to find. */
    static String from(SearchTerms terms) {
        StringBuilder expression = new StringBuilder();
        for (int g = 0; g < terms.groups().size(); g++) {
            var group = terms.groups().get(g);
            expression.append(g == 0 ? "(" : " AND (");
            for (int t = 0; t < group.size(); t++) {
                expression.append(t == 0 ? "" : " OR ").append(quoted(group.get(t)));
            }
            boolean last = g == terms.groups().size() - 1;
            expression.append(last && terms.lastPrefix() ? "*)" : ")");
        }
        if (expression.length() > 0) {
            for (String word : terms.excluded()) {
                expression.append(" NOT ").append(quoted(word));
            }
        }
        return expression.toString();
    }

    private static String quoted(String term) {
        return "\"" + term.replace("\"", "\"\"") + "\"";
    }
}
