/**
 * Patrol sites: the top N non-overlapping circles ranked by the density mass they hold. Entry:
 * {@link se.tryggkarta.hotspot.sites.PatrolSites}. Invariants: sites never overlap (centres at
 * least two radii apart), ranks run 1..N in falling score, and the same data and parameters give
 * the same sites with the same ids. Immutable and thread-safe.
 */
package se.tryggkarta.hotspot.sites;
