package org.convene.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A fixed choice stored and sent as its code (lower case) and shown as its label. */
public interface Coded {
    String code();

    String label();

    static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }

    /** The code's constant; for codes read back from the database, which its CHECK constraints keep known. */
    static <E extends Enum<E> & Coded> E of(Class<E> type, String code) {
        return fromCode(type, code).orElseThrow(() -> new IllegalStateException("Unknown " + type.getSimpleName() + " " + code));
    }

    static <E extends Enum<E> & Coded> List<Option> options(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> new Option(e.code(), e.label())).toList();
    }

    static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        List<String> codes = Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
        return String.join(", ", codes.subList(0, codes.size() - 1)) + " or " + codes.get(codes.size() - 1);
    }
}
