package se.tryggkarta.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * JSON read strictly, as every input of the service is: exactly one value (nothing but white space
 * after it), and text that is valid Unicode. Jackson's byte parser already refuses malformed UTF-8;
 * what it lets through are unpaired UTF-16 surrogates, written as escapes ({@code "\ud800"}) or as
 * encoded surrogates (CESU-8), which no UTF-8 writer can store or send on. Failures are Jackson's
 * own {@link JsonParseException}, with the location, so callers map them as any malformed JSON.
 * Stateless and thread-safe.
 */
public final class StrictJson {
  private StrictJson() {}

  /**
   * Wraps a parser so that every string value and field name it reads is checked for unpaired
   * surrogates. Reads through the wrapper only ({@code mapper.readTree(strict(p))}).
   */
  public static JsonParser strict(JsonParser parser) {
    return parser instanceof Checked ? parser : new Checked(parser);
  }

  /** The one JSON value of {@code json} as a tree; null for an empty text. */
  public static JsonNode readTree(ObjectMapper mapper, byte[] json) throws IOException {
    try (JsonParser p = strict(mapper.getFactory().createParser(json))) {
      JsonNode node = mapper.readTree(p);
      requireEnd(p);
      return node;
    }
  }

  /** The one JSON value of {@code json} bound to {@code type}. */
  public static <T> T readValue(ObjectMapper mapper, byte[] json, JavaType type)
      throws IOException {
    try (JsonParser p = strict(mapper.getFactory().createParser(json))) {
      T value = mapper.readValue(p, type);
      requireEnd(p);
      return value;
    }
  }

  /** Throws when anything but white space follows the value the parser has just read. */
  public static void requireEnd(JsonParser parser) throws IOException {
    if (parser.nextToken() != null) {
      throw new JsonParseException(parser, "unexpected content after the end of the JSON value");
    }
  }

  /** The index of the first unpaired surrogate in {@code text}, or -1 when it is valid Unicode. */
  public static int unpairedSurrogate(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** Routes every way of advancing through {@link #nextToken()}, which checks text tokens. */
  private static final class Checked extends JsonParserDelegate {
    Checked(JsonParser d) {
      super(d);
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken t = delegate.nextToken();
      if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
        String text = delegate.getText();
        int bad = unpairedSurrogate(text);
        if (bad >= 0) {
          throw new JsonParseException(
              delegate,
              String.format(
                  "invalid Unicode: an unpaired surrogate \\u%04X in a %s",
                  (int) text.charAt(bad), t == JsonToken.FIELD_NAME ? "member name" : "string"));
        }
      }
      return t;
    }

    @Override
    public JsonToken nextValue() throws IOException {
      JsonToken t = nextToken();
      return t == JsonToken.FIELD_NAME ? nextToken() : t;
    }

    @Override
    public String nextFieldName() throws IOException {
      return nextToken() == JsonToken.FIELD_NAME ? delegate.currentName() : null;
    }

    @Override
    public boolean nextFieldName(SerializableString name) throws IOException {
      return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(delegate.currentName());
    }

    @Override
    public String nextTextValue() throws IOException {
      return nextToken() == JsonToken.VALUE_STRING ? delegate.getText() : null;
    }

    @Override
    public int nextIntValue(int defaultValue) throws IOException {
      return nextToken() == JsonToken.VALUE_NUMBER_INT ? delegate.getIntValue() : defaultValue;
    }

    @Override
    public long nextLongValue(long defaultValue) throws IOException {
      return nextToken() == JsonToken.VALUE_NUMBER_INT ? delegate.getLongValue() : defaultValue;
    }

    @Override
    public Boolean nextBooleanValue() throws IOException {
      JsonToken t = nextToken();
      return t == JsonToken.VALUE_TRUE
          ? Boolean.TRUE
          : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }
  }
}
