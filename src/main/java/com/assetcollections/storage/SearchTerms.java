package com.assetcollections.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web-search style query, read once for both databases: words must all match, {@code "quoted
 * words"} match as a phrase, {@code or} between terms means either, {@code -word} excludes. The
 * last word also matches as the start of a longer word ("search as you type") when it is typed as a
 * plain word — not quoted, not excluded, not {@code or} — of at least two letters or digits.
 *
 * @param groups     terms that must all match, each a list of alternatives (the text of a word or a
 *                   phrase, as typed)
 * @param excluded   terms that must not match
 * @param lastPrefix whether the last term of the last group is that last word
 */
record SearchTerms(List<List<String>> groups, List<String> excluded, boolean lastPrefix) {

    private static final Pattern TERM = Pattern.compile("(-?)\"([^\"]*)\"?|(-?)(\\S+)");
    private static final Pattern WORD_CHAR = Pattern.compile("[\\p{L}\\p{N}]");
    private static final int MIN_PREFIX_WORD_CHARS = 2;

    static SearchTerms parse(String text) {
        List<String> excluded = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        boolean orPending = false;
        boolean lastPrefix = false;
        Matcher m = TERM.matcher(text);
        while (m.find()) {
            boolean phrase = m.group(2) != null;
            String body = phrase ? m.group(2) : m.group(4);
            boolean negated = !(phrase ? m.group(1) : m.group(3)).isEmpty();
            if (!phrase && !negated && body.equalsIgnoreCase("or")) {
                orPending = !groups.isEmpty();
                lastPrefix = false;
                continue;
            }
            int wordChars = (int) WORD_CHAR.matcher(body).results().count();
            if (wordChars == 0) {
                continue;
            }
            lastPrefix = !phrase && !negated && wordChars >= MIN_PREFIX_WORD_CHARS;
            if (negated) {
                excluded.add(body);
            } else if (orPending) {
                groups.get(groups.size() - 1).add(body);
                orPending = false;
            } else {
                groups.add(new ArrayList<>(List.of(body)));
            }
        }
        return new SearchTerms(groups.stream().map(List::copyOf).toList(), List.copyOf(excluded), lastPrefix);
    }

    /** True when the text names nothing to find (only punctuation, {@code or}, or excluded words). */
    boolean isEmpty() {
        return groups.isEmpty();
    }

    /** The same terms, the last word matching whole words only. */
    SearchTerms wholeWords() {
        return new SearchTerms(groups, excluded, false);
    }

    /** The terms but the last group (the one holding the last word), with the same exclusions. */
    SearchTerms withoutLastGroup() {
        return new SearchTerms(groups.subList(0, Math.max(0, groups.size() - 1)), excluded, false);
    }

    /** The last word as typed; meaningful when {@link #lastPrefix()}. */
    String lastWord() {
        List<String> last = groups.get(groups.size() - 1);
        return last.get(last.size() - 1);
    }
}
