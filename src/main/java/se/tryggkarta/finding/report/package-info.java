/**
 * The safety walks' section of the Swedish follow-up report: per walk its findings and actions
 * (status, owner, what is overdue), and the before/after change around findings whose actions are
 * done. Entry class: {@link se.tryggkarta.finding.report.WalkFollowUp}, plugged into {@link
 * se.tryggkarta.commitment.report.FollowUp} as a {@link
 * se.tryggkarta.commitment.report.FollowUpSection}.
 */
package se.tryggkarta.finding.report;
