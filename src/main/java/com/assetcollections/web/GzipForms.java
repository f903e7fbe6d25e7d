package com.assetcollections.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import org.springframework.boot.web.server.Compression;
import org.springframework.http.HttpHeaders;

/**
 * Whether the server will send a response gzipped ({@code server.compression.*}, as Tomcat decides
 * it), so that its ETag can be made weak: Tomcat does not compress a response with a strong ETag,
 * since a strong ETag promises the same bytes, and a gzip body is not the identity body. The weak
 * ETag {@code W/"0<md5 of the identity body>"} names the same content in either form.
 */
final class GzipForms {

    private final Compression compression;

    GzipForms(Compression compression) {
        this.compression = compression;
    }

    boolean gzipped(HttpServletRequest request, String contentType, long length) {
        return compression.getEnabled()
                && length >= compression.getMinResponseSize().toBytes()
                && compressible(contentType)
                && acceptsGzip(request);
    }

    /** {@code W/"…"} of a strong ETag; a weak one as it is. */
    static String weak(String etag) {
        return etag.startsWith("W/") ? etag : "W/" + etag;
    }

    private boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(compression.getMimeTypes()).anyMatch(type::equals);
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        for (String header : Collections.list(request.getHeaders(HttpHeaders.ACCEPT_ENCODING))) {
            for (String coding : header.split(",")) {
                String[] parts = coding.split(";");
                if (parts[0].strip().equalsIgnoreCase("gzip") && !refused(parts)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code gzip;q=0} refuses gzip. */
    private static boolean refused(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                return parameter.substring(2).strip().matches("0(\\.0{0,3})?");
            }
        }
        return false;
    }
}
