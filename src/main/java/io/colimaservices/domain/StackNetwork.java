package io.colimaservices.domain;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The bridge network the stack's services sit on, as the compose file declares it: the network's name, its subnet
 * and gateway, and each service's static address on it ({@code ipv4_address}). The compose file is the one source
 * of these addresses; the Vault layout (certificate IP SANs) and the advice for a subnet that collides read them
 * here.
 *
 * @param key            the network's key under the compose file's {@code networks:}
 * @param name           the name Docker knows it by ({@code name:}, else the key)
 * @param prefixVariable the variable the subnet is written with, when it is written as
 *                       {@code ${VAR:-a.b}.0.0/16} (the bundled stack's {@code COLIMA_SERVICES_NET})
 * @param addresses      service name to its static IPv4 address on this network
 */
public record StackNetwork(String key, String name, Ipv4Subnet subnet, Optional<String> gateway,
                           Optional<String> prefixVariable, Map<String, String> addresses) {

    public StackNetwork {
        addresses = java.util.Collections.unmodifiableMap(new TreeMap<>(addresses));
    }

    /** The service's static address on this network, if the compose file gives it one. */
    public Optional<String> address(String service) {
        return Optional.ofNullable(addresses.get(service));
    }
}
