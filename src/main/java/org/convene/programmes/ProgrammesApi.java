package org.convene.programmes;

import io.javalin.http.Context;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.accounts.Viewer;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.transfer.TransferApi;
import org.convene.web.Json;
import org.convene.web.Params;
import org.convene.web.WebContext;

/**
 * /api/v1/programmes, cohorts, modules, enrolments, attendance and the cohort's PDSA log. The
 * programme team sees every cohort; a participant sees only the cohorts they are enrolled on, and
 * any other cohort is simply not found.
 */
public final class ProgrammesApi {
    private final Programmes programmes;
    private final Enrolments enrolments;
    private final CourseChanges changes;

    public ProgrammesApi(Programmes programmes, Enrolments enrolments, CourseChanges changes) {
        this.programmes = programmes;
        this.enrolments = enrolments;
        this.changes = changes;
    }

    /** A cohort with its modules, in order. */
    public record CohortDetail(long id, long programmeId, String programmeTitle, String name, LocalDate startsOn,
                               LocalDate endsOn, boolean anonymous, int enrolled, List<Module> modules) {
        static CohortDetail of(Cohort c, List<Module> modules) {
            return new CohortDetail(c.id(), c.programmeId(), c.programmeTitle(), c.name(), c.startsOn(), c.endsOn(),
                    c.anonymous(), c.enrolled(), modules);
        }
    }

    /** POST /cohorts/{id}/enrolments. */
    public record EnrolInput(List<Long> personIds) {
    }

    /** PUT /modules/{id}/attendance: person id to present, absent or apologies. */
    public record AttendanceInput(Map<Long, String> statuses) {
    }

    /** One row of a module's register; status is null until attendance is recorded. */
    public record AttendanceRow(long personId, String name, String status) {
    }

    // Programmes

    public void programmes(Context ctx) {
        ctx.json(programmes.list());
    }

    public void programme(Context ctx) {
        ctx.json(programmes.get(Params.pathId(ctx, "id")));
    }

    public void createProgramme(Context ctx) {
        ProgrammeInput input = Json.read(ctx, ProgrammeInput.class).validated();
        ctx.status(201).json(programmes.create(input, WebContext.viewer(ctx).accountId()));
    }

    public void updateProgramme(Context ctx) {
        long id = Params.pathId(ctx, "id");
        programmes.get(id);
        ctx.json(programmes.update(id, Json.read(ctx, ProgrammeInput.class).validated()));
    }

    // Cohorts

    public void programmeCohorts(Context ctx) {
        long id = Params.pathId(ctx, "id");
        programmes.get(id);
        ctx.json(programmes.cohorts(id));
    }

    public void createCohort(Context ctx) {
        long id = Params.pathId(ctx, "id");
        programmes.get(id);
        ctx.status(201).json(programmes.createCohort(id, Json.read(ctx, CohortInput.class).validated()));
    }

    /** The team's every cohort; anyone else's own. */
    public void cohorts(Context ctx) {
        Viewer viewer = WebContext.viewer(ctx);
        if (viewer.inProgrammeTeam()) {
            ctx.json(programmes.allCohorts());
        } else {
            ctx.json(viewer.personId() == null ? List.of() : programmes.cohortsOf(viewer.personId()));
        }
    }

    public void cohort(Context ctx) {
        Cohort cohort = visibleCohort(ctx, Params.pathId(ctx, "id"));
        ctx.json(CohortDetail.of(cohort, programmes.modules(cohort.id())));
    }

    public void updateCohort(Context ctx) {
        long id = Params.pathId(ctx, "id");
        programmes.cohort(id);
        Cohort cohort = programmes.updateCohort(id, Json.read(ctx, CohortInput.class).validated());
        ctx.json(CohortDetail.of(cohort, programmes.modules(id)));
    }

    /** The cohort if the viewer is in the programme team or enrolled on it; otherwise it does not exist for them. */
    private Cohort visibleCohort(Context ctx, long id) {
        Viewer viewer = WebContext.viewer(ctx);
        Cohort cohort = programmes.findCohort(id).orElse(null);
        if (cohort != null && (viewer.inProgrammeTeam() || (viewer.personId() != null && enrolments.isEnrolled(id, viewer.personId())))) {
            return cohort;
        }
        throw new NotFoundException("No cohort with id " + id);
    }

    // Modules

    public void modules(Context ctx) {
        Cohort cohort = visibleCohort(ctx, Params.pathId(ctx, "id"));
        ctx.json(programmes.modules(cohort.id()));
    }

