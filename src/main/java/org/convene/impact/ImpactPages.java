package org.convene.impact;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.directory.Reference;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.evaluation.pdf.PdfRenderer;
import org.convene.projects.ProjectStatus;
import org.convene.web.Form;
import org.convene.web.Option;
import org.convene.web.Params;
import org.convene.web.Templates;

/**
 * The impact dashboard for the programme team: the figures of a place or the whole system over a
 * period, each linking to the list behind it, and the same as a standalone HTML file and a PDF
 * for funders. {@code /api/v1/impact} gives the figures and lists as JSON.
 */
public final class ImpactPages {
    private static final String CSS = org.convene.reports.ReportRenderer.stylesheet();

    private final Templates templates;
    private final Impact impact;
    private final Reference reference;
    private final String baseUrl;
    /** The charts of the figures last shown, drawn once per set of figures (a kept snapshot is the same object each time). */
    private final Map<ImpactQuery, ImpactView> views = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ImpactQuery, ImpactView> eldest) {
            return size() > 64;
        }
    });

    public ImpactPages(Templates templates, Impact impact, Reference reference, String baseUrl) {
        this.templates = templates;
        this.impact = impact;
        this.reference = reference;
        this.baseUrl = baseUrl;
    }

    public void show(Context ctx) {
        Map<String, String> values = values(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("scopes", scopes());
        try {
            ImpactQuery query = query(ctx);
            ImpactFigures figures = impact.figures(query);
            ImpactView shown = views.get(query);
            if (shown == null || shown.figures() != figures) {
                shown = new ImpactView(figures, ImpactCharts.of(figures), "", false);
                views.put(query, shown);
            }
            model.put("view", shown);
            values.put("scope", query.scope());
            values.put("from", query.from().toString());
            values.put("to", query.to().toString());
            model.put("form", Form.of(values));
        } catch (ValidationException e) {
            ctx.status(422);
            model.put("view", null);
            model.put("form", new Form(values, Map.of(), e.fieldErrors()));
        }
        templates.page(ctx, "impact/dashboard.jte", model);
    }

    /** The dashboard as one HTML file with its styles and charts inside, to keep or send on. */
    public void html(Context ctx) {
        ImpactView view = printView(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(view, "html") + "\"");
        ctx.contentType("text/html; charset=utf-8").result(document(view));
    }

    public void pdf(Context ctx) {
        ImpactView view = printView(ctx);
        byte[] pdf = PdfRenderer.render(document(view), PdfRenderer.Options.defaults()
                .withTitle("Impact: " + view.figures().scopeName())
                .withAuthor("Convene")
                .withDescription("Who took part, events, matches, sets and clusters, projects, new relationships and confidence"));
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(view, "pdf") + "\"");
        ctx.contentType("application/pdf").result(pdf);
    }

    /** The rows behind one figure, 50 a page. */
    public void list(Context ctx) {
        Figure figure = figure(ctx);
        String only = only(ctx, figure, reference);
        ImpactList list = impact.list(figure, query(ctx), only, Params.queryInt(ctx, "page", 1, 1, 1_000_000));
        String filter = only == null ? null : describe(figure, only, reference);
        templates.page(ctx, "impact/list.jte", Map.of("list", list, "filter", filter == null ? "" : filter,
                "scopeName", scopeName(list.query())));
    }

    static ImpactQuery query(Context ctx) {
        return ImpactQuery.of(Params.query(ctx, "scope"), Params.queryDate(ctx, "from"), Params.queryDate(ctx, "to"));
    }

    static Figure figure(Context ctx) {
        return Figure.fromCode(ctx.pathParam("figure")).orElseThrow(() -> new NotFoundException("There is nothing at " + ctx.path()));
    }

    /** The {@code only} filter, checked against what the figure can be narrowed by. */
    static String only(Context ctx, Figure figure, Reference reference) {
        String only = Params.query(ctx, "only");
        if (only == null || only.isEmpty()) {
            return null;
        }
        boolean known = switch (figure) {
            case PEOPLE -> reference.sector(only).isPresent();
            case PROJECTS -> org.convene.web.Coded.fromCode(ProjectStatus.class, only).isPresent();
            case TIES -> only.equals("across");
            case MATCHES -> only.equals("met");
            default -> false;
        };
        if (!known) {
            throw new ValidationException("Unknown filter", Map.of("only", switch (figure) {
                case PEOPLE -> "Choose a sector by its code, for example acute";
                case PROJECTS -> "Choose a project status: planning, active, paused, completed or stopped";
                case TIES -> "Write across for the ties across sectors";
                case MATCHES -> "Write met for the matches that met";
                default -> "This list cannot be narrowed";
            }));
        }
        return only;
    }

    private static String describe(Figure figure, String only, Reference reference) {
        return switch (figure) {
            case PEOPLE -> "Sector: " + reference.sector(only).map(s -> s.name()).orElse(only);
            case PROJECTS -> "Status: " + ImpactStore.status(only).label();
            case TIES -> "Across sectors only";
            case MATCHES -> "Only those that met";
            default -> null;
        };
    }

    private String scopeName(ImpactQuery q) {
        return q.system() ? "The whole system"
                : reference.places().stream().filter(p -> p.id() == q.placeId()).map(p -> p.name()).findFirst()
                        .orElseThrow(() -> new ValidationException("Unknown place", Map.of("scope", "There is no place " + q.placeId())));
    }

    private ImpactView printView(Context ctx) {
        ImpactFigures figures = impact.figures(query(ctx));
        return new ImpactView(figures, ImpactCharts.of(figures), baseUrl, true);
    }

    private String document(ImpactView view) {
        return templates.render("impact/print.jte", Map.of("view", view, "css", CSS));
    }

    private static String fileName(ImpactView view, String extension) {
        ImpactFigures f = view.figures();
        String slug = f.scopeName().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "impact-" + (slug.length() > 60 ? slug.substring(0, 60) : slug) + "-" + f.query().from() + "-to-" + f.query().to() + "." + extension;
    }

    private static Map<String, String> values(Context ctx) {
        Map<String, String> values = new HashMap<>();
        for (String name : List.of("scope", "from", "to")) {
            String v = ctx.queryParam(name);
            values.put(name, v == null ? "" : v);
        }
        return values;
    }

    private List<Option> scopes() {
        List<Option> options = new ArrayList<>();
        options.add(new Option("system", "The whole system"));
        reference.places().forEach(p -> options.add(new Option("place:" + p.id(), p.name())));
        return options;
    }
}
