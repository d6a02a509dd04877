package se.tryggkarta.finding;

/**
 * What recording a finding did.
 *
 * @param finding the finding as stored
 * @param created true when it was new; false when the same finding had been stored before (a
 *     repeated sync), which changed nothing
 */
public record Recorded(Finding finding, boolean created) {}
