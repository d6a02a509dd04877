/**
 * Forecast evaluation of hotspot methods over rolling-origin train/test splits: hit rate, PAI and
 * PEI* at chosen area coverages for every forecast model (naive counts, KDE at several bandwidths,
 * blends, ETAS) and Gi* hot cells, and the choice of the default model that patrol sites use.
 * Entry: {@link se.tryggkarta.hotspot.evaluation.ForecastEvaluation}. Immutable results;
 * thread-safe.
 */
package se.tryggkarta.hotspot.evaluation;
