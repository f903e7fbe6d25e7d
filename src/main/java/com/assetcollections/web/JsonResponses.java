package com.assetcollections.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;
import tools.jackson.databind.ObjectMapper;

/**
 * Responses of single items, with their validators: the {@code ETag} is the MD5 of the exact JSON
 * bytes, in the form {@link BoundedEtagFilter} gives every
 * GET, so the ETag a client read from a GET, a POST or a PATCH of the same state is the same, and
 * {@code If-Match} can compare it with the current state.
 */
@Component
public class JsonResponses {

    private final ObjectMapper json;

    JsonResponses(ObjectMapper json) {
        this.json = json;
    }

    public byte[] bytes(Object body) {
        return json.writeValueAsBytes(body);
    }

    public static String etag(byte[] body) {
        return "\"0" + DigestUtils.md5DigestAsHex(body) + "\"";
    }

    /** The same ETag, of a body held as a stream. */
    static String etag(InputStream body) throws IOException {
        return "\"0" + DigestUtils.md5DigestAsHex(body) + "\"";
    }

    /** 200 with an item body ({@code {"data": {...}}}), its ETag and Last-Modified. */
    public ResponseEntity<byte[]> ok(Map<String, Object> body) {
        return item(ResponseEntity.ok(), body);
    }

    /** 201 with the new item, its Location, ETag and Last-Modified. */
    public ResponseEntity<byte[]> created(Map<String, Object> body, String location) {
        return item(ResponseEntity.created(URI.create(location)), body);
    }

    /** A GET of one item: as {@link #ok} (the ETag filter then answers If-None-Match with 304). */
    public ResponseEntity<Map<String, Object>> read(Map<String, Object> body) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok();
        lastModified(body).ifPresent(builder::lastModified);
        return builder.body(body);
    }

    /**
     * Fails with 412 unless the request's {@code If-Match} (when it has one) names the ETag of the
     * item's current representation ({@code current}, read inside the write's transaction).
     */
    public void checkIfMatch(String ifMatch, Supplier<Map<String, Object>> current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        // the weak form names the same content (a gzip response's ETag, see GzipForms)
        List<String> accepted = List.of(ifMatch.split(",")).stream()
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .toList();
        if (accepted.contains("*")) {
            return;
        }
        String now = etag(bytes(current.get()));
        if (!accepted.contains(now)) {
            throw new PreconditionFailed("the resource has changed since it was read (If-Match " + ifMatch.strip()
                    + ", current ETag " + now + "); read it again and retry");
        }
    }

    private ResponseEntity<byte[]> item(ResponseEntity.BodyBuilder builder, Map<String, Object> body) {
        byte[] bytes = bytes(body);
        lastModified(body).ifPresent(builder::lastModified);
        return builder.contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ETAG, etag(bytes))
                .body(bytes);
    }

    private static java.util.Optional<Instant> lastModified(Map<String, Object> body) {
        if (body.get("data") instanceof Map<?, ?> data && data.get("updated_at") instanceof String updated) {
            try {
                return java.util.Optional.of(Instant.parse(updated));
            } catch (java.time.format.DateTimeParseException e) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }
}
