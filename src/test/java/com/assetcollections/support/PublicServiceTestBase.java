package com.assetcollections.support;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link ApiTestBase} as a public deployment configures the service: links on a public base URL
 * behind a path prefix, and web apps on listed origins (one of them with every method, any other
 * for anonymous reads). The tests of those settings share this one application context per database.
 */
@TestPropertySource(
        properties = {
            "app.public-base-url=" + PublicServiceTestBase.PUBLIC_BASE_URL + "/",
            "app.cors.allowed-origins=" + PublicServiceTestBase.WEB_APP + ", *"
        })
public abstract class PublicServiceTestBase extends ApiTestBase {

    public static final String PUBLIC_BASE_URL = "https://api.example.com/assets";
    public static final String WEB_APP = "https://app.example.com";
}
