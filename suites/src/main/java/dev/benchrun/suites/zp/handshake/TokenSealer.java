package dev.benchrun.suites.zp.handshake;

import dev.benchrun.suites.zp.ZpException;
import dev.benchrun.suites.zp.ZpException.Reason;
import dev.benchrun.suites.zp.record.AeadSuite;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Seals and opens state tokens with AES-256-GCM under a server-only key. The first key seals;
 * every key listed opens, so a server can rotate keys without breaking tokens in flight.
 */
public final class TokenSealer {

    private static final byte[] AAD_PREFIX = "zp1 token".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BYTES = 16;
    /** key id (4) + nonce (12) + tag (16) around the plaintext. */
    public static final int OVERHEAD = 4 + NONCE_BYTES + TAG_BYTES;

    public static final int MAX_TOKEN_BYTES = 1024;

    /** A token key and the id that names it inside tokens. */
    public record TokenKey(int id, byte[] key) {
        public TokenKey {
            if (key.length != 32) {
                throw new IllegalArgumentException("token keys are 32 bytes");
            }
            key = key.clone();
        }
    }

    private final List<TokenKey> keys;
    private final Clock clock;
    private final SecureRandom random;

    public TokenSealer(List<TokenKey> keys, Clock clock, SecureRandom random) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one token key is required");
        }
        this.keys = List.copyOf(keys);
        this.clock = clock;
        this.random = random;
    }

    public long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    public byte[] seal(StateToken token) {
        TokenKey key = keys.get(0);
        var plaintext = ByteBuffer.allocate(1 + 1 + 1 + 8 + 4 + 1 + token.identity().length + 32)
                .put((byte) 1)
                .put((byte) token.mode().code())
                .put((byte) token.aead().code())
                .putLong(token.issuedAtSeconds())
                .putInt(token.lifetimeSeconds())
                .put((byte) token.identity().length)
                .put(token.identity())
                .put(token.psk())
                .array();
        var nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        var gcm = gcm(true, key, nonce);
        var out = new byte[4 + NONCE_BYTES + gcm.getOutputSize(plaintext.length)];
        ByteBuffer.wrap(out).putInt(key.id()).put(nonce);
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 4 + NONCE_BYTES);
        try {
            gcm.doFinal(out, 4 + NONCE_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM sealing cannot fail", e);
        }
        return out;
    }

    /** Seals the state of a completed handshake, valid for {@code lifetimeSeconds} from now. */
    public byte[] issue(SessionSecrets secrets, int lifetimeSeconds) {
        return seal(new StateToken(
                secrets.mode(),
                secrets.aead(),
                nowSeconds(),
                lifetimeSeconds,
                secrets.identity(),
                secrets.resumption()));
    }

    /** Opens a token from a client; anything but a genuine, unexpired token is refused. */
    public StateToken open(byte[] sealed) throws ZpException {
        if (sealed.length < OVERHEAD + 1 || sealed.length > MAX_TOKEN_BYTES) {
            throw new ZpException(Reason.BAD_TOKEN, "token of " + sealed.length + " bytes");
        }
        int keyId = ByteBuffer.wrap(sealed).getInt();
        TokenKey key = keys.stream()
                .filter(k -> k.id() == keyId)
                .findFirst()
                .orElseThrow(() -> new ZpException(Reason.BAD_TOKEN, "unknown token key " + keyId));
        byte[] nonce = Arrays.copyOfRange(sealed, 4, 4 + NONCE_BYTES);
        var gcm = gcm(false, key, nonce);
        var plaintext = new byte[gcm.getOutputSize(sealed.length - 4 - NONCE_BYTES)];
        try {
            int n = gcm.processBytes(sealed, 4 + NONCE_BYTES, sealed.length - 4 - NONCE_BYTES, plaintext, 0);
            gcm.doFinal(plaintext, n);
        } catch (InvalidCipherTextException e) {
            throw new ZpException(Reason.BAD_TOKEN, "token failed authentication", e);
        }
        StateToken token = decode(plaintext);
        long now = nowSeconds();
        if (now < token.issuedAtSeconds() || now >= token.issuedAtSeconds() + token.lifetimeSeconds()) {
            throw new ZpException(
                    Reason.TOKEN_EXPIRED, "token issued at " + token.issuedAtSeconds() + " is not valid now");
        }
        return token;
    }

    private static StateToken decode(byte[] plaintext) throws ZpException {
        // Authenticated, so only a bug of ours could make it malformed; still refuse, never crash.
        try {
            var in = ByteBuffer.wrap(plaintext);
            if (in.get() != 1) {
                throw new ZpException(Reason.BAD_TOKEN, "unknown token version");
            }
            Mode mode = Mode.fromCode(in.get() & 0xFF);
            AeadSuite aead = AeadSuite.fromCode(in.get() & 0xFF);
            long issued = in.getLong();
            int lifetime = in.getInt();
            var identity = new byte[in.get() & 0xFF];
            in.get(identity);
            var psk = new byte[32];
            in.get(psk);
            if (mode == null || aead == null || in.hasRemaining()) {
                throw new ZpException(Reason.BAD_TOKEN, "token contents are malformed");
            }
            return new StateToken(mode, aead, issued, lifetime, identity, psk);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new ZpException(Reason.BAD_TOKEN, "token contents are malformed", e);
        }
    }

    private static GCMModeCipher gcm(boolean forSealing, TokenKey key, byte[] nonce) {
        var aad = ByteBuffer.allocate(AAD_PREFIX.length + 4)
                .put(AAD_PREFIX)
                .putInt(key.id())
                .array();
        var gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(forSealing, new AEADParameters(new KeyParameter(key.key()), TAG_BYTES * 8, nonce, aad));
        return gcm;
    }
}
