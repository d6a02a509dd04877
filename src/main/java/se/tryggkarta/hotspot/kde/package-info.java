/**
 * Kernel density estimation on a regular grid in the workspace's metric CRS. Entry: {@link
 * se.tryggkarta.hotspot.kde.KernelDensity} ({@code estimate} by cubic B-spline binning on a lattice
 * of 1–8 phases per cell side and FFT, within 0.5 % of the maximum of {@code exact}, the direct
 * summation of exact cell masses and the oracle); {@link se.tryggkarta.hotspot.kde.CellMass}
 * integrates a kernel over a cell; {@link se.tryggkarta.hotspot.kde.Bandwidth} is the Berman–Diggle
 * selector behind {@code auto}. Invariants: a cell holds the mean density over the cell in expected
 * events per km², so a grid's integral (Σ value × cell area) equals the weighted count of the
 * points whose kernels lie inside the grid at every cell size; every type here is immutable and
 * thread-safe.
 */
package se.tryggkarta.hotspot.kde;
