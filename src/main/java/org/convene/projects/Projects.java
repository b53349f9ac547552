package org.convene.projects;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.convene.accounts.Viewer;
import org.convene.db.Rows;
import org.convene.errors.ConflictException;
import org.convene.errors.ForbiddenException;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.ties.TieInput;
import org.convene.ties.TieKind;
import org.convene.ties.Ties;
import org.convene.transfer.SpreadsheetSafe;
import org.convene.web.Coded;
import org.convene.web.Paged;
import org.convene.web.Text;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Data access for projects, their teams and final presentations. A project's team are ties in the
 * network (kind collaborate, source {@value #TIE_SOURCE}, reference project:ID), recorded in the
 * same transaction as the team changes: joining adds a tie with every other member; leaving ends
 * the leaver's ties as of today (deletes those begun today, so removing someone added by mistake
 * leaves no false history); coming back makes them current again.
 */
public final class Projects {
    public static final String TIE_SOURCE = "project";
    /** Uploaded presentations are kept in the database, so they stay small. */
    public static final int MAX_PRESENTATION_BYTES = 10 * 1024 * 1024;
    private static final String PROJECT = "SELECT p.id, p.title, p.summary, p.aim, p.place_id, pl.name AS place_name, p.status, "
            + "p.starts_on, p.ends_on, p.owner_id, o.full_name AS owner_name, p.cohort_id, "
            + "prog.title || ', ' || c.name AS cohort_name, p.origin_kind, p.origin_id, p.presentation_url, p.presentation_name, "
            + "coalesce(octet_length(p.presentation), 0) AS presentation_size, p.created_at, p.updated_at, p.themes, p.outcomes, p.links "
            + "FROM projects p LEFT JOIN places pl ON pl.id = p.place_id LEFT JOIN people o ON o.id = p.owner_id "
            + "LEFT JOIN cohorts c ON c.id = p.cohort_id LEFT JOIN programmes prog ON prog.id = c.programme_id ";
    private static final String SUMMARY = "SELECT p.id, p.title, p.status, pl.name AS place_name, prog.title || ', ' || c.name AS cohort_name, "
            + "o.full_name AS owner_name, p.updated_at, "
            + "(SELECT count(*) FROM project_members m WHERE m.project_id = p.id) AS members, "
            + "(SELECT count(*) FROM project_measures x WHERE x.project_id = p.id) AS measures, "
            + "(SELECT s.score FROM project_scores s WHERE s.project_id = p.id ORDER BY s.confirmed_at DESC, s.id DESC LIMIT 1) AS score "
            + "FROM projects p LEFT JOIN places pl ON pl.id = p.place_id LEFT JOIN people o ON o.id = p.owner_id "
            + "LEFT JOIN cohorts c ON c.id = p.cohort_id LEFT JOIN programmes prog ON prog.id = c.programme_id ";
    private static final String FILTER = "WHERE (:words::text[] IS NULL OR p.title ILIKE ALL (:words::text[])) "
            + "AND (:status::text IS NULL OR p.status = :status) AND (:cohort::bigint IS NULL OR p.cohort_id = :cohort) "
            + "AND (:place::bigint IS NULL OR p.place_id = :place) "
            + "AND (:sector::text IS NULL OR EXISTS (SELECT 1 FROM project_members m JOIN people mp ON mp.id = m.person_id "
            + "     WHERE m.project_id = p.id AND mp.sector_code = :sector) OR EXISTS (SELECT 1 FROM project_partners pp "
            + "     JOIN organisations po ON po.id = pp.organisation_id WHERE pp.project_id = p.id AND po.sector_code = :sector)) "
            + "AND (:theme::text IS NULL OR p.themes @> ARRAY[:theme::text]) AND (:origin::text IS NULL OR p.origin_kind = :origin) "
            + "AND (:kind::text IS NULL OR EXISTS (SELECT 1 FROM project_measures x WHERE x.project_id = p.id AND x.kind = :kind)) "
            + "AND (:person::bigint IS NULL OR EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = p.id AND m.person_id = :person)) ";
    private static final String MEMBER = "SELECT m.project_id, m.person_id, pp.full_name, pp.sector_code, sec.name AS sector_name, "
            + "org.name AS organisation_name, m.role, m.joined_at FROM project_members m JOIN people pp ON pp.id = m.person_id "
            + "JOIN sectors sec ON sec.code = pp.sector_code LEFT JOIN organisations org ON org.id = pp.organisation_id ";

    private final Jdbi jdbi;

    public Projects(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // Listing

    /**
     * Which projects to list: words all in the title; a status, cohort, place, measure kind; a
     * sector someone in the team works in or a partner organisation is in; a person in the team; a
     * theme; what it grew from (an origin kind). Null means any.
     */
    public record Filter(String text, ProjectStatus status, Long cohortId, Long placeId, String sector, MeasureKind kind, Long personId,
                         String theme, String origin) {
        public static final Filter ALL = new Filter(null, null, null, null, null, null, null, null, null);

        /** A filter without the registry's theme and origin. */
        public Filter(String text, ProjectStatus status, Long cohortId, Long placeId, String sector, MeasureKind kind, Long personId) {
            this(text, status, cohortId, placeId, sector, kind, personId, null, null);
        }

        String[] words() {
            if (text == null || text.isBlank()) {
                return null;
            }
            return Arrays.stream(Text.singleLine(text).split(" "))
                    .map(w -> "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                    .toArray(String[]::new);
        }
    }

    public Paged<ProjectSummary> list(Filter filter, int page, int size) {
        return jdbi.withHandle(h -> {
            List<ProjectSummary> items = bindFilter(h.createQuery(SUMMARY + FILTER + "ORDER BY p.updated_at DESC, p.id DESC LIMIT :limit OFFSET :offset"), filter)
                    .bind("limit", size).bind("offset", (page - 1) * size)
                    .map((rs, ctx) -> summary(rs)).list();
            long total = bindFilter(h.createQuery("SELECT count(*) FROM projects p " + FILTER), filter).mapTo(Long.class).one();
            return new Paged<>(items, page, size, total, false);
        });
    }

    /** The most projects one CSV export holds. */
    public static final int CSV_LIMIT = 10_000;

    /**
     * The projects the filter finds as CSV, most recently changed first: the registry's fields,
     * partners and the sectors they and the team span, team size, measures and the latest score.
     * Text that a spreadsheet would run as a formula is neutralised.
     */
    public String csv(Filter filter) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("id", "title", "status", "place", "starts_on", "ends_on",
                "themes", "partners", "sectors", "grew_from", "grew_from_id", "team", "measures", "latest_score", "outcomes", "links").get())) {
            jdbi.useHandle(h -> bindFilter(h.createQuery("SELECT p.id, p.title, p.status, pl.name AS place_name, p.starts_on, p.ends_on, "
                            + "p.themes, p.outcomes, p.links, p.origin_kind, p.origin_id, "
                            + "(SELECT string_agg(o.name, '; ' ORDER BY lower(o.name)) FROM project_partners pp JOIN organisations o "
                            + "ON o.id = pp.organisation_id WHERE pp.project_id = p.id) AS partners, "
                            + "(SELECT string_agg(DISTINCT sec.name, '; ') FROM sectors sec WHERE sec.code IN (SELECT o.sector_code FROM "
                            + "project_partners pp JOIN organisations o ON o.id = pp.organisation_id WHERE pp.project_id = p.id UNION "
                            + "SELECT mp.sector_code FROM project_members m JOIN people mp ON mp.id = m.person_id WHERE m.project_id = p.id)) AS sectors, "
                            + "(SELECT count(*) FROM project_members m WHERE m.project_id = p.id) AS members, "
                            + "(SELECT count(*) FROM project_measures x WHERE x.project_id = p.id) AS measures, "
                            + "(SELECT s.score FROM project_scores s WHERE s.project_id = p.id ORDER BY s.confirmed_at DESC, s.id DESC LIMIT 1) AS score "
                            + "FROM projects p LEFT JOIN places pl ON pl.id = p.place_id " + FILTER
                            + "ORDER BY p.updated_at DESC, p.id DESC LIMIT " + CSV_LIMIT), filter)
                    .map((rs, ctx) -> List.<Object>of(rs.getLong("id"), safe(rs.getString("title")), rs.getString("status"),
                            safe(rs.getString("place_name")), text(rs.getDate("starts_on")), text(rs.getDate("ends_on")),
                            safe(String.join("; ", Rows.textArray(rs, "themes"))), safe(rs.getString("partners")), safe(rs.getString("sectors")),
                            text(rs.getString("origin_kind")), text(Rows.nullableLong(rs, "origin_id")), rs.getInt("members"), rs.getInt("measures"),
                            text(rs.getBigDecimal("score")), safe(rs.getString("outcomes")), safe(String.join(" ", Rows.textArray(rs, "links")))))
                    .forEach(row -> {
                        try {
                            csv.printRecord(row);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String safe(String text) {
        return text == null ? "" : SpreadsheetSafe.neutralise(text);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static org.jdbi.v3.core.statement.Query bindFilter(org.jdbi.v3.core.statement.Query q, Filter f) {
        return q.bind("words", f.words()).bind("status", f.status() == null ? null : f.status().code()).bind("cohort", f.cohortId())
                .bind("place", f.placeId()).bind("sector", f.sector()).bind("kind", f.kind() == null ? null : f.kind().code())
                .bind("person", f.personId()).bind("theme", f.theme()).bind("origin", f.origin());
    }

    // One project

    public Optional<Project> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    static Optional<Project> find(Handle h, long id) {
        List<Project.Partner> partners = h.createQuery("SELECT o.id, o.name, o.sector_code, sec.name AS sector_name FROM project_partners pp "
                        + "JOIN organisations o ON o.id = pp.organisation_id JOIN sectors sec ON sec.code = o.sector_code "
                        + "WHERE pp.project_id = :id ORDER BY lower(o.name), o.id").bind("id", id)
                .map((rs, ctx) -> new Project.Partner(rs.getLong("id"), rs.getString("name"), rs.getString("sector_code"),
                        rs.getString("sector_name"))).list();
        return h.createQuery(PROJECT + "WHERE p.id = :id").bind("id", id).map((rs, ctx) -> project(rs, partners)).findOne();
    }

    /**
     * The organisations named (one name each, any case), for a form that names partners: their ids
     * in the order given, or a validation error naming those not in the directory.
     */
    public List<Long> organisationIds(List<String> names) {
        List<String> clean = names.stream().map(Text::singleLine).filter(n -> !n.isEmpty()).distinct().toList();
        if (clean.isEmpty()) {
            return List.of();
        }
        Map<String, Long> found = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, lower(name) AS name FROM organisations WHERE lower(name) = ANY(:names)")
                .bind("names", clean.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new))
                .map((rs, ctx) -> found.put(rs.getString("name"), rs.getLong("id"))).list());
        List<String> unknown = clean.stream().filter(n -> !found.containsKey(n.toLowerCase(java.util.Locale.ROOT))).toList();
        if (!unknown.isEmpty()) {
            throw ValidationException.of(Map.of("partners", "Not in the directory: " + String.join(", ", unknown)
                    + " (add the organisation first, or check the spelling)"));
        }
        return clean.stream().map(n -> found.get(n.toLowerCase(java.util.Locale.ROOT))).toList();
    }

    /** Replaces the project's partner organisations (checked to exist) in the caller's transaction. */
    private static void savePartners(Handle h, long projectId, List<Long> partners) {
        Long[] ids = partners.toArray(Long[]::new);
        long known = h.createQuery("SELECT count(*) FROM organisations WHERE id = ANY(:ids)").bind("ids", ids).mapTo(Long.class).one();
        if (known < ids.length) {
            throw ValidationException.of(Map.of("partnerIds", "Every partner must be an organisation in the directory"));
        }
        h.createUpdate("DELETE FROM project_partners WHERE project_id = :p").bind("p", projectId).execute();
        h.createUpdate("INSERT INTO project_partners (project_id, organisation_id) SELECT :p, unnest(CAST(:ids AS bigint[]))")
                .bind("p", projectId).bind("ids", ids).execute();
    }

    public Project get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No project with id " + id));
    }

    /** Creates the project with its owner as the team's lead. */
    public Project create(ProjectInput.Valid input, long ownerId, Long createdBy) {
        long id = jdbi.inTransaction(h -> {
            check(h, input);
            if (h.createQuery("SELECT count(*) FROM people WHERE id = :id").bind("id", ownerId).mapTo(Integer.class).one() == 0) {
                throw ValidationException.of(Map.of("ownerId", "No person with id " + ownerId + " in the directory"));
            }
            long projectId = h.createUpdate("INSERT INTO projects (title, summary, aim, place_id, status, starts_on, ends_on, owner_id, "
                            + "cohort_id, origin_kind, origin_id, themes, outcomes, links, created_by) VALUES (:title, :summary, :aim, :place, "
                            + ":status, :starts, :ends, :owner, :cohort, :originKind, :originId, :themes, :outcomes, :links, :by)")
                    .bindMap(params(input)).bind("owner", ownerId).bind("by", createdBy)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            savePartners(h, projectId, input.partnerIds());
            h.createUpdate("INSERT INTO project_members (project_id, person_id, role) VALUES (:p, :person, 'lead')")
                    .bind("p", projectId).bind("person", ownerId).execute();
            return projectId;
        });
        return get(id);
    }

    /** Changes the project; a new owner must already run it (be in the team, not only as a sponsor). */
    public Project update(long id, ProjectInput.Valid input) {
        jdbi.useTransaction(h -> {
            lock(h, id);
            check(h, input);
            if (input.ownerId() != null && !role(h, id, input.ownerId()).map(TeamRole::runsProject).orElse(false)) {
                throw ValidationException.of(Map.of("ownerId", "The owner must be in the team, and not only as a sponsor: add them first"));
            }
            h.createUpdate("UPDATE projects SET title = :title, summary = :summary, aim = :aim, place_id = :place, status = :status, "
                            + "starts_on = :starts, ends_on = :ends, owner_id = coalesce(:owner, owner_id), cohort_id = :cohort, "
                            + "origin_kind = :originKind, origin_id = :originId, themes = :themes, outcomes = :outcomes, links = :links, "
                            + "updated_at = now() WHERE id = :id")
                    .bindMap(params(input)).bind("owner", input.ownerId()).bind("id", id).execute();
            savePartners(h, id, input.partnerIds());
        });
        return get(id);
    }

    private static Map<String, Object> params(ProjectInput.Valid input) {
        Map<String, Object> p = new HashMap<>();
        p.put("title", input.title());
        p.put("summary", input.summary());
        p.put("aim", input.aim());
        p.put("place", input.placeId());
        p.put("status", input.status().code());
        p.put("starts", input.startsOn());
        p.put("ends", input.endsOn());
        p.put("cohort", input.cohortId());
        p.put("originKind", input.originKind());
        p.put("originId", input.originId());
        p.put("themes", input.themes().toArray(String[]::new));
        p.put("outcomes", input.outcomes());
        p.put("links", input.links().toArray(String[]::new));
        return p;
    }

    private static void check(Handle h, ProjectInput.Valid input) {
        if (input.cohortId() != null
                && h.createQuery("SELECT count(*) FROM cohorts WHERE id = :id").bind("id", input.cohortId()).mapTo(Integer.class).one() == 0) {
            throw ValidationException.of(Map.of("cohortId", "No cohort with id " + input.cohortId()));
        }
    }

    /** Takes the project's row lock, so that team changes (and the ties they record) happen one at a time. */
    static void lock(Handle h, long id) {
        if (h.createQuery("SELECT id FROM projects WHERE id = :id FOR UPDATE").bind("id", id).mapTo(Long.class).findOne().isEmpty()) {
            throw new NotFoundException("No project with id " + id);
        }
    }

    /** Marks the project as changed now (the list shows the most recently changed first). */
    static void touch(Handle h, long id) {
        h.createUpdate("UPDATE projects SET updated_at = now() WHERE id = :id").bind("id", id).execute();
    }

    // Who may change a project

    /** The project's leads, members and coaches, and administrators and programme leads. */
    public boolean canChange(Viewer viewer, long projectId) {
        return viewer.managesDirectory() || runs(viewer, projectId);
    }

    /** Whether the viewer runs the project (a lead, member or coach of its team): they confirm its progress score. */
    public boolean runs(Viewer viewer, long projectId) {
        return viewer.personId() != null && role(projectId, viewer.personId()).map(TeamRole::runsProject).orElse(false);
    }

    public void requireCanChange(Viewer viewer, long projectId) {
        if (!canChange(viewer, projectId)) {
            throw new ForbiddenException("Only the project's team (its leads, members and coaches) and programme leads can change this project");
        }
    }

    // The team

    public List<TeamMember> team(long projectId) {
        return jdbi.withHandle(h -> h.createQuery(MEMBER + "WHERE m.project_id = :p ORDER BY "
                        + "array_position(ARRAY['lead', 'coach', 'member', 'sponsor'], m.role), lower(pp.full_name), pp.id")
                .bind("p", projectId).map((rs, ctx) -> member(rs)).list());
    }

    public Optional<TeamRole> role(long projectId, long personId) {
        return jdbi.withHandle(h -> role(h, projectId, personId));
    }

    private static Optional<TeamRole> role(Handle h, long projectId, long personId) {
        return h.createQuery("SELECT role FROM project_members WHERE project_id = :p AND person_id = :person")
                .bind("p", projectId).bind("person", personId).mapTo(String.class).findOne().map(r -> Coded.of(TeamRole.class, r));
    }

    /**
     * Adds someone to the team, or changes their role; returns true when they joined. Joining
     * records a tie with each other member.
     */
    public boolean addMember(long projectId, long personId, TeamRole role, Long recordedBy) {
        return jdbi.inTransaction(h -> {
            lock(h, projectId);
            if (h.createQuery("SELECT count(*) FROM people WHERE id = :id").bind("id", personId).mapTo(Integer.class).one() == 0) {
                throw ValidationException.of(Map.of("personId", "No person with id " + personId + " in the directory"));
            }
            Project project = find(h, projectId).orElseThrow();
            Optional<TeamRole> current = role(h, projectId, personId);
            if (Long.valueOf(personId).equals(project.ownerId()) && !role.runsProject()) {
                throw new ConflictException(project.ownerName() + " owns this project, so cannot be only a sponsor: choose another owner first");
            }
            if (current.isPresent()) {
                h.createUpdate("UPDATE project_members SET role = :role WHERE project_id = :p AND person_id = :person")
                        .bind("role", role.code()).bind("p", projectId).bind("person", personId).execute();
                return false;
            }
            h.createUpdate("INSERT INTO project_members (project_id, person_id, role) VALUES (:p, :person, :role)")
                    .bind("p", projectId).bind("person", personId).bind("role", role.code()).execute();
            List<Long> others = h.createQuery("SELECT person_id FROM project_members WHERE project_id = :p AND person_id <> :person")
                    .bind("p", projectId).bind("person", personId).mapTo(Long.class).list();
            for (long other : others) {
                Ties.recordOngoing(h, new TieInput(personId, other, TieKind.COLLABORATE.code(), TIE_SOURCE, tieRef(projectId),
                        "Project team: " + project.title(), null).validated(TIE_SOURCE), recordedBy);
            }
            touch(h, projectId);
            return true;
        });
    }

    /** Takes someone off the team and withdraws the ties their membership recorded. The owner cannot be removed. */
    public void removeMember(long projectId, long personId) {
        jdbi.useTransaction(h -> {
            lock(h, projectId);
            Project project = find(h, projectId).orElseThrow();
            if (Long.valueOf(personId).equals(project.ownerId())) {
                throw new ConflictException(project.ownerName() + " owns this project and cannot leave its team: choose another owner first");
            }
            if (h.createUpdate("DELETE FROM project_members WHERE project_id = :p AND person_id = :person")
                    .bind("p", projectId).bind("person", personId).execute() == 0) {
                throw new NotFoundException("That person is not in this project's team");
            }
            Ties.withdraw(h, personId, TIE_SOURCE, tieRef(projectId));
            touch(h, projectId);
        });
    }

    static String tieRef(long projectId) {
        return "project:" + projectId;
    }

    // The final presentation

    public record PresentationFile(String name, String contentType, byte[] content) {
    }

    public void setPresentationLink(long projectId, String url) {
        updatePresentation(projectId, url, null, null, null);
    }

    public void setPresentationFile(long projectId, String name, String contentType, byte[] content) {
        updatePresentation(projectId, null, name, contentType, content);
    }

    public void removePresentation(long projectId) {
        updatePresentation(projectId, null, null, null, null);
    }

    private void updatePresentation(long projectId, String url, String name, String type, byte[] content) {
        int n = jdbi.withHandle(h -> h.createUpdate("UPDATE projects SET presentation_url = :url, presentation_name = :name, "
                        + "presentation_type = :type, presentation = :content, updated_at = now() WHERE id = :id")
                .bind("url", url).bind("name", name).bind("type", type).bind("content", content).bind("id", projectId).execute());
        if (n == 0) {
            throw new NotFoundException("No project with id " + projectId);
        }
    }

    public Optional<PresentationFile> presentationFile(long projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT presentation_name, presentation_type, presentation FROM projects "
                        + "WHERE id = :id AND presentation IS NOT NULL")
                .bind("id", projectId).map((rs, ctx) -> new PresentationFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).findOne());
    }

    // Mapping

    private static Project project(ResultSet rs, List<Project.Partner> partners) throws SQLException {
        return new Project(rs.getLong("id"), rs.getString("title"), rs.getString("summary"), rs.getString("aim"),
                Rows.nullableLong(rs, "place_id"), rs.getString("place_name"), Coded.of(ProjectStatus.class, rs.getString("status")),
                Rows.date(rs, "starts_on"), Rows.date(rs, "ends_on"), Rows.nullableLong(rs, "owner_id"), rs.getString("owner_name"),
                Rows.nullableLong(rs, "cohort_id"), rs.getString("cohort_name"), rs.getString("origin_kind"),
                Rows.nullableLong(rs, "origin_id"), rs.getString("presentation_url"), rs.getString("presentation_name"),
                rs.getLong("presentation_size"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), Rows.textArray(rs, "themes"),
                rs.getString("outcomes"), Rows.textArray(rs, "links"), partners);
    }

    private static ProjectSummary summary(ResultSet rs) throws SQLException {
        java.math.BigDecimal score = rs.getBigDecimal("score");
        return new ProjectSummary(rs.getLong("id"), rs.getString("title"), Coded.of(ProjectStatus.class, rs.getString("status")),
                rs.getString("place_name"), rs.getString("cohort_name"), rs.getString("owner_name"), rs.getInt("members"),
                rs.getInt("measures"), score == null ? null : score.doubleValue(), Rows.instant(rs, "updated_at"));
    }

    private static TeamMember member(ResultSet rs) throws SQLException {
        return new TeamMember(rs.getLong("project_id"), rs.getLong("person_id"), rs.getString("full_name"), rs.getString("sector_code"),
                rs.getString("sector_name"), rs.getString("organisation_name"), Coded.of(TeamRole.class, rs.getString("role")),
                Rows.instant(rs, "joined_at"));
    }
}
