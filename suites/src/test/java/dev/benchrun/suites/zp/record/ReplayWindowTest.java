package dev.benchrun.suites.zp.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReplayWindowTest {

    /** Fixed, so that a failing case comes back on every run. */
    private static final long SEED = 0x7d3a_51c9_e08b_f246L;

    private static final int MAX_ARRIVALS = 300;
    private static final long MAX_SEQ = 400;

    /** Against a plain model: accepted iff never seen and fewer than 64 behind the highest seen. */
    @ParameterizedTest
    @MethodSource("arrivals")
    void agreesWithASetModel(List<Long> arrivals) {
        var window = new ReplayWindow();
        var seen = new HashSet<Long>();
        long highest = -1;
        for (long seq : arrivals) {
            boolean expected = !seen.contains(seq) && (seq > highest || highest - seq < ReplayWindow.SIZE);
            assertThat(window.mayAccept(seq))
                    .as("seq %d after highest %d", seq, highest)
                    .isEqualTo(expected);
            if (expected) {
                window.accept(seq);
                seen.add(seq);
                highest = Math.max(highest, seq);
            }
        }
    }

    /** The edge cases, then 300 random orders of up to 300 sequence numbers in [0, 400]. */
    static Stream<List<Long>> arrivals() {
        var random = new SplittableRandom(SEED);
        Stream<List<Long>> randomArrivals =
                Stream.generate(() -> random.longs(random.nextInt(MAX_ARRIVALS + 1), 0, MAX_SEQ + 1)
                        .boxed()
                        .toList());
        return Stream.concat(edgeArrivals(), randomArrivals.limit(300));
    }

    /** Empty, single, repeated and extreme values, the window's edge on either side, the longest runs. */
    static Stream<List<Long>> edgeArrivals() {
        long last = ReplayWindow.SIZE - 1;
        return Stream.of(
                List.of(),
                List.of(0L),
                List.of(MAX_SEQ),
                List.of(0L, 0L),
                List.of(MAX_SEQ, MAX_SEQ),
                List.of(last, 0L), // 63 behind: still inside
                List.of(last + 1, 0L), // 64 behind: just outside
                List.of(MAX_SEQ, MAX_SEQ - last, MAX_SEQ - last - 1, MAX_SEQ - last),
                List.of(0L, last + 1, 1L, 0L), // a jump of exactly the window's size …
                List.of(0L, 1L, last + 2, last + 1), // … keeps nothing of the old window
                List.of(0L, MAX_SEQ, 0L), // a jump far past the window
                LongStream.range(0, MAX_ARRIVALS).boxed().toList(),
                LongStream.range(0, MAX_ARRIVALS).map(i -> MAX_SEQ - i).boxed().toList(),
                LongStream.range(0, MAX_ARRIVALS).map(i -> i / 2).boxed().toList(),
                trailing(last), // every new highest, then the number just inside the window behind it
                trailing(last + 1)); // … and just outside
    }

    /** k + behind, k for k = 0, 1, …: the longest list, each second number {@code behind} behind the highest. */
    private static List<Long> trailing(long behind) {
        return LongStream.range(0, MAX_ARRIVALS / 2)
                .boxed()
                .flatMap(k -> Stream.of(k + behind, k))
                .toList();
    }
}
