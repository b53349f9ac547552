package org.convene.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.web.Route;

/**
 * Attacks the JSON API route by route. A write route (POST, PUT) first gets a valid body built from
 * its schema, sent as each actor in turn until one is accepted; that actor then sends the tries,
 * each the valid body spoilt one way (a hostile value in a field, a wrong type, malformed JSON, a
 * bad id in the path, a wrong content type). CSV bodies get a valid file spoilt likewise. A read
 * route (GET) gets hostile values in its documented query parameters.
 */
final class ApiAttacks {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final HostileWorld world;
    private final Attack attack;
    private final Bodies bodies;
    private final Ids ids;
    /** Routes with no accepted valid request, for the report. */
    final List<String> withoutBaseline = new ArrayList<>();
    /** The accepted valid request of each JSON route, by route. */
    private final Map<String, Baseline> baselines;

    ApiAttacks(HostileWorld world, Attack attack, Bodies bodies, Ids ids) {
        this(world, attack, bodies, ids, new java.util.HashMap<>());
    }

    /** Attacks that know the valid requests another instance found. */
    ApiAttacks(HostileWorld world, Attack attack, Bodies bodies, Ids ids, Map<String, ?> baselines) {
        @SuppressWarnings("unchecked")
        Map<String, Baseline> shared = (Map<String, Baseline>) baselines;
        this.baselines = shared;
        this.world = world;
        this.attack = attack;
        this.bodies = bodies;
        this.ids = ids;
    }

    private static String label(Route route) {
        return route.method().name() + " " + route.path();
    }

    /** The path's placeholders with the values they were given. */
    static Map<String, String> context(String template, String path) {
        Map<String, String> context = new LinkedHashMap<>();
        String[] t = template.split("/");
        String[] p = path.split("/");
        for (int i = 0; i < t.length && i < p.length; i++) {
            Matcher m = PLACEHOLDER.matcher(t[i]);
            if (m.find()) {
                context.put(m.group(1), p[i].replaceAll("\\D.*", ""));
            }
        }
        context.put("route", template);
        if (template.contains("/measures/{id}/points")) {
            context.put("measure", context.get("id"));
        }
        return context;
    }

    void write(Route route, int tries) {
        String method = route.method().name();
        String template = route.path();
        List<String> types = bodies.contentTypes(method, template);
        if (types.contains("application/json")) {
            json(route, tries);
        } else if (types.contains("text/csv")) {
            csv(route, tries);
        } else {
            bodiless(route, tries);
        }
    }

    /** A valid request: who sends it and the shape of its body. */
    private record Baseline(HostileWorld.Actor actor, Bodies.Shape shape) {
    }

    /**
     * Finds an actor and a body shape the route accepts: every property, then only the required ones;
     * when refused with a 422 naming fields, without those; when refused otherwise (409, 422), with
     * the next option of each enum. Each refusal is itself checked like any other answer.
     */
    private Baseline jsonBaseline(Route route) {
        String method = route.method().name();
        HostileWorld.Actor fallback = null;
        String why = "";
        for (HostileWorld.Actor actor : world.actors) {
            for (Bodies.Shape start : List.of(Bodies.Shape.every(), Bodies.Shape.required())) {
                Bodies.Shape shape = start;
                for (int attempt = 0; attempt < 4; attempt++) {
                    String path = ids.path(route.path());
                    JsonNode body = bodies.json(method, route.path(), context(route.path(), path), shape);
                    Attack.Answer a = attack.api(actor, label(route), method, path, "application/json",
                            JsonMutations.write(body).getBytes(StandardCharsets.UTF_8), "valid body");
                    if (a.accepted()) {
                        Baseline found = new Baseline(actor, shape);
                        baselines.put(label(route), found);
                        return found;
                    }
                    if (a.status() == 401 || a.status() == 403) {
                        break;
                    }
                    if (fallback == null) {
                        fallback = actor;
                        why = a.status() + " " + Attack.shorten(a.body());
                    }
                    List<String> named = refusedFields(a, body);
                    if (a.status() == 422 && !named.isEmpty() && !shape.without().containsAll(named)) {
                        shape = shape.without(named);
                    } else if (a.status() == 409 || a.status() == 422) {
                        shape = shape.nextOption();
                    } else {
                        break;
                    }
                }
            }
        }
        withoutBaseline.add(label(route) + " (" + why + ")");
        return new Baseline(fallback == null ? world.actors.get(0) : fallback, Bodies.Shape.required());
    }

    Map<String, ?> baselines() {
        return baselines;
    }

