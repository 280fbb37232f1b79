package dev.benchrun.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * One part of a plan split over CI jobs ({@code run --shard I/N}): part {@code index} of {@code
 * count}, counted from 1.
 *
 * <p>Each benchmark belongs to the shard its own name hashes highest for (rendezvous hashing,
 * Thaler &amp; Ravishankar 1998): no shard depends on which other benchmarks exist, so adding or
 * removing a benchmark never moves another one, and every job of a matrix computes the same split
 * without talking to the others. The price is balance: shards get equal numbers of benchmarks only
 * on average, not equal estimated times.
 */
public record Shard(int index, int count) {

    private static final Pattern SPEC = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("expected I/N with 1 ≤ I ≤ N, e.g. 1/2");
        }
    }

    /** {@code "1/2"}; throws {@link IllegalArgumentException} with what is expected otherwise. */
    public static Shard parse(String spec) {
        var matcher = SPEC.matcher(spec.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected I/N with 1 ≤ I ≤ N, e.g. 1/2");
        }
        return new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** Whether the benchmark with this stable key (its JMH name) is this shard's. */
    public boolean owns(String key) {
        return of(key, count) == index;
    }

    /** The shard (1 to {@code count}) that a benchmark's key hashes highest for. */
    static int of(String key, int count) {
        int best = 1;
        long bestWeight = Long.MIN_VALUE;
        for (int shard = 1; shard <= count; shard++) {
            long weight = weight(shard + ":" + key);
            if (shard == 1 || Long.compareUnsigned(weight, bestWeight) > 0) {
                best = shard;
                bestWeight = weight;
            }
        }
        return best;
    }

    /** The first 8 bytes of SHA-256: the same on every JVM and machine, unlike String.hashCode's spread. */
    private static long weight(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long weight = 0;
            for (int i = 0; i < 8; i++) {
                weight = (weight << 8) | (digest[i] & 0xff);
            }
            return weight;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
