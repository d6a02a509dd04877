package se.tryggkarta.commitment;

import java.util.List;
import java.util.Objects;
import se.tryggkarta.commitment.progress.Progress;

/**
 * A commitment's progress in total and per place.
 *
 * @param commitmentId the commitment
 * @param total progress of all counting activities against the commitment's target
 * @param perPlace progress of the activities attributed to each place, against the place's own
 *     target when it has one, in the commitment's place order
 * @param outsidePlaces the summed count of activities logged outside every promised place (not in
 *     {@code total})
 */
public record CommitmentProgress(
    String commitmentId, Progress total, List<PlaceProgress> perPlace, long outsidePlaces) {
  public CommitmentProgress {
    Objects.requireNonNull(commitmentId, "commitmentId");
    Objects.requireNonNull(total, "total");
    perPlace = List.copyOf(perPlace);
  }

  /** One place's progress. */
  public record PlaceProgress(String name, Progress progress) {}
}
