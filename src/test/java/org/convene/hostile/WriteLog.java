package org.convene.hostile;

import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Which tables a request wrote to, so a test can check that refused input changed nothing. A
 * row trigger on every table (installed in the test database only) notes each insert, delete and
 * real update in {@code hostile_writes}; the note is part of the writing transaction, so writes
 * that were rolled back leave none. Cheap enough to ask around every request.
 *
 * <p>Tables that a refused request may write to by design are not watched: sessions and API
 * tokens (last use), sign-in attempts (rate limits), cached figures, the change-version signals
 * (bumped by statement triggers even when no row changed), and the job scheduler's own table.
 */
final class WriteLog {
    static final Set<String> UNWATCHED = Set.of("sessions", "api_tokens", "login_attempts", "impact_snapshots",
            "change_versions", "scheduled_tasks", "flyway_schema_history", "hostile_writes");

    private final Jdbi jdbi;

    WriteLog(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.useHandle(h -> {
            h.execute("CREATE TABLE hostile_writes (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL)");
            h.execute("""
                    CREATE FUNCTION hostile_write() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF TG_OP = 'UPDATE' AND NEW IS NOT DISTINCT FROM OLD THEN
                            RETURN NULL;
                        END IF;
                        INSERT INTO hostile_writes (tbl, op) VALUES (TG_TABLE_NAME, TG_OP);
                        RETURN NULL;
                    END $$""");
            for (String table : h.createQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                    .mapTo(String.class).list()) {
                if (!UNWATCHED.contains(table)) {
                    h.execute("CREATE TRIGGER hostile_write AFTER INSERT OR UPDATE OR DELETE ON \"" + table
                            + "\" FOR EACH ROW EXECUTE FUNCTION hostile_write()");
                }
            }
        });
    }

    /** The latest note: writes after it are newer. */
    long mark() {
        return jdbi.withHandle(h -> h.createQuery("SELECT coalesce(max(id), 0) FROM hostile_writes").mapTo(Long.class).one());
    }

    /** "table: INSERT" and so on for every kind of write committed since the mark, empty when none. */
    List<String> since(long mark) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT tbl || ': ' || op FROM hostile_writes WHERE id > :mark ORDER BY 1")
                .bind("mark", mark).mapTo(String.class).list());
    }
}
