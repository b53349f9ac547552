package org.convene.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.convene.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("db")
class ChangeFeedTest {

    @Test
    void aCommittedChangeReachesAListeningFeedAndARollbackDoesNot() throws Exception {
        try (Database db = Database.open(TestDatabase.get().fresh());
             ChangeFeed feed = new ChangeFeed(db.dataSource(), db.jdbi()).start()) {
            awaitListening(feed);
            long before = feed.version(ChangeFeed.Topic.DIRECTORY);
            long authBefore = feed.version(ChangeFeed.Topic.AUTH);

            db.jdbi().useTransaction(h -> {
                h.execute("INSERT INTO organisations (name, sector_code) VALUES ('Rolled Back Trust', 'acute')");
                h.rollback();
            });
            db.jdbi().useHandle(h -> h.execute("INSERT INTO organisations (name, sector_code) VALUES ('Harbour Trust', 'acute')"));

            long after = awaitAbove(feed, ChangeFeed.Topic.DIRECTORY, before);
            assertThat(after).isEqualTo(before + 1)
                    .isEqualTo(ChangeFeed.polling(db.jdbi()).version(ChangeFeed.Topic.DIRECTORY));
            assertThat(feed.version(ChangeFeed.Topic.AUTH)).as("other topics untouched").isEqualTo(authBefore);
        }
    }

    @Test
    void aPollingFeedReadsTheDatabaseEveryTime() {
        try (Database db = Database.open(TestDatabase.get().fresh())) {
            ChangeFeed feed = ChangeFeed.polling(db.jdbi());
            long before = feed.version(ChangeFeed.Topic.AUTH);
            db.jdbi().useHandle(h -> h.execute("DELETE FROM sessions"));
            assertThat(feed.listening()).isFalse();
            assertThat(feed.version(ChangeFeed.Topic.AUTH)).isEqualTo(before + 1);
        }
    }

    @Test
    void malformedPayloadsAreIgnoredAndVersionsNeverGoBack() {
        try (Database db = Database.open(TestDatabase.get().fresh());
             ChangeFeed feed = new ChangeFeed(db.dataSource(), db.jdbi()).start()) {
            awaitListening(feed);
            long now = feed.version(ChangeFeed.Topic.DIRECTORY);
            feed.apply("directory:" + (now + 5));
            feed.apply("directory:" + (now + 2));
            feed.apply("directory:not-a-number");
            feed.apply("nonsense");
            feed.apply(null);
            feed.apply("unknown-topic:99");
            assertThat(feed.version(ChangeFeed.Topic.DIRECTORY)).isEqualTo(now + 5);
        }
    }

    private static void awaitListening(ChangeFeed feed) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!feed.listening() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(feed.listening()).as("listening").isTrue();
    }

    private static long awaitAbove(ChangeFeed feed, ChangeFeed.Topic topic, long version) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (feed.version(topic) <= version && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return feed.version(topic);
    }
}
