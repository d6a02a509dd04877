package se.tryggkarta.access;

/**
 * A newly created key and its full token, which is shown to the caller once and never stored.
 *
 * @param token what the holder sends as {@code Authorization: Bearer <token>}
 */
public record IssuedKey(ApiKey key, String token) {}
