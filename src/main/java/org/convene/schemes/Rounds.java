package org.convene.schemes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.convene.db.Rows;
import org.convene.errors.ConflictException;
import org.convene.errors.NotFoundException;
import org.convene.mail.Outbox;
import org.convene.matching.Group;
import org.convene.matching.History;
import org.convene.matching.Matcher;
import org.convene.matching.Pair;
import org.convene.matching.Participant;
import org.convene.matching.Round;
import org.convene.ties.TieInput;
import org.convene.ties.TieKind;
import org.convene.ties.Ties;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scheme's rounds and keeps their outcomes. A round is one transaction: it locks the
 * scheme's row, reads the active members, who has met whom (in any scheme) and who blocked whom,
 * asks the {@link Matcher} for pairs, stores them with their introductions, queues the emails in
 * the outbox and moves the schedule on. (scheme, round number) is unique, so a round can never be
 * stored twice, and a crash part-way leaves nothing behind for the next attempt to trip on.
 */
public final class Rounds {
    private static final Logger log = LoggerFactory.getLogger(Rounds.class);
    public static final String OUTSIDE_PLACE = "outside the scheme's place: their profile names another place";

    private final Jdbi jdbi;
    private final Matcher matcher;
    private final String baseUrl;

    public Rounds(Jdbi jdbi, Matcher matcher, String baseUrl) {
        this.jdbi = jdbi;
        this.matcher = matcher;
        this.baseUrl = baseUrl;
    }

    // Running rounds

    /** Runs every round that is due (the scheduled job); returns how many ran. Safe on several instances at once. */
    public int runDue() {
        int ran = 0;
        while (true) {
            Optional<RoundSummary> done = jdbi.inTransaction(h -> {
                Optional<Long> due = h.createQuery("SELECT id FROM schemes WHERE status = 'open' AND next_round_at <= now() "
                        + "ORDER BY next_round_at, id LIMIT 1 FOR UPDATE SKIP LOCKED").mapTo(Long.class).findOne();
                if (due.isEmpty()) {
                    return Optional.<RoundSummary>empty();
                }
                Scheme scheme = Schemes.find(h, due.get()).orElseThrow();
                return Optional.of(run(h, scheme, "schedule"));
            });
            if (done.isEmpty()) {
                return ran;
            }
            ran++;
            log.info("Scheme {} round {} ran on schedule: {} pairs, {} trios, {} unplaced", done.get().schemeId(),
                    done.get().number(), done.get().pairs(), done.get().trios(), done.get().unplaced());
        }
    }

    /** Runs the next round of a scheme now (by hand); the schedule, if any, stays as it is. */
    public RoundSummary runNow(long schemeId) {
        long roundId = jdbi.inTransaction(h -> {
            Long id;
            try {
                id = h.createQuery("SELECT id FROM schemes WHERE id = :id FOR UPDATE NOWAIT").bind("id", schemeId)
                        .mapTo(Long.class).findOne().orElseThrow(() -> new NotFoundException("No scheme with id " + schemeId));
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                if (e.getCause() instanceof java.sql.SQLException sql && "55P03".equals(sql.getSQLState())) {
                    throw new ConflictException("A round of this scheme is running now; try again in a moment");
                }
                throw e;
            }
            Scheme scheme = Schemes.find(h, id).orElseThrow();
            if (Scheme.CLOSED.equals(scheme.status())) {
                throw new ConflictException(scheme.name() + " is closed; reopen it to run a round");
            }
            return run(h, scheme, "hand").id();
        });
        return round(roundId);
    }

