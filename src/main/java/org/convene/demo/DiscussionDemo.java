package org.convene.demo;

import java.io.PrintStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.convene.db.CsvCopy;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A large discussion volume on top of the demo region, for benchmarks: more communities (one per
 * topic and place, then per topic and neighbourhood), members, threads and posts, the same for the
 * same seed and sizes. Sizes are skewed as on a real forum: communities by rank (Zipf), so a few
 * are large and most are small, and posts per thread log-normal, so most threads have a handful of
 * posts and a few thousands. A fifth of the new communities are request-to-join. Threads and posts
 * are loaded with COPY in one transaction; each thread's post count and last post time are those
 * of its posts. Over {@value #REBUILD_INDEXES_ABOVE} posts, the posts' secondary indexes are built
 * once at the end.
 */
public final class DiscussionDemo {
    static final int REBUILD_INDEXES_ABOVE = 50_000;
    /** Posts are dated in the two years before this instant (the demo region's own "today"). */
    static final Instant END = OffsetDateTime.of(2026, 11, 1, 17, 0, 0, 0, ZoneOffset.UTC).toInstant();
    private static final long TWO_YEARS = 730L * 24 * 3600;
    /** Memberships across all communities per person in the region. */
    private static final double MEMBERSHIPS_PER_PERSON = 1.2;

    public record Result(int communitiesAdded, int communities, long members, int threads, long posts, long copyMillis,
                         long indexMillis, long millis) {
        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "Added %,d communities (%,d in all), %,d memberships, %,d discussions and %,d posts in %.1f s "
                            + "(posts COPY %.1f s, index builds %.1f s).%n", communitiesAdded, communities, members, threads, posts,
                    millis / 1000.0, copyMillis / 1000.0, indexMillis / 1000.0);
        }
    }

    private record Target(long id, String topic, boolean open) {
    }

    private DiscussionDemo() {
    }

    /**
     * Adds discussions to the demo region: new communities until there are {@code communities},
     * then {@code threads} threads with {@code posts} posts spread over all of them.
     */
    public static Result load(Jdbi jdbi, long seed, int communities, int threads, long posts) {
        if (threads < 1 || threads > 1_000_000 || posts < threads || posts > 20_000_000L) {
            throw new IllegalArgumentException("--threads must be from 1 to 1,000,000, and --posts from --threads to 20,000,000");
        }
        if (communities < 1) {
            throw new IllegalArgumentException("--communities must be at least 1");
        }
        long started = System.currentTimeMillis();
        long[] copyMillis = {0};
        long[] indexMillis = {0};
        Result partial = jdbi.inTransaction(h -> {
            h.execute("LOCK TABLE communities, community_members, threads, posts IN SHARE ROW EXCLUSIVE MODE");
            long[] people = h.createQuery("SELECT id FROM people ORDER BY id").mapTo(Long.class).list().stream().mapToLong(Long::longValue).toArray();
            if (people.length < 10) {
                throw new IllegalArgumentException("Load the demo region first (demo --people N): the discussions need people");
            }
            List<String> topics = h.createQuery("SELECT name FROM topics ORDER BY name").mapTo(String.class).list();
            List<String> organisations = h.createQuery("SELECT name FROM organisations ORDER BY id LIMIT 2000").mapTo(String.class).list();
            DiscussionText text = new DiscussionText(topics, organisations);
            SplittableRandom random = new SplittableRandom(seed);

            List<Target> targets = new ArrayList<>();
            int added = addCommunities(h, random, text, communities, targets);
            Map<Long, List<Long>> active = addMembers(h, random, targets, people);
            long members = active.values().stream().mapToLong(List::size).sum();

            int[] threadsOf = zipfShares(threads, targets.size(), 1);
            double[] weights = new double[threads];
            for (int t = 0; t < threads; t++) {
                weights[t] = Math.exp(1.5 * random.nextGaussian());
            }
            int[] postsOf = shares(posts, weights);
            // Threads in community rank order; each thread's first post starts it, its last is last_post_at.
            int[] community = new int[threads];
            long[] start = new long[threads];
            long[] span = new long[threads];
            long[] author = new long[threads];
            long endSecond = END.getEpochSecond();
            for (int c = 0, t = 0; c < targets.size(); c++) {
                long[] authors = active.get(targets.get(c).id()).stream().mapToLong(Long::longValue).toArray();
                for (int k = 0; k < threadsOf[c]; k++, t++) {
                    community[t] = c;
                    start[t] = endSecond - TWO_YEARS + (long) (random.nextDouble() * (TWO_YEARS - 3600));
                    double gap = 3600 * Math.exp(1 + random.nextGaussian());
                    span[t] = postsOf[t] == 1 ? 0 : Math.min(endSecond - start[t], (long) (gap * (postsOf[t] - 1)));
                    author[t] = authors[random.nextInt(authors.length)];
                }
            }
            long firstThread = reserveIds(h, "threads_id_seq", threads);
            int[] threadStart = new int[targets.size()];
            for (int c = 1; c < targets.size(); c++) {
                threadStart[c] = threadStart[c - 1] + threadsOf[c - 1];
            }
            CsvCopy.copy(h, "COPY threads (id, community_id, title, author_id, pinned, posts, created_at, last_post_at) "
                    + "FROM STDIN WITH (FORMAT csv)", out -> {
                for (int t = 0; t < threads; t++) {
                    Target c = targets.get(community[t]);
                    // The first discussion of a community with 20 or more is pinned by its convenors.
                    boolean pinned = threadsOf[community[t]] >= 20 && t == threadStart[community[t]];
                    out.row(firstThread + t, c.id(), text.title(random, c.topic()), author[t], pinned, postsOf[t],
                            timestamp(start[t]), timestamp(start[t] + span[t]));
                }
            });

            // Every post as (second << 24 | thread), sorted, so post ids follow time across threads as on a live site.
            long[] keys = new long[Math.toIntExact(posts)];
            int p = 0;
            for (int t = 0; t < threads; t++) {
                keys[p++] = start[t] << 24 | t;
                if (postsOf[t] > 1) {
                    keys[p++] = (start[t] + span[t]) << 24 | t;
                    for (int k = 2; k < postsOf[t]; k++) {
                        keys[p++] = (start[t] + (long) (random.nextDouble() * span[t])) << 24 | t;
                    }
                }
            }
            Arrays.sort(keys);
            List<String> dropped = dropSecondaryIndexes(h, posts);
            long copyStarted = System.currentTimeMillis();
            boolean[] begun = new boolean[threads];
            List<long[]> authorsOf = new ArrayList<>();
            for (Target c : targets) {
                authorsOf.add(active.get(c.id()).stream().mapToLong(Long::longValue).toArray());
            }
            CsvCopy.copy(h, "COPY posts (thread_id, author_id, body, created_at) FROM STDIN WITH (FORMAT csv)", out -> {
                for (long key : keys) {
                    int t = (int) (key & 0xFFFFFF);
                    long[] authors = authorsOf.get(community[t]);
                    long by = begun[t] ? authors[random.nextInt(authors.length)] : author[t];
                    begun[t] = true;
                    out.row(firstThread + t, by, text.body(random, targets.get(community[t]).topic()), timestamp(key >>> 24));
                }
            });
            copyMillis[0] = System.currentTimeMillis() - copyStarted;
            long indexStarted = System.currentTimeMillis();
            if (!dropped.isEmpty()) {
                h.execute("SET LOCAL maintenance_work_mem = '512MB'");
                dropped.forEach(h::execute);
            }
            indexMillis[0] = System.currentTimeMillis() - indexStarted;
            return new Result(added, targets.size(), members, threads, posts, 0, 0, 0);
        });
        jdbi.useHandle(h -> {
            for (String table : List.of("communities", "community_members", "threads", "posts")) {
                h.execute("VACUUM ANALYZE " + table);
            }
        });
        return new Result(partial.communitiesAdded(), partial.communities(), partial.members(), partial.threads(), partial.posts(),
                copyMillis[0], indexMillis[0], System.currentTimeMillis() - started);
    }

    /**
     * New communities (one per topic and place or system-wide, then one per topic and
     * neighbourhood) until there are {@code wanted}; all of them, ranked, into targets.
     */
    private static int addCommunities(Handle h, SplittableRandom random, DiscussionText text, int wanted, List<Target> targets) {
        List<Map<String, Object>> existing = h.createQuery("SELECT id, name, problem, joining FROM communities ORDER BY id").mapToMap().list();
        Set<String> taken = new HashSet<>();
        for (Map<String, Object> row : existing) {
            String name = (String) row.get("name");
            taken.add(name.toLowerCase(Locale.ROOT));
            targets.add(new Target((Long) row.get("id"), topicOf(text.topics(), name + " " + row.get("problem"), random),
                    "open".equals(row.get("joining"))));
        }
        // {topic, place, neighbourhood}: first one per topic and place (or system-wide), then, only
        // when more are wanted, one per topic and neighbourhood, ranked after (so smaller).
        List<String[]> candidates = new ArrayList<>();
        for (String topic : text.topics()) {
            candidates.add(new String[] {topic, null, null});
            for (String place : Vocabulary.PLACES) {
                candidates.add(new String[] {topic, place, null});
            }
        }
        shuffle(candidates, random);
        int added = addFrom(h, random, text, candidates, wanted, taken, targets);
        if (targets.size() < wanted) {
            List<String[]> local = new ArrayList<>();
            for (String topic : text.topics()) {
                for (int p = 0; p < Vocabulary.PLACES.size(); p++) {
                    for (String neighbourhood : Vocabulary.NEIGHBOURHOODS.get(p)) {
                        local.add(new String[] {topic, Vocabulary.PLACES.get(p), neighbourhood});
                    }
                }
            }
            shuffle(local, random);
            added += addFrom(h, random, text, local, wanted, taken, targets);
        }
        if (targets.size() < wanted) {
            throw new IllegalArgumentException("--communities can be at most " + targets.size()
                    + " (one per topic and place, and per topic and neighbourhood)");
        }
        return added;
    }

    /** A seeded shuffle, so the new communities' ranks (and so their sizes) mix topics and places. */
    private static void shuffle(List<String[]> candidates, SplittableRandom random) {
        for (int i = candidates.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String[] swap = candidates.get(i);
            candidates.set(i, candidates.get(j));
            candidates.set(j, swap);
        }
    }

    /** Adds communities from the candidates, in order, skipping names already taken, until there are {@code wanted}. */
    private static int addFrom(Handle h, SplittableRandom random, DiscussionText text, List<String[]> candidates, int wanted,
                               Set<String> taken, List<Target> targets) {
        int added = 0;
        for (String[] candidate : candidates) {
            if (targets.size() >= wanted) {
                break;
            }
            String name = DiscussionText.communityName(candidate[0], candidate[2] != null ? candidate[2] : candidate[1]);
            if (!taken.add(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            boolean open = random.nextInt(5) != 0;
            long id = h.createUpdate("INSERT INTO communities (name, problem, description, place_id, joining, created_at, updated_at) "
                            + "VALUES (:name, :problem, :description, (SELECT id FROM places WHERE name = :place), :joining, :at, :at)")
                    .bind("name", name).bind("problem", text.problem(random, candidate[0]))
                    .bind("description", text.description(random, candidate[0])).bind("place", candidate[1])
                    .bind("joining", open ? "open" : "request").bind("at", OffsetDateTime.ofInstant(END.minusSeconds(TWO_YEARS + 86_400), ZoneOffset.UTC))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            targets.add(new Target(id, candidate[0], open));
            added++;
        }
        return added;
    }

    /** The topic sharing a word of five letters or more with the text, or a random one. */
    private static String topicOf(List<String> topics, String text, SplittableRandom random) {
        Set<String> words = new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^a-z]+")));
        for (String topic : topics) {
            for (String w : topic.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (w.length() >= 5 && words.contains(w)) {
                    return topic;
                }
            }
        }
        return topics.get(random.nextInt(topics.size()));
    }

    /**
     * Members by community rank (Zipf, at most a fifth of the region each, at least 3); in a
     * request-to-join community one in twenty is still waiting. A new community's first member
     * convenes it. Returns each community's active members (who write its threads and posts).
     */
    private static Map<Long, List<Long>> addMembers(Handle h, SplittableRandom random, List<Target> targets, long[] people) {
        Map<Long, Set<Long>> existing = new HashMap<>();
        Map<Long, List<Long>> active = new HashMap<>();
        for (Target t : targets) {
            existing.put(t.id(), new HashSet<>());
            active.put(t.id(), new ArrayList<>());
        }
        h.createQuery("SELECT community_id, person_id, status FROM community_members ORDER BY community_id, person_id").mapToMap().forEach(row -> {
            long c = (Long) row.get("community_id");
            long p = (Long) row.get("person_id");
            existing.get(c).add(p);
            if ("active".equals(row.get("status"))) {
                active.get(c).add(p);
            }
        });
        long total = Math.round(people.length * MEMBERSHIPS_PER_PERSON);
        int[] wanted = zipfShares(total, targets.size(), 3);
        int cap = Math.max(3, people.length / 5);
        List<Object[]> rows = new ArrayList<>();
        for (int c = 0; c < targets.size(); c++) {
            Target target = targets.get(c);
            Set<Long> in = existing.get(target.id());
            boolean convenorNeeded = in.isEmpty();
            int goal = Math.min(cap, Math.max(wanted[c], in.size()));
            while (in.size() < goal) {
                long person = people[random.nextInt(people.length)];
                if (!in.add(person)) {
                    continue;
                }
                boolean waiting = !target.open() && !convenorNeeded && random.nextInt(20) == 0;
                rows.add(new Object[] {target.id(), person, convenorNeeded ? "convenor" : "member", waiting ? "requested" : "active"});
                convenorNeeded = false;
                if (!waiting) {
                    active.get(target.id()).add(person);
                }
            }
        }
        String since = timestamp(END.getEpochSecond() - TWO_YEARS);
        CsvCopy.copy(h, "COPY community_members (community_id, person_id, role, status, since) FROM STDIN WITH (FORMAT csv)", out -> {
            for (Object[] r : rows) {
                out.row(r[0], r[1], r[2], r[3], since);
            }
        });
        for (Target t : targets) {
            if (active.get(t.id()).isEmpty()) {
                throw new IllegalStateException("Community " + t.id() + " has no active member to write its discussions");
            }
        }
        return active;
    }

    /** {@code total} split over {@code n} ranks in proportion to 1/rank, each at least {@code min} (when total allows). */
    static int[] zipfShares(long total, int n, int min) {
        double[] weights = new double[n];
        for (int r = 0; r < n; r++) {
            weights[r] = 1.0 / (r + 1);
        }
        int[] shares = shares(total - (long) min * n >= 0 ? total - (long) min * n : 0, weights);
        if (total >= (long) min * n) {
            for (int r = 0; r < n; r++) {
                shares[r] += min;
            }
        } else {
            Arrays.fill(shares, 0);
            for (long i = 0; i < total; i++) {
                shares[(int) (i % n)]++;
            }
        }
        return shares;
    }

    /**
     * {@code total} split in proportion to the weights, each share at least 1 when total is at
     * least the number of weights; the shares add up to total exactly.
     */
    static int[] shares(long total, double[] weights) {
        int n = weights.length;
        int[] shares = new int[n];
        long base = total >= n ? n : 0;
        if (base > 0) {
            Arrays.fill(shares, 1);
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        long rest = total - base;
        long given = 0;
        for (int i = 0; i < n; i++) {
            int share = (int) Math.floor(rest * weights[i] / sum);
            shares[i] += share;
            given += share;
        }
        for (int i = 0; given < rest; i = (i + 1) % n, given++) {
            shares[i]++;
        }
        return shares;
    }

    /** Drops the posts' indexes other than the primary key before a large COPY; returns the statements that build them again. */
    private static List<String> dropSecondaryIndexes(Handle h, long posts) {
        if (posts <= REBUILD_INDEXES_ABOVE) {
            return List.of();
        }
        List<Map<String, Object>> indexes = h.createQuery("SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition FROM pg_index x "
                + "JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = 'posts'::regclass AND NOT x.indisprimary "
                + "AND NOT x.indisunique ORDER BY i.relname").mapToMap().list();
        List<String> rebuild = new ArrayList<>();
        for (Map<String, Object> index : indexes) {
            h.execute("DROP INDEX " + index.get("name"));
            rebuild.add((String) index.get("definition"));
        }
        return rebuild;
    }

    private static String timestamp(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }

    /** Takes a block of ids from a sequence so rows can be copied with known ids. */
    private static long reserveIds(Handle h, String sequence, int count) {
        long first = h.createQuery("SELECT nextval('" + sequence + "')").mapTo(Long.class).one();
        h.createQuery("SELECT setval('" + sequence + "', :last)").bind("last", first + count - 1).mapTo(Long.class).one();
        return first;
    }
}
