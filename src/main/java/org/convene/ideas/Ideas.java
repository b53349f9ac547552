package org.convene.ideas;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.convene.db.Rows;
import org.convene.errors.ConflictException;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.mail.Outbox;
import org.convene.notifications.Activities;
import org.convene.notifications.Activity;
import org.convene.ties.Ties;
import org.convene.transfer.SpreadsheetSafe;
import org.jdbi.v3.core.Jdbi;

/** Data access for the ideas board: ideas, votes (one per person), comments, results and what an idea became. */
public final class Ideas {
    private static final String SELECT = "SELECT i.id, i.community_id, c.name AS community_name, i.title, i.description, i.author_id, "
            + "p.full_name AS author_name, i.secret_ballot, i.event_id, e.title AS event_title, i.project_id, pr.title AS project_title, i.created_at, "
            + "(SELECT count(*) FROM idea_votes v WHERE v.idea_id = i.id) AS votes, "
            + "(SELECT count(*) FROM idea_comments x WHERE x.idea_id = i.id) AS comments "
            + "FROM ideas i LEFT JOIN communities c ON c.id = i.community_id LEFT JOIN people p ON p.id = i.author_id "
            + "LEFT JOIN events e ON e.id = i.event_id LEFT JOIN projects pr ON pr.id = i.project_id ";

    /** A comment on an idea. */
    public record Comment(long id, Long authorId, String authorName, String body, java.time.Instant createdAt) {
    }

    private final Jdbi jdbi;
    private final String baseUrl;

    public Ideas(Jdbi jdbi, String baseUrl) {
        this.jdbi = jdbi;
        this.baseUrl = baseUrl;
    }

    /** A board's ideas, the most voted first (community null: the whole system's board). */
    public List<Idea> board(Long community) {
        String where = community == null ? "WHERE i.community_id IS NULL " : "WHERE i.community_id = :c ";
        return jdbi.withHandle(h -> {
            var q = h.createQuery(SELECT + where + "ORDER BY votes DESC, i.created_at, i.id");
            if (community != null) {
                q.bind("c", community);
            }
            return q.map((rs, ctx) -> idea(rs)).list();
        });
    }

    public Idea get(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE i.id = :id").bind("id", id).map((rs, ctx) -> idea(rs)).findOne())
                .orElseThrow(() -> new NotFoundException("No idea with id " + id));
    }

