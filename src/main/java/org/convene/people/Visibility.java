package org.convene.people;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * Who may see a person's directory entry, or their email address: everyone signed in, the members
 * of the communities the person belongs to, or nobody. Whatever the choice, the person and the
 * administrators and programme leads who run the directory see it; the database decides the
 * middle level with {@code visible_to(level, owner, viewer)}.
 */
public enum Visibility {
    EVERYONE("everyone", "Everyone signed in to Convene"),
    COMMUNITIES("communities", "Only members of my communities"),
    NOBODY("nobody", "Nobody");

    private final String code;
    private final String label;

    Visibility(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Visibility> fromCode(String code) {
        return code == null ? Optional.empty()
                : Arrays.stream(values()).filter(v -> v.code.equalsIgnoreCase(code.trim())).findFirst();
    }

    /** The levels as radio options, widest first. */
    public static java.util.List<org.convene.web.Option> options() {
        return Arrays.stream(values()).map(v -> new org.convene.web.Option(v.code, v.label)).toList();
    }

    /** The stricter of two levels: an email is never shown more widely than the entry it belongs to. */
    public Visibility atMost(Visibility other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
