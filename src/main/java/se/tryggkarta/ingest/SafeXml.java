package se.tryggkarta.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXParseException;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.common.FieldError;

/**
 * The one way the service parses XML (OpenStreetMap XML today; GPX or GML tomorrow): the JDK's own
 * SAX parser with every door to the outside closed, following OWASP's XXE prevention cheat sheet. A
 * document that declares a DOCTYPE is refused outright, so no entity (internal or external) and no
 * DTD can be defined, fetched or expanded; external entities, external DTDs, XInclude and external
 * schemas are off as well, and the JDK's secure-processing limits apply, with elements nested at
 * most {@value #MAX_ELEMENT_DEPTH} deep and markup held short ({@link #boundedMarkup}). Errors
 * never carry the parser's message (which could quote what an entity pulled in), only the line and
 * column. Stateless and thread-safe; each call returns a new parser.
 */
public final class SafeXml {
  private static final String DISALLOW_DOCTYPE =
      "http://apache.org/xml/features/disallow-doctype-decl";

  /** The deepest element nesting accepted (OpenStreetMap XML is three levels deep). */
  static final int MAX_ELEMENT_DEPTH = 64;

  /** The longest markup (a tag with its attributes, a comment) accepted, in bytes. */
  public static final int MAX_MARKUP_BYTES = 1 << 20;

  private SafeXml() {}

  /**
   * The stream with every markup run (from {@code <} to {@code >}) held to {@value
   * #MAX_MARKUP_BYTES} bytes, so that one huge attribute value cannot make the parser buffer it:
   * INVALID_INPUT past it. Text between tags is not limited (SAX hands it over in chunks).
   */
  public static InputStream boundedMarkup(InputStream in) {
    return new FilterInputStream(in) {
      private long inMarkup = -1;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          see((byte) b);
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = 0; i < n; i++) {
          see(buf[off + i]);
        }
        return n;
      }

      private void see(byte b) {
        if (b == '<') {
          inMarkup = 0;
        } else if (b == '>') {
          inMarkup = -1;
        } else if (inMarkup >= 0 && ++inMarkup > MAX_MARKUP_BYTES) {
          String reason =
              "an XML tag or comment is longer than " + (MAX_MARKUP_BYTES >> 20) + " MiB";
          throw new DomainException(
              ErrorKind.TOO_LARGE,
              reason,
              Optional.of("body"),
              List.of(FieldError.ofField("body", reason)),
              null);
        }
      }
    };
  }

  /** A new namespace-unaware SAX parser that refuses DTDs and never opens a URL or file. */
  public static SAXParser saxParser() {
    try {
      SAXParserFactory f = SAXParserFactory.newDefaultInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature(DISALLOW_DOCTYPE, true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setXIncludeAware(false);
      f.setValidating(false);
      SAXParser p = f.newSAXParser();
      p.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      p.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      p.setProperty("jdk.xml.maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
      return p;
    } catch (ParserConfigurationException | SAXNotRecognizedException e) {
      throw new IllegalStateException("the JDK's SAX parser lacks a required safety feature", e);
    } catch (SAXException e) {
      throw new IllegalStateException("cannot configure the JDK's SAX parser", e);
    }
  }

  /**
   * The INVALID_INPUT error for a document the parser refused: a DOCTYPE (refused on principle) or
   * a well-formedness error, located by line and column but never quoting the parser.
   *
   * @param what what the document should have been, e.g. "OpenStreetMap XML"
   */
  public static DomainException refused(String what, SAXException e) {
    String where =
        e instanceof SAXParseException p && p.getLineNumber() > 0
            ? " (line " + p.getLineNumber() + ", column " + p.getColumnNumber() + ")"
            : "";
    boolean doctype = String.valueOf(e.getMessage()).contains("DOCTYPE");
    String reason =
        doctype
            ? "XML with a DOCTYPE declaration is not accepted: DTDs and entities could make the"
                + " server read files or fetch URLs"
            : "the file is not well-formed " + what + where;
    return new DomainException(
        ErrorKind.INVALID_INPUT,
        reason,
        Optional.of("body"),
        List.of(FieldError.ofField("body", reason + (doctype ? where : ""))),
        null);
  }
}
