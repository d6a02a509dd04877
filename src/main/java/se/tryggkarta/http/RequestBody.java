package se.tryggkarta.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.StrictJson;

/**
 * Request bodies of the JSON and small-text routes (not file uploads, which stream through {@link
 * UploadBody}), read strictly: UTF-8 that is not valid answers 400 instead of turning into
 * replacement characters, and JSON must be exactly one value of valid Unicode ({@link StrictJson}).
 * The body is held to the JSON body limit (413 past it). Stateless.
 */
public final class RequestBody {
  private static final ObjectMapper MAPPER = Json.mapper();

  private RequestBody() {}

  /** The body as text, or INVALID_INPUT naming the byte where it stops being UTF-8. */
  public static String text(Context ctx) {
    return utf8(ctx.bodyAsBytes());
  }

  /** The body as one JSON value bound to {@code type}, or INVALID_INPUT naming what is wrong. */
  public static <T> T json(Context ctx, Class<T> type) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw DomainException.invalid("body", "the body is empty; send a JSON object");
    }
    try {
      return StrictJson.readValue(MAPPER, body, MAPPER.constructType(type));
    } catch (JsonProcessingException e) {
      throw ProblemMapper.fromJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String utf8(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      throw DomainException.invalid(
          "body", "the body is not valid UTF-8 (at byte " + (in.position() + 1) + ")");
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
