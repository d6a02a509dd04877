/**
 * The walkable street graph and shortest paths over it. Entry class: {@link
 * se.tryggkarta.route.graph.StreetGraph}, a compact immutable adjacency-array (CSR) graph built
 * from street lines that join where their vertices coincide exactly. {@link
 * se.tryggkarta.route.graph.Dijkstra} finds least-cost paths under an {@link
 * se.tryggkarta.route.graph.EdgeCost}; {@link se.tryggkarta.route.graph.Snapper} puts points on the
 * nearest edge. Invariants: edge lengths are geodesic metres; costs are never NaN, impassable is
 * +Infinity; nothing here throws inside a search loop.
 */
package se.tryggkarta.route.graph;
