package se.tryggkarta.hotspot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeOrderTest {
  @ParameterizedTest(name = "{0} times spread over {1} ms")
  @CsvSource({
    "0, 1",
    "1, 1",
    "1000, 10", // many equal times: stability decides
    "5000, 1000000",
    "5000, 315360000000", // a decade of milliseconds: three 16-bit passes
    "3000, 9000000000000000" // beyond a decade, before and after 1970
  })
  void sortsLikeAStableComparisonSort(int n, long spread) {
    Random r = new Random(n + spread);
    long[] times = new long[n + 3]; // longer than n: the rest must be ignored
    for (int i = 0; i < times.length; i++) {
      times[i] = (long) (r.nextDouble() * spread) - spread / 2;
    }
    int[] expected =
        IntStream.range(0, n)
            .boxed()
            .sorted(Comparator.comparingLong((Integer i) -> times[i]))
            .mapToInt(Integer::intValue)
            .toArray();
    assertThat(TimeOrder.permutation(times, n)).containsExactly(expected);
  }

  @ParameterizedTest(name = "already sorted, {0} rows")
  @CsvSource({"2", "100"})
  void keepsSortedTimesInTheirOrder(int n) {
    long[] times = new long[n];
    for (int i = 0; i < n; i++) {
      times[i] = 1_700_000_000_000L + i / 2;
    }
    assertThat(TimeOrder.permutation(times, n)).containsExactly(IntStream.range(0, n).toArray());
  }
}
