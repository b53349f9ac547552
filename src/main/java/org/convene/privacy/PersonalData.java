package org.convene.privacy;

import java.util.List;
import java.util.Map;

/**
 * Where Convene keeps data about a person, and what erasing them does to each place. One list
 * serves both the subject access download (every row listed here is included) and erasure (each
 * row is deleted, kept or has its free text blanked). A test compares it with the database's
 * foreign keys, so a new table that points at a person cannot be left out of either.
 *
 * <p>Rows that feed counts and networks (memberships, attendance, registrations, survey
 * responses, ties, votes) are kept: they point at the erased entry, which no longer says who it
 * was, so every total stays as it was. Free text the person wrote is blanked. Rows that only
 * served the person (sessions, preferences, notifications, private notes) are deleted.
 */
public final class PersonalData {

    /** Whether a holding's column holds a person's directory id or their account id. */
    public enum Link { PERSON, ACCOUNT }

    /** What erasure does to the rows: delete them, keep them as they are, or keep them with their free text replaced. */
    public enum Erase { DELETE, KEEP, BLANK }

    /**
     * One place: a table and the column that names the person, a title for the download, for
     * {@link Erase#BLANK} the replacement of each free-text column (an SQL expression), and the
     * columns left out of the download because they would name someone else (all of them, "*",
     * when the rows' very existence is another person's: who blocked whom).
     */
    public record Holding(String title, String table, String column, Link link, Erase erase, Map<String, String> blank,
                          java.util.Set<String> hidden) {
        static Holding keep(String title, String table, String column) {
            return new Holding(title, table, column, Link.PERSON, Erase.KEEP, Map.of(), java.util.Set.of());
        }

        static Holding delete(String title, String table, String column) {
            return new Holding(title, table, column, Link.PERSON, Erase.DELETE, Map.of(), java.util.Set.of());
        }

        static Holding blank(String title, String table, String column, Map<String, String> blank) {
            return new Holding(title, table, column, Link.PERSON, Erase.BLANK, blank, java.util.Set.of());
        }

        static Holding account(String title, String table, String column, Erase erase) {
            return new Holding(title, table, column, Link.ACCOUNT, erase, Map.of(), java.util.Set.of());
        }

        Holding hiding(String... columns) {
            return new Holding(title, table, column, link, erase, blank, java.util.Set.of(columns));
        }

        /** Whether the download lists this holding's rows at all. */
        public boolean inDownload() {
            return !hidden.contains("*");
        }
    }

    private static final String REMOVED = "'[Removed when its author''s personal data was erased]'";

