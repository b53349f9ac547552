package org.convene.programmes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.db.Rows;
import org.convene.errors.ConflictException;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.surveys.SurveyTemplates;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Data access for programmes, their cohorts and the cohorts' modules and materials. */
public final class Programmes {
    private static final String PROGRAMME = "SELECT p.id, p.title, p.summary, p.created_at, "
            + "(SELECT count(*) FROM cohorts c WHERE c.programme_id = p.id) AS cohorts FROM programmes p ";
    private static final String COHORT = "SELECT c.id, c.programme_id, p.title AS programme_title, c.name, c.starts_on, "
            + "c.ends_on, c.anonymous, "
            + "(SELECT count(*) FROM enrolments e WHERE e.cohort_id = c.id AND e.status <> 'withdrawn') AS enrolled, "
            + "(SELECT count(*) FROM modules m WHERE m.cohort_id = c.id) AS modules "
            + "FROM cohorts c JOIN programmes p ON p.id = c.programme_id ";
    private static final String MODULE = "SELECT m.id, m.cohort_id, m.position, m.title, m.topic, m.starts_at, m.ends_at, "
            + "m.location, m.online, m.celebration, m.feedback FROM modules m ";

    private final Jdbi jdbi;

    public Programmes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // Programmes

    public List<Programme> list() {
        return jdbi.withHandle(h -> h.createQuery(PROGRAMME + "ORDER BY lower(p.title)").map((rs, ctx) -> programme(rs)).list());
    }

    public Programme get(long id) {
        return jdbi.withHandle(h -> h.createQuery(PROGRAMME + "WHERE p.id = :id").bind("id", id)
                        .map((rs, ctx) -> programme(rs)).findOne())
                .orElseThrow(() -> new NotFoundException("No programme with id " + id));
    }

