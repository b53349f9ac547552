package org.convene.projects;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convene.accounts.AccountPages;
import org.convene.accounts.Viewer;
import org.convene.directory.Reference;
import org.convene.errors.ConflictException;
import org.convene.errors.Errors;
import org.convene.errors.ImportRejectedException;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.evaluation.charts.RunChartPlot;
import org.convene.people.DirectoryQuery;
import org.convene.people.People;
import org.convene.people.PersonSummary;
import org.convene.programmes.Programmes;
import org.convene.transfer.TransferPages;
import org.convene.web.Coded;
import org.convene.web.Form;
import org.convene.web.Html;
import org.convene.web.Option;
import org.convene.web.Params;
import org.convene.web.Templates;
import org.convene.web.Text;
import org.convene.web.WebContext;

/**
 * Pages for projects: the list with its filters, a project with its team, measures and run
 * charts, PDSA cycles, progress score and final presentation, and the forms that change them.
 * Every form is a plain POST followed by a redirect; the list's filters also work live with htmx.
 */
public final class ProjectPages {
    static final int PAGE_SIZE = 20;
    /** File types a final presentation may be: slides, documents, PDFs and pictures. */
    static final Map<String, String> PRESENTATION_TYPES = Map.of(
            "pdf", "application/pdf",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "ppt", "application/vnd.ms-powerpoint",
            "odp", "application/vnd.oasis.opendocument.presentation",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg");
    private static final DateTimeFormatter AXIS_DATE = DateTimeFormatter.ofPattern("d MMM yy", Locale.UK);

    private final Templates templates;
    private final Projects projects;
    private final Measures measures;
    private final Cycles cycles;
    private final Scores scores;
    private final People people;
    private final Programmes programmes;
    private final Reference reference;

    public ProjectPages(Templates templates, Projects projects, Measures measures, Cycles cycles, Scores scores, People people,
                        Programmes programmes, Reference reference) {
        this.templates = templates;
        this.projects = projects;
        this.measures = measures;
        this.cycles = cycles;
        this.scores = scores;
        this.people = people;
        this.programmes = programmes;
        this.reference = reference;
    }

    /** A measure with its run chart drawn, for the templates. {@code svg} is null while it has no data. */
    public record Chart(MeasureDetail detail, String svg) {
    }

    // The list

    public void list(Context ctx) {
        Projects.Filter filter = ProjectsApi.filter(ctx);
        int pageNumber = Params.queryInt(ctx, "page", 1, 1, 100_000);
        Map<String, Object> model = new HashMap<>();
        model.put("results", projects.list(filter, pageNumber, PAGE_SIZE));
        model.put("queryString", queryString(ctx));
        if ("true".equals(ctx.header("HX-Request")) && !"true".equals(ctx.header("HX-History-Restore-Request"))) {
            ctx.header("Vary", "HX-Request");
            ctx.contentType("text/html; charset=utf-8").result(templates.bytes("projects/results.jte", model));
            return;
        }
        Map<String, String> values = new HashMap<>();
        for (String name : FILTERS) {
            String v = Params.query(ctx, name);
            values.put(name, v == null ? "" : v);
        }
        model.put("form", Form.of(values));
        model.put("statuses", Coded.options(ProjectStatus.class));
        model.put("kinds", Coded.options(MeasureKind.class));
        model.put("sectors", AccountPages.sectorOptions(reference));
        model.put("places", reference.places().stream().map(p -> new Option(String.valueOf(p.id()), p.name())).toList());
        model.put("cohorts", cohortOptions());
        model.put("themes", reference.topics().stream().map(t -> new Option(t, t)).toList());
        model.put("origins", ProjectInput.ORIGINS.stream().map(o -> new Option(o, ProjectInput.originLabel(o))).toList());
        templates.page(ctx, "projects/list.jte", model);
    }


    /** The filters as a query string for the pagination links ("&q=...&status=..."). */
    private static final List<String> FILTERS = List.of("q", "status", "cohort", "place", "sector", "kind", "person", "theme", "origin");

    private static String queryString(Context ctx) {
        StringBuilder b = new StringBuilder();
        for (String name : FILTERS) {
            String v = Params.query(ctx, name);
            if (v != null && !v.isBlank()) {
                b.append('&').append(name).append('=').append(Html.url(v));
            }
        }
        return b.toString();
    }

    private List<Option> cohortOptions() {
        return programmes.cohortLabels().stream()
                .map(c -> new Option(String.valueOf(c.id()), c.programmeTitle() + ", " + c.name())).toList();
    }

    // A project

    public void show(Context ctx) {
        showProject(ctx, Params.pathId(ctx, "id"), Map.of());
    }

    /** The project page; {@code forms} holds a form shown again with its errors ("presentation" or "score"). */
    private void showProject(Context ctx, long id, Map<String, Form> forms) {
        Viewer viewer = WebContext.viewer(ctx);
        ProjectDetail detail = scores.detail(id);
        Map<String, Object> model = new HashMap<>();
        model.put("detail", detail);
        model.put("charts", detail.measures().stream().map(ProjectPages::chart).toList());
        model.put("canChange", projects.canChange(viewer, id));
        model.put("runs", projects.runs(viewer, id));
        model.put("levels", ProgressScore.levels().stream()
                .map(l -> new Option(scoreText(l.score()), scoreText(l.score()) + " " + l.label())).toList());
        model.put("scoreForm", forms.getOrDefault("score", Form.of(Map.of("score", scoreText(detail.suggestion().score())))));
        model.put("presentationForm", forms.getOrDefault("presentation", Form.empty()));
        templates.page(ctx, "projects/show.jte", model);
    }

    static Chart chart(MeasureDetail d) {
        if (d.chart() == null) {
            return new Chart(d, null);
        }
        List<String> labels = d.points().stream().map(p -> AXIS_DATE.format(p.date())).toList();
        Measure m = d.measure();
        return new Chart(d, new RunChartPlot("run-chart-" + m.id(), m.name(), labels, d.chart(), m.unit().isBlank() ? null : m.unit()).svg());
    }

    public static String scoreText(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }

    /** A data value as typed: up to four decimals, no trailing zeros. */
    public static String value(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    public void newForm(Context ctx) {
        WebContext.ownPersonId(ctx);
        projectForm(ctx, null, Form.of(Map.of("status", ProjectStatus.PLANNING.code())));
    }

    public void create(Context ctx) {
        long owner = WebContext.ownPersonId(ctx);
        try {
            Project p = projects.create(projectInput(ctx, null, null), owner, WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, p.title() + " has been started. Add its team, measures and PDSA cycles below.");
            ctx.redirect("/projects/" + p.id());
        } catch (ValidationException e) {
            ctx.status(422);
            projectForm(ctx, null, Form.submitted(ctx, e));
        }
    }

    public void editForm(Context ctx) {
        Project p = changeable(ctx, Params.pathId(ctx, "id"));
        Map<String, String> values = new HashMap<>();
        values.put("title", p.title());
        values.put("summary", p.summary());
        values.put("aim", p.aim());
        values.put("place", p.placeName() == null ? "" : p.placeName());
        values.put("status", p.status().code());
        values.put("startsOn", p.startsOn() == null ? "" : p.startsOn().toString());
        values.put("endsOn", p.endsOn() == null ? "" : p.endsOn().toString());
        values.put("cohortId", p.cohortId() == null ? "" : String.valueOf(p.cohortId()));
        values.put("ownerId", p.ownerId() == null ? "" : String.valueOf(p.ownerId()));
        values.put("outcomes", p.outcomes());
        values.put("links", String.join("\n", p.links()));
        values.put("partners", String.join("\n", p.partners().stream().map(Project.Partner::name).toList()));
        projectForm(ctx, p.id(), new Form(values, Map.of("themes", p.themes()), Map.of()));
    }

    public void update(Context ctx) {
        Project current = changeable(ctx, Params.pathId(ctx, "id"));
        long id = current.id();
        try {
            projects.update(id, projectInput(ctx, Params.formLong(ctx, "ownerId"), current));
            WebContext.flash(ctx, "Project saved");
            ctx.redirect("/projects/" + id);
        } catch (ValidationException e) {
            ctx.status(422);
            projectForm(ctx, id, Form.submitted(ctx, e));
        }
    }

    /** The form's project; {@code current} (null for a new one) keeps what the form does not show: what it grew from. */
    private ProjectInput.Valid projectInput(Context ctx, Long ownerId, Project current) {
        List<Long> partners = projects.organisationIds(lines(ctx.formParam("partners")));
        return new ProjectInput(ctx.formParam("title"), ctx.formParam("summary"), ctx.formParam("aim"), ctx.formParam("place"),
                ctx.formParam("status"), ctx.formParam("startsOn"), ctx.formParam("endsOn"), Params.formLong(ctx, "cohortId"), ownerId,
                current == null ? null : current.originKind(), current == null ? null : current.originId(), ctx.formParams("themes"),
                ctx.formParam("outcomes"), lines(ctx.formParam("links")), partners).validated(reference.places(), reference.topics());
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private void projectForm(Context ctx, Long id, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("projectId", id);
        model.put("form", form);
        model.put("statuses", Coded.options(ProjectStatus.class));
        model.put("places", reference.places().stream().map(p -> new Option(p.name(), p.name())).toList());
        model.put("cohorts", cohortOptions());
        model.put("topics", reference.topics());
        model.put("owners", id == null ? List.<Option>of() : projects.team(id).stream().filter(m -> m.role().runsProject())
                .map(m -> new Option(String.valueOf(m.personId()), m.name())).toList());
        templates.page(ctx, "projects/edit.jte", model);
    }

    // The team

    public void team(Context ctx) {
        Project p = changeable(ctx, Params.pathId(ctx, "id"));
        teamPage(ctx, p, Form.empty());
    }

    private void teamPage(Context ctx, Project p, Form form) {
        String find = Params.query(ctx, "find");
        List<PersonSummary> found = find == null || find.isBlank() ? List.of()
                : people.search(new DirectoryQuery(find, null, null, null, null, null, 1, 20), WebContext.viewer(ctx)).items();
        Map<String, Object> model = new HashMap<>();
        model.put("project", p);
        model.put("team", projects.team(p.id()));
        model.put("find", find == null ? "" : find);
        model.put("found", found);
        model.put("roles", Coded.options(TeamRole.class));
        model.put("form", form);
        templates.page(ctx, "projects/team.jte", model);
    }

    /** Adds someone to the team, or changes their role. */
    public void addMember(Context ctx) {
        Project p = changeable(ctx, Params.pathId(ctx, "id"));
        try {
            Long personId = Params.formLong(ctx, "personId");
            if (personId == null) {
                throw ValidationException.of(Map.of("personId", "Choose someone from the directory"));
            }
            TeamRole role = ProjectsApi.role(ctx.formParam("role"));
            String name = people.visibleTo(personId, WebContext.viewer(ctx)).fullName();
            boolean joined = projects.addMember(p.id(), personId, role, WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, joined ? name + " has joined the team as " + role.label().toLowerCase(Locale.UK)
                    : name + " is now " + role.label().toLowerCase(Locale.UK));
            ctx.redirect("/projects/" + p.id() + "/team");
        } catch (ValidationException e) {
            ctx.status(422);
            teamPage(ctx, p, teamProblem(e.getMessage()));
        } catch (NotFoundException e) {
            ctx.status(404);
            teamPage(ctx, p, teamProblem(e.getMessage()));
        } catch (ConflictException e) {
            ctx.status(409);
            teamPage(ctx, p, teamProblem(e.getMessage()));
        }
    }

    /** A problem with a team change, shown against the search for people (the one field on the team page). */
    private static Form teamProblem(String message) {
        return new Form(Map.of(), Map.of(), Map.of("find", message));
    }

    public void removeMember(Context ctx) {
        Project p = changeable(ctx, Params.pathId(ctx, "id"));
        long personId = Params.pathId(ctx, "personId");
        try {
            projects.removeMember(p.id(), personId);
            WebContext.flash(ctx, people.get(personId).fullName() + " has left the team");
            ctx.redirect("/projects/" + p.id() + "/team");
        } catch (ConflictException e) {
            ctx.status(409);
            teamPage(ctx, p, teamProblem(e.getMessage()));
        }
    }

    // The final presentation

    public void addPresentation(Context ctx) {
        Project p = changeable(ctx, Params.pathId(ctx, "id"));
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        boolean hasFile = file != null && file.filename() != null && !file.filename().isBlank() && file.size() > 0;
        String url = Text.singleLine(ctx.formParam("url"));
        try {
            if (hasFile == !url.isEmpty()) {
                throw ValidationException.of(Map.of(hasFile ? "url" : "file", "Give either a link or a file"));
            }
            if (hasFile) {
                storePresentation(p.id(), file);
                WebContext.flash(ctx, "Presentation uploaded");
            } else {
                projects.setPresentationLink(p.id(), ProjectsApi.presentationUrl(url));
                WebContext.flash(ctx, "Presentation link saved");
            }
            ctx.redirect("/projects/" + p.id() + "#presentation");
        } catch (ValidationException e) {
            ctx.status(422);
            showProject(ctx, p.id(), Map.of("presentation", Form.submitted(ctx, e)));
        }
    }

    private void storePresentation(long projectId, UploadedFile file) {
        String name = Text.clip(file.filename().replaceAll("[\\\\/\\r\\n\"]", "_"), 200);
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : PRESENTATION_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            throw ValidationException.of(Map.of("file", "The file must be a PDF, PowerPoint, OpenDocument or Word file, or a PNG or JPEG picture"));
        }
        if (file.size() > Projects.MAX_PRESENTATION_BYTES) {
            throw ValidationException.of(Map.of("file", "The file must be 10 MB or smaller: share a link to a larger one"));
        }
        try (InputStream in = file.content()) {
            projects.setPresentationFile(projectId, name, type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void presentation(Context ctx) {
        Project p = projects.get(Params.pathId(ctx, "id"));
        if (p.presentationUrl() != null) {
            ctx.redirect(p.presentationUrl());
            return;
        }
        Projects.PresentationFile file = projects.presentationFile(p.id())
                .orElseThrow(() -> new NotFoundException("This project has no presentation file"));
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
        ctx.contentType(file.contentType());
        ctx.result(file.content());
    }

    public void removePresentation(Context ctx) {
        Project p = changeable(ctx, Params.pathId(ctx, "id"));
        projects.removePresentation(p.id());
        WebContext.flash(ctx, "Presentation removed");
        ctx.redirect("/projects/" + p.id() + "#presentation");
    }

    // The progress score

    public void confirmScore(Context ctx) {
        Project p = projects.get(Params.pathId(ctx, "id"));
        if (!projects.runs(WebContext.viewer(ctx), p.id())) {
            throw new org.convene.errors.ForbiddenException("Only the project's leads, members and coaches confirm its progress score");
        }
        try {
            Errors errors = new Errors();
            Double score = PointInput.number(errors, "score", ctx.formParam("score"));
            errors.throwIfAny();
            Score confirmed = scores.confirm(p.id(), new ScoreInput(score, ctx.formParam("note")).validated(), WebContext.ownPersonId(ctx));
            WebContext.flash(ctx, "Progress score " + scoreText(confirmed.score()) + " (" + confirmed.label() + ") confirmed");
            ctx.redirect("/projects/" + p.id() + "#progress-score");
        } catch (ValidationException e) {
            ctx.status(422);
            showProject(ctx, p.id(), Map.of("score", Form.submitted(ctx, e)));
        }
    }

    // Measures

    public void newMeasureForm(Context ctx) {
        Project p = changeable(ctx, Params.pathId(ctx, "id"));
        measureForm(ctx, p, null, Form.of(Map.of("kind", MeasureKind.OUTCOME.code(), "better", Better.HIGHER.code())));
    }

    public void createMeasure(Context ctx) {
        Project p = changeable(ctx, Params.pathId(ctx, "id"));
        try {
            Measure m = measures.create(p.id(), measureInput(ctx));
            WebContext.flash(ctx, m.name() + " has been added. Enter its data below, one value at a time or from a CSV file.");
            ctx.redirect("/measures/" + m.id());
        } catch (ValidationException e) {
            ctx.status(422);
            measureForm(ctx, p, null, Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            measureForm(ctx, p, null, Form.conflict(ctx, "name", e));
        }
    }

    public void editMeasureForm(Context ctx) {
        Measure m = measures.get(Params.pathId(ctx, "id"));
        Project p = changeable(ctx, m.projectId());
        Map<String, String> values = new HashMap<>();
        values.put("name", m.name());
        values.put("kind", m.kind().code());
        values.put("unit", m.unit());
        values.put("better", m.better().code());
        values.put("definition", m.definition());
        values.put("baselinePoints", m.baselinePoints() == null ? "" : String.valueOf(m.baselinePoints()));
        measureForm(ctx, p, m.id(), Form.of(values));
    }

    public void updateMeasure(Context ctx) {
        Measure m = measures.get(Params.pathId(ctx, "id"));
        Project p = changeable(ctx, m.projectId());
        try {
            measures.update(m.id(), measureInput(ctx));
            WebContext.flash(ctx, "Measure saved");
            ctx.redirect("/measures/" + m.id());
        } catch (ValidationException e) {
            ctx.status(422);
            measureForm(ctx, p, m.id(), Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            measureForm(ctx, p, m.id(), Form.conflict(ctx, "name", e));
        }
    }

    public void deleteMeasure(Context ctx) {
        Measure m = measures.get(Params.pathId(ctx, "id"));
        changeable(ctx, m.projectId());
        measures.delete(m.id());
        WebContext.flash(ctx, m.name() + " and its data have been removed");
        ctx.redirect("/projects/" + m.projectId() + "#measures");
    }

    private static MeasureInput.Valid measureInput(Context ctx) {
        Errors errors = new Errors();
        Double baseline = PointInput.number(errors, "baselinePoints", ctx.formParam("baselinePoints"));
        if (baseline != null && !baseline.isNaN() && baseline != Math.rint(baseline)) {
            errors.add("baselinePoints", "The baseline is a whole number of points");
        }
        errors.throwIfAny();
        return new MeasureInput(ctx.formParam("name"), ctx.formParam("kind"), ctx.formParam("unit"), ctx.formParam("better"),
                ctx.formParam("definition"), baseline == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, baseline)))
                .validated();
    }

    private void measureForm(Context ctx, Project p, Long measureId, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("project", p);
        model.put("measureId", measureId);
        model.put("form", form);
        model.put("kinds", List.of(new Option("outcome", "Outcome: the result for people, what the aim is about"),
                new Option("process", "Process: whether the changes are happening as planned"),
                new Option("balancing", "Balancing: what could get worse elsewhere")));
        model.put("betters", Coded.options(Better.class));
        templates.page(ctx, "projects/measureEdit.jte", model);
    }

    public void measure(Context ctx) {
        Measure m = measures.get(Params.pathId(ctx, "id"));
        measurePage(ctx, m, Form.empty(), null);
    }

    /** The measure's page: its run chart and data, and the forms that add data. */
    private void measurePage(Context ctx, Measure m, Form pointForm, TransferPages.Problem csvProblem) {
        Map<String, Object> model = new HashMap<>();
        model.put("project", projects.get(m.projectId()));
        model.put("chart", chart(scores.measure(m)));
        model.put("canChange", projects.canChange(WebContext.viewer(ctx), m.projectId()));
        model.put("pointForm", pointForm);
        model.put("csvProblem", csvProblem);
        model.put("maxRows", Measures.MAX_CSV_ROWS);
        templates.page(ctx, "projects/measure.jte", model);
    }

    public void addPoint(Context ctx) {
        Measure m = measures.get(Params.pathId(ctx, "id"));
        changeable(ctx, m.projectId());
        try {
            Errors errors = new Errors();
            Double value = PointInput.number(errors, "value", ctx.formParam("value"));
            errors.throwIfAny();
            Point p = measures.addPoint(m.id(), new PointInput(ctx.formParam("date"), value, ctx.formParam("note")).validated(),
                    WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, "Value for " + Html.date(p.date()) + " added");
            ctx.redirect("/measures/" + m.id() + "#data");
        } catch (ValidationException e) {
            ctx.status(422);
            measurePage(ctx, m, Form.submitted(ctx, e), null);
        } catch (ConflictException e) {
            ctx.status(409);
            measurePage(ctx, m, Form.conflict(ctx, "date", e), null);
        }
    }

    public void importPoints(Context ctx) {
        Measure m = measures.get(Params.pathId(ctx, "id"));
        changeable(ctx, m.projectId());
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        if (file == null || file.filename() == null || file.filename().isBlank()) {
            ctx.status(422);
            measurePage(ctx, m, Form.empty(), new TransferPages.Problem("points", "Choose a CSV file to upload", List.of(), 0));
            return;
        }
        try (InputStream in = file.content()) {
            int imported = measures.importCsv(m.id(), in, WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, imported == 1 ? "1 value imported" : imported + " values imported");
            ctx.redirect("/measures/" + m.id() + "#chart");
        } catch (ImportRejectedException e) {
            ctx.status(422);
            measurePage(ctx, m, Form.empty(), new TransferPages.Problem("points", e.getMessage(), e.rows(), e.more()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deletePoint(Context ctx) {
        Point point = measures.point(Params.pathId(ctx, "id"));
        Measure m = measures.get(point.measureId());
        changeable(ctx, m.projectId());
        measures.deletePoint(point.id());
        WebContext.flash(ctx, "Value for " + Html.date(point.date()) + " removed");
        ctx.redirect("/measures/" + m.id() + "#data");
    }

    // PDSA cycles

    public void newCycleForm(Context ctx) {
        Project p = changeable(ctx, Params.pathId(ctx, "id"));
        cycleForm(ctx, p, null, Form.empty());
    }

    public void createCycle(Context ctx) {
        Project p = changeable(ctx, Params.pathId(ctx, "id"));
        try {
            Cycle c = cycles.create(p.id(), cycleInput(ctx), WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, "PDSA cycle '" + c.title() + "' recorded");
            ctx.redirect("/projects/" + p.id() + "#cycles");
        } catch (ValidationException e) {
            ctx.status(422);
            cycleForm(ctx, p, null, Form.submitted(ctx, e));
        }
    }

    public void editCycleForm(Context ctx) {
        Cycle c = cycles.get(Params.pathId(ctx, "id"));
        Project p = changeable(ctx, c.projectId());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", c.title());
        values.put("plan", c.plan());
        values.put("prediction", c.prediction());
        values.put("doNotes", c.doNotes());
        values.put("study", c.study());
        values.put("act", c.act() == null ? "" : c.act().code());
        values.put("startsOn", c.startsOn() == null ? "" : c.startsOn().toString());
        values.put("endsOn", c.endsOn() == null ? "" : c.endsOn().toString());
        cycleForm(ctx, p, c.id(), Form.of(values));
    }

    public void updateCycle(Context ctx) {
        Cycle c = cycles.get(Params.pathId(ctx, "id"));
        Project p = changeable(ctx, c.projectId());
        try {
            cycles.update(c.id(), cycleInput(ctx));
            WebContext.flash(ctx, "PDSA cycle saved");
            ctx.redirect("/projects/" + p.id() + "#cycles");
        } catch (ValidationException e) {
            ctx.status(422);
            cycleForm(ctx, p, c.id(), Form.submitted(ctx, e));
        }
    }

    private static CycleInput.Valid cycleInput(Context ctx) {
        return new CycleInput(ctx.formParam("title"), ctx.formParam("plan"), ctx.formParam("prediction"), ctx.formParam("doNotes"),
                ctx.formParam("study"), ctx.formParam("act"), ctx.formParam("startsOn"), ctx.formParam("endsOn")).validated();
    }

    private void cycleForm(Context ctx, Project p, Long cycleId, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("project", p);
        model.put("cycleId", cycleId);
        model.put("form", form);
        model.put("decisions", List.of(new Option("", "Not decided yet"), new Option("adopt", "Adopt: keep the change"),
                new Option("adapt", "Adapt: change it and test again"), new Option("abandon", "Abandon: stop the change")));
        templates.page(ctx, "projects/cycle.jte", model);
    }

    /** The project, once the viewer is known to be allowed to change it. */
    private Project changeable(Context ctx, long projectId) {
        Project p = projects.get(projectId);
        projects.requireCanChange(WebContext.viewer(ctx), p.id());
        return p;
    }
}
