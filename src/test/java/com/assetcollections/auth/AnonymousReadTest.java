package com.assetcollections.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class AnonymousReadTest {

    private final AnonymousRead on = new AnonymousRead(true);

    @Test
    void admitsTokenLessReadsOfCollectionsAndAssets() {
        for (String path : new String[] {
            "/api/v2/collections",
            "/api/v2/collections/5",
            "/api/v2/collections/0b6a4c9e-2f7d-4c1e-9a55-3a4c1f0e7b21",
            "/api/v2/collections/5/assets",
            "/api/v2/assets",
            "/api/v2/assets/7"
        }) {
            assertThat(on.admits(request("GET", path))).as("GET " + path).isTrue();
            assertThat(on.admits(request("HEAD", path))).as("HEAD " + path).isTrue();
        }
    }

    @Test
    void admitsNothingWhenOff() {
        assertThat(new AnonymousRead(false).admits(request("GET", "/api/v2/collections")))
                .isFalse();
    }

    @Test
    void neverAdmitsOtherMethods() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "get"}) {
            assertThat(on.admits(request(method, "/api/v2/collections")))
                    .as(method)
                    .isFalse();
        }
    }

    @Test
    void neverAdmitsPathsOutsideTheList() {
        for (String path : new String[] {
            "/api/v2/collections/",
            "/api/v2/collections/5/shares",
            "/api/v2/collections/5/assets/7",
            "/api/v2/users",
            "/api/v2/webhooks",
            "/api/v2/Collections",
            "/api/v3/collections",
            "/api/v2/assets/7/../../webhooks"
        }) {
            assertThat(on.admits(request("GET", path))).as(path).isFalse();
        }
    }

    @Test
    void decidesOnThePathTomcatRoutesByNotOnTheRawUri() {
        assertThat(on.admits(routed("/%61pi/v2/collections", "/api/v2/collections")))
                .isTrue();
        assertThat(on.admits(routed("/api/v2/collections", "/api/v2/users"))).isFalse();
        assertThat(on.admits(routed("/api/v2/%2561ssets", "/api/v2/%61ssets")))
                .as("decoded once, by Tomcat, and never again")
                .isFalse();
    }

    @Test
    void neverAdmitsARequestWithAnAuthorizationHeaderWhateverItHolds() {
        for (String header : new String[] {"", "Bearer ", "Bearer nonsense", "Basic YWxpY2U6c2VjcmV0"}) {
            MockHttpServletRequest request = request("GET", "/api/v2/collections");
            request.addHeader("Authorization", header);
            assertThat(on.admits(request)).as("Authorization: " + header).isFalse();
        }
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return request;
    }

    /** A GET whose raw URI Tomcat routed by {@code servletPath} (decoded and normalised). */
    private static MockHttpServletRequest routed(String requestUri, String servletPath) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", requestUri);
        request.setServletPath(servletPath);
        return request;
    }
}
