package dev.benchrun.suites.crypto;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Method handles onto JDK APIs newer than the release we compile for (javax.crypto.KEM and KDF, Java 24+).
 *
 * <p>Every handle is adapted to an all-{@code Object} signature so callers can use {@code invokeExact}
 * without naming the newer types, which keeps the call as cheap as a direct one once JIT-compiled.
 */
final class JdkReflection {
    private JdkReflection() {}

    static Class<?> type(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is missing from this JDK (" + Runtime.version() + ")", e);
        }
    }

    /** A virtual or static method as a handle of type {@code (Object...)Object}. */
    static MethodHandle method(Class<?> owner, String name, Class<?>... parameters) {
        try {
            var method = owner.getMethod(name, parameters);
            var handle = MethodHandles.publicLookup().unreflect(method);
            return handle.asType(MethodType.genericMethodType(handle.type().parameterCount()));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(
                    owner.getName() + "." + name + " is not available on this JDK (" + Runtime.version() + ")", e);
        }
    }

    /** Rethrows what a handle threw: unchecked as is, checked wrapped once, so callers see the provider's message. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException re) {
            return re;
        }
        if (t instanceof Error error) {
            throw error;
        }
        return new IllegalArgumentException(t.getMessage(), t);
    }
}
