package se.tryggkarta.route;

/**
 * A workspace's network as the planner sees it.
 *
 * @param nodes graph nodes
 * @param edges graph edges
 * @param totalLengthMeters total edge length, metres
 * @param mainComponentLengthMeters length of the largest connected part (where points snap), metres
 * @param litShare share of the length that is lit by the lighting feature's lit intervals, 0..1
 * @param lamps working lamps in the {@code lamps} layer
 * @param dataVersion the workspace data version this describes
 */
public record NetworkSummary(
    int nodes,
    int edges,
    double totalLengthMeters,
    double mainComponentLengthMeters,
    double litShare,
    int lamps,
    long dataVersion) {}
