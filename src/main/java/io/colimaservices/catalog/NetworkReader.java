package io.colimaservices.catalog;

import io.colimaservices.catalog.YamlTree.Mapping;
import io.colimaservices.catalog.YamlTree.Scalar;
import io.colimaservices.catalog.YamlTree.Sequence;
import io.colimaservices.catalog.YamlTree.Value;
import io.colimaservices.domain.CatalogException;
import io.colimaservices.domain.Ipv4Subnet;
import io.colimaservices.domain.StackNetwork;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the stack's network from a compose file: the first top-level network with a fixed IPv4 subnet
 * ({@code ipam.config[].subnet}), its gateway, and every service's {@code ipv4_address} on it. Checks what Docker
 * would refuse only when the network is created or a container joins it: an address that is no IPv4 address, lies
 * outside the subnet, is the subnet's own, broadcast or gateway address, or is given to two services.
 */
final class NetworkReader {
    /** {@code ${VAR:-172.20}.0.0/16} and its variants: the subnet's first two numbers come from {@code VAR}. */
    private static final Pattern PREFIX_VARIABLE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?][^}]*)?}\\.0\\.0/16");

    /** A service's body with the file it (last) came from, for messages. */
    record ServiceBody(Path file, String name, Mapping body) {
    }

    private NetworkReader() {
    }

    /**
     * @param file     the file the top-level networks came from (the last one that declared any), for messages
     * @param networks the merged top-level {@code networks:} mapping, or null when no file declares one
     */
    static Optional<StackNetwork> read(Path file, Mapping networks, List<ServiceBody> services) {
        if (networks == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, Value> entry : networks.entries().entrySet()) {
            if (!(entry.getValue() instanceof Mapping network)) {
                continue;
            }
            Optional<Mapping> config = ipv4Config(file, entry.getKey(), network);
            if (config.isPresent()) {
                return Optional.of(build(file, entry.getKey(), network, config.get(), services));
            }
        }
        return Optional.empty();
    }

    /** The network's first {@code ipam.config} item with an IPv4 subnet. */
    private static Optional<Mapping> ipv4Config(Path file, String key, Mapping network) {
        if (!(network.get("ipam") instanceof Mapping ipam) || !(ipam.get("config") instanceof Sequence items)) {
            return Optional.empty();
        }
        for (Value item : items.items()) {
            if (item instanceof Mapping config && config.get("subnet") instanceof Scalar subnet && !subnet.isNull()) {
                if (subnet.text().contains(":")) {
                    continue; // IPv6
                }
                if (Ipv4Subnet.parse(subnet.text()).isEmpty()) {
                    throw new CatalogException(file, subnet.line(), "network '" + key + "': subnet '" + subnet.text()
                            + "' is not an IPv4 subnet (a.b.c.d/n)");
                }
                return Optional.of(config);
            }
        }
        return Optional.empty();
    }

    private static StackNetwork build(Path file, String key, Mapping network, Mapping config,
                                      List<ServiceBody> services) {
        Scalar subnetText = (Scalar) config.get("subnet");
        Ipv4Subnet subnet = Ipv4Subnet.parse(subnetText.text()).orElseThrow();
        Optional<String> gateway = Optional.empty();
        if (config.get("gateway") instanceof Scalar g && !g.isNull()) {
            if (!subnet.contains(g.text()) || subnet.reserved(g.text())) {
                throw new CatalogException(file, g.line(), "network '" + key + "': gateway '" + g.text()
                        + "' is not an address in its subnet " + subnet);
            }
            gateway = Optional.of(g.text().strip());
        }
        String name = network.get("name") instanceof Scalar n && !n.isNull() ? n.text() : key;
        Matcher variable = PREFIX_VARIABLE.matcher(subnetText.raw().strip());
        Optional<String> prefixVariable = variable.matches() ? Optional.of(variable.group(1)) : Optional.empty();

        Map<String, String> addresses = new LinkedHashMap<>();
        Map<String, String> owners = new LinkedHashMap<>();
        for (ServiceBody service : services) {
            Optional<Scalar> address = address(service, key);
            if (address.isEmpty()) {
                continue;
            }
            String ip = address.get().text().strip();
            String where = "service '" + service.name() + "': ipv4_address '" + ip + "' on network '" + key + "'";
            Optional<String> wrong = problem(ip, subnet, gateway, owners);
            if (wrong.isPresent()) {
                throw new CatalogException(service.file(), address.get().line(), where + " " + wrong.get());
            }
            owners.put(ip, service.name());
            addresses.put(service.name(), ip);
        }
        return new StackNetwork(key, name, subnet, gateway, prefixVariable, addresses);
    }

    private static Optional<String> problem(String ip, Ipv4Subnet subnet, Optional<String> gateway,
                                            Map<String, String> owners) {
        if (Ipv4Subnet.address(ip).isEmpty()) {
            return Optional.of("is not an IPv4 address");
        }
        if (!subnet.contains(ip)) {
            return Optional.of("lies outside the network's subnet " + subnet);
        }
        if (subnet.reserved(ip) || gateway.map(ip::equals).orElse(false)) {
            return Optional.of("is the subnet's own, broadcast or gateway address");
        }
        if (owners.containsKey(ip)) {
            return Optional.of("is also the address of service '" + owners.get(ip) + "'");
        }
        return Optional.empty();
    }

    /** {@code networks: {<key>: {ipv4_address: ...}}} of one service (the list form carries no address). */
    private static Optional<Scalar> address(ServiceBody service, String key) {
        if (service.body().get("networks") instanceof Mapping networks
                && networks.get(key) instanceof Mapping attachment
                && attachment.get("ipv4_address") instanceof Scalar ip && !ip.isNull()) {
            return Optional.of(ip);
        }
        return Optional.empty();
    }
}
