package org.convene.accounts;

import java.time.Instant;
import java.util.Set;

public record Account(long id, String email, String passwordHash, Set<Role> roles, Long personId,
                      String status, Instant createdAt, Instant lastLoginAt) {

    public boolean active() {
        return "active".equals(status);
    }

    public Viewer viewer() {
        return new Viewer(id, email, roles, personId);
    }
}
