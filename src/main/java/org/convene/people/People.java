package org.convene.people;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.convene.accounts.Viewer;
import org.convene.db.ChangeFeed;
import org.convene.db.Rows;
import org.convene.directory.Reference;
import org.convene.errors.ConflictException;
import org.convene.errors.NotFoundException;
import org.convene.web.Paged;
import org.convene.web.Text;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Data access for the people directory. */
public final class People {
    /** Counting every match in a national directory on every search costs more than it tells. */
    public static final int COUNT_CAP = 1_000;
    private static final String PERSON = "SELECT p.id, p.full_name, p.email, p.job_title, p.profession, p.organisation_id, "
            + "o.name AS organisation_name, p.sector_code, s.name AS sector_name, p.place_id, pl.name AS place_name, "
            + "p.interests, p.offers, p.asks, p.bio, p.contact_preference, p.visibility, p.email_visibility, p.created_at, p.updated_at "
            + "FROM people p JOIN sectors s ON s.code = p.sector_code LEFT JOIN organisations o ON o.id = p.organisation_id "
            + "LEFT JOIN places pl ON pl.id = p.place_id ";
    private static final String SUMMARY = "SELECT p.id, p.full_name, p.job_title, p.profession, o.name AS organisation_name, "
            + "p.sector_code, s.name AS sector_name, pl.name AS place_name, p.interests "
            + "FROM people p JOIN sectors s ON s.code = p.sector_code LEFT JOIN organisations o ON o.id = p.organisation_id "
            + "LEFT JOIN places pl ON pl.id = p.place_id ";
    private final Jdbi jdbi;
    private final Cache<CacheKey, Paged<PersonSummary>> cache = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    private final ChangeFeed changes;

    public People(Jdbi jdbi, ChangeFeed changes) {
        this.jdbi = jdbi;
        this.changes = changes;
    }

    /**
     * Searches the directory. Viewers see people who consented to be listed; administrators and
     * programme leads see everyone. Results are cached per query and audience and reused only
     * while the directory's version (bumped by a trigger on every change, on any instance, and
     * pushed to every instance by {@link ChangeFeed}) is the one they were computed at: popular
     * searches cost no query at all, and are never older than the last committed change plus the
     * moment its notification takes to arrive.
     *
     * <p>The matches are counted first, up to {@link #COUNT_CAP} + 1. Up to that many are shown
     * in name order: they are collected through their indexes and sorted, a few milliseconds.
     * More than that are shown newest first, read backwards through the primary key until the
     * page is full. Name order over a large set cost too much: a common first name at the far end
     * of the alphabet walked most of the name index (175 ms at 100,000 people), and sorting twenty
     * thousand matches took 25 ms at 100,000 and would take ten times that at a million. Ids are
     * independent of names and interests, so the walk stops after about 20 / (share of people
     * matching) rows, at most 2,000 at 100,000 people.
     */
    public Paged<PersonSummary> search(DirectoryQuery q, Viewer viewer) {
        Audience audience = Audience.of(viewer);
        long version = changes.version(ChangeFeed.Topic.DIRECTORY);
        return cache.get(new CacheKey(q, audience, version), key -> searchNow(q, audience));
    }

    /**
     * Whose view of the directory a search is: everyone's entries (those who run the directory),
     * or what one person may see (entries shown to everyone, their own, and those shown to the
     * members of a community they are in). Accounts without an entry see what everyone sees.
     */
    private record Audience(boolean seeAll, Long me) {
        static Audience of(Viewer viewer) {
            return viewer.managesDirectory() ? new Audience(true, null) : new Audience(false, viewer.personId());
        }
    }

    private record CacheKey(DirectoryQuery query, Audience audience, long version) {
    }

    private Paged<PersonSummary> searchNow(DirectoryQuery q, Audience audience) {
        String where = (audience.seeAll() ? "WHERE p.erased_at IS NULL " : "WHERE visible_to(p.visibility, p.id, CAST(:me AS bigint)) ")
                + q.sqlConditions();
        return jdbi.withHandle(h -> {
            long total = bindQuery(h.createQuery("SELECT count(*) FROM (SELECT 1 FROM people p " + where
                            + "LIMIT " + (COUNT_CAP + 1) + ") matches"), q, audience)
                    .mapTo(Long.class).one();
            boolean capped = total > COUNT_CAP;
            String pageIds = capped
                    ? "SELECT p.id FROM people p " + where + "ORDER BY p.id DESC LIMIT :limit OFFSET :offset"
                    : "WITH matches AS MATERIALIZED (SELECT p.id, lower(p.full_name) AS sort_name FROM people p " + where + ") "
                            + "SELECT id FROM matches ORDER BY sort_name, id LIMIT :limit OFFSET :offset";
            String order = capped ? "ORDER BY p.id DESC" : "ORDER BY lower(p.full_name), p.id";
            List<PersonSummary> items = bindQuery(h.createQuery("WITH page AS (" + pageIds + ") " + SUMMARY
                            + "JOIN page ON page.id = p.id " + order), q, audience)
                    .bind("limit", q.size())
                    .bind("offset", (q.page() - 1) * q.size())
                    .map((rs, ctx) -> mapSummary(rs))
                    .list();
            return new Paged<>(items, q.page(), q.size(), capped ? COUNT_CAP : total, capped);
        });
    }

    private static Query bindQuery(Query query, DirectoryQuery q, Audience audience) {
        return q.bindTo(audience.seeAll() ? query : query.bind("me", audience.me()));
    }

    public Optional<Person> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    static Optional<Person> find(Handle h, long id) {
        return h.createQuery(PERSON + "WHERE p.id = :id").bind("id", id).map((rs, ctx) -> mapPerson(rs)).findOne();
    }