    private RoundSummary run(Handle h, Scheme scheme, String trigger) {
        int number = h.createQuery("SELECT coalesce(max(number), 0) + 1 FROM match_rounds WHERE scheme_id = :s")
                .bind("s", scheme.id()).mapTo(Integer.class).one();
        List<Member> active = h.createQuery(Schemes.MEMBER + "WHERE m.scheme_id = :s AND m.status = 'active' ORDER BY m.person_id")
                .bind("s", scheme.id()).map((rs, ctx) -> Schemes.member(rs)).list();
        // Skipping applies to one round only.
        h.createUpdate("UPDATE scheme_members SET skip_next = false WHERE scheme_id = :s AND skip_next").bind("s", scheme.id()).execute();

        Map<Long, Member> byId = new LinkedHashMap<>();
        List<Member> outside = new ArrayList<>();
        for (Member m : active) {
            if (m.skipNext()) {
                continue;
            }
            if (scheme.placeName() != null && (m.placeName() == null || !m.placeName().equalsIgnoreCase(scheme.placeName()))) {
                outside.add(m);
            } else {
                byId.put(m.personId(), m);
            }
        }
        Long[] ids = byId.keySet().toArray(Long[]::new);
        History history = new History();
        h.createQuery("SELECT a.person_id, b.person_id FROM match_members a JOIN match_members b "
                        + "ON b.group_id = a.group_id AND b.person_id > a.person_id "
                        + "WHERE a.person_id = ANY(:ids) AND b.person_id = ANY(:ids)")
                .bind("ids", ids)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .forEach(pair -> history.add(pair[0], pair[1]));
        Set<Pair> blocked = new HashSet<>();
        h.createQuery("SELECT person_id, blocked_id FROM match_blocks WHERE person_id = ANY(:ids) AND blocked_id = ANY(:ids)")
                .bind("ids", ids)
                .map((rs, ctx) -> new Pair(rs.getString(1), rs.getString(2)))
                .forEach(blocked::add);
        Set<String> leftOutLastTime = new HashSet<>(h.createQuery("SELECT u.person_id::text FROM match_unplaced u "
                        + "JOIN match_rounds r ON r.id = u.round_id WHERE r.scheme_id = :s AND r.number = :previous")
                .bind("s", scheme.id()).bind("previous", number - 1).mapTo(String.class).list());

        long tRead = System.nanoTime();
        List<Participant> people = byId.values().stream().map(Rounds::participant).toList();
        long seed = scheme.id() * 1_000_003L + number;
        Round round = matcher.match(people, history, blocked, leftOutLastTime, seed);

        Instant ranAt = h.createQuery("SELECT now()").mapTo(Instant.class).one();
        LocalDate meetBy = scheme.cadence().after(ranAt).atZone(Cadence.ZONE).toLocalDate();
        Round.Stats st = round.stats();
        long roundId = h.createUpdate("INSERT INTO match_rounds (scheme_id, number, trigger, seed, ran_at, meet_by, people, pairs, trios, "
                        + "unplaced, total_score, cross_sector_share, mean_shared, exact, millis) VALUES (:s, :number, :trigger, :seed, :ranAt, "
                        + ":meetBy, :people, :pairs, :trios, :unplaced, :score, :cross, :shared, :exact, :millis)")
                .bind("s", scheme.id()).bind("number", number).bind("trigger", trigger).bind("seed", seed)
                .bind("ranAt", ranAt).bind("meetBy", meetBy)
                .bind("people", st.people() + outside.size()).bind("pairs", st.pairs()).bind("trios", st.trios())
                .bind("unplaced", st.unplaced() + outside.size()).bind("score", st.totalScore())
                .bind("cross", st.crossSectorShare()).bind("shared", st.meanSharedInterests())
                .bind("exact", st.exact()).bind("millis", st.nanos() / 1_000_000)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();

        long tMatched = System.nanoTime();
        ZonedDateTime start = Introductions.suggestedStart(ranAt, scheme.cadence());
        List<Long> groupIds = h.createQuery("SELECT nextval('match_groups_id_seq') FROM generate_series(1, :n)")
                .bind("n", round.groups().size()).mapTo(Long.class).list();
        PreparedBatch groups = h.prepareBatch("INSERT INTO match_groups (id, round_id, score, meeting_mode, reason, first_step) "
                + "VALUES (:id, :round, :score, :mode, :reason, :step)");
        PreparedBatch members = h.prepareBatch("INSERT INTO match_members (group_id, person_id) VALUES (:group, :person)");
        List<org.convene.mail.Email> introductions = new ArrayList<>();
        for (int i = 0; i < round.groups().size(); i++) {
            Group g = round.groups().get(i);
            long groupId = groupIds.get(i);
            List<Member> group = g.members().stream().map(p -> byId.get(Long.parseLong(p.id()))).toList();
            MeetingMode mode = MeetingMode.forGroup(scheme.meetingMode(), group.stream().map(Member::meetingMode).toList());
            String reason = Introductions.reason(group);
            String firstStep = Introductions.firstStep(scheme, group, mode, meetBy);
            groups.bind("id", groupId).bind("round", roundId).bind("score", g.score()).bind("mode", mode.code())
                    .bind("reason", reason).bind("step", firstStep).add();
            for (Member m : group) {
                members.bind("group", groupId).bind("person", m.personId()).add();
                if (m.email() != null) {
                    introductions.add(Introductions.email(m, group, scheme, number, groupId, reason, firstStep, mode, start, baseUrl));
                }
            }
        }
        long tWritten = System.nanoTime();
        if (groups.size() > 0) {
            groups.execute();
            members.execute();
        }
        long tGroups = System.nanoTime();
        Outbox.enqueueAll(h, introductions);
        if (log.isDebugEnabled()) {
            log.debug("Round {} of scheme {}: matched in {} ms, introductions written in {} ms, groups stored in {} ms, emails queued in {} ms",
                    number, scheme.id(), (tMatched - tRead) / 1_000_000, (tWritten - tMatched) / 1_000_000,
                    (tGroups - tWritten) / 1_000_000, (System.nanoTime() - tGroups) / 1_000_000);
        }
        PreparedBatch unplaced = h.prepareBatch("INSERT INTO match_unplaced (round_id, person_id, reason) VALUES (:round, :person, :reason)");
        round.unplaced().forEach(u -> unplaced.bind("round", roundId).bind("person", Long.parseLong(u.participant().id()))
                .bind("reason", u.reason()).add());
        outside.forEach(m -> unplaced.bind("round", roundId).bind("person", m.personId()).bind("reason", OUTSIDE_PLACE).add());
        if (unplaced.size() > 0) {
            unplaced.execute();
        }
        if ("schedule".equals(trigger) && scheme.nextRoundAt() != null) {
            Instant next = scheme.cadence().after(scheme.nextRoundAt());
            while (!next.isAfter(ranAt)) {
                next = scheme.cadence().after(next); // a scheme that was down for weeks runs once, not once per missed round
            }
            h.createUpdate("UPDATE schemes SET next_round_at = :next WHERE id = :s").bind("next", next).bind("s", scheme.id()).execute();
        }
        return round(h, roundId).orElseThrow();
    }

