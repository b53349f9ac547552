package org.convene.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.convene.app.Config;
import org.convene.communities.Communities;
import org.convene.communities.CommunityInput;
import org.convene.communities.Discussions;
import org.convene.communities.PostInput;
import org.convene.db.Database;
import org.convene.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fan-out and digest generation at scale: {@code bench.members} people (default 100,000), all in
 * one large community and a third of them also in a second; ten discussions started in each
 * through the application's own code, with a reply followed by everyone who replied. Times the
 * fan-out of every activity, then one digest run that writes a digest per person (and queues its
 * email in the outbox), then a second run that must find nothing. Prints a markdown table.
 *
 * <pre>
 * mvn -q -o test -Dtest='org.convene.notifications.DigestBenchmarkTest' -Dtest.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("bench")
class DigestBenchmarkTest {
    private static final int MEMBERS = Integer.getInteger("bench.members", 100_000);
    private static final int DISCUSSIONS = 10;

    @Test
    void digestsForEveryMember() {
        Config config = TestDatabase.get().fresh();
        try (Database db = Database.open(config)) {
            Jdbi jdbi = db.jdbi();
            long seeded = System.nanoTime();
            jdbi.useHandle(h -> h.execute("INSERT INTO people (full_name, email, sector_code) SELECT 'Member ' || i, 'm' || i || '@bench.example', "
                    + "(SELECT code FROM sectors ORDER BY code OFFSET i % (SELECT count(*) FROM sectors) LIMIT 1) "
                    + "FROM generate_series(1, " + MEMBERS + ") AS i"));
            Communities communities = new Communities(jdbi);
            long first = jdbi.withHandle(h -> h.createQuery("SELECT min(id) FROM people").mapTo(Long.class).one());
            long big = communities.create(new CommunityInput("Everyone", "A shared problem", "", null, "open").validated(java.util.List.of()), first, null).id();
            long small = communities.create(new CommunityInput("A third", "Another problem", "", null, "open").validated(java.util.List.of()), first, null).id();
            jdbi.useHandle(h -> {
                h.createUpdate("INSERT INTO community_members (community_id, person_id) SELECT :c, id FROM people WHERE id <> :f")
                        .bind("c", big).bind("f", first).execute();
                h.createUpdate("INSERT INTO community_members (community_id, person_id) SELECT :c, id FROM people WHERE id <> :f AND id % 3 = 0")
                        .bind("c", small).bind("f", first).execute();
            });
            double seedSeconds = (System.nanoTime() - seeded) / 1e9;

            Discussions discussions = new Discussions(jdbi);
            for (int i = 0; i < DISCUSSIONS; i++) {
                for (long c : new long[] {big, small}) {
                    long author = first + 1 + i;
                    var d = discussions.start(c, author, new PostInput("Question " + i, "What have you **tried**? @Member " + (i + 2))
                            .validated(true));
                    discussions.reply(d.id(), first, new PostInput(null, "Thanks, replying to @Member " + (i + 2)).validated(false));
                }
            }
            Notifications notifications = new Notifications(jdbi, "https://convene.test");
            long fanStart = System.nanoTime();
            int activities = notifications.fanOutDue(1_000);
            double fanSeconds = (System.nanoTime() - fanStart) / 1e9;
            long count = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM notifications").mapTo(Long.class).one());

            Digests digests = new Digests(jdbi, "https://convene.test", notifications);
            Instant now = Instant.now();
            long runStart = System.nanoTime();
            Digests.Run run = digests.runDue(now);
            double runSeconds = (System.nanoTime() - runStart) / 1e9;
            long againStart = System.nanoTime();
            Digests.Run again = digests.runDue(now);
            double againSeconds = (System.nanoTime() - againStart) / 1e9;
            long outbox = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE subject LIKE 'Your Convene digest%'")
                    .mapTo(Long.class).one());

            System.out.printf(Locale.ROOT, "%n| members | activities | notifications | seed s | fan-out s | digests | items | digest run s "
                            + "| digests/s | second run s |%n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n"
                            + "| %,d | %d | %,d | %.1f | %.1f | %,d | %,d | %.1f | %,.0f | %.2f |%n",
                    MEMBERS, activities, count, seedSeconds, fanSeconds, run.digests(), run.items(), runSeconds, run.digests() / runSeconds,
                    againSeconds);
            assertThat(run.digests()).isEqualTo(MEMBERS);
            assertThat(outbox).isEqualTo(MEMBERS);
            assertThat(again.digests()).isZero();
        }
    }
}
