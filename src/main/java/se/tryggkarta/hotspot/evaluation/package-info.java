/**
 * Forecast evaluation of hotspot methods: train on one period, test on a later one, and report hit
 * rate, PAI and PEI* at chosen area coverages for KDE, Gi* hot cells and a naive "last period's
 * counts" baseline. Entry: {@link se.tryggkarta.hotspot.evaluation.ForecastEvaluation}. Immutable
 * results; thread-safe.
 */
package se.tryggkarta.hotspot.evaluation;
