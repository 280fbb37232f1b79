package dev.benchrun.suites.io;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Unmaps a MappedByteBuffer immediately through {@code sun.misc.Unsafe.invokeCleaner} (jdk.unsupported,
 * Java 9+), the only way on Java 17 without the foreign memory API.
 */
final class Mappings {
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        try {
            var unsafeClass = Class.forName("sun.misc.Unsafe");
            Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            UNSAFE = field.get(null);
            INVOKE_CLEANER = unsafeClass.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("sun.misc.Unsafe.invokeCleaner is unavailable: " + e);
        }
    }

    private Mappings() {}

    static void unmap(ByteBuffer mapped) {
        try {
            INVOKE_CLEANER.invoke(UNSAFE, mapped);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not unmap a file mapping", e);
        }
    }
}
