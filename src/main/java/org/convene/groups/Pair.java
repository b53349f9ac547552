package org.convene.groups;

import java.util.Objects;

/** Two people by id, in either order: a must-separate, must-together or past pair. */
public record Pair(String a, String b) {
    public Pair {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        a = a.strip();
        b = b.strip();
    }
}
