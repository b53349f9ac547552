package org.convene.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.convene.testing.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The benchmark's discussion volume: sizes as asked, thread counts and times that match their posts, the same text for the same seed. */
class DiscussionDemoTest {
    @Test
    @Tag("db")
    void addsCommunitiesThreadsAndPostsWhoseCountsAgree() {
        try (TestApp app = TestApp.start()) {
            Jdbi jdbi = app.jdbi();
            DemoData.fillIfEmpty(jdbi, 3, 400);
            long postsBefore = count(jdbi, "SELECT count(*) FROM posts");
            long threadsBefore = count(jdbi, "SELECT count(*) FROM threads");
            DiscussionDemo.Result result = DiscussionDemo.load(jdbi, 5, 20, 100, 2_000);

            assertThat(result.communities()).isEqualTo(20);
            assertThat(result.communitiesAdded()).isEqualTo(18);
            assertThat(count(jdbi, "SELECT count(*) FROM communities")).isEqualTo(20);
            assertThat(count(jdbi, "SELECT count(*) FROM threads") - threadsBefore).isEqualTo(100);
            assertThat(count(jdbi, "SELECT count(*) FROM posts") - postsBefore).isEqualTo(2_000);
            // Every thread's count, start and last post time are its posts', and its first post is its author's.
            assertThat(count(jdbi, "SELECT count(*) FROM threads t JOIN (SELECT thread_id, count(*) AS n, min(created_at) AS first, "
                    + "max(created_at) AS last FROM posts GROUP BY thread_id) p ON p.thread_id = t.id "
                    + "WHERE t.posts <> p.n OR t.last_post_at <> p.last OR t.created_at <> p.first")).isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM threads t WHERE NOT EXISTS (SELECT 1 FROM posts x WHERE x.thread_id = t.id)")).isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM threads t JOIN LATERAL (SELECT author_id FROM posts x WHERE x.thread_id = t.id "
                    + "ORDER BY x.id LIMIT 1) f ON true WHERE f.author_id IS DISTINCT FROM t.author_id")).isZero();
            // Posts are written by active members of their community; ids follow time.
            assertThat(count(jdbi, "SELECT count(*) FROM posts x JOIN threads t ON t.id = x.thread_id WHERE NOT EXISTS "
                    + "(SELECT 1 FROM community_members m WHERE m.community_id = t.community_id AND m.person_id = x.author_id "
                    + "AND m.status = 'active')")).isZero();
            long lastDemoPost = count(jdbi, "SELECT coalesce(max(id), 0) FROM posts WHERE thread_id <= " + threadsBefore);
            assertThat(count(jdbi, "SELECT count(*) FROM (SELECT created_at < lag(created_at) OVER (ORDER BY id) AS back FROM posts "
                    + "WHERE id > " + lastDemoPost + ") s WHERE back")).isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM posts WHERE search IS NULL OR search = ''::tsvector")).isZero();
            // Skewed: the largest community holds many times the threads of the smallest; some ask to join; each has a convenor.
            List<Long> sizes = jdbi.withHandle(h -> h.createQuery("SELECT count(t.id) FROM communities c LEFT JOIN threads t "
                    + "ON t.community_id = c.id GROUP BY c.id ORDER BY 1 DESC").mapTo(Long.class).list());
            assertThat(sizes.get(0)).isGreaterThanOrEqualTo(5 * sizes.get(sizes.size() - 1));
            assertThat(count(jdbi, "SELECT count(*) FROM communities WHERE joining = 'request'")).isGreaterThan(1);
            assertThat(count(jdbi, "SELECT count(*) FROM communities c WHERE NOT EXISTS (SELECT 1 FROM community_members m "
                    + "WHERE m.community_id = c.id AND m.role = 'convenor')")).isZero();
            assertThat(result.members()).isEqualTo(count(jdbi, "SELECT count(*) FROM community_members WHERE status = 'active'"));

            assertThatThrownBy(() -> DiscussionDemo.load(jdbi, 5, 20, 10, 5)).isInstanceOf(IllegalArgumentException.class);

            // Past one community per topic and place, the next are one per topic and neighbourhood, in their place.
            long topics = count(jdbi, "SELECT count(*) FROM topics");
            int wanted = (int) (topics * 7 + 30);
            DiscussionDemo.Result more = DiscussionDemo.load(jdbi, 6, wanted, wanted, 2 * wanted);
            assertThat(more.communities()).isEqualTo(wanted);
            assertThat(count(jdbi, "SELECT count(*) FROM communities")).isEqualTo(wanted);
            String local = "SELECT count(*) FROM communities c JOIN places p ON p.id = c.place_id WHERE c.name LIKE '% in %' "
                    + "AND c.name NOT LIKE '% in ' || p.name";
            long demoCommunities = result.communities() - result.communitiesAdded();
            assertThat(count(jdbi, local)).as("all but the demo's and one per topic and place").isEqualTo(wanted - demoCommunities - 7 * topics);
            assertThat(count(jdbi, local + " AND p.name = 'Stockport' AND c.name NOT SIMILAR TO "
                    + "'% in (Edgeley|Brinnington|Reddish|Cheadle|Marple|Bramhall)'")).isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM communities c WHERE NOT EXISTS (SELECT 1 FROM community_members m "
                    + "WHERE m.community_id = c.id AND m.role = 'convenor')")).isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM communities c WHERE NOT EXISTS (SELECT 1 FROM threads t "
                    + "WHERE t.community_id = c.id)")).isZero();
            assertThatThrownBy(() -> DiscussionDemo.load(jdbi, 7, 100_000, 10, 20)).hasMessageContaining("--communities can be at most");
            assertThat(count(jdbi, "SELECT count(*) FROM communities")).as("nothing added by the refused run").isEqualTo(wanted);
        }
    }

    @Test
    void sharesAddUpAndKeepTheirShape() {
        int[] zipf = DiscussionDemo.zipfShares(20_000, 200, 1);
        assertThat(Arrays.stream(zipf).sum()).isEqualTo(20_000);
        assertThat(zipf[0]).isGreaterThan(50 * zipf[199]);
        assertThat(Arrays.stream(zipf).min().orElseThrow()).isGreaterThanOrEqualTo(1);
        double[] weights = {0.1, 5, 1, 1, 300};
        int[] posts = DiscussionDemo.shares(1_000, weights);
        assertThat(Arrays.stream(posts).sum()).isEqualTo(1_000);
        assertThat(posts[0]).isGreaterThanOrEqualTo(1);
        assertThat(posts[4]).isGreaterThan(900);
    }

    @Test
    void theSameSeedWritesTheSameText() {
        DiscussionText text = new DiscussionText(List.of("frailty", "hospital discharge"), List.of("Stockport Carers Centre"));
        SplittableRandom a = new SplittableRandom(7);
        SplittableRandom b = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            String title = text.title(a, "frailty");
            assertThat(text.title(b, "frailty")).isEqualTo(title);
            assertThat(title).isNotBlank().hasSizeLessThanOrEqualTo(200).doesNotContain("{", "%s");
            String body = text.body(a, "frailty");
            assertThat(text.body(b, "frailty")).isEqualTo(body);
            assertThat(body).isNotBlank().hasSizeLessThanOrEqualTo(20_000).doesNotContain("{");
        }
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
