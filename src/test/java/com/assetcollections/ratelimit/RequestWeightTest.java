package com.assetcollections.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestWeightTest {

    @Test
    void aSingleItemOrAFirstPageWeighsOneUnit() {
        assertThat(get("/api/v2/collections/7")).isEqualTo(new RequestWeight(1, "at most 1,000 items"));
        assertThat(get("/api/v2/collections/7", "include", "assets,owner").units())
                .isEqualTo(1);
        assertThat(get("/api/v2/collections").units()).isEqualTo(1);
        assertThat(get("/api/v2/collections", "include", "assets,owner").units())
                .isEqualTo(1);
    }

    @Test
    void aPageOfAThousandPlainItemsWeighsOneUnit() {
        assertThat(get("/api/v2/collections", "per_page", "1000"))
                .isEqualTo(new RequestWeight(1, "at most 1,000 items"));
    }

    @Test
    void eachIncludeCountsTenEmbeddedItemsPerItem() {
        assertThat(get("/api/v2/collections", "per_page", "100", "include", "assets"))
                .isEqualTo(new RequestWeight(2, "per_page=100 with 1 include: up to 1,100 items"));
        assertThat(get("/api/v2/collections", "per_page", "1000", "include", "assets")
                        .units())
                .isEqualTo(11);
        assertThat(get("/api/v2/collections", "per_page", "1000", "include", "assets,owner"))
                .isEqualTo(new RequestWeight(21, "per_page=1000 with 2 includes: up to 21,000 items"));
    }

    @Test
    void anIncludeNamedTwiceCountsOnce() {
        assertThat(get("/api/v2/collections", "per_page", "1000", "include", "assets, assets,")
                        .units())
                .isEqualTo(11);
    }

    @Test
    void aPerPageTheListWillRefuseWeighsAsTheDefault() {
        assertThat(get("/api/v2/collections", "per_page", "5000", "include", "assets")
                        .units())
                .isEqualTo(1);
        assertThat(get("/api/v2/collections", "per_page", "99999999999", "include", "assets")
                        .units())
                .isEqualTo(1);
        assertThat(get("/api/v2/collections", "per_page", "-1000").units()).isEqualTo(1);
        assertThat(get("/api/v2/collections", "per_page", "many").units()).isEqualTo(1);
    }

    @Test
    void aWriteWeighsOneUnitWhateverItsParameters() {
        MockHttpServletRequest write = new MockHttpServletRequest("PATCH", "/api/v2/collections/7");
        write.setParameter("per_page", "1000");
        write.setParameter("include", "assets");
        assertThat(RequestWeight.of(write)).isEqualTo(new RequestWeight(1, "a write"));
    }

    @Test
    void aHeadWeighsAsItsGet() {
        MockHttpServletRequest head = new MockHttpServletRequest("HEAD", "/api/v2/collections");
        head.setParameter("per_page", "1000");
        head.setParameter("include", "assets");
        assertThat(RequestWeight.of(head).units()).isEqualTo(11);
    }

    private static RequestWeight get(String path, String... parameters) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        for (int i = 0; i < parameters.length; i += 2) {
            request.setParameter(parameters[i], parameters[i + 1]);
        }
        return RequestWeight.of(request);
    }
}