    public void createModule(Context ctx) {
        long id = Params.pathId(ctx, "id");
        programmes.cohort(id);
        ctx.status(201).json(programmes.createModule(id, Json.read(ctx, ModuleInput.class).validated()));
    }

    public void module(Context ctx) {
        long id = Params.pathId(ctx, "id");
        Module module = programmes.module(id);
        try {
            visibleCohort(ctx, module.cohortId());
        } catch (NotFoundException e) {
            throw new NotFoundException("No module with id " + id);
        }
        ctx.json(module);
    }

    public void updateModule(Context ctx) {
        long id = Params.pathId(ctx, "id");
        programmes.module(id);
        ctx.json(programmes.updateModule(id, Json.read(ctx, ModuleInput.class).validated()));
    }

    public void deleteModule(Context ctx) {
        programmes.deleteModule(Params.pathId(ctx, "id"));
        ctx.status(204);
    }

    // Enrolments

    public void enrolments(Context ctx) {
        long id = Params.pathId(ctx, "id");
        programmes.cohort(id);
        ctx.json(enrolments.list(id));
    }

    public void enrol(Context ctx) {
        long id = Params.pathId(ctx, "id");
        programmes.cohort(id);
        EnrolInput input = Json.read(ctx, EnrolInput.class);
        if (input.personIds() == null || input.personIds().isEmpty()) {
            throw new ValidationException("Choose at least one person", Map.of("personIds", "Give the ids of the people to enrol"));
        }
        if (input.personIds().stream().anyMatch(p -> p == null)) {
            throw new ValidationException("Unknown person", Map.of("personIds", "Person ids must be numbers, not null"));
        }
        int added;
        try {
            added = enrolments.enrol(id, input.personIds());
        } catch (ValidationException e) {
            // The data layer names the form's field ("people"); the API's is personIds.
            throw new ValidationException(e.getMessage(), Map.of("personIds", e.fieldErrors().values().iterator().next()));
        }
        ctx.json(Map.of("added", added));
    }

    /** A CSV body (text/csv, UTF-8) with an email column; all or nothing, each bad row reported by line. */
    public void enrolCsv(Context ctx) {
        long id = Params.pathId(ctx, "id");
        programmes.cohort(id);
        int added = enrolments.enrolCsv(id, new InputStreamReader(TransferApi.csvBody(ctx), StandardCharsets.UTF_8));
        ctx.json(Map.of("added", added));
    }

    public void withdraw(Context ctx) {
        long id = Params.pathId(ctx, "id");
        programmes.cohort(id);
        enrolments.withdraw(id, Params.pathId(ctx, "personId"));
        ctx.status(204);
    }

    // Attendance

    public void attendance(Context ctx) {
        ctx.json(register(programmes.module(Params.pathId(ctx, "id"))));
    }

    public void recordAttendance(Context ctx) {
        Module module = programmes.module(Params.pathId(ctx, "id"));
        AttendanceInput input = Json.read(ctx, AttendanceInput.class);
        if (input.statuses() == null) {
            throw new ValidationException("Send the statuses", Map.of("statuses", "Give each person's status: present, absent or apologies"));
        }
        Map<Long, String> statuses = new LinkedHashMap<>();
        input.statuses().forEach((person, status) -> statuses.put(person, status == null ? "" : status.trim()));
        enrolments.recordAttendance(module.id(), statuses, WebContext.viewer(ctx).accountId());
        ctx.json(register(module));
    }

    /** Everyone on the module's cohort, with their attendance; people who withdrew appear only if it was recorded. */
    private List<AttendanceRow> register(Module module) {
        Map<Long, String> recorded = enrolments.attendance(module.id());
        List<AttendanceRow> rows = new ArrayList<>();
        for (Enrolment e : enrolments.list(module.cohortId())) {
            String status = recorded.get(e.personId());
            if (!"withdrawn".equals(e.status()) || status != null) {
                rows.add(new AttendanceRow(e.personId(), e.name(), status));
            }
        }
        return rows;
    }

    // The PDSA log

    public void changes(Context ctx) {
        long id = Params.pathId(ctx, "id");
        programmes.cohort(id);
        ctx.json(changes.list(id));
    }

    public void createChange(Context ctx) {
        long id = Params.pathId(ctx, "id");
        programmes.cohort(id);
        CourseChangeInput.Valid input = Json.read(ctx, CourseChangeInput.class).validated();
        ctx.status(201).json(changes.create(id, input, WebContext.viewer(ctx).accountId()));
    }

    public void updateChange(Context ctx) {
        long id = Params.pathId(ctx, "id");
        changes.get(id);
        ctx.json(changes.update(id, Json.read(ctx, CourseChangeInput.class).validated()));
    }
}
