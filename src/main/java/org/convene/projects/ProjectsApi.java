package org.convene.projects;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import org.convene.accounts.Viewer;
import org.convene.directory.Reference;
import org.convene.errors.BadRequestException;
import org.convene.errors.ForbiddenException;
import org.convene.errors.ValidationException;
import org.convene.people.People;
import org.convene.transfer.TransferApi;
import org.convene.web.Coded;
import org.convene.web.Json;
import org.convene.web.Paged;
import org.convene.web.Params;
import org.convene.web.Text;
import org.convene.web.WebContext;

/**
 * /api/v1/projects: improvement projects with their teams, measures, data, run charts, PDSA cycles
 * and progress scores. Everyone signed in reads them and may start a project (owning it); the
 * project's leads, members and coaches, and administrators and programme leads, change it; the
 * people running it confirm its progress score.
 */
public final class ProjectsApi {
    private final Projects projects;
    private final Measures measures;
    private final Cycles cycles;
    private final Scores scores;
    private final People people;
    private final Reference reference;

    public ProjectsApi(Projects projects, Measures measures, Cycles cycles, Scores scores, People people, Reference reference) {
        this.projects = projects;
        this.measures = measures;
        this.cycles = cycles;
        this.scores = scores;
        this.people = people;
        this.reference = reference;
    }

    /** PUT /projects/{id}/team/{personId}. */
    public record TeamInput(String role) {
    }

    /** PUT /projects/{id}/presentation. */
    public record PresentationInput(String url) {
    }

    /** GET /projects/{id}/scores. */
    public record ScoresView(ProgressScore.Suggestion suggestion, java.util.List<Score> history) {
    }

    // Projects

    public void list(Context ctx) {
        Paged<ProjectSummary> page = projects.list(filter(ctx), Params.queryInt(ctx, "page", 1, 1, 100_000),
                Params.queryInt(ctx, "size", 20, 1, Paged.MAX_SIZE));
        ctx.json(Map.of("items", page.items(), "page", page.page(), "size", page.size(), "total", page.total()));
    }

    /** The list's filters from the query string, as the page and the API take them. */
    static Projects.Filter filter(Context ctx) {
        String status = Params.query(ctx, "status");
        String kind = Params.query(ctx, "kind");
        String sector = Params.query(ctx, "sector");
        return new Projects.Filter(Params.query(ctx, "q"),
                blank(status) ? null : Coded.fromCode(ProjectStatus.class, status.toLowerCase(Locale.ROOT))
                        .orElseThrow(() -> new BadRequestException("'status' must be " + Coded.codes(ProjectStatus.class))),
                Params.queryLong(ctx, "cohort"), Params.queryLong(ctx, "place"), blank(sector) ? null : sector,
                blank(kind) ? null : Coded.fromCode(MeasureKind.class, kind.toLowerCase(Locale.ROOT))
                        .orElseThrow(() -> new BadRequestException("'kind' must be " + Coded.codes(MeasureKind.class))),
                Params.queryLong(ctx, "person"), blank(Params.query(ctx, "theme")) ? null : Params.query(ctx, "theme"),
                origin(Params.query(ctx, "origin")));
    }

    private static String origin(String origin) {
        if (blank(origin)) {
            return null;
        }
        String code = origin.trim().toLowerCase(Locale.ROOT);
        if (!ProjectInput.ORIGINS.contains(code)) {
            throw new BadRequestException("'origin' must be one of " + String.join(", ", ProjectInput.ORIGINS));
        }
        return code;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** GET /api/v1/projects.csv: the projects the filters find, as CSV. */
    public void csv(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"projects.csv\"").contentType("text/csv; charset=utf-8")
                .result(projects.csv(filter(ctx)));
    }

    public void get(Context ctx) {
        ctx.json(scores.detail(Params.pathId(ctx, "id")));
    }

    public void create(Context ctx) {
        ProjectInput.Valid input = Json.read(ctx, ProjectInput.class).validated(reference.places(), reference.topics());
        Viewer viewer = WebContext.viewer(ctx);
        long owner = input.ownerId() == null ? WebContext.ownPersonId(ctx) : input.ownerId();
        if (!viewer.isPerson(owner) && !viewer.managesDirectory()) {
            throw new ForbiddenException("You can only start a project you own; programme leads may name another owner");
        }
        ctx.status(201).json(projects.create(input, owner, viewer.accountId()));
    }

    public void update(Context ctx) {
        long id = changeable(ctx, Params.pathId(ctx, "id"));
        ctx.json(projects.update(id, Json.read(ctx, ProjectInput.class).validated(reference.places(), reference.topics())));
    }

    // Team

    public void team(Context ctx) {
        ctx.json(projects.team(projects.get(Params.pathId(ctx, "id")).id()));
    }

    public void putMember(Context ctx) {
        long id = changeable(ctx, Params.pathId(ctx, "id"));
        TeamRole role = role(Json.read(ctx, TeamInput.class).role());
        // Only someone the viewer can find in the directory: an unlisted person is not put on show by others.
        long personId = people.visibleTo(Params.pathId(ctx, "personId"), WebContext.viewer(ctx)).id();
        boolean joined = projects.addMember(id, personId, role, WebContext.viewer(ctx).accountId());
        ctx.status(joined ? 201 : 200).json(projects.team(id));
    }

