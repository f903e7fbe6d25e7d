package com.assetcollections.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The error body of every failed request: {@code {"message": ..., "errors": {...}}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String message, Map<String, List<String>> errors) {

    public static ApiError of(String message) {
        return new ApiError(message, null);
    }

    /** A 400/422 body that also names the parameter or field at fault. */
    public static ApiError about(String field, String message) {
        return new ApiError(message, Map.of(field, List.of(message)));
    }
}
