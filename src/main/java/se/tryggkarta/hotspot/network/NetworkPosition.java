package se.tryggkarta.hotspot.network;

/**
 * A point on a {@link LineNetwork}: an edge and a position along it.
 *
 * @param edge the edge's number
 * @param alongMeters metres from the edge's {@code from} node, 0..its length
 * @param offsetMeters how far the snapped point lay from the network, metres
 */
public record NetworkPosition(int edge, double alongMeters, double offsetMeters) {}
