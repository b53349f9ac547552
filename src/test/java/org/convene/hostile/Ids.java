package org.convene.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.surveys.SurveyLinks;
import org.jdbi.v3.core.Jdbi;

/**
 * Real ids for the placeholders of the route table's paths and for the id fields of request
 * bodies, looked up in the database when asked (so things made earlier in a run are found too).
 * A placeholder is named by the path segment before it: {@code /cohorts/{id}} takes a cohort,
 * {@code /priority-areas/{id}/candidates/{personId}} one of that area's candidates. A segment not
 * known here gets {@code 1}, so a new route is still attacked, though perhaps only as a 404.
 */
final class Ids {
    /** Per collection segment, the query for an id; {@code :p} is the id placed just before it. */
    private static final Map<String, String> BY_SEGMENT = Map.ofEntries(
            Map.entry("people", "SELECT id FROM people WHERE listed AND id > 10 ORDER BY id LIMIT 1"),
            Map.entry("organisations", "SELECT id FROM organisations ORDER BY id LIMIT 1"),
            Map.entry("ties", "SELECT id FROM ties WHERE ended_on IS NULL ORDER BY id DESC LIMIT 1"),
            Map.entry("programmes", "SELECT id FROM programmes ORDER BY id LIMIT 1"),
            Map.entry("cohorts", "SELECT c.id FROM cohorts c WHERE EXISTS (SELECT 1 FROM enrolments e WHERE e.cohort_id = c.id "
                    + "AND e.person_id = 3) ORDER BY c.id DESC LIMIT 1"),
            Map.entry("modules", "SELECT m.id FROM modules m JOIN enrolments e ON e.cohort_id = m.cohort_id AND e.person_id = 3 "
                    + "ORDER BY m.cohort_id DESC, m.position LIMIT 1"),
            Map.entry("materials", "SELECT id FROM module_materials ORDER BY id DESC LIMIT 1"),
            Map.entry("changes", "SELECT id FROM course_changes ORDER BY id LIMIT 1"),
            Map.entry("surveys", "SELECT s.id FROM surveys s WHERE s.status = 'draft' ORDER BY (s.cohort_id IS NULL), s.id DESC LIMIT 1"),
            Map.entry("questions", "SELECT q.id FROM survey_questions q JOIN surveys s ON s.id = q.survey_id "
                    + "WHERE s.status = 'draft' ORDER BY q.id DESC LIMIT 1"),
            Map.entry("schemes", "SELECT id FROM schemes ORDER BY id LIMIT 1"),
            Map.entry("rounds", "SELECT id FROM match_rounds ORDER BY id DESC LIMIT 1"),
            Map.entry("matches", "SELECT g.id FROM match_groups g JOIN match_members m ON m.group_id = g.id AND m.person_id = 3 "
                    + "ORDER BY g.id DESC LIMIT 1"),
            Map.entry("blocks", "SELECT blocked_id FROM match_blocks ORDER BY created_at DESC LIMIT 1"),
            Map.entry("projects", "SELECT p.id FROM projects p JOIN project_members m ON m.project_id = p.id AND m.person_id = 3 "
                    + "ORDER BY p.id LIMIT 1"),
            Map.entry("measures", "SELECT m.id FROM project_measures m JOIN project_members pm ON pm.project_id = m.project_id "
                    + "AND pm.person_id = 3 ORDER BY m.id LIMIT 1"),
            Map.entry("points", "SELECT id FROM measure_points ORDER BY id DESC LIMIT 1"),
            Map.entry("cycles", "SELECT id FROM pdsa_cycles ORDER BY id LIMIT 1"),
            Map.entry("sets", "SELECT set_id FROM learning_set_members WHERE person_id = 3 ORDER BY set_id DESC LIMIT 1"),
            Map.entry("set-meetings", "SELECT id FROM set_meetings ORDER BY id DESC LIMIT 1"),
            Map.entry("actions", "SELECT id FROM actions WHERE person_id = 3 ORDER BY id LIMIT 1"),
            Map.entry("coaching", "SELECT id FROM coaching_conversations ORDER BY id LIMIT 1"),
            Map.entry("inquiries", "SELECT id FROM inquiry_sessions ORDER BY id LIMIT 1"),
            Map.entry("priority-areas", "SELECT id FROM priority_areas ORDER BY id LIMIT 1"),
            Map.entry("candidates", "SELECT person_id FROM cluster_candidates WHERE area_id = :p ORDER BY person_id LIMIT 1"),
            Map.entry("clusters", "SELECT id FROM leader_clusters ORDER BY id LIMIT 1"),
            Map.entry("communities", "SELECT c.id FROM communities c JOIN community_members m ON m.community_id = c.id "
                    + "AND m.person_id = 3 AND m.status = 'active' ORDER BY c.id LIMIT 1"),
            Map.entry("members", "SELECT person_id FROM community_members WHERE community_id = :p AND role <> 'convenor' "
                    + "ORDER BY person_id DESC LIMIT 1"),
            Map.entry("discussions", "SELECT id FROM threads ORDER BY id LIMIT 1"),
            Map.entry("posts", "SELECT id FROM posts ORDER BY id LIMIT 1"),
            Map.entry("notifications", "SELECT id FROM notifications ORDER BY id DESC LIMIT 1"),
            Map.entry("resources", "SELECT id FROM community_resources ORDER BY id DESC LIMIT 1"),
            Map.entry("events", "SELECT id FROM events ORDER BY id LIMIT 1"),
            Map.entry("registrations", "SELECT person_id FROM registrations WHERE event_id = :p ORDER BY id LIMIT 1"),
            Map.entry("enrolments", "SELECT person_id FROM enrolments WHERE cohort_id = :p AND person_id > 4 ORDER BY person_id DESC LIMIT 1"),
            Map.entry("team", "SELECT person_id FROM project_members WHERE project_id = :p AND role <> 'lead' ORDER BY person_id LIMIT 1"),
            Map.entry("ideas", "SELECT id FROM ideas ORDER BY id LIMIT 1"),
            Map.entry("accounts", "SELECT id FROM accounts WHERE email = 'spare@test.example'"),
            Map.entry("tokens", "SELECT id FROM api_tokens WHERE name = 'spare' ORDER BY id DESC LIMIT 1"),
            Map.entry("impact", "SELECT 'people'"),
            Map.entry("my/surveys", "SELECT s.id FROM surveys s JOIN survey_invitations i ON i.survey_id = s.id AND i.person_id = 3 "
                    + "WHERE s.status = 'open' ORDER BY s.id DESC LIMIT 1"));

