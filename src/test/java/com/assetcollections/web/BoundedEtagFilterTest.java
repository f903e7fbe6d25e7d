package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.Compression;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter's rule at its edge: bodies up to the limit get an ETag (or 304), larger ones pass through whole. */
class BoundedEtagFilterTest {

    private static final int LIMIT = 1_000;

    private final BoundedEtagFilter filter = new BoundedEtagFilter(LIMIT, new GzipForms(new Compression()));

    private MockHttpServletResponse get(FilterChain handler, String... headers) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v2/collections");
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, handler);
        return response;
    }

    /** A handler writing {@code body} through the output stream in pieces of 100 bytes, as Jackson writes in pieces. */
    private static FilterChain writing(byte[] body) {
        return (request, response) -> {
            for (int from = 0; from < body.length; from += 100) {
                response.getOutputStream().write(body, from, Math.min(100, body.length - from));
            }
            response.getOutputStream().flush();
        };
    }

    private static byte[] body(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    @Test
    void aBodyOfTheLimitGetsTheEtagOfItsBytes() throws Exception {
        byte[] body = body(LIMIT);

        MockHttpServletResponse response = get(writing(body));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("ETag")).isEqualTo(JsonResponses.etag(body));
        assertThat(response.getContentLength()).isEqualTo(LIMIT);
        assertThat(response.getContentAsByteArray()).isEqualTo(body);
    }

    @Test
    void aMatchingIfNoneMatchIsAnswered304WithoutABody() throws Exception {
        byte[] body = body(500);

        MockHttpServletResponse response = get(writing(body), "If-None-Match", JsonResponses.etag(body));

        assertThat(response.getStatus()).isEqualTo(304);
        assertThat(response.getHeader("ETag")).isEqualTo(JsonResponses.etag(body));
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsSentWholeWithoutAnEtag() throws Exception {
        byte[] body = body(LIMIT + 1);

        MockHttpServletResponse response = get(writing(body), "If-None-Match", JsonResponses.etag(body));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("ETag")).isNull();
        assertThat(response.getContentAsByteArray()).isEqualTo(body);
    }

    @Test
    void aBodyWrittenThroughTheWriterGetsTheEtagOfItsEncodedBytes() throws Exception {
        String text = "{\"name\":\"Café Ø\"}";

        MockHttpServletResponse response = get((request, servletResponse) -> {
            servletResponse.setCharacterEncoding("UTF-8");
            servletResponse.getWriter().write(text);
        });

        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        assertThat(response.getHeader("ETag")).isEqualTo(JsonResponses.etag(encoded));
        assertThat(response.getContentAsByteArray()).isEqualTo(encoded);
    }

    @Test
    void aPostWrittenThroughTheWriterIsSentWholeWithoutAnEtag() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v2/collections");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, servletResponse) -> {
            servletResponse.setCharacterEncoding("UTF-8");
            servletResponse.getWriter().write("{\"data\":{}}");
        });

        assertThat(response.getHeader("ETag")).isNull();
        assertThat(response.getContentAsString()).isEqualTo("{\"data\":{}}");
    }

    @Test
    void anEtagTheHandlerSetIsKept() throws Exception {
        MockHttpServletResponse response = get((request, servletResponse) -> {
            ((jakarta.servlet.http.HttpServletResponse) servletResponse).setHeader("ETag", "\"own\"");
            servletResponse.getOutputStream().write(body(10));
        });

        assertThat(response.getHeader("ETag")).isEqualTo("\"own\"");
        assertThat(response.getContentAsByteArray()).isEqualTo(body(10));
    }

    @Test
    void errorsGetNoEtag() throws Exception {
        MockHttpServletResponse response = get((request, servletResponse) -> {
            ((jakarta.servlet.http.HttpServletResponse) servletResponse).setStatus(404);
            servletResponse.getOutputStream().write(body(10));
        });

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getHeader("ETag")).isNull();
        assertThat(response.getContentAsByteArray()).isEqualTo(body(10));
    }
}
