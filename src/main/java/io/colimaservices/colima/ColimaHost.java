package io.colimaservices.colima;

/**
 * What the host allows Colima to be asked for. Colima registers {@code --vm-type} and {@code --network-address}
 * only on macOS, and {@code --vz-rosetta} only on Apple Silicon: passing them elsewhere fails with
 * "unknown flag".
 */
public record ColimaHost(boolean macOs, boolean appleSilicon) {
}