    /** Per collection segment, its table: the newest row is what a run made last. */
    private static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("people", "people"), Map.entry("organisations", "organisations"), Map.entry("ties", "ties"),
            Map.entry("programmes", "programmes"), Map.entry("cohorts", "cohorts"), Map.entry("modules", "modules"),
            Map.entry("materials", "module_materials"), Map.entry("changes", "course_changes"), Map.entry("surveys", "surveys"),
            Map.entry("questions", "survey_questions"), Map.entry("schemes", "schemes"), Map.entry("rounds", "match_rounds"),
            Map.entry("matches", "match_groups"), Map.entry("projects", "projects"), Map.entry("measures", "project_measures"),
            Map.entry("points", "measure_points"), Map.entry("cycles", "pdsa_cycles"), Map.entry("sets", "learning_sets"),
            Map.entry("set-meetings", "set_meetings"), Map.entry("coaching", "coaching_conversations"),
            Map.entry("inquiries", "inquiry_sessions"), Map.entry("priority-areas", "priority_areas"),
            Map.entry("clusters", "leader_clusters"), Map.entry("communities", "communities"), Map.entry("discussions", "threads"),
            Map.entry("posts", "posts"), Map.entry("notifications", "notifications"), Map.entry("resources", "community_resources"),
            Map.entry("events", "events"), Map.entry("ideas", "ideas"));

    private final Jdbi jdbi;
    private final Map<String, String> tokens;

    Ids(Jdbi jdbi, Map<String, String> tokens) {
        this.jdbi = jdbi;
        this.tokens = tokens;
    }

    /** The route's path with every placeholder filled in. */
    String path(String template) {
        String[] parts = template.split("/");
        List<String> out = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("{")) {
                String suffix = part.substring(part.indexOf('}') + 1);
                String segment = i > 1 && parts[i - 2].equals("my") ? "my/" + parts[i - 1] : parts[i - 1];
                String value = fill(segment, part, previous);
                previous = value;
                out.add(value + suffix);
            } else {
                if (part.matches("\\d+")) {
                    previous = part; // an id given already, which the next placeholder may belong to
                }
                out.add(part);
            }
        }
        return String.join("/", out);
    }

    /**
     * The path with its first placeholder given the newest row of its table (what a run stored
     * last), the others filled as {@link #path} does; null when the first segment has no table.
     */
    String newest(String template) {
        String[] parts = template.split("/");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("{id}")) {
                String table = TABLES.get(parts[i - 1]);
                if (table == null) {
                    return null;
                }
                String id = first("SELECT max(id)::text FROM " + table, null).orElse(null);
                if (id == null) {
                    return null;
                }
                parts[i] = id + parts[i].substring("{id}".length());
                return path(String.join("/", parts));
            }
        }
        return null;
    }

    private String fill(String segment, String placeholder, String parent) {
        if (placeholder.startsWith("{token}")) {
            return token(segment).orElse("no-such-token");
        }
        String sql = BY_SEGMENT.get(segment);
        if (sql == null) {
            return "1";
        }
        return first(sql, parent).orElse("999999");
    }

    /** The first row of a query, {@code :p} bound to the parent id when it uses one. */
    Optional<String> first(String sql, String parent) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            if (sql.contains(":p")) {
                q.bind("p", parent == null || !parent.matches("\\d+") ? -1 : Long.parseLong(parent));
            }
            return q.mapTo(String.class).findFirst();
        });
    }

    /** Two or three candidates of a priority area, for a cluster. */
    List<String> candidates(String area) {
        return firstN("SELECT person_id FROM cluster_candidates WHERE area_id = :p ORDER BY person_id DESC LIMIT 2", area);
    }

    /** Every row of a query (a few), {@code :p} bound as for {@link #first}. */
    List<String> firstN(String sql, String parent) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            if (sql.contains(":p")) {
                q.bind("p", parent == null || !parent.matches("\\d+") ? -1 : Long.parseLong(parent));
            }
            return q.mapTo(String.class).list();
        });
    }

    /** A working token for /s/, /invite/ or /reset/ links, where one can be found. */
    private Optional<String> token(String segment) {
        return switch (segment) {
            case "s" -> first("SELECT i.id FROM survey_invitations i JOIN surveys s ON s.id = i.survey_id WHERE s.status = 'open' "
                    + "AND NOT EXISTS (SELECT 1 FROM survey_responses r WHERE r.invitation_id = i.id AND r.submitted_at IS NOT NULL) "
                    + "ORDER BY i.id DESC LIMIT 1", null).map(id -> new SurveyLinks(jdbi).token(Long.parseLong(id)));
            case "invite", "reset" -> java.util.Optional.ofNullable(tokens.get(segment));
            default -> Optional.empty();
        };
    }

    /**
     * An id for a body field, by its name (and for a few routes, what the route needs), or empty when
     * the name says nothing. {@code context} holds the route ("route") and the ids in its path.
     */
    Optional<Long> field(String name, Map<String, String> context) {
        String route = context.getOrDefault("route", "");
        String parent = context.get("id");
        if (route.endsWith("/ideas/{id}/coauthors") && name.equals("person")) {
            return first("SELECT m.person_id FROM community_members m JOIN ideas i ON i.community_id = m.community_id "
                    + "WHERE i.id = :p AND m.status = 'active' AND m.person_id <> i.author_id AND NOT EXISTS "
                    + "(SELECT 1 FROM idea_coauthors c WHERE c.idea_id = i.id AND c.person_id = m.person_id) "
                    + "ORDER BY m.person_id LIMIT 1", parent).map(Long::parseLong);
        }
        if (route.endsWith("/events/{id}/cohosts") && name.equals("person")) {
            return first("SELECT id FROM people WHERE listed AND id > 10 AND id NOT IN (SELECT person_id FROM event_cohosts "
                    + "WHERE event_id = :p) ORDER BY id LIMIT 1", parent).map(Long::parseLong);
        }
        String sql = switch (name) {
            case "otherPersonId" -> "SELECT person_id FROM enrolments WHERE person_id > 4 ORDER BY cohort_id DESC, person_id DESC "
                    + "OFFSET 1 LIMIT 1";
            case "person", "personId", "coachee", "presenter", "endorser", "member" ->
                    "SELECT person_id FROM enrolments WHERE person_id > 4 ORDER BY cohort_id DESC, person_id DESC LIMIT 1";
            case "sponsor" -> "SELECT 4";
            case "mentor" -> "SELECT 2";
            case "organisationId" -> "SELECT id FROM organisations ORDER BY id LIMIT 1";
            case "cohortId", "cohort" -> BY_SEGMENT.get("cohorts");
            case "community" -> BY_SEGMENT.get("communities");
            case "eventId" -> BY_SEGMENT.get("events");
            case "projectId" -> BY_SEGMENT.get("projects");
            case "ownerId" -> "SELECT 3";
            case "promptedByModule", "appliedInModule" -> "SELECT 1";
            default -> null;
        };
        return sql == null ? Optional.empty() : first(sql, null).map(Long::parseLong);
    }
}
