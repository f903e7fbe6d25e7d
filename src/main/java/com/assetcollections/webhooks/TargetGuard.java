package com.assetcollections.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which URLs a subscription may target (no request forgery against the service's own network):
 * {@code https}, or {@code http} to the hosts {@code app.webhooks.http-hosts} names; and unless
 * {@code app.webhooks.allow-private-targets}, only hosts whose every address is public: loopback,
 * private, shared (CGNAT), link-local (cloud metadata at 169.254.169.254), unique-local, multicast
 * and reserved addresses are refused. Checked when a subscription is saved, and again by the
 * sender's resolver at every delivery, so a name that later resolves elsewhere is refused too.
 */
@Component
public class TargetGuard {

    static final int MAX_URL = 2048;

    private final WebhookSettings settings;

    TargetGuard(WebhookSettings settings) {
        this.settings = settings;
    }

    /** Why {@code url} may not be a target, or empty when it may. */
    public Optional<String> problem(String url) {
        if (url.length() > MAX_URL) {
            return Optional.of("must be at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isEmpty()) {
            return Optional.of("must be an absolute URL with a host, such as https://example.com/hooks");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password; put a token in the path or query instead");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment (#...)");
        }
        if (scheme.equals("http")) {
            if (!settings.allowsHttp(host)) {
                return Optional.of("must use https (plain http only to the hosts app.webhooks.http-hosts names)");
            }
        } else if (!scheme.equals("https")) {
            return Optional.of("must use https");
        }
        try {
            resolve(bareHost(host));
        } catch (UnknownHostException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * The addresses of {@code host}, all of them allowed; else an {@link UnknownHostException} that
     * says why (the sender reports it as the attempt's error).
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new UnknownHostException("host " + host + " does not resolve");
        }
        if (!settings.allowPrivateTargets()) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new UnknownHostException("host " + host + " resolves to " + address.getHostAddress()
                            + ", a loopback, private, link-local or reserved address, which targets may not be"
                            + " (app.webhooks.allow-private-targets)");
                }
            }
        }
        return addresses;
    }

    private static String bareHost(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // fc00::/7 unique local (fd00:ec2::254 is a metadata address)
                return false;
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) { // fec0::/10 site-local
                return false;
            }
            boolean v4Mapped = true; // ::ffff:a.b.c.d and ::a.b.c.d embed an IPv4 address
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]}); // 64:ff9b::/96 NAT64
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(first == 0 // "this network"
                || first == 10
                || first == 127
                || (first == 100 && second >= 64 && second <= 127) // shared address space (CGNAT)
                || (first == 169 && second == 254) // link-local, cloud metadata
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (first == 192 && second == 0 && (b[2] & 0xff) == 2) // documentation
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || (first == 198 && second == 51 && (b[2] & 0xff) == 100)
                || (first == 203 && second == 0 && (b[2] & 0xff) == 113)
                || first >= 224); // multicast, reserved, broadcast
    }
}
