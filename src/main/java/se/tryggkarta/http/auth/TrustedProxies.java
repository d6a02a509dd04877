package se.tryggkarta.http.auth;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import se.tryggkarta.common.DomainException;

/**
 * The reverse proxies whose {@code X-Forwarded-For} header the service believes, and the client
 * address a request comes from. Without trusted proxies (the default) the client is the TCP peer
 * and the header is ignored, since anyone can send it. With them, when the peer is a trusted proxy,
 * the client is the right-most address of {@code X-Forwarded-For} that is not itself a trusted
 * proxy (each proxy appends the address it received from, so entries to the left of that one were
 * written by the client and prove nothing). Addresses are IP literals only: nothing is ever looked
 * up in DNS. Immutable and thread-safe.
 */
public final class TrustedProxies {
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  /** One trusted address or CIDR block. */
  private record Block(byte[] address, int prefixBits) {
    boolean contains(byte[] a) {
      if (a.length != address.length) {
        return false;
      }
      int bits = prefixBits;
      for (int i = 0; i < a.length && bits > 0; i++, bits -= 8) {
        int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
        if ((a[i] & mask) != (address[i] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /**
   * Parses addresses and CIDR blocks such as {@code 10.0.0.5}, {@code 10.0.0.0/8} or {@code
   * fd00::/8}; INVALID_INPUT (field {@code trusted-proxies}) for anything else.
   */
  public static TrustedProxies parse(List<String> entries) {
    List<Block> out = new ArrayList<>();
    for (String raw : entries) {
      String e = raw.strip();
      if (e.isEmpty()) {
        continue;
      }
      int slash = e.indexOf('/');
      String host = slash < 0 ? e : e.substring(0, slash);
      byte[] a =
          literal(host)
              .orElseThrow(
                  () ->
                      DomainException.invalid(
                          "trusted-proxies", "not an IP address or CIDR block: '" + e + "'"));
      int bits = a.length * 8;
      if (slash >= 0) {
        try {
          bits = Integer.parseInt(e.substring(slash + 1));
        } catch (NumberFormatException x) {
          bits = -1;
        }
        if (bits < 0 || bits > a.length * 8) {
          throw DomainException.invalid(
              "trusted-proxies", "the prefix length of '" + e + "' is out of range");
        }
      }
      out.add(new Block(a, bits));
    }
    return new TrustedProxies(out);
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  boolean trusts(String address) {
    return literal(address).map(a -> blocks.stream().anyMatch(b -> b.contains(a))).orElse(false);
  }

  /** The address the request comes from (see the class comment), as a string. */
  public String clientOf(Context ctx) {
    var headers = ctx.req().getHeaders("X-Forwarded-For");
    return clientOf(
        ctx.req().getRemoteAddr(),
        headers == null ? List.of() : java.util.Collections.list(headers));
  }

  /** The client of a request from {@code peer} with these X-Forwarded-For header values. */
  String clientOf(String peer, List<String> forwardedFor) {
    if (blocks.isEmpty() || !trusts(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String part : header.split(",")) {
        hops.add(strip(part.strip()));
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (literal(hop).isEmpty()) {
        // a malformed entry: the trusted proxy next to it vouches only for itself
        return i == hops.size() - 1 ? peer : hops.get(i + 1);
      }
      if (!trusts(hop)) {
        return hop;
      }
    }
    return hops.isEmpty() ? peer : hops.get(0);
  }

  /** Removes brackets and a port ({@code [::1]:443}, {@code 1.2.3.4:5678}). */
  private static String strip(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end > 0 ? hop.substring(1, end) : hop;
    }
    int colon = hop.indexOf(':');
    return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
  }

  /** The bytes of an IPv4 or IPv6 literal; never a DNS lookup. */
  static Optional<byte[]> literal(String s) {
    if (s == null || s.isEmpty() || s.length() > 45) {
      return Optional.empty();
    }
    if (IPV4.matcher(s).matches()) {
      String[] parts = s.split("\\.");
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        int v = Integer.parseInt(parts[i]);
        if (v > 255) {
          return Optional.empty();
        }
        b[i] = (byte) v;
      }
      return Optional.of(b);
    }
    if (IPV6.matcher(s).matches()) {
      try {
        // a literal of hex digits, colons and dots is parsed, never resolved
        return Optional.of(InetAddress.getByName(s).getAddress());
      } catch (UnknownHostException | SecurityException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
