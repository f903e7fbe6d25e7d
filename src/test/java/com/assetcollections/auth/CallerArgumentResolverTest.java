package com.assetcollections.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

class CallerArgumentResolverTest {

    private final CallerArgumentResolver resolver = new CallerArgumentResolver();

    @Test
    void givesTheCallerTheFilterStored() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v2/me");
        Caller caller = new Caller(5, 9, EnumSet.of(Scope.COLLECTIONS_READ));
        request.setAttribute(BearerTokenFilter.CALLER, caller);

        assertThat(resolver.resolveArgument(null, null, new ServletWebRequest(request), null))
                .isSameAs(caller);
    }

    @Test
    void aRequestWithoutACallerIsNotAuthenticatedNeverAnInternalError() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v2/me");

        assertThatThrownBy(() -> resolver.resolveArgument(null, null, new ServletWebRequest(request), null))
                .isInstanceOf(NotAuthenticated.class);
    }
}
