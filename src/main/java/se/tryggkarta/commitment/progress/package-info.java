/**
 * Progress of one commitment against its target and period: the pro-rata (linear) expectation, a
 * projection to the end of the period and a status. Entry class: {@link
 * se.tryggkarta.commitment.progress.Pacing}. Plain arithmetic over dates and counts; knows nothing
 * of storage, HTTP or geometry. Periods are whole local days, both ends inclusive.
 */
package se.tryggkarta.commitment.progress;
