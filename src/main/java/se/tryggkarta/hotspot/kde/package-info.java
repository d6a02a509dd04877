/**
 * Kernel density estimation on a regular grid in the workspace's metric CRS. Entry: {@link
 * se.tryggkarta.hotspot.kde.KernelDensity} ({@code estimate} by oversampled binning and FFT, {@code
 * exact} by direct summation of exact cell masses, the oracle); {@link
 * se.tryggkarta.hotspot.kde.CellMass} integrates a kernel over a cell; {@link
 * se.tryggkarta.hotspot.kde.Bandwidth} is the Berman–Diggle selector behind {@code auto}.
 * Invariants: a cell holds the mean density over the cell in expected events per km², so a grid's
 * integral (Σ value × cell area) equals the weighted count of the points whose kernels lie inside
 * the grid at every cell size; every type here is immutable and thread-safe.
 */
package se.tryggkarta.hotspot.kde;
