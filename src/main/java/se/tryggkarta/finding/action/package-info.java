/**
 * Actions (åtgärder) that findings propose, followed to done: an owner organisation, a due date, a
 * cost estimate, a link to a lamp or a lighting work-list item, and a status with its full history
 * ({@link se.tryggkarta.finding.action.ActionStatus}). Entry class: {@link
 * se.tryggkarta.finding.action.ActionService}. Invariants: the history is never rewritten, only
 * appended to, and its last entry is the action's status; a done action linked to a commitment has
 * one activity {@code action-<id>} in it.
 */
package se.tryggkarta.finding.action;
