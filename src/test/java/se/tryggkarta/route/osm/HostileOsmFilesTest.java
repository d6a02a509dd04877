package se.tryggkarta.route.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.ErrorKind;
import se.tryggkarta.layer.StreetSegment;

/**
 * Street files made to attack the reader: XML that tries to read the server's files or reach its
 * network, and PBF files that decompress or unpack without bound. Each is refused with a 4xx kind
 * naming the bound, quotes nothing it could have pulled in, and contacts no one.
 */
class HostileOsmFilesTest {
  static final long MAX_INFLATED = 64L << 20;

  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return f;
  }

  private Path xml(String text) throws IOException {
    return write("t.osm", text.getBytes(StandardCharsets.UTF_8));
  }

  private static DomainException refused(Path f, NetworkFormat format) {
    try {
      OsmNetworkReader.read(f, format, MAX_INFLATED);
    } catch (DomainException e) {
      return e;
    }
    throw new AssertionError("the file was read");
  }

  @Test
  void an_external_entity_naming_a_local_file_is_refused_without_quoting_it() throws IOException {
    Path secret =
        write("admin-key.txt", "tk.admin.SECRET-KEY-123".getBytes(StandardCharsets.UTF_8));
    Path f =
        xml(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE osm [<!ENTITY k SYSTEM \""
                + secret.toUri()
                + "\">]>\n<osm version=\"0.6\"><node id=\"1\" lat=\"58\" lon=\"12\"><tag k=\"a\""
                + " v=\"&k;\"/></node></osm>");

    DomainException e = refused(f, NetworkFormat.OSM_XML);

    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
    assertThat(e.getMessage() + e.errors()).doesNotContain("SECRET").contains("DOCTYPE");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "<!DOCTYPE osm [<!ENTITY x SYSTEM \"URL\">]><osm>&x;</osm>",
        "<!DOCTYPE osm SYSTEM \"URL\"><osm/>",
        "<!DOCTYPE osm [<!ENTITY % p SYSTEM \"URL\"> %p;]><osm/>",
        "<osm xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"URL\"/></osm>",
        "<osm xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xsi:schemaLocation=\"urn:x URL\"/>"
      })
  void xml_pointing_at_a_url_makes_no_network_contact(String template) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicInteger contacts = new AtomicInteger();
      Thread watcher =
          new Thread(
              () -> {
                try {
                  listener.setSoTimeout(100);
                  while (!Thread.currentThread().isInterrupted()) {
                    try {
                      listener.accept().close();
                      contacts.incrementAndGet();
                    } catch (SocketTimeoutException idle) {
                      // keep listening
                    }
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      watcher.start();
      String url = "http://127.0.0.1:" + listener.getLocalPort() + "/x";
      Path f = xml(template.replace("URL", url));

      try {
        OsmNetworkReader.read(f, NetworkFormat.OSM_XML, MAX_INFLATED);
      } catch (DomainException expected) {
        assertThat(expected.kind()).isIn(ErrorKind.INVALID_INPUT, ErrorKind.UNPROCESSABLE);
      }
      Thread.sleep(300);
      watcher.interrupt();
      watcher.join();

      assertThat(contacts.get()).as("connections to " + url).isZero();
    }
  }

  @Test
  void a_billion_laughs_is_refused_at_its_doctype() throws IOException {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE osm [<!ENTITY l0 \"ha\">");
    for (int i = 1; i <= 10; i++) {
      dtd.append("<!ENTITY l").append(i).append(" \"");
      dtd.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    Path f = xml(dtd + "]><osm><node id=\"1\" lat=\"58\" lon=\"12\" user=\"&l10;\"/></osm>");

    assertThat(refused(f, NetworkFormat.OSM_XML).kind()).isEqualTo(ErrorKind.INVALID_INPUT);
  }

  @Test
  void a_tag_longer_than_the_markup_bound_is_refused() throws IOException {
    Path f =
        xml(
            "<osm version=\"0.6\"><node id=\"1\" version=\"1\" lat=\"58\" lon=\"12\"><tag"
                + " k=\"name\" v=\""
                + "x".repeat(2 << 20)
                + "\"/></node></osm>");

    assertThat(refused(f, NetworkFormat.OSM_XML).kind()).isEqualTo(ErrorKind.TOO_LARGE);
  }

  @Test
  void deep_nesting_is_refused() throws IOException {
    Path f = xml("<osm>" + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</osm>");

    assertThat(refused(f, NetworkFormat.OSM_XML).kind()).isEqualTo(ErrorKind.INVALID_INPUT);
  }

  @Test
  void malformed_xml_names_the_line_and_quotes_nothing() throws IOException {
    Path f =
        xml(
            "<osm version=\"0.6\">\n<node id=\"1\" version=\"1\" lat=\"58\" lon=\"12\">\n<SECRET-ELEMENT></osm>");

    DomainException e = refused(f, NetworkFormat.OSM_XML);

    assertThat(e.getMessage()).contains("line 3").doesNotContain("SECRET");
  }

  @Test
  void a_small_well_formed_pbf_file_is_read() throws IOException {
    double[][] line = {{11.98, 57.87}, {11.981, 57.87}, {11.982, 57.871}};
    Path f =
        write("ok.osm.pbf", PbfFiles.file(PbfFiles.header(), PbfFiles.nodesAndWay(100, line, 7)));

    NetworkData d = OsmNetworkReader.read(f, NetworkFormat.OSM_PBF, MAX_INFLATED);

    assertThat(d.streets()).extracting(StreetSegment::externalId).containsExactly("osm-w7");
    StreetSegment s = d.streets().get(0);
    assertThat(s.name()).contains("Testgatan");
    assertThat(s.geometryWgs84().getCoordinates()[2].y)
        .isCloseTo(57.871, org.assertj.core.data.Offset.offset(1e-7));
  }

  @Test
  void a_blob_declaring_a_gigabyte_is_refused_before_anything_is_allocated() throws IOException {
    Path f =
        write(
            "declared.osm.pbf",
            PbfFiles.file(PbfFiles.header(), PbfFiles.zeros("OSMData", 1 << 20, 1 << 30)));

    DomainException e = refused(f, NetworkFormat.OSM_PBF);

    assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
    assertThat(e.getMessage()).contains("blob 2").contains("32 MiB");
  }

  @Test
  void a_blob_that_inflates_past_the_format_cap_is_refused() throws IOException {
    Path f =
        write(
            "lying.osm.pbf",
            PbfFiles.file(PbfFiles.header(), PbfFiles.zeros("x-filler", 40L << 20, 1024)));

    DomainException e = refused(f, NetworkFormat.OSM_PBF);

    assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
    assertThat(e.getMessage()).contains("inflates to more than 32 MiB");
  }

  @Test
  void blobs_within_the_cap_that_add_up_past_the_total_are_refused_naming_the_total()
      throws IOException {
    byte[] blob = PbfFiles.zeros("x-filler", 30L << 20, 30 << 20);
    Path f = write("many.osm.pbf", PbfFiles.file(PbfFiles.header(), blob, blob, blob));

    DomainException e = refused(f, NetworkFormat.OSM_PBF);

    assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
    assertThat(e.getMessage()).contains("64 MiB in total").contains("blob 4");
  }

  @Test
  void a_block_of_millions_of_one_byte_node_deltas_is_refused_before_it_is_unpacked()
      throws IOException {
    Path f =
        write("flood.osm.pbf", PbfFiles.file(PbfFiles.header(), PbfFiles.denseFlood(5_000_000)));

    DomainException e = refused(f, NetworkFormat.OSM_PBF);

    assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
    assertThat(e.getMessage()).contains("values");
  }

  @Test
  void a_cut_off_pbf_file_is_malformed() throws IOException {
    byte[] whole = PbfFiles.file(PbfFiles.header(), PbfFiles.denseFlood(1000));
    Path f = write("cut.osm.pbf", java.util.Arrays.copyOf(whole, whole.length - 10));

    assertThatThrownBy(() -> OsmNetworkReader.read(f, NetworkFormat.OSM_PBF, MAX_INFLATED))
        .isInstanceOf(DomainException.class)
        .extracting(x -> ((DomainException) x).kind())
        .isEqualTo(ErrorKind.INVALID_INPUT);
  }
}