    /**
     * The entry if this viewer may see it, with the email address only if they may see that too.
     * An entry the viewer may not see is hidden as if it did not exist.
     */
    public Person visibleTo(long id, Viewer viewer) {
        Person person = find(id).orElseThrow(() -> new NotFoundException("No person with id " + id));
        if (viewer.managesDirectory() || viewer.isPerson(id)) {
            return person;
        }
        boolean[] may = jdbi.withHandle(h -> h.createQuery("SELECT visible_to(visibility, id, CAST(:me AS bigint)) AS entry, "
                        + "visible_to(email_visibility, id, CAST(:me AS bigint)) AS email FROM people WHERE id = :id")
                .bind("id", id)
                .bind("me", viewer.personId())
                .map((rs, ctx) -> new boolean[] {rs.getBoolean("entry"), rs.getBoolean("email")})
                .one());
        if (!may[0]) {
            throw new NotFoundException("No person with id " + id);
        }
        return may[1] ? person : person.withoutEmail();
    }

    public Person get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No person with id " + id));
    }

    /** The id of the directory entry with this email address (any case), if there is one. */
    public Optional<Long> idByEmail(String email) {
        // Cleaned as stored emails were: PostgreSQL text cannot even hold the NUL character
        String clean = Text.singleLine(email);
        if (clean.isEmpty()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM people WHERE lower(email) = lower(:e)").bind("e", clean)
                .mapTo(Long.class).findOne());
    }

    public Person create(PersonInput input) {
        long id = jdbi.inTransaction(h -> insert(h, input));
        return get(id);
    }

    /** Inserts a validated entry in the caller's transaction. */
    public static long insert(Handle h, PersonInput input) {
        checkEmailFree(h, input.email(), null);
        Long placeId = input.place().isEmpty() ? null : Reference.placeId(h, input.place());
        return h.createUpdate("INSERT INTO people (full_name, email, job_title, profession, organisation_id, sector_code, "
                        + "place_id, interests, offers, asks, bio, contact_preference, visibility, email_visibility) VALUES (:fullName, :email, "
                        + ":jobTitle, :profession, :organisationId, :sector, :place, :interests, :offers, :asks, :bio, :contact, "
                        + ":visibility, :emailVisibility)")
                .bindMethods(input)
                .bind("place", placeId)
                .bind("interests", input.interests().toArray(String[]::new))
                .bind("contact", input.contactPreference())
                .bind("visibility", shown(input).code())
                .bind("emailVisibility", emailShown(input).code())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Person update(long id, PersonInput input) {
        jdbi.useTransaction(h -> update(h, id, input));
        return get(id);
    }

    /** Saves a validated entry in the caller's transaction. */
    public static void update(Handle h, long id, PersonInput input) {
        checkEmailFree(h, input.email(), id);
        Long placeId = input.place().isEmpty() ? null : Reference.placeId(h, input.place());
        int n = h.createUpdate("UPDATE people SET full_name = :fullName, email = :email, job_title = :jobTitle, "
                        + "profession = :profession, organisation_id = :organisationId, sector_code = :sector, place_id = :place, "
                        + "interests = :interests, offers = :offers, asks = :asks, bio = :bio, contact_preference = :contact, "
                        + "visibility = :visibility, email_visibility = :emailVisibility, updated_at = now() WHERE id = :id")
                .bindMethods(input)
                .bind("place", placeId)
                .bind("interests", input.interests().toArray(String[]::new))
                .bind("contact", input.contactPreference())
                .bind("visibility", shown(input).code())
                .bind("emailVisibility", emailShown(input).code())
                .bind("id", id)
                .execute();
        if (n == 0) {
            throw new NotFoundException("No person with id " + id);
        }
    }

    /** The entry's level; left out, the most private. */
    private static Visibility shown(PersonInput input) {
        return Visibility.fromCode(input.visibility()).orElse(Visibility.NOBODY);
    }

    /** The email's level, never wider than the entry's. */
    private static Visibility emailShown(PersonInput input) {
        return Visibility.fromCode(input.emailVisibility()).orElse(Visibility.NOBODY).atMost(shown(input));
    }

    private static void checkEmailFree(Handle h, String email, Long exceptId) {
        if (email == null) {
            return;
        }
        Optional<Long> owner = h.createQuery("SELECT id FROM people WHERE lower(email) = lower(:email)")
                .bind("email", email).mapTo(Long.class).findOne();
        if (owner.isPresent() && !owner.get().equals(exceptId)) {
            throw new ConflictException("Another person in the directory already has the email " + email);
        }
    }

    private static Visibility level(ResultSet rs, String column) throws SQLException {
        return Visibility.fromCode(rs.getString(column)).orElse(Visibility.NOBODY);
    }

    static PersonSummary mapSummary(ResultSet rs) throws SQLException {
        return new PersonSummary(rs.getLong("id"), rs.getString("full_name"), rs.getString("job_title"),
                rs.getString("profession"), rs.getString("organisation_name"), rs.getString("sector_code"),
                rs.getString("sector_name"), rs.getString("place_name"), Rows.textArray(rs, "interests"));
    }

    static Person mapPerson(ResultSet rs) throws SQLException {
        return new Person(rs.getLong("id"), rs.getString("full_name"), rs.getString("email"), rs.getString("job_title"),
                rs.getString("profession"), Rows.nullableLong(rs, "organisation_id"), rs.getString("organisation_name"),
                rs.getString("sector_code"), rs.getString("sector_name"), Rows.nullableLong(rs, "place_id"),
                rs.getString("place_name"), Rows.textArray(rs, "interests"), rs.getString("offers"), rs.getString("asks"),
                rs.getString("bio"), rs.getString("contact_preference"), level(rs, "visibility"), level(rs, "email_visibility"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
