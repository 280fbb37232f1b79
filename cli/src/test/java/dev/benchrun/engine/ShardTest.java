package dev.benchrun.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which shard a benchmark falls in: by its name alone (plan-level stability: ShardMergeCommandTest). */
class ShardTest {

    private static String name(int i) {
        return "org.example.Bench.method" + i;
    }

    @Test
    void everyBenchmarkIsInExactlyOneShard() {
        for (int i = 0; i < 200; i++) {
            String key = name(i);
            long owners = IntStream.rangeClosed(1, 4)
                    .filter(s -> new Shard(s, 4).owns(key))
                    .count();
            assertThat(owners).as(key).isEqualTo(1);
        }
    }

    @Test
    void shardsGetAboutEqualNumbersOfBenchmarks() {
        var counts = new int[4];
        for (int i = 0; i < 400; i++) {
            counts[Shard.of(name(i), 4) - 1]++;
        }
        // Binomial(400, 1/4): mean 100, sd 8.7; the split is deterministic, so this is a check of the hash.
        for (int c : counts) {
            assertThat(c).isBetween(70, 130);
        }
    }

    @Test
    void oneShardIsEverything() {
        assertThat(new Shard(1, 1).owns(name(7))).isTrue();
    }

    @Test
    void parsesIOfN() {
        assertThat(Shard.parse("2/3")).isEqualTo(new Shard(2, 3));
        assertThat(Shard.parse("2/3").toString()).isEqualTo("2/3");
        for (String bad : new String[] {"0/1", "2/1", "1/0", "1", "/2", "x/2", "1/2/3", ""}) {
            assertThatThrownBy(() -> Shard.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