    public Programme create(ProgrammeInput input, Long createdBy) {
        long id = jdbi.inTransaction(h -> {
            titleFree(h, input.title(), null);
            return h.createUpdate("INSERT INTO programmes (title, summary, created_by) VALUES (:title, :summary, :by)")
                    .bind("title", input.title()).bind("summary", input.summary()).bind("by", createdBy)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
        return get(id);
    }

    public Programme update(long id, ProgrammeInput input) {
        jdbi.useTransaction(h -> {
            titleFree(h, input.title(), id);
            if (h.createUpdate("UPDATE programmes SET title = :title, summary = :summary WHERE id = :id")
                    .bind("title", input.title()).bind("summary", input.summary()).bind("id", id).execute() == 0) {
                throw new NotFoundException("No programme with id " + id);
            }
        });
        return get(id);
    }

    private static void titleFree(Handle h, String title, Long except) {
        Optional<Long> same = h.createQuery("SELECT id FROM programmes WHERE lower(title) = lower(:title)")
                .bind("title", title).mapTo(Long.class).findOne();
        if (same.isPresent() && !same.get().equals(except)) {
            throw new ConflictException("A programme called '" + title + "' already exists");
        }
    }

    // Cohorts

    public List<Cohort> cohorts(long programmeId) {
        return jdbi.withHandle(h -> h.createQuery(COHORT + "WHERE c.programme_id = :id ORDER BY c.starts_on NULLS LAST, c.id")
                .bind("id", programmeId).map((rs, ctx) -> cohort(rs)).list());
    }

    /** Every cohort, newest first, for the API's list and the programme team's overview. */
    public List<Cohort> allCohorts() {
        return jdbi.withHandle(h -> h.createQuery(COHORT + "ORDER BY c.starts_on DESC NULLS LAST, c.id DESC")
                .map((rs, ctx) -> cohort(rs)).list());
    }

    /** A cohort's name and its programme's title, for choosing a cohort from a list. */
    public record CohortLabel(long id, String programmeTitle, String name) {
    }

    /**
     * Every cohort's name, newest first: what a drop-down needs, without the counts
     * {@link #allCohorts()} makes for each (40 ms for 500 cohorts, on every event page).
     */
    public List<CohortLabel> cohortLabels() {
        return jdbi.withHandle(h -> h.createQuery("SELECT c.id, p.title, c.name FROM cohorts c JOIN programmes p ON p.id = c.programme_id "
                        + "ORDER BY c.starts_on DESC NULLS LAST, c.id DESC")
                .map((rs, ctx) -> new CohortLabel(rs.getLong("id"), rs.getString("title"), rs.getString("name"))).list());
    }

    /** The cohorts a person is (or was) enrolled on. */
    public List<Cohort> cohortsOf(long personId) {
        return jdbi.withHandle(h -> h.createQuery(COHORT + "WHERE EXISTS (SELECT 1 FROM enrolments e WHERE e.cohort_id = c.id "
                        + "AND e.person_id = :person AND e.status <> 'withdrawn') ORDER BY c.starts_on DESC NULLS LAST")
                .bind("person", personId).map((rs, ctx) -> cohort(rs)).list());
    }

    public Cohort cohort(long id) {
        return findCohort(id).orElseThrow(() -> new NotFoundException("No cohort with id " + id));
    }

    public Optional<Cohort> findCohort(long id) {
        return jdbi.withHandle(h -> h.createQuery(COHORT + "WHERE c.id = :id").bind("id", id).map((rs, ctx) -> cohort(rs)).findOne());
    }

    public Cohort createCohort(long programmeId, CohortInput.Valid input) {
        get(programmeId);
        long id = jdbi.inTransaction(h -> {
            cohortNameFree(h, programmeId, input.name(), null);
            return h.createUpdate("INSERT INTO cohorts (programme_id, name, starts_on, ends_on, anonymous) "
                            + "VALUES (:programme, :name, :starts, :ends, :anonymous)")
                    .bind("programme", programmeId).bind("name", input.name()).bind("starts", input.startsOn())
                    .bind("ends", input.endsOn()).bind("anonymous", input.anonymous())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
        return cohort(id);
    }

    public Cohort updateCohort(long id, CohortInput.Valid input) {
        Cohort existing = cohort(id);
        jdbi.useTransaction(h -> {
            cohortNameFree(h, existing.programmeId(), input.name(), id);
            h.createUpdate("UPDATE cohorts SET name = :name, starts_on = :starts, ends_on = :ends, anonymous = :anonymous WHERE id = :id")
                    .bind("name", input.name()).bind("starts", input.startsOn()).bind("ends", input.endsOn())
                    .bind("anonymous", input.anonymous()).bind("id", id).execute();
            // Surveys not yet open follow the cohort's choice; open and closed ones keep the promise their invitations made.
            h.createUpdate("UPDATE surveys s SET anonymous = :anonymous WHERE s.cohort_id = :id AND s.status IN ('draft', 'scheduled')")
                    .bind("anonymous", input.anonymous()).bind("id", id).execute();
        });
        return cohort(id);
    }

    private static void cohortNameFree(Handle h, long programmeId, String name, Long except) {
        Optional<Long> same = h.createQuery("SELECT id FROM cohorts WHERE programme_id = :p AND lower(name) = lower(:name)")
                .bind("p", programmeId).bind("name", name).mapTo(Long.class).findOne();
        if (same.isPresent() && !same.get().equals(except)) {
            throw new ConflictException("This programme already has a cohort called '" + name + "'");
        }
    }

    // Modules

    public List<Module> modules(long cohortId) {
        return jdbi.withHandle(h -> withFacilitators(h, h.createQuery(MODULE + "WHERE m.cohort_id = :id ORDER BY m.position")
                .bind("id", cohortId).map((rs, ctx) -> module(rs)).list()));
    }

    public Module module(long id) {
        return jdbi.withHandle(h -> h.createQuery(MODULE + "WHERE m.id = :id").bind("id", id).map((rs, ctx) -> module(rs))
                        .findOne().map(m -> withFacilitators(h, List.of(m)).get(0)))
                .orElseThrow(() -> new NotFoundException("No module with id " + id));
    }

    /**
     * Adds a module at the end of the cohort's list. If it has feedback, its feedback survey is
     * scheduled in the same transaction, to open when the module ends.
     */
    public Module createModule(long cohortId, ModuleInput.Valid input) {
        Cohort cohort = cohort(cohortId);
        long id = jdbi.inTransaction(h -> {
            checkFacilitators(h, input.facilitators());
            h.createQuery("SELECT id FROM cohorts WHERE id = :id FOR UPDATE").bind("id", cohortId).mapTo(Long.class).one();
            int position = h.createQuery("SELECT coalesce(max(position), 0) + 1 FROM modules WHERE cohort_id = :id")
                    .bind("id", cohortId).mapTo(Integer.class).one();
            long moduleId = h.createUpdate("INSERT INTO modules (cohort_id, position, title, topic, starts_at, ends_at, location, "
                            + "online, celebration, feedback) VALUES (:cohort, :position, :title, :topic, :starts, :ends, "
                            + ":location, :online, :celebration, :feedback)")
                    .bind("cohort", cohortId).bind("position", position)
                    .bindMethods(input)
                    .bind("starts", input.startsAt()).bind("ends", input.endsAt())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            setFacilitators(h, moduleId, input.facilitators());
            if (input.feedback()) {
                SurveyTemplates.scheduleModuleFeedback(h, cohortId, moduleId, position, input.title(), input.endsAt(), cohort.anonymous());
            }
            return moduleId;
        });
        return module(id);
    }

    public Module updateModule(long id, ModuleInput.Valid input) {
        Module existing = module(id);
        Cohort cohort = cohort(existing.cohortId());
        jdbi.useTransaction(h -> {
            checkFacilitators(h, input.facilitators());
            h.createUpdate("UPDATE modules SET title = :title, topic = :topic, starts_at = :starts, ends_at = :ends, "
                            + "location = :location, online = :online, celebration = :celebration, feedback = :feedback WHERE id = :id")
                    .bindMethods(input)
                    .bind("starts", input.startsAt()).bind("ends", input.endsAt()).bind("id", id).execute();
            setFacilitators(h, id, input.facilitators());
            if (input.feedback()) {
                SurveyTemplates.scheduleModuleFeedback(h, cohort.id(), id, existing.position(), input.title(), input.endsAt(), cohort.anonymous());
            } else {
                SurveyTemplates.dropUnopenedModuleFeedback(h, id);
            }
        });
        return module(id);
    }

    /** Removes a module that has no answered survey, and closes the gap in the numbering. */
    public void deleteModule(long id) {
        Module existing = module(id);
        jdbi.useTransaction(h -> {
            boolean answered = h.createQuery("SELECT EXISTS (SELECT 1 FROM surveys s JOIN survey_responses r ON r.survey_id = s.id "
                    + "WHERE s.module_id = :id)").bind("id", id).mapTo(Boolean.class).one();
            if (answered) {
                throw new ConflictException("This module's feedback survey has responses, so it stays in the record");
            }
            h.createUpdate("DELETE FROM surveys WHERE module_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM modules WHERE id = :id").bind("id", id).execute();
            h.execute("SET CONSTRAINTS ALL DEFERRED");
            h.createUpdate("UPDATE modules SET position = position - 1 WHERE cohort_id = :cohort AND position > :position")
                    .bind("cohort", existing.cohortId()).bind("position", existing.position()).execute();
        });
    }

    private static void checkFacilitators(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<Long> known = h.createQuery("SELECT id FROM people WHERE id = ANY(:ids)").bind("ids", ids.toArray(Long[]::new))
                .mapTo(Long.class).list();
        List<Long> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new ValidationException("Unknown facilitator", Map.of("facilitators", "No person with id " + unknown.get(0)));
        }
    }

    private static void setFacilitators(Handle h, long moduleId, List<Long> people) {
        h.createUpdate("DELETE FROM module_facilitators WHERE module_id = :id").bind("id", moduleId).execute();
        for (Long person : people) {
            h.createUpdate("INSERT INTO module_facilitators (module_id, person_id) VALUES (:m, :p)")
                    .bind("m", moduleId).bind("p", person).execute();
        }
    }

    private static List<Module> withFacilitators(Handle h, List<Module> modules) {
        if (modules.isEmpty()) {
            return modules;
        }
        Map<Long, List<Module.Facilitator>> byModule = new LinkedHashMap<>();
        h.createQuery("SELECT f.module_id, p.id, p.full_name FROM module_facilitators f JOIN people p ON p.id = f.person_id "
                        + "WHERE f.module_id = ANY(:ids) ORDER BY p.full_name")
                .bind("ids", modules.stream().map(Module::id).toArray(Long[]::new))
                .map((rs, ctx) -> Map.entry(rs.getLong("module_id"), new Module.Facilitator(rs.getLong("id"), rs.getString("full_name"))))
                .forEach(e -> byModule.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return modules.stream().map(m -> new Module(m.id(), m.cohortId(), m.position(), m.title(), m.topic(), m.startsAt(),
                m.endsAt(), m.location(), m.online(), m.celebration(), m.feedback(), byModule.getOrDefault(m.id(), List.of()))).toList();
    }

    /** People who can facilitate: directory entries of accounts with the facilitator or programme lead role. */
    public List<Module.Facilitator> facilitatorChoices() {
        return jdbi.withHandle(h -> h.createQuery("SELECT p.id, p.full_name FROM accounts a JOIN people p ON p.id = a.person_id "
                        + "WHERE a.roles && ARRAY['facilitator', 'programme_lead']::text[] AND a.status = 'active' ORDER BY p.full_name")
                .map((rs, ctx) -> new Module.Facilitator(rs.getLong(1), rs.getString(2))).list());
    }

    // Materials

    public List<Material> materials(long moduleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, module_id, title, url, file_name, content_type, "
                        + "coalesce(octet_length(content), 0) AS size FROM module_materials WHERE module_id = :id ORDER BY id")
                .bind("id", moduleId).map((rs, ctx) -> material(rs)).list());
    }

    public Material addLink(long moduleId, String title, String url) {
        module(moduleId);
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO module_materials (module_id, title, url) VALUES (:m, :t, :u)")
                .bind("m", moduleId).bind("t", title).bind("u", url).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return material(id);
    }

    public Material addFile(long moduleId, String title, String fileName, String contentType, byte[] content) {
        module(moduleId);
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO module_materials (module_id, title, file_name, content_type, content) "
                        + "VALUES (:m, :t, :f, :c, :content)")
                .bind("m", moduleId).bind("t", title).bind("f", fileName).bind("c", contentType).bind("content", content)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return material(id);
    }

    public Material material(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, module_id, title, url, file_name, content_type, "
                        + "coalesce(octet_length(content), 0) AS size FROM module_materials WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> material(rs)).findOne())
                .orElseThrow(() -> new NotFoundException("No material with id " + id));
    }

    public byte[] materialContent(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT content FROM module_materials WHERE id = :id AND content IS NOT NULL")
                        .bind("id", id).mapTo(byte[].class).findOne())
                .orElseThrow(() -> new NotFoundException("No file with id " + id));
    }

