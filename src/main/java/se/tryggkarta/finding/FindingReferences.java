package se.tryggkarta.finding;

/**
 * Whether anything still refers to a finding (an action it proposed), so that it may not be
 * deleted. Implemented by {@link se.tryggkarta.finding.action.ActionService}; thread-safe.
 */
@FunctionalInterface
public interface FindingReferences {
  boolean isReferenced(String workspaceId, String findingId);
}
