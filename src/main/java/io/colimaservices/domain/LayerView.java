package io.colimaservices.domain;

/**
 * One layer of a pull as the faces show it.
 *
 * @param size       the layer's compressed size in bytes, -1 until the engine says
 * @param downloaded bytes of it downloaded so far (across the engine's own resumed attempts)
 * @param extracted  bytes of it unpacked so far
 * @param status     the engine's last words about it ({@code Retrying in 3 seconds})
 */
public record LayerView(String id, LayerPhase phase, long size, long downloaded, long extracted, String status) {
}
