/**
 * Citizens' tips ("Tipsa om en otrygg plats"): a point, a checklist category and a short free text
 * sent from the public map, kept under moderation. Entry class: {@link
 * se.tryggkarta.finding.tip.TipService}. Invariants: an approved tip, and only an approved tip, is
 * an unsafe place {@code tip-<id>} with {@code source=citizen} (so only approved tips count in
 * analyses); a tip's text never leaves the workspace's analysts; a client's address is kept only as
 * a hash that changes every day.
 */
package se.tryggkarta.finding.tip;
