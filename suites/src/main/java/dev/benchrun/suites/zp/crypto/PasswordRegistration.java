package dev.benchrun.suites.zp.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Turns a password into SPAKE2+ secrets once, at registration (RFC 9383 section 3.2):
 * w0s || w1s = PBKDF2-HMAC-SHA256(len(pw)||pw||len(idP)||idP||len(idV)||idV, salt, iterations, 80),
 * w0 = w0s mod n, w1 = w1s mod n, L = w1*G.
 */
public final class PasswordRegistration {

    /** The spec's minimum work factor for a real deployment. */
    public static final int MIN_ITERATIONS = 100_000;
    /** 40 bytes per scalar: 64 bits more than the group order, so the reduction is unbiased. */
    private static final int SCALAR_SEED_BYTES = 40;

    private PasswordRegistration() {}

    /** What the client keeps: its identity and both scalars. */
    public record ProverSecrets(byte[] identity, BigInteger w0, BigInteger w1) {}

    /** What the server keeps: never w1 itself, only L = w1*G. */
    public record VerifierRecord(byte[] identity, BigInteger w0, byte[] l) {}

    /** Both halves of one registration. */
    public record Registration(ProverSecrets prover, VerifierRecord verifier) {}

    public static Registration register(
            byte[] password, byte[] idProver, byte[] idVerifier, byte[] salt, int iterations) {
        var input = new ByteArrayOutputStream();
        for (byte[] part : new byte[][] {password, idProver, idVerifier}) {
            long length = part.length;
            for (int i = 0; i < 8; i++) {
                input.write((int) (length >>> (8 * i)));
            }
            input.writeBytes(part);
        }
        var pbkdf2 = new PKCS5S2ParametersGenerator(SHA256Digest.newInstance());
        pbkdf2.init(input.toByteArray(), salt, iterations);
        byte[] seeds = ((KeyParameter) pbkdf2.generateDerivedParameters(2 * SCALAR_SEED_BYTES * 8)).getKey();
        var w0 = new BigInteger(1, Arrays.copyOfRange(seeds, 0, SCALAR_SEED_BYTES)).mod(Spake2Plus.ORDER);
        var w1 = new BigInteger(1, Arrays.copyOfRange(seeds, SCALAR_SEED_BYTES, 2 * SCALAR_SEED_BYTES))
                .mod(Spake2Plus.ORDER);
        return new Registration(
                new ProverSecrets(idProver.clone(), w0, w1),
                new VerifierRecord(idProver.clone(), w0, Spake2Plus.verifierPoint(w1)));
    }
}
