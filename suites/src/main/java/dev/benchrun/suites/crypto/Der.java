package dev.benchrun.suites.crypto;

import java.io.ByteArrayOutputStream;

/**
 * The few DER structures needed to hand raw ML-KEM keys to the JDK's KeyFactory, which only takes
 * X.509 SubjectPublicKeyInfo and PKCS#8 PrivateKeyInfo (RFC 5280, RFC 5958; layout per the
 * IETF LAMPS ML-KEM certificate profile).
 */
final class Der {
    /** id-alg-ml-kem-768, 2.16.840.1.101.3.4.4.2, as a complete AlgorithmIdentifier without parameters. */
    static final byte[] ML_KEM_768 = {
        0x30, 0x0b, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x04, 0x02
    };

    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;
    private static final int BIT_STRING = 0x03;
    private static final int OCTET_STRING = 0x04;

    private Der() {}

    /** SEQUENCE { algorithm, BIT STRING key } */
    static byte[] subjectPublicKeyInfo(byte[] algorithm, byte[] key) {
        byte[] bits = new byte[key.length + 1]; // leading 0: no unused bits
        System.arraycopy(key, 0, bits, 1, key.length);
        return tlv(SEQUENCE, concat(algorithm, tlv(BIT_STRING, bits)));
    }

    /** SEQUENCE { INTEGER 0, algorithm, OCTET STRING { OCTET STRING expandedKey } } */
    static byte[] privateKeyInfo(byte[] algorithm, byte[] expandedKey) {
        byte[] version = tlv(INTEGER, new byte[] {0});
        return tlv(SEQUENCE, concat(version, algorithm, tlv(OCTET_STRING, tlv(OCTET_STRING, expandedKey))));
    }

    static byte[] tlv(int tag, byte[] content) {
        var out = new ByteArrayOutputStream(content.length + 4);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length & 0xff);
        } else {
            throw new IllegalArgumentException("DER content too long for this encoder: " + length + " bytes");
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
