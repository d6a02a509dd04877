/**
 * Ranking of lighting work: broken lamps to repair and dark stretches to light, by expected benefit
 * from night-time incidents, darkness reports, other unsafe reports and how much the street is
 * walked. Entry: {@link se.tryggkarta.lighting.priority.PriorityRanking}. Night-time incident
 * density comes through the {@link se.tryggkarta.lighting.priority.NightDensity} port. Invariants:
 * scores are finite and ≥ 0; the order is total (score, then lit gain, then id).
 */
package se.tryggkarta.lighting.priority;
