package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Ipv4SubnetTest {

    @Test
    void parsesCidrAndNormalisesTheBase() {
        assertThat(Ipv4Subnet.parse("172.20.0.0/16").orElseThrow()).hasToString("172.20.0.0/16");
        assertThat(Ipv4Subnet.parse(" 10.77.3.9/16 ").orElseThrow()).hasToString("10.77.0.0/16");
        assertThat(Ipv4Subnet.parse("0.0.0.0/0")).isPresent();
        assertThat(Ipv4Subnet.parse("10.77.0/16")).isEmpty();
        assertThat(Ipv4Subnet.parse("10.77.0.256/16")).isEmpty();
        assertThat(Ipv4Subnet.parse("10.77.0.0/33")).isEmpty();
        assertThat(Ipv4Subnet.parse("fd00::/64")).isEmpty();
    }

    @Test
    void containsAndReservedAddresses() {
        Ipv4Subnet net = Ipv4Subnet.parse("10.77.0.0/16").orElseThrow();

        assertThat(net.contains("10.77.0.10")).isTrue();
        assertThat(net.contains("10.77.255.254")).isTrue();
        assertThat(net.contains("10.78.0.10")).isFalse();
        assertThat(net.contains("172.20.0.10")).isFalse();
        assertThat(net.contains("10.77.0")).isFalse();
        assertThat(net.contains("10.77.0.x")).isFalse();
        assertThat(net.reserved("10.77.0.0")).isTrue();
        assertThat(net.reserved("10.77.255.255")).isTrue();
        assertThat(net.reserved("10.77.0.1")).isFalse();
        assertThat(Ipv4Subnet.parse("192.0.2.7/32").orElseThrow().contains("192.0.2.7")).isTrue();
        assertThat(Ipv4Subnet.parse("200.1.2.0/24").orElseThrow().contains("200.1.2.99")).isTrue();
    }
}
