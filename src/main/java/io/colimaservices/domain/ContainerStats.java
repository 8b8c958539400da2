package io.colimaservices.domain;

import java.time.Instant;

/**
 * One reading of a container's resource counters. CPU is cumulative: a usage figure needs two readings.
 *
 * @param memoryBytes used memory as {@code docker stats} counts it (without the page cache it could drop)
 */
public record ContainerStats(Instant read, long cpuTotalNanos, long systemCpuNanos, int onlineCpus,
                             long memoryBytes, long memoryLimitBytes) {
}
