package org.convene.programmes;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.accounts.Viewer;
import org.convene.errors.BadRequestException;
import org.convene.errors.ConflictException;
import org.convene.errors.ImportRejectedException;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.people.DirectoryQuery;
import org.convene.people.People;
import org.convene.people.PersonSummary;
import org.convene.surveys.Results;
import org.convene.surveys.Survey;
import org.convene.surveys.Surveys;
import org.convene.web.Form;
import org.convene.web.Params;
import org.convene.web.Templates;
import org.convene.web.Text;
import org.convene.web.WebContext;

/** Pages for programmes, cohorts, modules, enrolment, attendance, materials and the course's PDSA log. */
public final class ProgrammePages {
    private static final long MAX_FILE = 20L * 1024 * 1024;

    private final Templates templates;
    private final Programmes programmes;
    private final Enrolments enrolments;
    private final Surveys surveys;
    private final Results results;
    private final CourseChanges changes;
    private final People people;

    public ProgrammePages(Templates templates, Programmes programmes, Enrolments enrolments, Surveys surveys, Results results,
                          CourseChanges changes, People people) {
        this.templates = templates;
        this.programmes = programmes;
        this.enrolments = enrolments;
        this.surveys = surveys;
        this.results = results;
        this.changes = changes;
        this.people = people;
    }

    // Programmes

