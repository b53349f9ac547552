package org.convene.relationships;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.convene.errors.ValidationException;
import org.convene.web.Form;
import org.convene.web.Html;
import org.convene.web.Option;
import org.convene.web.Paged;
import org.convene.web.Params;
import org.convene.web.Templates;

/**
 * The network map of a slice (Cytoscape.js draws {@code /api/v1/network/graph} in the browser,
 * nodes coloured by sector) and its table view, which says the same for screen-reader users and
 * without JavaScript: every person with their sector, ties, ties across sectors and connections,
 * and the sectors' ties within and across. Both take the same filters: slice, date, tie sources
 * and a person's name.
 */
public final class NetworkMapPages {
    /** A row of the table view: a person and whom they are tied to. */
    public record Row(NetworkGraphs.Node person, List<String> connections, int more) {
    }

    /** A sector's people and ties: those within it and those to other sectors. */
    public record SectorRow(String name, int people, long within, long across) {
    }

    private final Templates templates;
    private final NetworkGraphs graphs;
    private final NetworkPages network;

    public NetworkMapPages(Templates templates, NetworkGraphs graphs, NetworkPages network) {
        this.templates = templates;
        this.graphs = graphs;
        this.network = network;
    }

    /** GET /api/v1/network/graph: the slice's people and ties for the map. */
    public void graphJson(Context ctx) {
        ctx.json(graphs.graph(Slice.parse(ctx.queryParam("slice")), Params.queryDate(ctx, "to"), ctx.queryParams("source"),
                NetworkGraphs.MAP_LIMIT));
    }

    public void show(Context ctx) {
        boolean table = "table".equals(ctx.queryParam("view"));
        Map<String, String> values = new HashMap<>();
        for (String name : List.of("slice", "to", "q")) {
            String v = Params.query(ctx, name);
            values.put(name, v == null ? "" : v);
        }
        List<String> sources = ctx.queryParams("source");
        Map<String, Object> model = new HashMap<>();
        model.put("slices", network.slices());
        model.put("sourceOptions", TieSources.LABELS.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue())).toList());
        model.put("chosenSources", sources);
        model.put("table", table);
        model.put("rows", null);
        model.put("sectors", List.of());
        model.put("graph", null);
        try {
            Slice slice = Slice.parse(values.get("slice"));
            NetworkGraphs.Graph graph = graphs.graph(slice, Params.queryDate(ctx, "to"), sources, table ? Integer.MAX_VALUE : NetworkGraphs.MAP_LIMIT);
            values.put("slice", slice.toString());
            values.put("to", graph.to().toString());
            model.put("graph", graph);
            if (table) {
                Map<Long, NetworkGraphs.Node> byId = graph.nodes().stream().collect(Collectors.toMap(NetworkGraphs.Node::id, n -> n));
                model.put("rows", rows(graph, byId, values.get("q"), Params.queryInt(ctx, "page", 1, 1, 1_000_000)));
                model.put("sectors", sectors(graph, byId));
            }
            model.put("form", Form.of(values));
        } catch (ValidationException e) {
            ctx.status(422);
            model.put("form", new Form(values, Map.of(), e.fieldErrors()));
        }
        model.put("query", query(values, sources));
        templates.page(ctx, "relationships/map.jte", model);
    }

    /** The filters as a query string (without the view), to move between the map and the table. */
    private static String query(Map<String, String> values, List<String> sources) {
        StringBuilder q = new StringBuilder("slice=" + Html.url(values.get("slice")) + "&to=" + Html.url(values.get("to")));
        sources.forEach(s -> q.append("&source=").append(Html.url(s)));
        if (!values.get("q").isEmpty()) {
            q.append("&q=").append(Html.url(values.get("q")));
        }
        return q.toString();
    }

    private static Paged<Row> rows(NetworkGraphs.Graph graph, Map<Long, NetworkGraphs.Node> byId, String search, int page) {
        Map<Long, List<Long>> neighbours = new HashMap<>();
        for (NetworkGraphs.Edge e : graph.edges()) {
            neighbours.computeIfAbsent(e.a(), k -> new ArrayList<>()).add(e.b());
            neighbours.computeIfAbsent(e.b(), k -> new ArrayList<>()).add(e.a());
        }
        String needle = search == null ? "" : search.toLowerCase(Locale.UK);
        List<NetworkGraphs.Node> found = graph.nodes().stream().filter(n -> needle.isEmpty() || n.name().toLowerCase(Locale.UK).contains(needle))
                .sorted(java.util.Comparator.comparing(NetworkGraphs.Node::name).thenComparing(NetworkGraphs.Node::id)).toList();
        int size = 50;
        List<Row> rows = found.stream().skip((long) (page - 1) * size).limit(size).map(n -> {
            List<String> names = neighbours.getOrDefault(n.id(), List.of()).stream().map(id -> byId.get(id).name()).sorted().toList();
            return new Row(n, names.stream().limit(10).toList(), Math.max(0, names.size() - 10));
        }).toList();
        return new Paged<>(rows, page, size, found.size(), false);
    }

    private static List<SectorRow> sectors(NetworkGraphs.Graph graph, Map<Long, NetworkGraphs.Node> byId) {
        Map<String, long[]> counts = new java.util.TreeMap<>();
        graph.nodes().forEach(n -> counts.computeIfAbsent(n.sectorName(), k -> new long[3])[0]++);
        for (NetworkGraphs.Edge e : graph.edges()) {
            NetworkGraphs.Node a = byId.get(e.a());
            NetworkGraphs.Node b = byId.get(e.b());
            if (a.sector().equals(b.sector())) {
                counts.get(a.sectorName())[1]++;
            } else {
                counts.get(a.sectorName())[2]++;
                counts.get(b.sectorName())[2]++;
            }
        }
        return counts.entrySet().stream().map(e -> new SectorRow(e.getKey(), (int) e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }
}
