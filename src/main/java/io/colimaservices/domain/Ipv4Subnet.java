package io.colimaservices.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 subnet in CIDR notation ({@code 172.20.0.0/16}), parsed without any name lookup. Used to check that the
 * static addresses a compose file gives its services lie in the network they sit on.
 */
public record Ipv4Subnet(int base, int prefixLength) {
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})/(\\d{1,2})");

    public Ipv4Subnet {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range");
        }
        base &= mask(prefixLength);
    }

    /** The subnet written as {@code a.b.c.d/n}; empty when the text is not one. */
    public static Optional<Ipv4Subnet> parse(String text) {
        Matcher m = CIDR.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Integer> address = address(m.group(1));
        int length = Integer.parseInt(m.group(2));
        if (address.isEmpty() || length > 32) {
            return Optional.empty();
        }
        return Optional.of(new Ipv4Subnet(address.get(), length));
    }

    /** A dotted-quad IPv4 address as a number; empty when the text is not one. */
    public static Optional<Integer> address(String text) {
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int value = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return Optional.empty();
            }
            value = value << 8 | Integer.parseInt(part);
        }
        return Optional.of(value);
    }

    public boolean contains(String address) {
        return address(address).map(a -> (a & mask(prefixLength)) == base).orElse(false);
    }

    /** The subnet's own address or (for /30 and wider) its broadcast address: no container can have them. */
    public boolean reserved(String address) {
        if (prefixLength >= 31) {
            return false;
        }
        int broadcast = base | ~mask(prefixLength);
        return address(address).map(a -> a == base || a == broadcast).orElse(false);
    }

    private static int mask(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    @Override
    public String toString() {
        return (base >>> 24) + "." + (base >>> 16 & 0xff) + "." + (base >>> 8 & 0xff) + "." + (base & 0xff) + "/"
                + prefixLength;
    }
}
