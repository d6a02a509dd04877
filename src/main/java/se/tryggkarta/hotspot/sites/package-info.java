/**
 * Patrol sites: the top N non-overlapping circles on a surface of expected events, centred on its
 * local peaks and ranked by the mass they hold. Entries: {@link
 * se.tryggkarta.hotspot.sites.PatrolSites} (any surface, such as a density map or weighted points
 * binned at cell centres) and {@link se.tryggkarta.hotspot.sites.ModelSites} (the surface of a
 * forecast model, by default the one that validated best at the patrol scale); {@link
 * se.tryggkarta.hotspot.sites.SiteProfiles} profiles them (hours of the week, categories, previous
 * period; members only). Invariants: sites never overlap (centres at least two radii apart), ranks
 * run 1..N in falling score, and the same data and parameters give the same sites with the same
 * ids. Immutable and thread-safe.
 */
package se.tryggkarta.hotspot.sites;
