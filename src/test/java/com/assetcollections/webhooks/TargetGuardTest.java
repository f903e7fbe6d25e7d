package com.assetcollections.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {

    private final TargetGuard guard = new TargetGuard(TestSettings.with(Map.of("http-hosts", "8.8.8.8")));
    private final TargetGuard permissive = new TargetGuard(
            TestSettings.with(Map.of("http-hosts", "127.0.0.1,localhost", "allow-private-targets", "true")));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.255.0.9",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "100.127.255.254",
                "0.0.0.0",
                "224.0.0.1",
                "240.0.0.1",
                "255.255.255.255",
                "192.0.0.8",
                "198.18.0.1",
                "::",
                "::1",
                "fe80::1",
                "fec0::1",
                "fd00:ec2::254",
                "fc00::1",
                "ff02::1",
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1",
                "::ffff:169.254.169.254",
                "::127.0.0.1",
                "64:ff9b::a00:1",
                "64:ff9b::7f00:1",
                "2001:db8::1"
            })
    void refusesAddressesOfTheServicesOwnNetwork(String address) throws UnknownHostException {
        assertThat(TargetGuard.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.216.34",
                "8.8.8.8",
                "1.1.1.1",
                "172.15.255.255",
                "172.32.0.1",
                "100.63.255.255",
                "100.128.0.1",
                "169.253.0.1",
                "223.255.255.254",
                "2606:4700:4700::1111",
                "2001:4860:4860::8888",
                "::ffff:93.184.216.34",
                "64:ff9b::808:808"
            })
    void acceptsPublicAddresses(String address) throws UnknownHostException {
        assertThat(TargetGuard.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void acceptsHttpsToAPublicAddressAndHttpToAnAllowedHost() {
        assertThat(guard.problem("https://93.184.216.34/hooks?token=abc")).isEmpty();
        assertThat(guard.problem("https://[2606:4700:4700::1111]:8443/hooks")).isEmpty();
        assertThat(guard.problem("http://8.8.8.8/hooks")).isEmpty();
        assertThat(guard.problem("HTTPS://93.184.216.34/hooks")).isEmpty();
    }

    @Test
    void namesWhatIsWrongWithAUrl() {
        assertThat(guard.problem("ftp://93.184.216.34/hooks")).contains("must use https");
        assertThat(guard.problem("http://93.184.216.34/hooks"))
                .contains("must use https (plain http only to the hosts app.webhooks.http-hosts names)");
        assertThat(guard.problem("https://user:pass@93.184.216.34/hooks"))
                .contains("must not carry a user name or password; put a token in the path or query instead");
        assertThat(guard.problem("https://token@93.184.216.34/hooks"))
                .contains("must not carry a user name or password; put a token in the path or query instead");
        assertThat(guard.problem("https://93.184.216.34/hooks#part")).contains("must not have a fragment (#...)");
        assertThat(guard.problem("/hooks"))
                .contains("must be an absolute URL with a host, such as https://example.com/hooks");
        assertThat(guard.problem("https:///hooks"))
                .contains("must be an absolute URL with a host, such as https://example.com/hooks");
        assertThat(guard.problem("https://93.184.216.34/a b"))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("is not a URL: "));
        String longest = "https://93.184.216.34/" + "a".repeat(TargetGuard.MAX_URL - 22);
        assertThat(longest).hasSize(TargetGuard.MAX_URL);
        assertThat(guard.problem(longest)).isEmpty();
        assertThat(guard.problem(longest + "a")).contains("must be at most 2048 characters");
    }

    @Test
    void refusesUrlsWhoseHostIsOrResolvesToAPrivateAddress() {
        assertThat(guard.problem("https://127.0.0.1/hooks"))
                .contains("host 127.0.0.1 resolves to 127.0.0.1, a loopback, private, link-local or reserved"
                        + " address, which targets may not be (app.webhooks.allow-private-targets)");
        assertThat(guard.problem("https://169.254.169.254/latest/meta-data/"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("resolves to 169.254.169.254"));
        assertThat(guard.problem("https://[::1]/hooks"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("resolves to 0:0:0:0:0:0:0:1"));
        assertThat(guard.problem("https://[::ffff:10.0.0.1]/hooks"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("resolves to 10.0.0.1"));
        // one 32-bit number is an IPv4 address to the JDK (and to curl and browsers)
        assertThat(guard.problem("https://2130706433/hooks"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("resolves to 127.0.0.1"));
        assertThat(guard.problem("https://localhost/hooks"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("host localhost resolves to"));
    }

    @Test
    void resolvingANameToALoopbackAddressFailsWithTheReason() {
        assertThatThrownBy(() -> guard.resolve("localhost"))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageStartingWith("host localhost resolves to ")
                .hasMessageContaining("(app.webhooks.allow-private-targets)");
    }

    @Test
    void allowsPrivateTargetsOnlyWhenConfiguredTo() throws UnknownHostException {
        assertThat(permissive.problem("http://127.0.0.1:8080/hooks")).isEmpty();
        assertThat(permissive.problem("http://localhost:8080/hooks")).isEmpty();
        assertThat(permissive.problem("https://10.1.2.3/hooks")).isEmpty();
        assertThat(permissive.resolve("localhost")).allMatch(InetAddress::isLoopbackAddress);
        assertThat(permissive.problem("http://10.1.2.3/hooks"))
                .contains("must use https (plain http only to the hosts app.webhooks.http-hosts names)");
    }
}
