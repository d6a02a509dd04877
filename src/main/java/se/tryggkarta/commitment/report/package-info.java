/**
 * The public follow-up report (uppföljning) of a workspace's commitments for a period, in Swedish:
 * progress per commitment and place, coverage of the hotspot sites, drift and change figures, as a
 * {@link se.tryggkarta.commitment.report.FollowUpReport} (serialised as JSON by the HTTP layer) or
 * printable HTML with an inline SVG map ({@link se.tryggkarta.commitment.report.FollowUpHtml}).
 * Entry class: {@link se.tryggkarta.commitment.report.FollowUp}. Holds no raw incident points and,
 * for the public, only notes marked public.
 */
package se.tryggkarta.commitment.report;
