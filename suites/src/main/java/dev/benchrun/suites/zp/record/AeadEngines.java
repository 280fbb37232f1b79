package dev.benchrun.suites.zp.record;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/**
 * Per-thread AEAD engines. A JCE Cipher drags its provider's whole object graph along, so
 * connections keep only keys and counters and borrow an engine for each record.
 */
final class AeadEngines {

    private static final ThreadLocal<Cipher[]> ENGINES =
            ThreadLocal.withInitial(() -> new Cipher[AeadSuite.values().length]);

    private AeadEngines() {}

    static Cipher get(AeadSuite suite) {
        Cipher[] engines = ENGINES.get();
        Cipher c = engines[suite.ordinal()];
        if (c == null) {
            try {
                c = Cipher.getInstance(suite.transformation());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JDK lacks " + suite.transformation(), e);
            }
            engines[suite.ordinal()] = c;
        }
        return c;
    }
}