    /**
     * Stores markup through a route: its valid body with every free-text field (the ones given
     * "Valid ..." text) set to one of {@link Hostile#MARKUP} and every link to a script address;
     * if that is refused, links are left valid. Returns whether the markup was stored.
     */
    boolean storeMarkup(Route route, int n) {
        Baseline base = baselines.get(label(route));
        if (base == null) {
            return false;
        }
        String method = route.method().name();
        for (boolean links : new boolean[] {true, false}) {
            String path = ids.path(route.path());
            JsonNode body = bodies.json(method, route.path(), context(route.path(), path), base.shape());
            int replaced = JsonMutations.replaceText(body, Hostile.MARKUP.get(n % Hostile.MARKUP.size()),
                    links ? Hostile.SCRIPT_LINKS.get(n % Hostile.SCRIPT_LINKS.size()) : null);
            if (replaced == 0) {
                return false;
            }
            Attack.Answer a = attack.api(base.actor(), label(route), method, path, "application/json",
                    JsonMutations.write(body).getBytes(StandardCharsets.UTF_8), "markup in every text field" + (links ? " and link" : ""));
            if (a.accepted()) {
                return true;
            }
        }
        return false;
    }

    /** The body's own fields that a 422 names. */
    private static List<String> refusedFields(Attack.Answer a, JsonNode body) {
        List<String> named = new ArrayList<>();
        try {
            JsonNode fields = org.convene.web.Json.MAPPER.readTree(a.body()).path("fields");
            fields.fieldNames().forEachRemaining(f -> {
                if (body.has(f)) {
                    named.add(f);
                }
            });
        } catch (Exception e) {
            // not JSON: nothing named
        }
        return named;
    }

    private void json(Route route, int tries) {
        String method = route.method().name();
        Baseline base = jsonBaseline(route);
        for (int i = 0; i < tries; i++) {
            Random random = Tries.random(label(route), i);
            String path = ids.path(route.path());
            JsonNode valid = bodies.json(method, route.path(), context(route.path(), path), base.shape());
            int kind = random.nextInt(100);
            if (i < Hostile.SWEEP.size()) {
                JsonMutations.Spoilt s = JsonMutations.everyText(valid, Hostile.SWEEP.get(i));
                attack.api(base.actor(), label(route), method, path, "application/json", s.body().getBytes(StandardCharsets.UTF_8),
                        s.what());
            } else if (kind < 6 && route.path().contains("{")) {
                String bad = badPath(random, route.path(), path);
                attack.api(base.actor(), label(route), method, bad, "application/json",
                        JsonMutations.write(valid).getBytes(StandardCharsets.UTF_8), "valid body, bad id in the path");
            } else if (kind < 10) {
                String type = Hostile.pick(random, List.of("text/plain", "application/x-www-form-urlencoded", "application/xml",
                        "application/json; charset=ISO-8859-1", "multipart/form-data; boundary=x"));
                attack.api(base.actor(), label(route), method, path, type, JsonMutations.write(valid).getBytes(StandardCharsets.UTF_8),
                        "valid body sent as " + type);
            } else {
                JsonMutations.Spoilt s = JsonMutations.spoil(random, valid);
                attack.api(base.actor(), label(route), method, path, "application/json", s.body().getBytes(StandardCharsets.UTF_8),
                        s.what());
            }
        }
    }

