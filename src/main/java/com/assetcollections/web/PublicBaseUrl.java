package com.assetcollections.web;

import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Where absolute links in responses and webhook bodies start: {@code app.public-base-url}, or else
 * {@code http://localhost:<port>} on the port this server listens on. Never the request's
 * {@code Host} (or forwarded) header: any client chooses those, and links on a host it named would
 * poison shared caches and send whoever follows them elsewhere.
 */
@Component
public class PublicBaseUrl implements ApplicationListener<WebServerInitializedEvent> {

    private final boolean configured;
    private volatile String value;

    PublicBaseUrl(@Value("${app.public-base-url:}") String configured, @Value("${server.port:8080}") int port) {
        this.configured = !configured.isBlank();
        this.value = this.configured ? parse(configured) : local(port);
    }

    /** With no configured URL, the port actually bound (a configured port 0 is a random one). */
    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (!configured && event.getApplicationContext().getServerNamespace() == null) {
            value = local(event.getWebServer().getPort());
        }
    }

    /** The scheme, host, port and path prefix, without a trailing slash. */
    public String value() {
        return value;
    }

    /** The path the service is reached under (a proxy's prefix, without a trailing slash), or {@code /}. */
    public String path() {
        String path = URI.create(value).getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** {@code path} (from the root of this service, starting with a slash) as an absolute URL. */
    public String of(String path) {
        return value + path;
    }

    static String parse(String text) {
        String trimmed = text.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid(text);
        }
        boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
        if (!web
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw invalid(text);
        }
        return trimmed.replaceAll("/+$", "");
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("app.public-base-url `" + text
                + "` is not an http or https URL without user, query or fragment (e.g. https://api.example.com)");
    }

    private static String local(int port) {
        return "http://localhost:" + port;
    }
}
