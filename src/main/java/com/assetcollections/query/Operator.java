package com.assetcollections.query;

import java.util.Arrays;
import java.util.Optional;

/**
 * A filter operator: {@code filter[field][op]=value}. A plain {@code filter[field]=value} uses
 * the field's default operator, which keeps the original convention (exact "any of" for ids,
 * case-insensitive contains for text).
 */
public enum Operator {
    EQ("eq"),
    IN("in"),
    CONTAINS("contains"),
    STARTS_WITH("starts_with"),
    GT("gt"),
    GTE("gte"),
    LT("lt"),
    LTE("lte"),
    NULL("null");

    private final String token;

    Operator(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Optional<Operator> fromToken(String token) {
        return Arrays.stream(values()).filter(op -> op.token.equals(token)).findFirst();
    }
}
