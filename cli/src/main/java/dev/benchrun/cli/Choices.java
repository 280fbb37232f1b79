package dev.benchrun.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an enum option as the user writes its values (the constants' {@code toString}, lower
 * case); anything else is a usage error (exit 2) that lists them.
 */
final class Choices<E extends Enum<E>> implements ITypeConverter<E> {

    private final Class<E> type;
    private final String noun;

    /** @param noun what a value is, for the error: "unknown event 'x'" */
    Choices(Class<E> type, String noun) {
        this.type = type;
        this.noun = noun;
    }

    @Override
    public E convert(String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equals(value)) {
                return constant;
            }
        }
        throw new TypeConversionException("unknown " + noun + " '" + value + "': use one of "
                + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")));
    }
}
