package org.convene.transfer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Which of an import's names are taken already, asked in one query. PostgreSQL compares them
 * with lower(), exactly as the unique indexes do, and returns the names as they were sent.
 */
final class StoredNames {
    private StoredNames() {
    }

    static Set<String> organisations(Jdbi jdbi, List<String> names) {
        return taken(jdbi, names, "SELECT x FROM unnest(:names) AS x WHERE EXISTS "
                + "(SELECT 1 FROM organisations o WHERE lower(o.name) = lower(x))");
    }

    static Set<String> emails(Jdbi jdbi, List<String> emails) {
        return taken(jdbi, emails, "SELECT x FROM unnest(:names) AS x WHERE EXISTS "
                + "(SELECT 1 FROM people p WHERE p.email IS NOT NULL AND lower(p.email) = lower(x))");
    }

    private static Set<String> taken(Jdbi jdbi, List<String> names, String sql) {
        if (names.isEmpty()) {
            return Set.of();
        }
        return jdbi.withHandle(h -> new HashSet<>(h.createQuery(sql)
                .bind("names", names.toArray(String[]::new))
                .mapTo(String.class).list()));
    }
}
