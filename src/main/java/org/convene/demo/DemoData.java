package org.convene.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.convene.db.CsvCopy;
import org.convene.accounts.Accounts;
import org.convene.accounts.Passwords;
import org.convene.accounts.Role;
import org.convene.accounts.Secrets;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Loads a {@link RegionGenerator} region into the database with COPY, in one transaction, and adds
 * a demo account for each role. Large loads build the full-text indexes once at the end instead of
 * row by row.
 */
public final class DemoData {
    public static final String DEMO_DOMAIN = "demo.convene.example";
    static final int REBUILD_INDEXES_ABOVE = 50_000;
    private static final List<Role> DEMO_ROLES = List.of(Role.PROGRAMME_LEAD, Role.FACILITATOR, Role.PARTICIPANT, Role.SPONSOR);

    public record DemoAccount(Role role, String email, String personName, long personId) {
    }

    public record Result(long people, long organisations, long ties, List<DemoAccount> accounts, String password, long millis,
                         ProgrammeDemo.Loaded programme, MatchingDemo.Loaded matching, ProjectDemo.Loaded projects) {
        public void print(PrintStream out, String baseUrl) {
            out.printf("%nDemo region loaded: %,d people, %,d organisations, %,d ties in %.1f s.%n",
                    people, organisations, ties, millis / 1000.0);
            if (programme != null) {
                out.printf("Demo programme: '%s', a finished cohort of 30 with %d survey responses (%s/cohorts/%d).%n",
                        ProgrammeDemo.PROGRAMME, programme.responses(), baseUrl, programme.cohortId());
            }
            if (matching != null) {
                out.printf("Demo matching scheme: '%s', %d members after %d rounds (%s/schemes/%d).%n",
                        MatchingDemo.SCHEME, matching.members(), matching.rounds(), baseUrl, matching.schemeId());
            }
            if (projects != null) {
                out.printf("Demo projects: %d improvement projects of the cohort with %d data points (%s/projects).%n",
                        projects.projectIds().size(), projects.points(), baseUrl);
            }
            out.println("Demo accounts (all with the password " + password + "):");
            for (DemoAccount a : accounts) {
                out.printf("  %-16s %-34s %s%n", a.role().label(), a.email(), a.personName());
            }
            out.println("Sign in at " + baseUrl + "/login");
        }
    }

    private DemoData() {
    }

    /** Loads the region unless the directory already has people; returns null when it did nothing. */
    public static Result fillIfEmpty(Jdbi jdbi, long seed, int people) {
        return load(jdbi, seed, people, false);
    }

    /** Loads the region; with {@code replace}, removes the current directory (and demo accounts) first. */
    public static Result load(Jdbi jdbi, long seed, int people, boolean replace) {
        return load(jdbi, seed, people, RegionGenerator.TIES_PER_PERSON, replace);
    }

