package se.tryggkarta.hotspot;

/**
 * Who an output is for. {@link #PUBLIC} outputs follow the workspace's {@link
 * se.tryggkarta.workspace.PublicPrivacy}: nothing resting on fewer than k events, no cell finer
 * than the minimum size.
 */
public enum Audience {
  MEMBER,
  PUBLIC
}
