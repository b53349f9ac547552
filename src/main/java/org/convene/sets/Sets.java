package org.convene.sets;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.convene.errors.ConflictException;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.web.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Data access for a cohort's action learning sets: the plan, the sets and who is in which. */
public final class Sets {
    /** Everyone on the cohort (not withdrawn), with what the engine reads, and their set if any. */
    private static final String MEMBERS = "SELECT p.id, p.full_name, p.organisation_id, o.name AS organisation, p.sector_code, "
            + "sec.name AS sector_name, p.profession, p.place_id, pl.name AS place, e.years_experience, e.pay_band, "
            + "coalesce(s.number, 0) AS set_number, coalesce(m.locked, false) AS locked "
            + "FROM enrolments e JOIN people p ON p.id = e.person_id JOIN sectors sec ON sec.code = p.sector_code "
            + "LEFT JOIN organisations o ON o.id = p.organisation_id LEFT JOIN places pl ON pl.id = p.place_id "
            + "LEFT JOIN learning_set_members m ON m.cohort_id = e.cohort_id AND m.person_id = e.person_id "
            + "LEFT JOIN learning_sets s ON s.id = m.set_id "
            + "WHERE e.cohort_id = :cohort AND e.status <> 'withdrawn' ";

    private final Jdbi jdbi;