    /** Every holding, in the order the download shows them. */
    public static final List<Holding> HOLDINGS = List.of(
            // Sign-in: all of it goes with the account.
            Holding.account("Sign-in sessions", "sessions", "account_id", Erase.DELETE),
            Holding.account("API tokens", "api_tokens", "account_id", Erase.DELETE),
            Holding.account("Password reset and invitation links", "account_links", "account_id", Erase.DELETE),
            Holding.account("Single sign-on identities", "account_identities", "account_id", Erase.DELETE),
            // Programmes
            Holding.keep("Cohort enrolments", "enrolments", "person_id"),
            Holding.keep("Attendance", "attendance", "person_id"),
            Holding.keep("Modules facilitated", "module_facilitators", "person_id"),
            Holding.keep("Survey invitations", "survey_invitations", "person_id"),
            Holding.keep("Learning set places", "learning_set_members", "person_id"),
            Holding.keep("Action learning sessions presented", "set_meetings", "presenter"),
            Holding.delete("Coaching conversations as coach", "coaching_conversations", "coach_id"),
            Holding.delete("Coaching conversations as coachee", "coaching_conversations", "coachee_id"),
            Holding.delete("Agreed actions", "actions", "person_id"),
            // Leadership
            Holding.blank("Leader cluster candidacies", "cluster_candidates", "person_id",
                    Map.of("clout", "''", "approach", "''", "line_manager", "''")),
            Holding.keep("Endorsements received", "candidate_endorsements", "person_id").hiding("endorser_id"),
            Holding.blank("Endorsements given", "candidate_endorsements", "endorser_id", Map.of("note", "''")),
            Holding.keep("Leader cluster places", "leader_cluster_members", "person_id"),
            Holding.keep("Leader clusters mentored", "leader_clusters", "mentor_id"),
            Holding.keep("Leader clusters sponsored", "leader_clusters", "sponsor_id"),
            Holding.keep("Priority areas sponsored", "priority_areas", "sponsor_id"),
            // Matching
            Holding.keep("Matching scheme memberships", "scheme_members", "person_id"),
            Holding.blank("Matches", "match_members", "person_id", Map.of("comment", "''")),
            Holding.keep("Rounds without a match", "match_unplaced", "person_id"),
            Holding.delete("People not to be matched with", "match_blocks", "person_id"),
            Holding.delete("Blocked by others", "match_blocks", "blocked_id").hiding("*"),
            // Communities, events and ideas
            Holding.keep("Community memberships", "community_members", "person_id"),
            Holding.delete("Community notification levels", "community_notification_levels", "person_id"),
            Holding.keep("Discussions started", "threads", "author_id"),
            Holding.blank("Posts", "posts", "author_id", Map.of("body", REMOVED)),
            Holding.delete("Mentions", "post_mentions", "person_id"),
            Holding.delete("Discussions followed", "thread_follows", "person_id"),
            Holding.blank("Activity in communities", "activities", "actor_id", Map.of("summary", "''")),
            Holding.keep("Events hosted", "events", "host_id"),
            Holding.keep("Events co-hosted", "event_cohosts", "person_id"),
            Holding.delete("Event invitations", "event_invitations", "person_id"),
            Holding.blank("Event registrations", "registrations", "person_id", Map.of("answer", "''")),
            Holding.blank("Ideas", "ideas", "author_id", Map.of("description", REMOVED)),
            Holding.keep("Ideas co-authored", "idea_coauthors", "person_id"),
            Holding.blank("Comments on ideas", "idea_comments", "author_id", Map.of("body", REMOVED)),
            Holding.keep("Votes on ideas", "idea_votes", "person_id"),
            Holding.keep("Resources shared", "community_resources", "added_by"),
            // Projects
            Holding.keep("Projects owned", "projects", "owner_id"),
            Holding.keep("Project teams", "project_members", "person_id"),
            Holding.keep("Project progress scores confirmed", "project_scores", "confirmed_by"),
            // Relationships
            Holding.blank("Relationships (as the first of the pair)", "ties", "person_a", Map.of("note", "''")),
            Holding.blank("Relationships (as the second of the pair)", "ties", "person_b", Map.of("note", "''")),
            // Notifications
            Holding.delete("Notification settings", "notification_settings", "person_id"),
            Holding.delete("Notifications", "notifications", "person_id"),
            Holding.delete("Email digests", "digests", "person_id"),
            Holding.delete("Calendar feeds", "calendar_feeds", "person_id"));

    /**
     * Columns that point at an account only to say who recorded something on behalf of the
     * programme. When the account goes they become empty (their foreign keys say ON DELETE SET
     * NULL); the download lists what the person recorded only through these.
     */
    public static final List<String> RECORDED_BY = List.of(
            "actions.created_by", "attendance.recorded_by", "cluster_candidates.added_by", "communities.created_by",
            "course_changes.recorded_by", "event_invitations.invited_by", "events.created_by", "inquiry_sessions.created_by",
            "leader_clusters.created_by", "measure_points.recorded_by", "pdsa_cycles.recorded_by", "priority_areas.created_by",
            "programmes.created_by", "projects.created_by", "schemes.created_by", "set_meetings.created_by",
            "set_plans.formed_by", "ties.recorded_by");

    /** Columns never shown in a download: secrets, and search indexes and file contents that repeat what is shown. */
    static final java.util.Set<String> NEVER_SHOWN = java.util.Set.of("token_hash", "password_hash", "csrf_token", "nonce",
            "search", "content", "presentation", "attachment");

    private PersonalData() {
    }
}
