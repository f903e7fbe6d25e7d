package com.assetcollections.support;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** A response as a client sees it: status, headers and the parsed JSON body. */
public record ApiResponse(int status, HttpHeaders headers, JsonNode json, String body) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
