/**
 * Network kernel density ("hot streets"): events snapped to a street network, density per lixel by
 * shortest-path distance along the streets. Entry: {@link
 * se.tryggkarta.hotspot.network.NetworkKde}, on a {@link se.tryggkarta.hotspot.network.LineNetwork}
 * that the {@link se.tryggkarta.hotspot.network.StreetLineSource} port supplies. Invariants:
 * everything is in the workspace's metric CRS; every edge has at least one lixel; the same inputs
 * give the same densities. Immutable and thread-safe; no I/O.
 */
package se.tryggkarta.hotspot.network;
