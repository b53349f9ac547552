package org.convene.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.convene.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("db")
class PostgresTextTest {

    @Test
    void aNulCharacterIsDroppedFromBoundTextInsteadOfFailingTheStatement() {
        try (Database db = Database.open(TestDatabase.get().fresh())) {
            db.jdbi().useHandle(h -> {
                assertThat(h.createQuery("SELECT CAST(:t AS text)").bind("t", "a\u0000b").mapTo(String.class).one()).isEqualTo("ab");
                assertThat(h.createQuery("SELECT array_to_string(:a, ',')").bind("a", new String[] {"x\u0000y", "z"})
                        .mapTo(String.class).one()).isEqualTo("xy,z");
                assertThat(h.createQuery("SELECT count(*) FROM people WHERE lower(email) = lower(:e)").bind("e", "\u0000@x.example")
                        .mapTo(Long.class).one()).isZero();
                assertThat(h.createQuery("SELECT CAST(:t AS text) IS NULL").bind("t", (String) null).mapTo(Boolean.class).one()).isTrue();
                h.execute("INSERT INTO organisations (name, sector_code) VALUES (?, 'acute')", "Harbour\u0000 Trust");
                assertThat(h.createQuery("SELECT name FROM organisations").mapTo(String.class).list()).isEqualTo(List.of("Harbour Trust"));
            });
        }
    }
}
