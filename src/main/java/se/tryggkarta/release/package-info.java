/**
 * Public releases: the only way anonymous callers see a public workspace. {@link
 * se.tryggkarta.release.ReleaseService} computes, per layer and fixed period (month, quarter, year,
 * last 12 whole months), event counts per public cell protected by the two-sided geometric
 * mechanism with cell-keyed noise ({@code CellNoise}), suppresses small sums, and derives every
 * public product from those counts. Invariants: nothing public is computed from raw records; no
 * public answer depends on a caller-chosen time window, area, category set, cell size or bandwidth;
 * the same records always get the same noise; each published version of a month's table is booked
 * against the workspace's budget.
 */
package se.tryggkarta.release;