    public void list(Context ctx) {
        Viewer viewer = WebContext.viewer(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("programmes", viewer.inProgrammeTeam() ? programmes.list() : List.of());
        model.put("myCohorts", viewer.personId() == null ? List.of() : programmes.cohortsOf(viewer.personId()));
        templates.page(ctx, "programmes/list.jte", model);
    }

    public void show(Context ctx) {
        Programme programme = programmes.get(Params.pathId(ctx, "id"));
        templates.page(ctx, "programmes/show.jte", Map.of("programme", programme, "cohorts", programmes.cohorts(programme.id())));
    }

    public void newForm(Context ctx) {
        programmeForm(ctx, null, Form.empty());
    }

    public void create(Context ctx) {
        try {
            Programme p = programmes.create(programmeInput(ctx).validated(), WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, p.title() + " has been created");
            ctx.redirect("/programmes/" + p.id());
        } catch (ValidationException e) {
            ctx.status(422);
            programmeForm(ctx, null, Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            programmeForm(ctx, null, Form.conflict(ctx, "title", e));
        }
    }

    public void editForm(Context ctx) {
        Programme p = programmes.get(Params.pathId(ctx, "id"));
        programmeForm(ctx, p.id(), Form.of(Map.of("title", p.title(), "summary", p.summary())));
    }

    public void update(Context ctx) {
        long id = Params.pathId(ctx, "id");
        programmes.get(id);
        try {
            programmes.update(id, programmeInput(ctx).validated());
            WebContext.flash(ctx, "Programme saved");
            ctx.redirect("/programmes/" + id);
        } catch (ValidationException e) {
            ctx.status(422);
            programmeForm(ctx, id, Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            programmeForm(ctx, id, Form.conflict(ctx, "title", e));
        }
    }

    private static ProgrammeInput programmeInput(Context ctx) {
        return new ProgrammeInput(ctx.formParam("title"), ctx.formParam("summary"));
    }

    private void programmeForm(Context ctx, Long id, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("programmeId", id);
        model.put("form", form);
        templates.page(ctx, "programmes/edit.jte", model);
    }

    // Cohorts

    public void cohort(Context ctx) {
        Cohort cohort = visibleCohort(ctx, Params.pathId(ctx, "id"));
        Viewer viewer = WebContext.viewer(ctx);
        boolean team = viewer.inProgrammeTeam();
        Map<String, Object> model = new HashMap<>();
        model.put("cohort", cohort);
        model.put("modules", programmes.modules(cohort.id()));
        model.put("people", enrolments.list(cohort.id()).stream().filter(e -> team || !"withdrawn".equals(e.status())).toList());
        model.put("surveys", team ? surveys.list(cohort.id()) : List.<Survey>of());
        model.put("changes", team ? changes.list(cohort.id()) : List.<CourseChange>of());
        String find = Params.query(ctx, "find");
        model.put("find", find == null ? "" : find.trim());
        model.put("found", viewer.leadsProgrammes() && find != null && !find.isBlank()
                ? people.search(new DirectoryQuery(find, null, null, null, null, null, 1, 20), viewer).items()
                : List.<PersonSummary>of());
        model.put("form", Form.empty());
        templates.page(ctx, "programmes/cohort.jte", model);
    }

    public void newCohortForm(Context ctx) {
        Programme p = programmes.get(Params.pathId(ctx, "id"));
        cohortForm(ctx, p, null, Form.of(Map.of("anonymous", "true")));
    }

    public void createCohort(Context ctx) {
        Programme p = programmes.get(Params.pathId(ctx, "id"));
        try {
            Cohort c = programmes.createCohort(p.id(), cohortInput(ctx).validated());
            WebContext.flash(ctx, c.name() + " has been created. Add its modules and enrol its participants.");
            ctx.redirect("/cohorts/" + c.id());
        } catch (ValidationException e) {
            ctx.status(422);
            cohortForm(ctx, p, null, Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            cohortForm(ctx, p, null, Form.conflict(ctx, "name", e));
        }
    }

    public void editCohortForm(Context ctx) {
        Cohort c = programmes.cohort(Params.pathId(ctx, "id"));
        Map<String, String> values = new HashMap<>();
        values.put("name", c.name());
        values.put("startsOn", c.startsOn() == null ? "" : c.startsOn().toString());
        values.put("endsOn", c.endsOn() == null ? "" : c.endsOn().toString());
        values.put("anonymous", String.valueOf(c.anonymous()));
        cohortForm(ctx, programmes.get(c.programmeId()), c.id(), Form.of(values));
    }

    public void updateCohort(Context ctx) {
        Cohort c = programmes.cohort(Params.pathId(ctx, "id"));
        try {
            programmes.updateCohort(c.id(), cohortInput(ctx).validated());
            WebContext.flash(ctx, "Cohort saved");
            ctx.redirect("/cohorts/" + c.id());
        } catch (ValidationException e) {
            ctx.status(422);
            cohortForm(ctx, programmes.get(c.programmeId()), c.id(), Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            cohortForm(ctx, programmes.get(c.programmeId()), c.id(), Form.conflict(ctx, "name", e));
        }
    }

    private static CohortInput cohortInput(Context ctx) {
        return new CohortInput(ctx.formParam("name"), ctx.formParam("startsOn"), ctx.formParam("endsOn"),
                "true".equals(ctx.formParam("anonymous")));
    }

    private void cohortForm(Context ctx, Programme programme, Long cohortId, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("programme", programme);
        model.put("cohortId", cohortId);
        model.put("form", form);
        templates.page(ctx, "programmes/cohortEdit.jte", model);
    }

    /** The team sees every cohort; a participant only their own, and nobody learns that others exist. */
    private Cohort visibleCohort(Context ctx, long id) {
        Viewer viewer = WebContext.viewer(ctx);
        Cohort cohort = programmes.findCohort(id).orElseThrow(() -> new NotFoundException("No cohort with id " + id));
        if (viewer.inProgrammeTeam() || (viewer.personId() != null && enrolments.isEnrolled(id, viewer.personId()))) {
            return cohort;
        }
        throw new NotFoundException("No cohort with id " + id);
    }

    // Enrolment

    public void enrol(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        try {
            int added;
            if (file != null && file.size() > 0) {
                if (file.size() > MAX_FILE) {
                    throw new BadRequestException("The file is larger than 20 MB");
                }
                try (InputStreamReader reader = new InputStreamReader(file.content(), StandardCharsets.UTF_8)) {
                    added = enrolments.enrolCsv(cohort.id(), reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (!ctx.formParams("people").isEmpty()) {
                added = enrolments.enrol(cohort.id(), ctx.formParams("people").stream().map(v -> {
                    try {
                        return Long.parseLong(v.trim());
                    } catch (NumberFormatException e) {
                        throw new BadRequestException("Unknown person '" + Text.clip(v, 20) + "'");
                    }
                }).toList());
            } else {
                added = enrolments.enrolEmails(cohort.id(), ctx.formParam("emails"));
            }
            WebContext.flash(ctx, added == 1 ? "1 person enrolled" : added + " people enrolled");
            ctx.redirect("/cohorts/" + cohort.id() + "#people");
        } catch (ImportRejectedException e) {
            ctx.status(422);
            Map<String, Object> model = new HashMap<>();
            model.put("cohort", cohort);
            model.put("problem", e);
            model.put("emails", ctx.formParam("emails") == null ? "" : ctx.formParam("emails"));
            templates.page(ctx, "programmes/enrolProblem.jte", model);
        }
    }

    public void withdraw(Context ctx) {
        long cohortId = Params.pathId(ctx, "id");
        enrolments.withdraw(cohortId, Params.pathId(ctx, "personId"));
        WebContext.flash(ctx, "Withdrawn from the cohort");
        ctx.redirect("/cohorts/" + cohortId + "#people");
    }

    // Modules

    public void module(Context ctx) {
        Module module = programmes.module(Params.pathId(ctx, "id"));
        Cohort cohort = visibleCohort(ctx, module.cohortId());
        Viewer viewer = WebContext.viewer(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("module", module);
        model.put("cohort", cohort);
        model.put("materials", programmes.materials(module.id()));
        boolean team = viewer.inProgrammeTeam();
        model.put("people", team ? enrolments.list(cohort.id()).stream().filter(e -> !"withdrawn".equals(e.status())).toList() : List.of());
        model.put("attendance", team ? enrolments.attendance(module.id()) : Map.of());
        model.put("survey", team ? surveys.list(cohort.id()).stream()
                .filter(s -> module.id() == (s.moduleId() == null ? -1 : s.moduleId())).findFirst().orElse(null) : null);
        model.put("form", Form.empty());
        templates.page(ctx, "programmes/module.jte", model);
    }

    public void newModuleForm(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        moduleForm(ctx, cohort, null, Form.of(Map.of("feedback", "true", "startTime", "09:30", "endTime", "16:00")));
    }

    public void createModule(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        try {
            Module m = programmes.createModule(cohort.id(), moduleInput(ctx).validated());
            WebContext.flash(ctx, m.label() + " has been added"
                    + (m.feedback() ? ". Its feedback survey opens when it ends." : ""));
            ctx.redirect("/cohorts/" + cohort.id() + "#modules");
        } catch (ValidationException e) {
            ctx.status(422);
            moduleForm(ctx, cohort, null, Form.submitted(ctx, e));
        }
    }

    public void editModuleForm(Context ctx) {
        Module m = programmes.module(Params.pathId(ctx, "id"));
        Map<String, String> values = new HashMap<>();
        java.time.ZonedDateTime start = m.startsAt().atZone(ModuleInput.ZONE);
        java.time.ZonedDateTime end = m.endsAt().atZone(ModuleInput.ZONE);
        values.put("title", m.title());
        values.put("topic", m.topic());
        values.put("date", start.toLocalDate().toString());
        values.put("startTime", start.toLocalTime().toString());
        values.put("endTime", end.toLocalTime().toString());
        values.put("location", m.location());
        values.put("online", String.valueOf(m.online()));
        values.put("celebration", String.valueOf(m.celebration()));
        values.put("feedback", String.valueOf(m.feedback()));
        Form form = new Form(values, Map.of("facilitators", m.facilitators().stream().map(f -> String.valueOf(f.personId())).toList()),
                Map.of());
        moduleForm(ctx, programmes.cohort(m.cohortId()), m.id(), form);
    }

    public void updateModule(Context ctx) {
        Module m = programmes.module(Params.pathId(ctx, "id"));
        try {
            programmes.updateModule(m.id(), moduleInput(ctx).validated());
            WebContext.flash(ctx, "Module saved");
            ctx.redirect("/modules/" + m.id());
        } catch (ValidationException e) {
            ctx.status(422);
            moduleForm(ctx, programmes.cohort(m.cohortId()), m.id(), Form.submitted(ctx, e));
        }
    }

    public void deleteModule(Context ctx) {
        Module m = programmes.module(Params.pathId(ctx, "id"));
        programmes.deleteModule(m.id());
        WebContext.flash(ctx, m.label() + " has been removed");
        ctx.redirect("/cohorts/" + m.cohortId() + "#modules");
    }

    private static ModuleInput moduleInput(Context ctx) {
        List<Long> facilitators = ctx.formParams("facilitators").stream().map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw new ValidationException("Unknown facilitator", Map.of("facilitators", "Choose facilitators from the list"));
            }
        }).toList();
        return new ModuleInput(ctx.formParam("title"), ctx.formParam("topic"), ctx.formParam("date"), ctx.formParam("startTime"),
                ctx.formParam("endTime"), ctx.formParam("location"), "true".equals(ctx.formParam("online")),
                "true".equals(ctx.formParam("celebration")), "true".equals(ctx.formParam("feedback")), facilitators);
    }

    private void moduleForm(Context ctx, Cohort cohort, Long moduleId, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("cohort", cohort);
        model.put("moduleId", moduleId);
        model.put("form", form);
        model.put("facilitators", programmes.facilitatorChoices());
        templates.page(ctx, "programmes/moduleEdit.jte", model);
    }

    // Attendance

    public void recordAttendance(Context ctx) {
        Module m = programmes.module(Params.pathId(ctx, "id"));
        Map<Long, String> statuses = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (name.startsWith("person-") && !values.isEmpty() && !values.get(0).isBlank()) {
                try {
                    statuses.put(Long.parseLong(name.substring(7)), values.get(0));
                } catch (NumberFormatException e) {
                    throw new BadRequestException("Unknown field " + Text.clip(name, 40));
                }
            }
        });
        enrolments.recordAttendance(m.id(), statuses, WebContext.viewer(ctx).accountId());
        long present = statuses.values().stream().filter("present"::equals).count();
        WebContext.flash(ctx, "Attendance saved: " + present + " present");
        ctx.redirect("/modules/" + m.id() + "#attendance");
    }

    // Materials

    public void addMaterial(Context ctx) {
        Module m = programmes.module(Params.pathId(ctx, "id"));
        String title = Text.singleLine(ctx.formParam("title"));
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        String url = Text.singleLine(ctx.formParam("url"));
        Map<String, String> problems = new LinkedHashMap<>();
        if (title.isEmpty() || title.length() > 200) {
            problems.put("title", "Give the material a title of up to 200 characters");
        }
        boolean hasFile = file != null && file.size() > 0;
        if (hasFile == !url.isEmpty()) {
            problems.put(hasFile ? "url" : "file", "Give either a link or a file");
        } else if (!hasFile && (!url.matches("^https?://\\S+$") || url.length() > 2000)) {
            problems.put("url", "Enter a link starting with https:// or http://");
        } else if (hasFile && file.size() > MAX_FILE) {
            problems.put("file", "The file must be 20 MB or smaller");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("The material could not be added: " + String.join("; ", problems.values()), problems);
        }
        if (hasFile) {
            try {
                String name = Text.clip(file.filename().replaceAll("[\\\\/\\r\\n\"]", "_"), 200);
                String type = file.contentType() == null || file.contentType().isBlank() ? "application/octet-stream" : file.contentType();
                programmes.addFile(m.id(), title, name, Text.clip(type, 200), file.content().readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            programmes.addLink(m.id(), title, url);
        }
        WebContext.flash(ctx, "Material added");
        ctx.redirect("/modules/" + m.id() + "#materials");
    }

    public void material(Context ctx) {
        Material material = programmes.material(Params.pathId(ctx, "id"));
        visibleCohort(ctx, programmes.module(material.moduleId()).cohortId());
        if (!material.isFile()) {
            ctx.redirect(material.url());
            return;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + material.fileName() + "\"");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(material.contentType());
        ctx.result(programmes.materialContent(material.id()));
    }

    public void deleteMaterial(Context ctx) {
        Material material = programmes.material(Params.pathId(ctx, "id"));
        programmes.deleteMaterial(material.id());
        WebContext.flash(ctx, "Material removed");
        ctx.redirect("/modules/" + material.moduleId() + "#materials");
    }

    // The PDSA log

    public void newChangeForm(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        Long module = Params.queryLong(ctx, "module");
        Map<String, String> values = new HashMap<>();
        if (module != null) {
            values.put("promptedByModule", String.valueOf(module));
        }
        String item = Params.query(ctx, "item");
        if (item != null) {
            values.put("itemCode", item);
        }
        changeForm(ctx, cohort, null, Form.of(values));
    }

    public void createChange(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        try {
            changes.create(cohort.id(), changeInput(ctx).validated(), WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, "The change has been added to the course's PDSA log");
            ctx.redirect("/cohorts/" + cohort.id() + "#changes");
        } catch (ValidationException e) {
            ctx.status(422);
            changeForm(ctx, cohort, null, Form.submitted(ctx, e));
        }
    }

    public void editChangeForm(Context ctx) {
        CourseChange c = changes.get(Params.pathId(ctx, "id"));
        Map<String, String> values = new HashMap<>();
        values.put("title", c.title());
        values.put("planWhat", c.planWhat());
        values.put("planWhy", c.planWhy());
        values.put("promptedByModule", c.promptedByModule() == null ? "" : String.valueOf(c.promptedByModule()));
        values.put("itemCode", c.itemCode() == null ? "" : c.itemCode());
        values.put("appliedInModule", c.appliedInModule() == null ? "" : String.valueOf(c.appliedInModule()));
        values.put("studyNotes", c.studyNotes());
        values.put("decision", c.decision() == null ? "" : c.decision());
        changeForm(ctx, programmes.cohort(c.cohortId()), c, new Form(values, Map.of("comments", changes.commentRefs(c.id())), Map.of()));
    }

    public void updateChange(Context ctx) {
        CourseChange c = changes.get(Params.pathId(ctx, "id"));
        try {
            changes.update(c.id(), changeInput(ctx).validated());
            WebContext.flash(ctx, "Course change saved");
            ctx.redirect("/cohorts/" + c.cohortId() + "#changes");
        } catch (ValidationException e) {
            ctx.status(422);
            changeForm(ctx, programmes.cohort(c.cohortId()), c, Form.submitted(ctx, e));
        }
    }

    private static CourseChangeInput changeInput(Context ctx) {
        return new CourseChangeInput(ctx.formParam("title"), ctx.formParam("planWhat"), ctx.formParam("planWhy"),
                Params.formLong(ctx, "promptedByModule"), ctx.formParam("itemCode"), Params.formLong(ctx, "appliedInModule"),
                ctx.formParam("studyNotes"), ctx.formParam("decision"), ctx.formParams("comments"));
    }

    private void changeForm(Context ctx, Cohort cohort, CourseChange change, Form form) {
        List<Module> modules = programmes.modules(cohort.id());
        String prompted = form.value("promptedByModule");
        Long promptedId = prompted.isEmpty() ? null : Long.valueOf(prompted);
        Map<String, Object> model = new HashMap<>();
        model.put("cohort", cohort);
        model.put("change", change);
        model.put("form", form);
        model.put("modules", modules);
        model.put("items", surveys.feedbackItems(cohort.id()));
        model.put("comments", promptedId == null ? List.of() : results.moduleComments(promptedId));
        templates.page(ctx, "programmes/changeEdit.jte", model);
    }
}