    static TeamRole role(String code) {
        String clean = Text.singleLine(code).toLowerCase(Locale.ROOT);
        return clean.isEmpty() ? TeamRole.MEMBER : Coded.fromCode(TeamRole.class, clean)
                .orElseThrow(() -> ValidationException.of(Map.of("role", "Role must be " + Coded.codes(TeamRole.class))));
    }

    public void removeMember(Context ctx) {
        long id = changeable(ctx, Params.pathId(ctx, "id"));
        projects.removeMember(id, Params.pathId(ctx, "personId"));
        ctx.status(204);
    }

    // The final presentation (a link here; files are uploaded on the project page)

    public void putPresentation(Context ctx) {
        long id = changeable(ctx, Params.pathId(ctx, "id"));
        projects.setPresentationLink(id, presentationUrl(Json.read(ctx, PresentationInput.class).url()));
        ctx.json(projects.get(id));
    }

    static String presentationUrl(String raw) {
        String url = Text.singleLine(raw);
        if (!url.matches("^https?://\\S+$") || url.length() > 2000) {
            throw ValidationException.of(Map.of("url", "Enter a link to the presentation starting with https:// or http://"));
        }
        return url;
    }

    public void removePresentation(Context ctx) {
        projects.removePresentation(changeable(ctx, Params.pathId(ctx, "id")));
        ctx.status(204);
    }

    // Measures and their data

    public void createMeasure(Context ctx) {
        long id = changeable(ctx, Params.pathId(ctx, "id"));
        Measure measure = measures.create(id, Json.read(ctx, MeasureInput.class).validated());
        ctx.status(201).json(scores.measure(measure));
    }

    public void measure(Context ctx) {
        ctx.json(scores.measure(measures.get(Params.pathId(ctx, "id"))));
    }

    public void updateMeasure(Context ctx) {
        Measure measure = changeableMeasure(ctx);
        ctx.json(scores.measure(measures.update(measure.id(), Json.read(ctx, MeasureInput.class).validated())));
    }

    public void deleteMeasure(Context ctx) {
        measures.delete(changeableMeasure(ctx).id());
        ctx.status(204);
    }

    public void addPoint(Context ctx) {
        Measure measure = changeableMeasure(ctx);
        measures.addPoint(measure.id(), Json.read(ctx, PointInput.class).validated(), WebContext.viewer(ctx).accountId());
        ctx.status(201).json(scores.measure(measures.get(measure.id())));
    }

    public void importPoints(Context ctx) {
        Measure measure = changeableMeasure(ctx);
        int imported = measures.importCsv(measure.id(), TransferApi.csvBody(ctx), WebContext.viewer(ctx).accountId());
        ctx.status(201).json(Map.of("imported", imported, "measure", scores.measure(measures.get(measure.id()))));
    }

    public void deletePoint(Context ctx) {
        Point point = measures.point(Params.pathId(ctx, "id"));
        changeable(ctx, measures.get(point.measureId()).projectId());
        measures.deletePoint(point.id());
        ctx.status(204);
    }

    // PDSA cycles

    public void cycles(Context ctx) {
        ctx.json(cycles.list(projects.get(Params.pathId(ctx, "id")).id()));
    }

    public void createCycle(Context ctx) {
        long id = changeable(ctx, Params.pathId(ctx, "id"));
        ctx.status(201).json(cycles.create(id, Json.read(ctx, CycleInput.class).validated(), WebContext.viewer(ctx).accountId()));
    }

    public void updateCycle(Context ctx) {
        Cycle cycle = cycles.get(Params.pathId(ctx, "id"));
        changeable(ctx, cycle.projectId());
        ctx.json(cycles.update(cycle.id(), Json.read(ctx, CycleInput.class).validated()));
    }

    // The progress score

    public void scores(Context ctx) {
        ProjectDetail detail = scores.detail(Params.pathId(ctx, "id"));
        ctx.json(new ScoresView(detail.suggestion(), detail.scores()));
    }

    public void confirmScore(Context ctx) {
        long id = projects.get(Params.pathId(ctx, "id")).id();
        requireRuns(ctx, id);
        ctx.status(201).json(scores.confirm(id, Json.read(ctx, ScoreInput.class).validated(), WebContext.ownPersonId(ctx)));
    }

    /** Only the people running a project (its leads, members and coaches) confirm its score. */
    void requireRuns(Context ctx, long projectId) {
        if (!projects.runs(WebContext.viewer(ctx), projectId)) {
            throw new ForbiddenException("Only the project's leads, members and coaches confirm its progress score");
        }
    }

    /** The project's id, once it is known to exist and the viewer may change it. */
    private long changeable(Context ctx, long projectId) {
        long id = projects.get(projectId).id();
        projects.requireCanChange(WebContext.viewer(ctx), id);
        return id;
    }

    private Measure changeableMeasure(Context ctx) {
        Measure measure = measures.get(Params.pathId(ctx, "id"));
        changeable(ctx, measure.projectId());
        return measure;
    }
}
