package se.tryggkarta.finding;

import java.util.Arrays;
import java.util.Objects;
import se.tryggkarta.common.DomainException;

/**
 * One photo as stored: already stripped of its metadata by {@link PhotoSanitizer}. A final class
 * rather than a record because it holds an array, which it never hands out unless copied.
 */
public final class StoredPhoto {
  private final String id;
  private final String findingId;
  private final String contentType;
  private final byte[] bytes;

  public StoredPhoto(String id, String findingId, String contentType, byte[] bytes) {
    this.id = RecordIds.check("photoId", id);
    this.findingId = RecordIds.check("findingId", findingId);
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    if (bytes == null || bytes.length == 0) {
      throw DomainException.invalid("body", "a photo has no bytes");
    }
    this.bytes = bytes.clone();
  }

  public String id() {
    return id;
  }

  public String findingId() {
    return findingId;
  }

  /** {@code image/jpeg} (every stored photo is re-encoded as JPEG). */
  public String contentType() {
    return contentType;
  }

  /** A copy of the stored bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  public int sizeBytes() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredPhoto p
        && id.equals(p.id)
        && findingId.equals(p.findingId)
        && contentType.equals(p.contentType)
        && Arrays.equals(bytes, p.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, findingId, contentType, Arrays.hashCode(bytes));
  }
}
