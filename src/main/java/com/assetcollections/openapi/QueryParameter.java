package com.assetcollections.openapi;

/** A query parameter outside the query language, such as {@code asset_ids} of a bulk removal. */
public record QueryParameter(String name, boolean required, String pattern, String description) {}