    /**
     * Loads the region with about {@code tiesPerPerson} self-reported ties started by each person
     * (see {@link RegionGenerator}); with {@code replace}, removes the current directory first.
     */
    public static Result load(Jdbi jdbi, long seed, int people, double tiesPerPerson, boolean replace) {
        if (people < 100 || people > 1_000_000) {
            throw new IllegalArgumentException("--people must be between 100 and 1,000,000");
        }
        long started = System.currentTimeMillis();
        List<String> topics = jdbi.withHandle(h -> h.createQuery("SELECT name FROM topics ORDER BY name").mapTo(String.class).list());
        RegionGenerator region = new RegionGenerator(seed, people, topics, tiesPerPerson);
        String password = Secrets.newPassword();
        String hash = Passwords.hash(password);
        Result loaded = jdbi.inTransaction(h -> {
            h.execute("LOCK TABLE people, organisations, ties IN EXCLUSIVE MODE");
            long existing = h.createQuery("SELECT count(*) FROM people").mapTo(Long.class).one();
            if (existing > 0) {
                if (!replace) {
                    return null;
                }
                h.execute("DELETE FROM accounts WHERE email LIKE '%@" + DEMO_DOMAIN + "'");
                h.createUpdate("DELETE FROM programmes WHERE title = :t").bind("t", ProgrammeDemo.PROGRAMME).execute();
                h.createUpdate("DELETE FROM schemes WHERE name = :n").bind("n", MatchingDemo.SCHEME).execute();
                h.execute("TRUNCATE ties, people, organisations, places RESTART IDENTITY CASCADE");
            }
            boolean rebuild = people > REBUILD_INDEXES_ABOVE;
            if (rebuild) {
                h.execute("DROP INDEX people_search_idx");
                h.execute("DROP INDEX people_interests_idx");
            }
            long[] placeIds = new long[region.places().size()];
            for (int p = 0; p < placeIds.length; p++) {
                placeIds[p] = org.convene.directory.Reference.placeId(h, region.places().get(p));
            }
            long orgBase = reserveIds(h, "organisations_id_seq", region.organisations().size());
            CsvCopy.copy(h, "COPY organisations (id, name, sector_code, place_id) FROM STDIN WITH (FORMAT csv)", out -> {
                for (RegionGenerator.DemoOrganisation o : region.organisations()) {
                    out.row(orgBase + o.index(), o.name(), o.sectorCode(), placeIds[o.place()]);
                }
            });
            long personBase = reserveIds(h, "people_id_seq", people);
            CsvCopy.copy(h, "COPY people (id, full_name, email, job_title, profession, organisation_id, sector_code, place_id, "
                    + "interests, offers, asks, bio, contact_preference, visibility, email_visibility) FROM STDIN WITH (FORMAT csv)", out ->
                    region.forEachPerson(p -> out.row(personBase + p.index(), p.fullName(), p.email(), p.jobTitle(), p.profession(),
                            p.organisation() < 0 ? null : orgBase + p.organisation(), p.sectorCode(), placeIds[p.place()],
                            CsvCopy.arrayLiteral(p.interests()), p.offers(), p.asks(), p.bio(), p.contactPreference(), p.visibility(),
                            p.emailVisibility())));
            long[] tieCount = {0};
            CsvCopy.copy(h, "COPY ties (person_a, person_b, kind, source, note, started_on) FROM STDIN WITH (FORMAT csv)", out ->
                    region.forEachTie(t -> {
                        out.row(personBase + t.personA(), personBase + t.personB(), t.kind(), "self_reported", t.note(), t.startedOn());
                        tieCount[0]++;
                    }));
            if (rebuild) {
                h.execute("SET LOCAL maintenance_work_mem = '512MB'");
                h.execute("CREATE INDEX people_search_idx ON people USING gin (search)");
                h.execute("CREATE INDEX people_interests_idx ON people USING gin (interests)");
            }
            List<DemoAccount> accounts = new ArrayList<>();
            for (int i = 0; i < DEMO_ROLES.size(); i++) {
                Role role = DEMO_ROLES.get(i);
                long personId = personBase + i;
                String email = role.code().replace("programme_", "") + "@" + DEMO_DOMAIN;
                h.createUpdate("UPDATE people SET visibility = 'everyone' WHERE id = :id").bind("id", personId).execute();
                Accounts.create(h, email, hash, Set.of(role), personId, "active");
                accounts.add(new DemoAccount(role, email, region.person(i).fullName(), personId));
            }
            return new Result(people, region.organisations().size(), tieCount[0], accounts, password, 0, null, null, null);
        });
        if (loaded == null) {
            return null;
        }
        jdbi.useHandle(h -> {
            h.execute("VACUUM ANALYZE people");
            h.execute("VACUUM ANALYZE organisations");
            h.execute("VACUUM ANALYZE ties");
        });
        Long facilitator = loaded.accounts().stream().filter(a -> a.role() == Role.FACILITATOR).map(DemoAccount::personId).findFirst().orElse(null);
        long participant = loaded.accounts().stream().filter(a -> a.role() == Role.PARTICIPANT).map(DemoAccount::personId).findFirst().orElseThrow();
        ProgrammeDemo.Loaded programme = ProgrammeDemo.forRegion(jdbi, seed, participant, facilitator);
        SetsDemo.forCohort(jdbi, seed, programme.cohortId(), participant);
        SetsDemo.nextCohort(jdbi, seed, programme.programmeId(), programme.cohortId());
        MatchingDemo.Loaded matching = MatchingDemo.forRegion(jdbi, seed, participant, Math.min(120, people / 2));
        Long sponsor = loaded.accounts().stream().filter(a -> a.role() == Role.SPONSOR).map(DemoAccount::personId).findFirst().orElse(null);
        ProjectDemo.Loaded projects = ProjectDemo.forCohort(jdbi, seed, programme.cohortId(), participant, facilitator, sponsor);
        LeadershipDemo.forRegion(jdbi, seed, sponsor, facilitator);
        if (facilitator != null) {
            CommunityDemo.forRegion(jdbi, facilitator, participant);
        }
        long ties = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM ties").mapTo(Long.class).one());
        return new Result(loaded.people(), loaded.organisations(), ties, loaded.accounts(), password,
                System.currentTimeMillis() - started, programme, matching, projects);
    }

    /** Takes a block of ids from a sequence so rows can be copied with known ids. */
    private static long reserveIds(Handle h, String sequence, int count) {
        long first = h.createQuery("SELECT nextval('" + sequence + "')").mapTo(Long.class).one();
        h.createQuery("SELECT setval('" + sequence + "', :last)").bind("last", first + count - 1).mapTo(Long.class).one();
        return first;
    }
}