    /** The engine's view of a member: organisation by id (none: their own), sector code, place and interests. */
    private static Participant participant(Member m) {
        return new Participant(String.valueOf(m.personId()), m.name(),
                m.organisationId() == null ? "none " + m.personId() : "org " + m.organisationId(), m.sectorCode(),
                m.placeName(), Set.copyOf(m.interests()));
    }

    // Reading rounds and matches

    private static final String ROUND = "SELECT r.*, "
            + "(SELECT count(*) FROM match_groups g WHERE g.round_id = r.id "
            + "   AND (SELECT count(*) FROM match_members mm WHERE mm.group_id = g.id AND mm.met) >= 2) AS groups_met, "
            + "(SELECT count(*) FROM match_groups g WHERE g.round_id = r.id "
            + "   AND EXISTS (SELECT 1 FROM match_members mm WHERE mm.group_id = g.id AND mm.met IS NOT NULL)) AS groups_answered, "
            + "(SELECT avg(mm.rating) FROM match_groups g JOIN match_members mm ON mm.group_id = g.id WHERE g.round_id = r.id) AS mean_rating, "
            + "(SELECT count(mm.rating) FROM match_groups g JOIN match_members mm ON mm.group_id = g.id WHERE g.round_id = r.id) AS ratings "
            + "FROM match_rounds r ";

    public List<RoundSummary> rounds(long schemeId) {
        return jdbi.withHandle(h -> h.createQuery(ROUND + "WHERE r.scheme_id = :s ORDER BY r.number DESC").bind("s", schemeId)
                .map((rs, ctx) -> summary(rs)).list());
    }

    public RoundSummary round(long id) {
        return jdbi.withHandle(h -> round(h, id)).orElseThrow(() -> new NotFoundException("No round with id " + id));
    }

    private static Optional<RoundSummary> round(Handle h, long id) {
        return h.createQuery(ROUND + "WHERE r.id = :id").bind("id", id).map((rs, ctx) -> summary(rs)).findOne();
    }

    private static final String GROUP = "SELECT g.id, g.round_id, r.scheme_id, s.name AS scheme_name, r.number, r.meet_by, g.score, "
            + "g.meeting_mode, g.reason, g.first_step FROM match_groups g JOIN match_rounds r ON r.id = g.round_id "
            + "JOIN schemes s ON s.id = r.scheme_id ";

