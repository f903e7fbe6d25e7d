package com.assetcollections.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressGroupTest {

    @ParameterizedTest
    @CsvSource({"192.0.2.7", "127.0.0.1", "0.0.0.0", "255.255.255.255"})
    void keepsAnIpv4AddressAsItIs(String address) {
        assertThat(AddressGroup.of(address)).isEqualTo(address);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2001:db8:0:1::1                         | 2001:db8:0:1::/64",
                "2001:db8:0:1:ffff:ffff:ffff:ffff        | 2001:db8:0:1::/64",
                "2001:0DB8:0000:0001:0000:0000:0000:0007 | 2001:db8:0:1::/64",
                "2001:db8:0:2::1                         | 2001:db8:0:2::/64",
                "fe80::1%eth0                            | fe80:0:0:0::/64",
                "[2001:db8:0:1::1]                       | 2001:db8:0:1::/64",
                "::1                                     | 0:0:0:0::/64",
                "::                                      | 0:0:0:0::/64"
            })
    void groupsAnIpv6AddressByItsSlash64(String address, String group) {
        assertThat(AddressGroup.of(address)).isEqualTo(group);
    }

    @Test
    void everyAddressOfOneSlash64IsOneGroupAndTheNextSlash64IsAnother() {
        assertThat(AddressGroup.of("2001:db8:aa:bb:1:2:3:4")).isEqualTo(AddressGroup.of("2001:db8:aa:bb::9"));
        assertThat(AddressGroup.of("2001:db8:aa:bb::1")).isNotEqualTo(AddressGroup.of("2001:db8:aa:bc::1"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "::ffff:192.0.2.7      | 192.0.2.7",
                "::FFFF:192.0.2.7      | 192.0.2.7",
                "::ffff:c000:0207      | 192.0.2.7",
                "0:0:0:0:0:ffff:c000:207 | 192.0.2.7"
            })
    void groupsAnIpv4MappedIpv6AddressAsTheIpv4Address(String address, String group) {
        assertThat(AddressGroup.of(address)).isEqualTo(group);
    }

    @ParameterizedTest
    @CsvSource({"unknown", "localhost", "example.com", "1:2:3", "2001:db8::g", "::1::2", "''"})
    void keepsATextThatIsNoIpAddressAsItIsWithoutLookingItUp(String text) {
        assertThat(AddressGroup.of(text)).isEqualTo(text);
    }
}
