package com.assetcollections.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Reads the JSON bodies of write requests: at most {@code app.max-body-size} bytes (413 beyond),
 * one JSON object with no duplicate or unknown keys (400 otherwise).
 */
@Component
public class RequestBodies {

    private final ObjectReader reader;
    private final long limit;

    RequestBodies(ObjectMapper json, @Value("${app.max-body-size:1MB}") DataSize limit) {
        this.reader = json.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.limit = limit.toBytes();
    }

    /** The raw body, refused with 413 when it is over the limit (whatever Content-Length claims). */
    public byte[] raw(HttpServletRequest request) {
        if (request.getContentLengthLong() > limit) {
            throw new PayloadTooLarge(limit);
        }
        try {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw new PayloadTooLarge(limit);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as a JSON object whose keys are all among {@code fields}. */
    public JsonBody parse(byte[] body, List<String> fields) {
        if (body.length == 0) {
            throw new MalformedBody("the request needs a JSON object body; fields: " + String.join(", ", fields));
        }
        JsonNode root;
        try {
            root = reader.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedBody("the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedBody("the request body must be a JSON object; fields: " + String.join(", ", fields));
        }
        Set<String> unknown = new TreeSet<>(root.propertyNames());
        fields.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new MalformedBody("unknown " + (unknown.size() == 1 ? "field " : "fields ")
                    + String.join(", ", unknown.stream().map(f -> "`" + f + "`").toList()) + "; allowed: "
                    + String.join(", ", fields));
        }
        return new JsonBody(root);
    }

    public JsonBody read(HttpServletRequest request, List<String> fields) {
        return parse(raw(request), fields);
    }
}
