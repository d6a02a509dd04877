package se.tryggkarta.release;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.YearMonth;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import se.tryggkarta.layer.Layer;

/**
 * Noise for the monthly tables: the two-sided geometric mechanism (Ghosh, Roughgarden &
 * Sundararajan 2009, "Universally utility-maximizing privacy mechanisms"), drawn not from a random
 * generator but from a keyed pseudorandom function of the month's table: its workspace secret,
 * layer, month, slice, group and the digest of the month's records (the cell-key idea of the
 * Australian Bureau of Statistics' TableBuilder, at the level of a month's table). The same records
 * always get the same noise — on any instance, after a restart, after writes to other months — so
 * asking again cannot average it away; when any record of the month changes, every cell of the
 * month draws afresh, so comparing two versions shows noise everywhere rather than the cell that
 * changed (each version is booked against the budget, {@link ReleaseLedger}).
 *
 * <pre>
 *   P(Z = z) = (1 − α) / (1 + α) · α^|z|,   α = e^−ε,   z ∈ ℤ
 *   Z = G₁ − G₂,   Gᵢ = ⌊−ln Uᵢ / ε⌋  (geometric on {0, 1, …} with success probability 1 − α)
 * </pre>
 *
 * Adding Z to a count whose change by one event is at most 1 makes it ε-differentially private; Var
 * Z = 2α / (1 − α)². The uniforms U₁, U₂ of a cell come from one AES-128 block (the cell's absolute
 * grid indices) under a key derived by HMAC-SHA256 from the workspace's secret and the table;
 * without the secret the noise is unpredictable. Not thread-safe: one instance per computation.
 */
final class CellNoise {
  private final byte[] secret;
  private final double epsilon;
  private final Mac hmac;

  CellNoise(byte[] secret, double epsilon) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("a release secret needs at least 16 bytes");
    }
    this.secret = secret.clone();
    this.epsilon = epsilon;
    this.hmac = mac(this.secret);
  }

  double epsilon() {
    return epsilon;
  }

  /** The variance of one draw: 2α / (1 − α)². */
  static double variance(double epsilon) {
    double a = Math.exp(-epsilon);
    return 2 * a / ((1 - a) * (1 - a));
  }

  /**
   * The noise of every cell of one month's table for one slice and group, for the month's records
   * as summarised by {@code monthDigest}.
   */
  TableNoise table(Layer layer, YearMonth month, String monthDigest, int slice, String groupId) {
    String scope = layer.slug() + "|" + month + "|" + monthDigest + "|" + slice + "|" + groupId;
    byte[] key = hmac(("table|" + scope).getBytes(StandardCharsets.UTF_8));
    return new TableNoise(java.util.Arrays.copyOf(key, 16));
  }

  /** Noise draws for one table. */
  final class TableNoise {
    private final Cipher aes;

    private TableNoise(byte[] aesKey) {
      try {
        this.aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES is not available", e);
      }
    }

    /**
     * Noise of a row of cells: {@code out[i]} for the cell at absolute indices {@code (ix0 + i,
     * iy)}.
     */
    void row(long ix0, long iy, int n, int[] out) {
      byte[] blocks = new byte[16 * n];
      ByteBuffer b = ByteBuffer.wrap(blocks);
      for (int i = 0; i < n; i++) {
        b.putLong(16 * i, ix0 + i);
        b.putLong(16 * i + 8, iy);
      }
      byte[] enc;
      try {
        enc = aes.doFinal(blocks);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
      ByteBuffer r = ByteBuffer.wrap(enc);
      for (int i = 0; i < n; i++) {
        out[i] = draw(r.getLong(16 * i), r.getLong(16 * i + 8));
      }
    }
  }

  /** Z = G₁ − G₂ from two 64-bit words. */
  int draw(long word1, long word2) {
    return geometric(uniform(word1)) - geometric(uniform(word2));
  }

  /** A uniform in (0, 1] from the word's top 53 bits. */
  static double uniform(long word) {
    return ((word >>> 11) + 1) * 0x1.0p-53;
  }

  private int geometric(double u) {
    double g = Math.floor(-Math.log(u) / epsilon);
    return g > 1_000_000 ? 1_000_000 : (int) g;
  }

  private byte[] hmac(byte[] message) {
    return hmac.doFinal(message);
  }

  private static Mac mac(byte[] key) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key, "HmacSHA256"));
      return m;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
