package se.tryggkarta.route;

import java.util.List;

/**
 * What a network import took.
 *
 * @param streets street lines written to the {@code streets} layer
 * @param nodes graph nodes (junctions and ends) of the imported lines
 * @param walkableEdges graph edges between those nodes
 * @param totalLengthMeters geodesic length of all imported lines, metres
 * @param lamps street lamps written to the {@code lamps} layer
 * @param warnings non-fatal problems found in the file
 */
public record ImportSummary(
    int streets,
    int nodes,
    int walkableEdges,
    double totalLengthMeters,
    int lamps,
    List<String> warnings) {
  public ImportSummary {
    warnings = List.copyOf(warnings);
  }
}