    public Sets(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<SetPlan> plan(long cohortId) {
        return jdbi.withHandle(h -> plan(h, cohortId));
    }

    static Optional<SetPlan> plan(Handle h, long cohortId) {
        return h.createQuery("SELECT cohort_id, status, set_size, seed, avoid_past, figures::text AS figures, formed_at, published_at "
                        + "FROM set_plans WHERE cohort_id = :c").bind("c", cohortId)
                .map((rs, ctx) -> new SetPlan(rs.getLong("cohort_id"), rs.getString("status"), rs.getInt("set_size"),
                        rs.getLong("seed"), rs.getBoolean("avoid_past"), figures(rs.getString("figures")),
                        rs.getTimestamp("formed_at").toInstant(),
                        rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant()))
                .findOne();
    }

    /** Everyone on the cohort, by name, with their set (0 when in none). */
    public List<SetMember> members(long cohortId) {
        return jdbi.withHandle(h -> members(h, cohortId));
    }

    static List<SetMember> members(Handle h, long cohortId) {
        return h.createQuery(MEMBERS + "ORDER BY p.full_name, p.id").bind("cohort", cohortId).map((rs, ctx) -> member(rs)).list();
    }

    /** The sets with their members, by number. */
    public List<LearningSet> sets(long cohortId) {
        return jdbi.withHandle(h -> {
            Map<Integer, List<SetMember>> byNumber = new LinkedHashMap<>();
            Map<Integer, Long> ids = new LinkedHashMap<>();
            h.createQuery("SELECT id, number FROM learning_sets WHERE cohort_id = :c ORDER BY number").bind("c", cohortId)
                    .map((rs, ctx) -> {
                        ids.put(rs.getInt("number"), rs.getLong("id"));
                        byNumber.put(rs.getInt("number"), new ArrayList<>());
                        return null;
                    }).list();
            for (SetMember m : members(h, cohortId)) {
                if (m.set() > 0) {
                    byNumber.get(m.set()).add(m);
                }
            }
            List<LearningSet> sets = new ArrayList<>();
            byNumber.forEach((number, list) -> sets.add(new LearningSet(ids.get(number), cohortId, number, List.copyOf(list))));
            return sets;
        });
    }

    public Optional<LearningSet> set(long setId) {
        Optional<long[]> found = jdbi.withHandle(h -> h.createQuery("SELECT cohort_id, number FROM learning_sets WHERE id = :id")
                .bind("id", setId).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne());
        return found.flatMap(f -> sets(f[0]).stream().filter(s -> s.number() == f[1]).findFirst());
    }

    public LearningSet getSet(long setId) {
        return set(setId).orElseThrow(() -> new NotFoundException("No action learning set with id " + setId));
    }

    /** The published set a person is in on a cohort, if any. */
    public Optional<Long> publishedSetOf(long cohortId, long personId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT m.set_id FROM learning_set_members m JOIN set_plans p ON p.cohort_id = m.cohort_id "
                        + "WHERE m.cohort_id = :c AND m.person_id = :p AND p.status = 'published'")
                .bind("c", cohortId).bind("p", personId).mapTo(Long.class).findOne());
    }

    /** Whether the person is a member of the set (and the set is published). */
    public boolean inPublishedSet(long setId, long personId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM learning_set_members m JOIN set_plans p "
                        + "ON p.cohort_id = m.cohort_id WHERE m.set_id = :s AND m.person_id = :p AND p.status = 'published')")
                .bind("s", setId).bind("p", personId).mapTo(Boolean.class).one());
    }

    /** A published set someone is in, for their home page. */
    public record MySet(long setId, int number, long cohortId, String cohortName, String programmeTitle) {
    }

    /** The published sets a person is in, newest first. */
    public List<MySet> setsOfPerson(long personId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT m.set_id, s.number, c.id AS cohort_id, c.name AS cohort_name, "
                        + "pr.title AS programme_title FROM learning_set_members m JOIN learning_sets s ON s.id = m.set_id "
                        + "JOIN set_plans p ON p.cohort_id = m.cohort_id JOIN cohorts c ON c.id = m.cohort_id "
                        + "JOIN programmes pr ON pr.id = c.programme_id "
                        + "WHERE m.person_id = :p AND p.status = 'published' ORDER BY p.published_at DESC, m.set_id")
                .bind("p", personId).map((rs, ctx) -> new MySet(rs.getLong("set_id"), rs.getInt("number"), rs.getLong("cohort_id"),
                        rs.getString("cohort_name"), rs.getString("programme_title"))).list());
    }

    /** Pairs of people on this cohort who were in a published set together on another cohort (person ids). */
    public List<long[]> pastPairs(long cohortId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT a.person_id, b.person_id FROM learning_set_members a "
                        + "JOIN learning_set_members b ON b.set_id = a.set_id AND b.person_id > a.person_id "
                        + "JOIN set_plans p ON p.cohort_id = a.cohort_id AND p.status = 'published' "
                        + "WHERE a.cohort_id <> :c "
                        + "AND a.person_id IN (SELECT person_id FROM enrolments WHERE cohort_id = :c AND status <> 'withdrawn') "
                        + "AND b.person_id IN (SELECT person_id FROM enrolments WHERE cohort_id = :c AND status <> 'withdrawn')")
                .bind("c", cohortId).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());
    }

    /**
     * Stores a new draft: set numbers 1..count, everyone given a number (person id to set number),
     * the locked people kept locked. Refused once the sets are published.
     */
    public void saveDraft(long cohortId, int setSize, long seed, boolean avoidPast, Map<Long, Integer> numberOf,
                          Set<Long> locked, SetFigures figures, Long formedBy) {
        jdbi.useTransaction(h -> {
            Optional<SetPlan> plan = lockPlan(h, cohortId);
            if (plan.isPresent() && plan.get().published()) {
                throw new ConflictException("The sets are published: move people between them instead of forming them again");
            }
            h.createUpdate("INSERT INTO set_plans (cohort_id, set_size, seed, avoid_past, figures, formed_by) "
                            + "VALUES (:c, :size, :seed, :avoid, CAST(:figures AS jsonb), :by) ON CONFLICT (cohort_id) DO UPDATE "
                            + "SET set_size = :size, seed = :seed, avoid_past = :avoid, figures = CAST(:figures AS jsonb), "
                            + "formed_by = :by, formed_at = now()")
                    .bind("c", cohortId).bind("size", setSize).bind("seed", seed).bind("avoid", avoidPast)
                    .bind("figures", json(figures)).bind("by", formedBy).execute();
            h.createUpdate("DELETE FROM learning_sets WHERE cohort_id = :c").bind("c", cohortId).execute();
            int count = numberOf.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            Map<Integer, Long> ids = new LinkedHashMap<>();
            for (int number = 1; number <= count; number++) {
                ids.put(number, h.createUpdate("INSERT INTO learning_sets (cohort_id, number) VALUES (:c, :n)")
                        .bind("c", cohortId).bind("n", number).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            }
            var batch = h.prepareBatch("INSERT INTO learning_set_members (set_id, cohort_id, person_id, locked) VALUES (:s, :c, :p, :l)");
            numberOf.forEach((person, number) -> batch.bind("s", ids.get(number)).bind("c", cohortId).bind("p", person)
                    .bind("l", locked.contains(person)).add());
            if (!numberOf.isEmpty()) {
                batch.execute();
            }
        });
    }

    /**
     * Moves someone on the cohort into set {@code number} (they are locked there, as the
     * facilitator chose it). Once the sets are published the move ties them with the new set's
     * members and ends their ties through the set they left ({@link SetTies}). Returns the person's name.
     */
    public String move(long cohortId, long personId, int number, Long by) {
        return jdbi.inTransaction(h -> {
            SetPlan plan = lockPlan(h, cohortId).orElseThrow(() -> new NotFoundException("This cohort has no sets yet"));
            SetMember member = members(h, cohortId).stream().filter(m -> m.personId() == personId).findFirst()
                    .orElseThrow(() -> new ValidationException("Not on this cohort", Map.of("person", "Choose someone on this cohort")));
            Long setId = h.createQuery("SELECT id FROM learning_sets WHERE cohort_id = :c AND number = :n")
                    .bind("c", cohortId).bind("n", number).mapTo(Long.class).findOne()
                    .orElseThrow(() -> new ValidationException("No such set", Map.of("set", "Choose one of the sets")));
            Optional<Long> left = h.createQuery("SELECT set_id FROM learning_set_members WHERE cohort_id = :c AND person_id = :p")
                    .bind("c", cohortId).bind("p", personId).mapTo(Long.class).findOne().filter(from -> !from.equals(setId));
            h.createUpdate("INSERT INTO learning_set_members (set_id, cohort_id, person_id, locked) VALUES (:s, :c, :p, true) "
                            + "ON CONFLICT (cohort_id, person_id) DO UPDATE SET set_id = :s, locked = true")
                    .bind("s", setId).bind("c", cohortId).bind("p", personId).execute();
            if (plan.published()) {
                left.ifPresent(from -> SetTies.leave(h, from, personId));
                SetTies.join(h, setId, personId, by);
            }
            return member.name();
        });
    }

    /** Locks or unlocks someone in their set. */
    public void lock(long cohortId, long personId, boolean locked) {
        int changed = jdbi.withHandle(h -> h.createUpdate("UPDATE learning_set_members SET locked = :l WHERE cohort_id = :c AND person_id = :p")
                .bind("l", locked).bind("c", cohortId).bind("p", personId).execute());
        if (changed == 0) {
            throw new ValidationException("Not in a set", Map.of("person", "Choose someone who is in a set"));
        }
    }

    /**
     * Saves years of experience (0-60) and pay band (1-9) for people on the cohort, each given as
     * text (empty: not known). All or nothing: any bad value saves none and names the field.
     */
    public void saveExperience(long cohortId, Map<Long, String[]> yearsAndBand) {
        org.convene.errors.Errors errors = new org.convene.errors.Errors();
        Map<Long, Integer[]> clean = new LinkedHashMap<>();
        yearsAndBand.forEach((person, v) -> clean.put(person, new Integer[] {
            number(v[0], 0, 60, "years-" + person, "Years of experience are a whole number from 0 to 60", errors),
            number(v[1], 1, 9, "band-" + person, "Band is a whole number from 1 to 9", errors)}));
        errors.throwIfAny();
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch("UPDATE enrolments SET years_experience = :y, pay_band = :b WHERE cohort_id = :c AND person_id = :p");
            clean.forEach((person, v) -> batch.bind("y", v[0]).bind("b", v[1]).bind("c", cohortId).bind("p", person).add());
            if (!clean.isEmpty()) {
                batch.execute();
            }
        });
    }

    private static Integer number(String raw, int min, int max, String field, String message, org.convene.errors.Errors errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field, message);
        return null;
    }

    /** Stores the figures for the sets as they now stand. */
    public void updateFigures(long cohortId, SetFigures figures) {
        jdbi.useHandle(h -> storeFigures(h, cohortId, figures));
    }

    /** Shows the sets to their members, and records a tie between every two members of each set ({@link SetTies}). */
    public void publish(long cohortId, Long by) {
        jdbi.useTransaction(h -> {
            SetPlan plan = lockPlan(h, cohortId).orElseThrow(() -> new NotFoundException("This cohort has no sets yet"));
            if (plan.published()) {
                throw new ConflictException("The sets are already published");
            }
            int unplaced = h.createQuery("SELECT count(*) FROM enrolments e WHERE e.cohort_id = :c AND e.status <> 'withdrawn' "
                            + "AND NOT EXISTS (SELECT 1 FROM learning_set_members m WHERE m.cohort_id = e.cohort_id AND m.person_id = e.person_id)")
                    .bind("c", cohortId).mapTo(Integer.class).one();
            if (unplaced > 0) {
                throw new ConflictException(unplaced + (unplaced == 1 ? " person on the cohort is" : " people on the cohort are")
                        + " in no set: form the sets again or move them into one before publishing");
            }
            h.createUpdate("UPDATE set_plans SET status = 'published', published_at = now() WHERE cohort_id = :c")
                    .bind("c", cohortId).execute();
            for (long setId : h.createQuery("SELECT id FROM learning_sets WHERE cohort_id = :c").bind("c", cohortId)
                    .mapTo(Long.class).list()) {
                SetTies.tieAll(h, setId, by);
            }
        });
    }

    private static Optional<SetPlan> lockPlan(Handle h, long cohortId) {
        h.createQuery("SELECT id FROM cohorts WHERE id = :c FOR UPDATE").bind("c", cohortId).mapTo(Long.class).findOne()
                .orElseThrow(() -> new NotFoundException("No cohort with id " + cohortId));
        return plan(h, cohortId);
    }

    private static void storeFigures(Handle h, long cohortId, SetFigures figures) {
        h.createUpdate("UPDATE set_plans SET figures = CAST(:f AS jsonb) WHERE cohort_id = :c")
                .bind("f", json(figures)).bind("c", cohortId).execute();
    }

    private static SetMember member(ResultSet rs) throws SQLException {
        return new SetMember(rs.getLong("id"), rs.getString("full_name"), (Long) rs.getObject("organisation_id"),
                rs.getString("organisation"), rs.getString("sector_code"), rs.getString("sector_name"), rs.getString("profession"),
                (Long) rs.getObject("place_id"), rs.getString("place"), (Integer) nullableInt(rs, "years_experience"),
                (Integer) nullableInt(rs, "pay_band"), rs.getInt("set_number"), rs.getBoolean("locked"));
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static String json(SetFigures figures) {
        try {
            return Json.MAPPER.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SetFigures figures(String json) {
        if (json == null || json.equals("{}")) {
            return SetFigures.NONE;
        }
        try {
            return Json.MAPPER.readValue(json, SetFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored set figures are not readable", e);
        }
    }
}
