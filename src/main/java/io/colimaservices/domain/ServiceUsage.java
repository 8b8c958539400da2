package io.colimaservices.domain;

/** What a service uses now: CPU as a percentage of one core (can exceed 100) and memory. */
public record ServiceUsage(double cpuPercent, long memoryBytes, long memoryLimitBytes) {

    /** CPU between two readings of the same container, as {@code docker stats} computes it. */
    public static ServiceUsage between(ContainerStats before, ContainerStats after) {
        long cpu = after.cpuTotalNanos() - before.cpuTotalNanos();
        long system = after.systemCpuNanos() - before.systemCpuNanos();
        double percent = cpu > 0 && system > 0 ? (double) cpu / system * Math.max(1, after.onlineCpus()) * 100.0 : 0;
        return new ServiceUsage(percent, after.memoryBytes(), after.memoryLimitBytes());
    }

    public String describeCpu() {
        return String.format(java.util.Locale.ROOT, "%.1f %%", cpuPercent);
    }

    public String describeMemory() {
        return bytes(memoryBytes);
    }

    public static String bytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.0f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(java.util.Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