    private static String badPath(Random random, String template, String path) {
        String[] t = template.split("/");
        String[] p = path.split("/");
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{")) {
                slots.add(i);
            }
        }
        int slot = Hostile.pick(random, slots);
        p[slot] = Hostile.badId(random) + t[slot].substring(t[slot].indexOf('}') + 1);
        return String.join("/", p);
    }

    private void csv(Route route, int tries) {
        String method = route.method().name();
        List<String> header = bodies.csvHeader(method, route.path());
        HostileWorld.Actor actor = null;
        for (HostileWorld.Actor candidate : world.actors) {
            String path = ids.path(route.path());
            byte[] valid = Csvs.write(validCsv(header, path, route.path(), 2)).getBytes(StandardCharsets.UTF_8);
            Attack.Answer a = attack.api(candidate, label(route), method, path, "text/csv", valid, "valid CSV");
            if (a.accepted()) {
                actor = candidate;
                break;
            }
        }
        if (actor == null) {
            withoutBaseline.add(label(route));
            actor = world.actors.get(0);
        }
        for (int i = 0; i < tries; i++) {
            Random random = Tries.random(label(route), i);
            String path = ids.path(route.path());
            Csvs.Spoilt s = Csvs.spoil(random, validCsv(header, path, route.path(), 2));
            attack.api(actor, label(route), method, path, random.nextInt(10) == 0 ? "application/json" : "text/csv", s.body(), s.what());
        }
    }

    /** A valid file for an import: new people and organisations, people not yet enrolled, days without a value. */
    List<List<String>> validCsv(List<String> header, String path, String template, int rows) {
        Map<String, String> context = context(template, path);
        String unique = Long.toString(System.nanoTime(), 36);
        List<String> enrollable = header.equals(List.of("email"))
                ? ids.firstN("SELECT email FROM people WHERE email IS NOT NULL AND listed AND id NOT IN "
                + "(SELECT person_id FROM enrolments WHERE cohort_id = :p) ORDER BY id DESC LIMIT 5", context.get("id"))
                : List.of();
        List<String> freeDays = ids.firstN("SELECT d::date::text FROM generate_series(current_date - 400, current_date - 1, "
                + "interval '1 day') d WHERE NOT EXISTS (SELECT 1 FROM measure_points p WHERE p.measure_id = :p AND p.period = d::date) "
                + "ORDER BY random() LIMIT 5", context.getOrDefault("measure", "0"));
        String organisation = ids.first("SELECT name FROM organisations ORDER BY id LIMIT 1", null).orElse("");
        String place = ids.first("SELECT name FROM places ORDER BY id LIMIT 1", null).orElse("");
        return Csvs.rows(header, rows, (column, row) -> switch (column) {
            case "full_name" -> "Imported Person " + unique + row;
            case "email" -> enrollable.isEmpty() ? "imported" + unique + row + "@test.example"
                    : enrollable.get(row % enrollable.size());
            case "organisation" -> organisation;
            case "sector" -> "acute";
            case "place" -> place;
            case "interests" -> "frailty";
            case "contact_preference" -> "email";
            case "listed" -> "yes";
            case "name" -> "Imported Organisation " + unique + row;
            case "date" -> freeDays.isEmpty() ? "2020-01-0" + (row + 1) : freeDays.get(row % freeDays.size());
            case "value" -> Integer.toString(10 + row);
            default -> "Imported " + column + " " + row;
        });
    }

    private void bodiless(Route route, int tries) {
        String method = route.method().name();
        HostileWorld.Actor actor = world.actors.get(0);
        for (HostileWorld.Actor candidate : world.actors) {
            Attack.Answer a = attack.api(candidate, label(route), method, ids.path(route.path()), null, null, "no body");
            if (a.accepted()) {
                actor = candidate;
                break;
            }
        }
        for (int i = 0; i < Math.max(2, tries / 3); i++) {
            Random random = Tries.random(label(route), i);
            String path = ids.path(route.path());
            if (random.nextBoolean() && route.path().contains("{")) {
                attack.api(actor, label(route), method, badPath(random, route.path(), path), null, null, "bad id in the path");
            } else {
                attack.api(actor, label(route), method, path, "application/json",
                        Hostile.brokenJson(random, "{\"a\":1}").getBytes(StandardCharsets.UTF_8), "an unexpected body");
            }
        }
    }

    /** Hostile values in a read route's query parameters (documented ones, and some it does not know). */
    void read(Route route, int tries) {
        String method = route.method().name();
        Map<String, JsonNode> params = bodies.queryParameters(method, route.path());
        List<String> names = new ArrayList<>(params.keySet());
        if (names.isEmpty()) {
            tries = route.path().endsWith(".pdf") ? 1 : 2; // nothing to attack but the unknown; a PDF takes seconds
        }
        names.add("page");
        names.add("unknown");
        HostileWorld.Actor actor = world.actors.get(0);
        for (int i = 0; i < tries; i++) {
            Random random = Tries.random(label(route), i);
            String path = ids.path(route.path());
            String name = Hostile.pick(random, names);
            String query;
            int kind = random.nextInt(10);
            if (i < Hostile.SWEEP.size() && !params.isEmpty()) {
                String sweep = Hostile.SWEEP.get(i).length() > 2_000 ? Hostile.SWEEP.get(i).substring(0, 2_000) : Hostile.SWEEP.get(i);
                query = String.join("&", params.keySet().stream()
                        .map(p -> URLEncoder.encode(p, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(sweep, StandardCharsets.UTF_8)).toList());
            } else if (kind == 0) {
                String broken = Hostile.pick(random, List.of("%ZZ", "%C3%28", "%00", "%", "%F0%9F", "%u0041"));
                attack.raw(actor, label(route), path + "?" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + broken,
                        "query " + name + " with a broken escape");
                continue;
            } else if (kind == 1) {
                query = name + "=1&" + name + "=2&" + name + "=";
            } else {
                String value = kind < 4 ? Hostile.badId(random) : Hostile.text(random);
                if (value.length() > 10_000) {
                    value = value.substring(0, 6_000); // a URL of 100,000 characters is refused before Convene sees it
                }
                query = URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
            }
            attack.api(actor, label(route), method, path + "?" + query, null, null, "query " + name);
        }
    }
}
