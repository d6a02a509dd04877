/**
 * Commitments (medborgarlöften): promises of police and municipality with a period, places and an
 * optional count target, activities logged against them, their progress ({@code progress/}), their
 * links to the hotspots ({@code link/}) and the public follow-up report ({@code report/}). Entry
 * class: {@link se.tryggkarta.commitment.CommitmentService}. Stored as JSON documents through the
 * {@link se.tryggkarta.document.DocumentStore} port; {@link
 * se.tryggkarta.commitment.CommitmentJson} is also the import/export file format. Invariants: a
 * stored commitment's places all have a geometry; a stored activity lies in its commitment's period
 * (local days of the workspace zone).
 */
package se.tryggkarta.commitment;