    public void deleteMaterial(long id) {
        if (jdbi.withHandle(h -> h.createUpdate("DELETE FROM module_materials WHERE id = :id").bind("id", id).execute()) == 0) {
            throw new NotFoundException("No material with id " + id);
        }
    }

    private static Programme programme(ResultSet rs) throws SQLException {
        return new Programme(rs.getLong("id"), rs.getString("title"), rs.getString("summary"), Rows.instant(rs, "created_at"),
                rs.getInt("cohorts"));
    }

    private static Cohort cohort(ResultSet rs) throws SQLException {
        return new Cohort(rs.getLong("id"), rs.getLong("programme_id"), rs.getString("programme_title"), rs.getString("name"),
                Rows.date(rs, "starts_on"), Rows.date(rs, "ends_on"), rs.getBoolean("anonymous"), rs.getInt("enrolled"),
                rs.getInt("modules"));
    }

    private static Module module(ResultSet rs) throws SQLException {
        return new Module(rs.getLong("id"), rs.getLong("cohort_id"), rs.getInt("position"), rs.getString("title"),
                rs.getString("topic"), Rows.instant(rs, "starts_at"), Rows.instant(rs, "ends_at"), rs.getString("location"),
                rs.getBoolean("online"), rs.getBoolean("celebration"), rs.getBoolean("feedback"), List.of());
    }

    private static Material material(ResultSet rs) throws SQLException {
        return new Material(rs.getLong("id"), rs.getLong("module_id"), rs.getString("title"), rs.getString("url"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"));
    }
}
