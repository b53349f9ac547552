package org.convene.communities;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.convene.projects.ProjectStatus;
import org.convene.web.Coded;

/**
 * A community's people, events, ideas, projects and resources in brief, for its page: its
 * convenors, its next events, its most voted ideas, the improvement projects its ideas became and
 * its first resources (pinned first) with their count. Outsiders of a request-to-join community
 * see its convenors only.
 */
public record Overview(List<Convenor> convenors, List<UpcomingEvent> events, List<TopIdea> ideas, List<GrownProject> projects,
                       List<Resource> resources, int resourceCount) {
    public static final int EVENTS = 3;
    public static final int IDEAS = 3;
    public static final int PROJECTS = 10;
    public static final int RESOURCES = 5;

    public record Convenor(long personId, String name) {
    }

    /** An event not yet over, with its places taken (one per registration plus its guests) of its capacity (null: no limit). */
    public record UpcomingEvent(long id, String title, Instant startsAt, String timeZone, Integer capacity, int taken) {
        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

        /** When it starts, in its own time zone: "Thursday 4 March 2027, 18:30". */
        public String when() {
            return WHEN.format(startsAt.atZone(ZoneId.of(timeZone)));
        }

        /** "19/50 places", or "19 registered" without a limit. */
        public String places() {
            return capacity == null ? taken + " registered" : taken + "/" + capacity + " places";
        }
    }

    public record TopIdea(long id, String title, int votes) {
    }

    /** An improvement project that grew from one of the community's ideas. */
    public record GrownProject(long id, String title, String status, long ideaId, String ideaTitle) {
        public String statusLabel() {
            return Coded.of(ProjectStatus.class, status).label();
        }
    }

    static Overview convenorsOnly(List<Convenor> convenors) {
        return new Overview(convenors, List.of(), List.of(), List.of(), List.of(), 0);
    }
}
