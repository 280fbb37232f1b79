package dev.benchrun.suites.zp.crypto;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * SPAKE2+ (RFC 9383) for the suite P256-SHA256-HKDF-SHA256-HMAC-SHA256: shares, the transcript
 * TT and the keys of both roles. Not constant-time (see the spec's security notes).
 */
public final class Spake2Plus {

    /** The fast custom P-256 implementation; the generic one from asn1.x9 is 8-10 times slower. */
    static final X9ECParameters P256 = CustomNamedCurves.getByName("P-256");

    static final BigInteger ORDER = P256.getN();
    static final ECPoint G = P256.getG();
    static final ECPoint M = decodeConstant("02886e2f97ace46e55ba9dd7242579f2993b64e16ef3dcab95afd497333d8fa12f");
    static final ECPoint N = decodeConstant("03d8bbd6c639c62937b04d997f38c3770719c629d7014d49a24b4f98baa1292b49");
    public static final int POINT_BYTES = 65;
    public static final int SCALAR_BYTES = 32;

    private Spake2Plus() {}

    /** Every value of one run, named as in RFC 9383 section 3.4 and Appendix C. */
    public record Outcome(
            byte[] z,
            byte[] v,
            byte[] tt,
            byte[] kMain,
            byte[] kConfirmP,
            byte[] kConfirmV,
            byte[] confirmP,
            byte[] confirmV,
            byte[] kShared) {}

    /** A random scalar in [1, n-1] for x or y. */
    public static BigInteger randomScalar(SecureRandom random) {
        return BigIntegers.createRandomInRange(BigInteger.ONE, ORDER.subtract(BigInteger.ONE), random);
    }

    /** shareP = x*G + w0*M. */
    public static byte[] shareP(BigInteger x, BigInteger w0) {
        return G.multiply(x).add(M.multiply(w0)).getEncoded(false);
    }

    /** shareV = y*G + w0*N. */
    public static byte[] shareV(BigInteger y, BigInteger w0) {
        return G.multiply(y).add(N.multiply(w0)).getEncoded(false);
    }

    /** L = w1*G, the verifier's record of w1. */
    public static byte[] verifierPoint(BigInteger w1) {
        return G.multiply(w1).getEncoded(false);
    }

    /** The prover's side: Z = x*(Y - w0*N), V = w1*(Y - w0*N) (cofactor h = 1 on P-256). */
    public static Outcome prover(
            byte[] context,
            byte[] idProver,
            byte[] idVerifier,
            BigInteger w0,
            BigInteger w1,
            BigInteger x,
            byte[] shareP,
            byte[] shareV)
            throws ZpException {
        ECPoint t = decode(shareV).subtract(N.multiply(w0));
        return outcome(context, idProver, idVerifier, w0, shareP, shareV, t.multiply(x), t.multiply(w1));
    }

    /** The verifier's side: Z = y*(X - w0*M), V = y*L. */
    public static Outcome verifier(
            byte[] context,
            byte[] idProver,
            byte[] idVerifier,
            BigInteger w0,
            byte[] l,
            BigInteger y,
            byte[] shareP,
            byte[] shareV)
            throws ZpException {
        ECPoint t = decode(shareP).subtract(M.multiply(w0));
        return outcome(
                context,
                idProver,
                idVerifier,
                w0,
                shareP,
                shareV,
                t.multiply(y),
                decode(l).multiply(y));
    }

    private static Outcome outcome(
            byte[] context,
            byte[] idProver,
            byte[] idVerifier,
            BigInteger w0,
            byte[] shareP,
            byte[] shareV,
            ECPoint zPoint,
            ECPoint vPoint)
            throws ZpException {
        if (zPoint.isInfinity() || vPoint.isInfinity()) {
            throw new ZpException(Reason.BAD_KEY_SHARE, "SPAKE2+ Z or V is the identity");
        }
        byte[] z = zPoint.getEncoded(false);
        byte[] v = vPoint.getEncoded(false);
        var tt = new ByteArrayOutputStream();
        for (byte[] part : new byte[][] {
            context,
            idProver,
            idVerifier,
            M.getEncoded(false),
            N.getEncoded(false),
            shareP,
            shareV,
            z,
            v,
            BigIntegers.asUnsignedByteArray(SCALAR_BYTES, w0)
        }) {
            appendWithLength(tt, part);
        }
        byte[] transcript = tt.toByteArray();
        byte[] kMain = Hkdf.sha256(transcript);
        byte[] prk = Hkdf.extract(new byte[0], kMain);
        byte[] confirmationKeys = Hkdf.expand(prk, ascii("ConfirmationKeys"), 2 * Hkdf.HASH_LEN);
        byte[] kConfirmP = Arrays.copyOfRange(confirmationKeys, 0, Hkdf.HASH_LEN);
        byte[] kConfirmV = Arrays.copyOfRange(confirmationKeys, Hkdf.HASH_LEN, 2 * Hkdf.HASH_LEN);
        byte[] kShared = Hkdf.expand(prk, ascii("SharedKey"), Hkdf.HASH_LEN);
        return new Outcome(
                z,
                v,
                transcript,
                kMain,
                kConfirmP,
                kConfirmV,
                Hkdf.hmac(kConfirmP, shareV),
                Hkdf.hmac(kConfirmV, shareP),
                kShared);
    }

    /** RFC 9383 len(): an 8-byte little-endian length before each field. */
    private static void appendWithLength(ByteArrayOutputStream out, byte[] part) {
        long length = part.length;
        for (int i = 0; i < 8; i++) {
            out.write((int) (length >>> (8 * i)));
        }
        out.writeBytes(part);
    }

    /** Decodes a peer's uncompressed point, refusing anything off the curve or the identity. */
    static ECPoint decode(byte[] encoded) throws ZpException {
        if (encoded.length != POINT_BYTES || encoded[0] != 0x04) {
            throw new ZpException(Reason.BAD_KEY_SHARE, "P-256 point is not 65-byte uncompressed");
        }
        try {
            ECPoint p = P256.getCurve().decodePoint(encoded);
            if (p.isInfinity() || !p.isValid()) {
                throw new ZpException(Reason.BAD_KEY_SHARE, "P-256 point is not a valid group element");
            }
            return p;
        } catch (IllegalArgumentException offCurve) {
            throw new ZpException(Reason.BAD_KEY_SHARE, "P-256 point is not on the curve", offCurve);
        }
    }

    private static ECPoint decodeConstant(String hex) {
        return P256.getCurve().decodePoint(HexFormat.of().parseHex(hex)).normalize();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