    public Idea propose(Long community, long author, IdeaInput.Valid input) {
        long id = jdbi.inTransaction(h -> {
            long created = h.createUpdate("INSERT INTO ideas (community_id, title, description, author_id, secret_ballot) "
                            + "VALUES (:c, :t, :d, :a, :s)").bind("c", community).bind("t", input.title()).bind("d", input.description())
                    .bind("a", author).bind("s", input.secretBallot()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Activities.record(h, Activity.idea(community, created, author, input.title(), input.description()));
            return created;
        });
        return get(id);
    }

    /** The people who wrote the idea with its author, by name. */
    public List<String> coauthorNames(long idea) {
        return jdbi.withHandle(h -> h.createQuery("SELECT p.full_name FROM idea_coauthors c JOIN people p ON p.id = c.person_id "
                + "WHERE c.idea_id = :i ORDER BY c.added_at, p.id").bind("i", idea).mapTo(String.class).list());
    }

    /** Whether the person wrote the idea: its author or a co-author. */
    public boolean wrote(Idea idea, Long person) {
        return person != null && (person.equals(idea.authorId()) || jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM "
                + "idea_coauthors WHERE idea_id = :i AND person_id = :p)").bind("i", idea.id()).bind("p", person).mapTo(Boolean.class).one()));
    }

    /**
     * Adds a co-author. Co-authoring is a tie: the co-author collaborates with the author and every
     * earlier co-author (source "idea", one per idea), recorded in the same transaction.
     */
    public List<String> addCoauthor(Idea idea, long person, Long by) {
        jdbi.useTransaction(h -> {
            if (!h.createQuery("SELECT EXISTS (SELECT 1 FROM people WHERE id = :p)").bind("p", person).mapTo(Boolean.class).one()) {
                throw new ValidationException("Unknown person", Map.of("person", "No person with id " + person));
            }
            if (idea.authorId() != null && person == idea.authorId()) {
                throw new ConflictException("They proposed this idea");
            }
            List<Long> writers = new java.util.ArrayList<>(h.createQuery("SELECT person_id FROM idea_coauthors WHERE idea_id = :i")
                    .bind("i", idea.id()).mapTo(Long.class).list());
            if (writers.contains(person)) {
                throw new ConflictException("They already co-author this idea");
            }
            if (idea.authorId() != null) {
                writers.add(idea.authorId());
            }
            h.createUpdate("INSERT INTO idea_coauthors (idea_id, person_id) VALUES (:i, :p)").bind("i", idea.id()).bind("p", person).execute();
            Ties.collaborated(h, person, writers, "idea", "idea:" + idea.id(), "Wrote the idea " + idea.title() + " together", by);
        });
        return coauthorNames(idea.id());
    }

    /** Votes for the idea, or takes the vote back; one vote per person. */
    public Idea vote(long idea, long person, boolean inFavour) {
        get(idea);
        jdbi.useHandle(h -> {
            if (inFavour) {
                h.createUpdate("INSERT INTO idea_votes (idea_id, person_id) VALUES (:i, :p) ON CONFLICT DO NOTHING").bind("i", idea).bind("p", person).execute();
            } else {
                h.createUpdate("DELETE FROM idea_votes WHERE idea_id = :i AND person_id = :p").bind("i", idea).bind("p", person).execute();
            }
        });
        return get(idea);
    }

    public boolean voted(long idea, Long person) {
        return person != null && jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM idea_votes WHERE idea_id = :i AND person_id = :p)")
                .bind("i", idea).bind("p", person).mapTo(Boolean.class).one());
    }

    /** Who voted, in order; empty for a secret ballot. */
    public List<String> voters(Idea idea) {
        if (idea.secretBallot()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT p.full_name FROM idea_votes v JOIN people p ON p.id = v.person_id "
                + "WHERE v.idea_id = :i ORDER BY v.created_at, p.id").bind("i", idea.id()).mapTo(String.class).list());
    }

    public List<Comment> comments(long idea) {
        return jdbi.withHandle(h -> h.createQuery("SELECT x.id, x.author_id, p.full_name, x.body, x.created_at FROM idea_comments x "
                        + "LEFT JOIN people p ON p.id = x.author_id WHERE x.idea_id = :i ORDER BY x.id").bind("i", idea)
                .map((rs, ctx) -> new Comment(rs.getLong("id"), Rows.nullableLong(rs, "author_id"), rs.getString("full_name"),
                        rs.getString("body"), Rows.instant(rs, "created_at"))).list());
    }

    public Comment comment(long idea, long author, String body) {
        String clean = body == null ? "" : body.strip();
        if (clean.isEmpty() || clean.length() > 2000) {
            throw new ValidationException("Write a comment", Map.of("body", clean.isEmpty() ? "Write your comment"
                    : "A comment must be 2,000 characters or fewer"));
        }
        get(idea);
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO idea_comments (idea_id, author_id, body) VALUES (:i, :a, :b)")
                .bind("i", idea).bind("a", author).bind("b", clean).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return comments(idea).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    /** Links the idea to the event it became and tells its author and supporters, once, through the outbox. */
    public Idea becameEvent(long ideaId, long eventId) {
        jdbi.useTransaction(h -> {
            Map<String, Object> found = h.createQuery("SELECT i.title, i.event_id, e.title AS event_title FROM ideas i, events e "
                            + "WHERE i.id = :i AND e.id = :e").bind("i", ideaId).bind("e", eventId)
                    .mapToMap().findOne().orElseThrow(() -> new ValidationException("Unknown event",
                            Map.of("eventId", "No event " + eventId)));
            if (Long.valueOf(eventId).equals(found.get("event_id"))) {
                return;
            }
            h.createUpdate("UPDATE ideas SET event_id = :e WHERE id = :i").bind("e", eventId).bind("i", ideaId).execute();
            tellSupporters(h, ideaId, "Your idea is happening: " + found.get("event_title"), "has become an event: " + found.get("event_title")
                    + ".\n\nSee it and register: " + baseUrl + "/events/" + eventId + "\n", found.get("title"));
        });
        return get(ideaId);
    }

    /**
     * Links the idea to the improvement project it became (the project records the idea as its
     * origin unless it already has one) and tells its author and supporters, once.
     */
    public Idea becameProject(long ideaId, long projectId) {
        jdbi.useTransaction(h -> {
            Map<String, Object> found = h.createQuery("SELECT i.title, i.project_id, p.title AS project_title FROM ideas i, projects p "
                            + "WHERE i.id = :i AND p.id = :p").bind("i", ideaId).bind("p", projectId).mapToMap().findOne()
                    .orElseThrow(() -> new ValidationException("Unknown project", Map.of("projectId", "No project " + projectId)));
            if (Long.valueOf(projectId).equals(found.get("project_id"))) {
                return;
            }
            h.createUpdate("UPDATE ideas SET project_id = :p WHERE id = :i").bind("p", projectId).bind("i", ideaId).execute();
            h.createUpdate("UPDATE projects SET origin_kind = 'idea', origin_id = :i WHERE id = :p AND origin_kind IS NULL")
                    .bind("i", ideaId).bind("p", projectId).execute();
            tellSupporters(h, ideaId, "Your idea is now a project: " + found.get("project_title"), "has become an improvement project: "
                    + found.get("project_title") + ".\n\nFollow it: " + baseUrl + "/projects/" + projectId + "\n", found.get("title"));
        });
        return get(ideaId);
    }

    private static void tellSupporters(org.jdbi.v3.core.Handle h, long ideaId, String subject, String news, Object title) {
        List<Map<String, Object>> supporters = h.createQuery("SELECT DISTINCT p.full_name, p.email FROM people p WHERE p.email IS NOT NULL "
                        + "AND (p.id IN (SELECT person_id FROM idea_votes WHERE idea_id = :i) OR p.id = (SELECT author_id FROM ideas WHERE id = :i))")
                .bind("i", ideaId).mapToMap().list();
        for (Map<String, Object> s : supporters) {
            Outbox.enqueue(h, (String) s.get("email"), subject, "Hello " + s.get("full_name") + ",\n\nThe idea you supported, \"" + title + "\", " + news);
        }
    }

    /** The board's results as CSV: each idea with its votes and comments (and voters, unless the ballot is secret). */
    public String csv(Long community) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("idea", "author", "votes", "comments", "voters", "became",
                "project").get())) {
            for (Idea i : board(community)) {
                csv.printRecord(SpreadsheetSafe.neutralise(i.title()), i.authorName() == null ? "" : SpreadsheetSafe.neutralise(i.authorName()),
                        i.votes(), i.comments(), i.secretBallot() ? "(secret ballot)" : SpreadsheetSafe.neutralise(String.join("; ", voters(i))),
                        i.eventTitle() == null ? "" : SpreadsheetSafe.neutralise(i.eventTitle()),
                        i.projectTitle() == null ? "" : SpreadsheetSafe.neutralise(i.projectTitle()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Idea idea(ResultSet rs) throws SQLException {
        return new Idea(rs.getLong("id"), Rows.nullableLong(rs, "community_id"), rs.getString("community_name"), rs.getString("title"),
                rs.getString("description"), Rows.nullableLong(rs, "author_id"), rs.getString("author_name"), rs.getBoolean("secret_ballot"),
                rs.getInt("votes"), rs.getInt("comments"), Rows.nullableLong(rs, "event_id"), rs.getString("event_title"),
                Rows.nullableLong(rs, "project_id"), rs.getString("project_title"), Rows.instant(rs, "created_at"));
    }
}
