package com.assetcollections.query;

/** One key of {@code sort=}: a sortable field and its direction. */
public record SortKey(FieldSpec field, boolean descending) {

    /** The key as written in {@code sort=}, e.g. {@code -updated_at}. */
    public String token() {
        return (descending ? "-" : "") + field.name();
    }
}
