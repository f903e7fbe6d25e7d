package com.assetcollections.web;

import java.util.List;
import java.util.Map;

/** A well-formed body whose values break the rules; answered with 422 and every bad field. */
public class InvalidBody extends RuntimeException {

    private final Map<String, List<String>> errors;

    public InvalidBody(Map<String, List<String>> errors) {
        super(summary(errors));
        this.errors = Map.copyOf(errors);
    }

    public InvalidBody(String field, String message) {
        this(Map.of(field, List.of(message)));
    }

    public Map<String, List<String>> errors() {
        return errors;
    }

    private static String summary(Map<String, List<String>> errors) {
        String first = errors.values().iterator().next().get(0);
        int more = errors.values().stream().mapToInt(List::size).sum() - 1;
        return more == 0 ? first : first + " (and " + more + " more " + (more == 1 ? "error" : "errors") + ")";
    }
}