    /** A round's groups, with their members. */
    public List<MatchGroup> groups(long roundId) {
        return jdbi.withHandle(h -> withMembers(h, h.createQuery(GROUP + "WHERE g.round_id = :r ORDER BY g.id").bind("r", roundId)
                .map((rs, ctx) -> groupRow(rs)).list()));
    }

    public Optional<MatchGroup> group(long id) {
        return jdbi.withHandle(h -> group(h, id));
    }

    private static Optional<MatchGroup> group(Handle h, long id) {
        return withMembers(h, h.createQuery(GROUP + "WHERE g.id = :id").bind("id", id)
                .map((rs, ctx) -> groupRow(rs)).list()).stream().findFirst();
    }

    /** A match, for its members and the programme team; anyone else is told it does not exist. */
    public MatchGroup visibleTo(long id, org.convene.accounts.Viewer viewer) {
        MatchGroup group = group(id).orElse(null);
        if (group == null || !(viewer.inProgrammeTeam() || (viewer.personId() != null && group.includes(viewer.personId())))) {
            throw new NotFoundException("No match with id " + id);
        }
        return group;
    }

    /** Someone's matches, newest first. */
    public List<MatchGroup> matchesOf(long personId) {
        return jdbi.withHandle(h -> withMembers(h, h.createQuery(GROUP + "WHERE g.id IN (SELECT group_id FROM match_members "
                        + "WHERE person_id = :p) ORDER BY r.ran_at DESC, g.id DESC LIMIT 100").bind("p", personId)
                .map((rs, ctx) -> groupRow(rs)).list()));
    }

    public record Left(long personId, String name, String reason) {
    }

