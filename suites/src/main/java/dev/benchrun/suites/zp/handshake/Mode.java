package dev.benchrun.suites.zp.handshake;

/**
 * The handshake modes and, for each, the fields its ClientHello and ServerHello carry after the
 * fixed part (spec section 5.2), as inclusive [min, max] byte lengths.
 */
public enum Mode {
    STRANGER_CLASSICAL(0x01, new int[][] {{32, 32}}, new int[][] {{32, 32}}),
    STRANGER_PQC1(0x02, new int[][] {{32, 32}, {1184, 1184}}, new int[][] {{32, 32}, {1088, 1088}}),
    KNOWN_PQC1(0x03, new int[][] {{1, 255}, {65, 65}, {1184, 1184}}, new int[][] {{65, 65}, {1088, 1088}}),
    RESUME(0x04, new int[][] {{1, 1024}, {32, 32}}, new int[][] {});

    private final int code;
    private final int[][] clientFields;
    private final int[][] serverFields;

    Mode(int code, int[][] clientFields, int[][] serverFields) {
        this.code = code;
        this.clientFields = clientFields;
        this.serverFields = serverFields;
    }

    /** The mode for a wire code, or null when the code is not assigned. */
    public static Mode fromCode(int code) {
        for (var m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        return null;
    }

    public int code() {
        return code;
    }

    int[][] fields(boolean client) {
        return client ? clientFields : serverFields;
    }
}
