package com.assetcollections.ratelimit;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The client a per-address limit counts: an IPv4 address as it is, an IPv6 address by its /64
 * network, an IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.7}) as the IPv4 address. An IPv6
 * subscriber is routinely given a whole /64 and may use any address in it (RFC 8981 has hosts
 * pick new ones all the time), so counting IPv6 addresses one by one would give one client 2^64
 * allowances.
 */
public final class AddressGroup {

    private static final Pattern IPV6_TEXT = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private AddressGroup() {}

    /**
     * The group of a client address as {@code getRemoteAddr()} gives it: {@code 192.0.2.7},
     * {@code 2001:db8:0:1::/64}; a text that is no IP address is its own group.
     */
    public static String of(String address) {
        String literal = withoutZone(
                address.startsWith("[") && address.endsWith("]")
                        ? address.substring(1, address.length() - 1)
                        : address);
        if (!IPV6_TEXT.matcher(literal).matches()) {
            return address;
        }
        InetAddress parsed;
        try {
            // hex digits, colons and dots only: parsed as a literal, never looked up in DNS
            parsed = InetAddress.getByName(literal);
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
        if (parsed instanceof Inet4Address) {
            return parsed.getHostAddress();
        }
        byte[] bytes = parsed.getAddress();
        return Integer.toHexString(word(bytes, 0)) + ":" + Integer.toHexString(word(bytes, 2)) + ":"
                + Integer.toHexString(word(bytes, 4)) + ":" + Integer.toHexString(word(bytes, 6)) + "::/64";
    }

    private static String withoutZone(String literal) {
        int zone = literal.indexOf('%');
        return zone < 0 ? literal : literal.substring(0, zone);
    }

    private static int word(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    }
}
