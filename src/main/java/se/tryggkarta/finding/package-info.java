/**
 * What a safety walk finds and what is done about it: stored walks with their stops ({@link
 * se.tryggkarta.finding.Walk}), findings recorded on a phone ({@link
 * se.tryggkarta.finding.Finding}) with photos stripped of their metadata, actions with their status
 * history ({@code action/}), citizens' tips under moderation ({@code tip/}) and the walk section of
 * the follow-up report ({@code report/}). Entry class: {@link
 * se.tryggkarta.finding.FindingService}. Walks, findings, actions and tips are JSON documents
 * ({@link se.tryggkarta.document.DocumentStore}); photos go through the {@link
 * se.tryggkarta.finding.PhotoStore} port. Invariants: every stored finding has an unsafe place
 * {@code walk-<finding id>} with {@code source=walk}; an approved tip, and only an approved tip,
 * has an unsafe place {@code tip-<tip id>} with {@code source=citizen}; notes, photos and tip texts
 * are personal data for the workspace's analysts only.
 */
package se.tryggkarta.finding;
