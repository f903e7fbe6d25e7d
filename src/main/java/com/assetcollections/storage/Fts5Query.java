package com.assetcollections.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a web-search style query into FTS5 syntax with the meaning PostgreSQL's
 * {@code websearch_to_tsquery} gives it: words must all match, {@code "quoted words"} match as a
 * phrase, {@code or} between terms means either, {@code -word} excludes. Every term is quoted, so
 * no user text is read as FTS5 syntax.
 */
final class Fts5Query {

    private static final Pattern TERM = Pattern.compile("(-?)\"([^\"]*)\"?|(-?)(\\S+)");
    private static final Pattern WORD_CHARS = Pattern.compile("[\\p{L}\\p{N}]");

    private Fts5Query() {}

    /** The FTS5 expression, or empty when the text holds nothing searchable. */
    static String from(String text) {
        List<String> excluded = new ArrayList<>();
        List<String> current = new ArrayList<>();
        boolean orPending = false;
        Matcher m = TERM.matcher(text);
        while (m.find()) {
            boolean phrase = m.group(2) != null;
            String body = phrase ? m.group(2) : m.group(4);
            boolean negated = !(phrase ? m.group(1) : m.group(3)).isEmpty();
            if (!phrase && !negated && body.equalsIgnoreCase("or")) {
                orPending = !current.isEmpty();
                continue;
            }
            if (!WORD_CHARS.matcher(body).find()) {
                continue;
            }
            String quoted = "\"" + body.replace("\"", "\"\"") + "\"";
            if (negated) {
                excluded.add(quoted);
            } else if (orPending) {
                current.set(current.size() - 1, current.get(current.size() - 1) + " OR " + quoted);
                orPending = false;
            } else {
                current.add(quoted);
            }
        }
        if (current.isEmpty()) {
            return "";
        }
        StringBuilder expression = new StringBuilder();
        for (String group : current) {
            expression
                    .append(expression.length() == 0 ? "" : " AND ")
                    .append('(')
                    .append(group)
                    .append(')');
        }
        for (String word : excluded) {
            expression.append(" NOT ").append(word);
        }
        return expression.toString();
    }
}
