package com.assetcollections.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ConcurrentRequestLimitTest {

    @Test
    void aUserCountsByIdWhateverItsAddress() {
        Caller user = new Caller(5, 9, EnumSet.of(Scope.COLLECTIONS_READ));

        assertThat(ConcurrentRequestLimit.key(user, from("192.0.2.7"))).isEqualTo("user:5");
        assertThat(ConcurrentRequestLimit.key(user, from("198.51.100.1"))).isEqualTo("user:5");
    }

    @Test
    void anonymousCallersCountByAddressAndIpv6ByItsSlash64() {
        assertThat(ConcurrentRequestLimit.key(Caller.ANONYMOUS, from("192.0.2.7")))
                .isEqualTo("ip:192.0.2.7");
        assertThat(ConcurrentRequestLimit.key(Caller.ANONYMOUS, from("2001:db8:0:1::7")))
                .isEqualTo(ConcurrentRequestLimit.key(Caller.ANONYMOUS, from("2001:db8:0:1:ffff::9")))
                .isEqualTo("ip:2001:db8:0:1::/64");
    }

    @Test
    void heavyUnitsDefaultToFourPerProcessorBeyondTheFirstAndAtLeastFour() {
        assertThat(ConcurrentRequestLimit.defaultHeavyUnits(1)).isEqualTo(4);
        assertThat(ConcurrentRequestLimit.defaultHeavyUnits(2)).isEqualTo(4);
        assertThat(ConcurrentRequestLimit.defaultHeavyUnits(8)).isEqualTo(28);
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v2/collections");
        request.setRemoteAddr(address);
        return request;
    }
}
