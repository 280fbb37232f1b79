package dev.benchrun.suites.crypto;

import java.util.Locale;

/** The two implementations every crypto benchmark compares: Bouncy Castle's lightweight API and the running JDK's provider. */
public enum CryptoProvider {
    BC,
    JDK;

    /** Parses a benchmark's {@code provider} parameter; anything but BC or JDK is a setup error. */
    public static CryptoProvider of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown crypto provider '" + name + "': expected BC or JDK", e);
        }
    }

    /** Fails with one clear message when the running JDK is older than the one that added {@code algorithm}. */
    static void requireJdk(int feature, String algorithm) {
        int running = Runtime.version().feature();
        if (running < feature) {
            throw new IllegalStateException(
                    algorithm + " needs the JDK's provider from Java " + feature + "; this JVM is " + running);
        }
    }
}
