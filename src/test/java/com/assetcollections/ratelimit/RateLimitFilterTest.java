package com.assetcollections.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.BearerTokenFilter;
import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import com.assetcollections.web.ErrorResponses;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class RateLimitFilterTest {

    private final List<String> perUser = new ArrayList<>();
    private final List<String> perAddress = new ArrayList<>();
    private final RateLimitFilter filter = new RateLimitFilter(
            recording(perUser),
            recording(perAddress),
            new ErrorResponses(JsonMapper.builder().build()));

    @Test
    void anonymousRequestsCountAgainstTheConnectionsAddressNotAHeaderTheClientSent() throws Exception {
        MockHttpServletRequest request = request(Caller.ANONYMOUS);
        request.setRemoteAddr("192.0.2.7");
        request.addHeader("X-Forwarded-For", "198.51.100.1");
        request.addHeader("Forwarded", "for=198.51.100.2");

        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(perAddress).containsExactly("ip:192.0.2.7");
        assertThat(perUser).isEmpty();
    }

    @Test
    void anonymousRequestsFromOneIpv6Slash64CountTogether() throws Exception {
        for (String address : new String[] {"2001:db8:0:1::1", "2001:db8:0:1::2", "2001:db8:0:2::1"}) {
            MockHttpServletRequest request = request(Caller.ANONYMOUS);
            request.setRemoteAddr(address);
            filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        }

        assertThat(perAddress).containsExactly("ip:2001:db8:0:1::/64", "ip:2001:db8:0:1::/64", "ip:2001:db8:0:2::/64");
    }

    @Test
    void authenticatedRequestsCountAgainstTheirUserWhateverTheAddress() throws Exception {
        MockHttpServletRequest request = request(new Caller(5, 9, EnumSet.of(Scope.COLLECTIONS_READ)));
        request.setRemoteAddr("192.0.2.7");

        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(perUser).containsExactly("user:5");
        assertThat(perAddress).isEmpty();
    }

    private static MockHttpServletRequest request(Caller caller) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v2/collections");
        request.setAttribute(BearerTokenFilter.CALLER, caller);
        return request;
    }

    private static RateLimiter recording(List<String> keys) {
        return key -> {
            keys.add(key);
            return new RateLimiter.Decision(true, 5, 4, 0, 0);
        };
    }
}