    /** Who a round left out, and why. */
    public List<Left> unplaced(long roundId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT u.person_id, p.full_name, u.reason FROM match_unplaced u "
                        + "JOIN people p ON p.id = u.person_id WHERE u.round_id = :r ORDER BY lower(p.full_name)")
                .bind("r", roundId).map((rs, ctx) -> new Left(rs.getLong(1), rs.getString(2), rs.getString(3))).list());
    }

    // Outcomes

    /**
     * Records whether a member met their match, with a rating and comment. When two members of a
     * group have both said they met, the pair becomes a tie in the network (source "matching").
     * A "we met" cannot be taken back once the other side has confirmed it too.
     */
    public MatchGroup answer(long groupId, long personId, OutcomeInput outcome, Long accountId) {
        jdbi.useTransaction(h -> {
            String before = h.createQuery("SELECT coalesce(met::text, 'unanswered') FROM match_members "
                            + "WHERE group_id = :g AND person_id = :p FOR UPDATE")
                    .bind("g", groupId).bind("p", personId).mapTo(String.class).findOne()
                    .orElseThrow(() -> new NotFoundException("No match " + groupId + " of yours"));
            List<Long> confirmedOthers = h.createQuery("SELECT person_id FROM match_members WHERE group_id = :g AND person_id <> :p AND met")
                    .bind("g", groupId).bind("p", personId).mapTo(Long.class).list();
            if ("true".equals(before) && !outcome.met() && !confirmedOthers.isEmpty()) {
                throw new ConflictException("You and your match have both said you met; that cannot be taken back here");
            }
            h.createUpdate("UPDATE match_members SET met = :met, rating = :rating, comment = :comment, answered_at = now() "
                            + "WHERE group_id = :g AND person_id = :p")
                    .bind("met", outcome.met()).bind("rating", outcome.rating()).bind("comment", outcome.comment())
                    .bind("g", groupId).bind("p", personId).execute();
            if (outcome.met()) {
                MatchGroup g = group(h, groupId).orElseThrow();
                for (long other : confirmedOthers) {
                    TieInput.Valid tie = new TieInput(personId, other, TieKind.MET_THROUGH.code(), "matching", "match:" + groupId,
                            "Met through " + org.convene.web.Text.clip(g.schemeName(), 120) + ", round " + g.roundNumber(), null)
                            .validated("matching");
                    Ties.record(h, tie, accountId);
                }
            }
        });
        return group(groupId).orElseThrow();
    }

    // Dashboard

    public record LeftOut(long personId, String name, String sectorName, int times, int lastRound, String lastReason) {
    }

    /** People left out in more than one round (or in the latest), most often first. */
    public List<LeftOut> leftOut(long schemeId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT u.person_id, p.full_name, sec.name AS sector, count(*) AS times, "
                        + "max(r.number) AS last_round, (array_agg(u.reason ORDER BY r.number DESC))[1] AS last_reason "
                        + "FROM match_unplaced u JOIN match_rounds r ON r.id = u.round_id JOIN people p ON p.id = u.person_id "
                        + "JOIN sectors sec ON sec.code = p.sector_code WHERE r.scheme_id = :s "
                        + "GROUP BY u.person_id, p.full_name, sec.name "
                        + "HAVING count(*) > 1 OR max(r.number) = (SELECT max(number) FROM match_rounds WHERE scheme_id = :s) "
                        + "ORDER BY times DESC, last_round DESC, lower(p.full_name) LIMIT 50")
                .bind("s", schemeId)
                .map((rs, ctx) -> new LeftOut(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6)))
                .list());
    }

    public record Feedback(int round, int rating, String comment, Instant at) {
    }

    /** The latest comments members left (without names), for the scheme's team. */
    public List<Feedback> feedback(long schemeId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT r.number, coalesce(mm.rating, 0), mm.comment, mm.answered_at FROM match_members mm "
                        + "JOIN match_groups g ON g.id = mm.group_id JOIN match_rounds r ON r.id = g.round_id "
                        + "WHERE r.scheme_id = :s AND mm.comment <> '' ORDER BY mm.answered_at DESC LIMIT :limit")
                .bind("s", schemeId).bind("limit", limit)
                .map((rs, ctx) -> new Feedback(rs.getInt(1), rs.getInt(2), rs.getString(3), Rows.instant(rs, "answered_at"))).list());
    }

    // Mapping

    private static RoundSummary summary(ResultSet rs) throws SQLException {
        double mean = rs.getDouble("mean_rating");
        Double meanRating = rs.wasNull() ? null : mean;
        return new RoundSummary(rs.getLong("id"), rs.getLong("scheme_id"), rs.getInt("number"), rs.getString("trigger"),
                Rows.instant(rs, "ran_at"), Rows.date(rs, "meet_by"), rs.getInt("people"), rs.getInt("pairs"), rs.getInt("trios"),
                rs.getInt("unplaced"), rs.getLong("total_score"), rs.getDouble("cross_sector_share"), rs.getDouble("mean_shared"),
                rs.getBoolean("exact"), rs.getLong("millis"), rs.getInt("groups_met"), rs.getInt("groups_answered"), meanRating,
                rs.getInt("ratings"));
    }

    private record GroupRow(long id, long roundId, long schemeId, String schemeName, int number, LocalDate meetBy, int score,
                            MeetingMode mode, String reason, String firstStep) {
    }

    private static GroupRow groupRow(ResultSet rs) throws SQLException {
        return new GroupRow(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("scheme_id"), rs.getString("scheme_name"),
                rs.getInt("number"), Rows.date(rs, "meet_by"), rs.getInt("score"),
                MeetingMode.fromCode(rs.getString("meeting_mode")).orElseThrow(), rs.getString("reason"), rs.getString("first_step"));
    }

    private static List<MatchGroup> withMembers(Handle h, List<GroupRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<MatchGroup.Person>> members = new HashMap<>();
        h.createQuery("SELECT mm.group_id, mm.person_id, p.full_name, p.email, o.name AS org, sec.name AS sector, pl.name AS place, "
                        + "mm.met, mm.rating, mm.comment FROM match_members mm JOIN people p ON p.id = mm.person_id "
                        + "JOIN sectors sec ON sec.code = p.sector_code LEFT JOIN organisations o ON o.id = p.organisation_id "
                        + "LEFT JOIN places pl ON pl.id = p.place_id WHERE mm.group_id = ANY(:ids) ORDER BY mm.group_id, lower(p.full_name)")
                .bind("ids", rows.stream().map(GroupRow::id).toArray(Long[]::new))
                .map((rs, ctx) -> members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new MatchGroup.Person(
                        rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        (Boolean) rs.getObject(8), (Integer) (rs.getObject(9) == null ? null : rs.getInt(9)), rs.getString(10))))
                .list();
        return rows.stream().map(r -> new MatchGroup(r.id(), r.roundId(), r.schemeId(), r.schemeName(), r.number(), r.meetBy(), r.score(),
                r.mode(), r.reason(), r.firstStep(), List.copyOf(members.getOrDefault(r.id(), List.of())))).collect(Collectors.toList());
    }
}
