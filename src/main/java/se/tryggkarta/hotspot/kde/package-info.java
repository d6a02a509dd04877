/**
 * Kernel density estimation on a regular grid in the workspace's metric CRS. Entry: {@link
 * se.tryggkarta.hotspot.kde.KernelDensity} ({@code estimate} by binning and FFT, {@code exact} by
 * direct summation, the oracle). Invariants: densities are expected events per km²; a grid's
 * integral (Σ value × cell area) equals the weighted count of the points whose kernels lie inside
 * the grid; every type here is immutable and thread-safe.
 */
package se.tryggkarta.hotspot.kde;
