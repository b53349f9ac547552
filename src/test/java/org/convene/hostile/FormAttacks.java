package org.convene.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.convene.testing.Multipart;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.convene.web.Access;
import org.convene.web.Route;

/**
 * Attacks the pages' forms. Every page of the route table is fetched (as the first actor it shows
 * itself to, and as the participant) and its forms are read; each form is matched to the POST route
 * its action names. Each POST route's form is first sent as the page filled it in (empty text
 * filled with something plausible), then tried with hostile values: in one field, in every text
 * field, a choice that was not offered, a field twice or missing, a broken encoding, an upload of
 * hostile bytes under a hostile name (a malformed CSV where the form imports one).
 */
final class FormAttacks {
    private final HostileWorld world;
    private Attack attack;
    private final Ids ids;
    private final ApiAttacks csvSource;
    /** POST route (method and template) to the forms found for it, with the actor that saw each. */
    private final Map<String, List<Found>> forms = new TreeMap<>();
    /** GET forms (search and filters), by the page route that showed them. */
    private final Map<String, List<Found>> searches = new TreeMap<>();
    final List<String> withoutForm = new ArrayList<>();
    final List<String> withoutBaseline = new ArrayList<>();
    private int counter;

    record Found(HostileWorld.Actor actor, Forms.Form form, String pageRoute) {
    }

    /** The form a route accepted, and how it was filled in. */
    private record Chosen(Found found, boolean known, int shift) {
    }

    private final Map<String, Chosen> accepted = new TreeMap<>();

    FormAttacks(HostileWorld world, Attack attack, Ids ids, ApiAttacks csvSource) {
        this.world = world;
        this.attack = attack;
        this.ids = ids;
        this.csvSource = csvSource;
    }

    /** The actor's browser, or a new one that has not signed in for nobody (null). */
    private WebClient browser(HostileWorld.Actor actor) {
        return actor == null ? world.app.client() : world.browser(actor);
    }

    /** These attacks, reporting to another {@link Attack} (one per test). */
    FormAttacks using(Attack other) {
        this.attack = other;
        return this;
    }

    private static String label(Route route) {
        return route.method().name() + " " + route.path();
    }

    private static Pattern pattern(String template) {
        return Pattern.compile(template.replaceAll("\\{[A-Za-z]+}", "[^/]+").replace(".", "\\.") + "(\\?.*)?");
    }

    private static boolean isPage(Route route) {
        String p = route.path();
        return !route.api() && route.method().name().equals("GET") && !p.endsWith(".csv") && !p.endsWith(".pdf")
                && !p.endsWith(".ics") && !p.endsWith(".json") && !p.endsWith(".html") && !p.contains("/file")
                && !p.startsWith("/materials/") && !p.endsWith("/presentation") && !p.equals("/metrics")
                && !p.equals("/health") && !p.startsWith("/styles") && !p.equals("/logout");
    }

    /** Fetches every page and notes its forms. */
    void crawl(List<Route> table) {
        HostileWorld.Actor participant = world.actors.stream().filter(a -> a.email.startsWith("participant@")).findFirst().orElseThrow();
        List<Route> posts = table.stream().filter(r -> !r.api() && r.method().name().equals("POST")).toList();
        for (Route route : table) {
            if (!isPage(route)) {
                continue;
            }
            // The rows the tests started with, and the newest (made by the API attacks: a draft
            // survey, an event its host can add a survey to, a community the participant has not joined)
            java.util.Set<String> paths = new java.util.LinkedHashSet<>();
            paths.add(ids.path(route.path()));
            String newest = ids.newest(route.path());
            if (newest != null) {
                paths.add(newest);
            }
            for (String path : paths) {
                crawl(route, path, posts, participant);
            }
        }
        for (Route post : posts) {
            if (!forms.containsKey(label(post))) {
                withoutForm.add(label(post));
            }
        }
    }

    /** Reads one page as the first actor it shows itself to, and as the participant, noting its forms. */
    private void crawl(Route route, String path, List<Route> posts, HostileWorld.Actor participant) {
        boolean seen = false;
        // Open pages are read, and their forms sent, without signing in: a form there (an
        // invitation, a password reset) may sign the browser in as someone else.
        List<HostileWorld.Actor> viewers = route.access() == Access.ANYONE ? java.util.Collections.singletonList(null) : world.actors;
        for (HostileWorld.Actor actor : viewers) {
            if (seen && actor != participant) {
                continue;
            }
            Attack.Answer a = attack.page(browser(actor), label(route), "GET", path, null, null, "as " + actor);
            if (a.status() != 200 || !a.contentType().startsWith("text/html")) {
                continue;
            }
            seen = true;
            for (Forms.Form form : Forms.on(path, a.body())) {
                String action = form.action();
                if (form.method().equals("get")) {
                    searches.computeIfAbsent(label(route), k -> new ArrayList<>()).add(new Found(actor, form, label(route)));
                    continue;
                }
                for (Route post : posts) {
                    if (pattern(post.path()).matcher(action).matches()) {
                        forms.computeIfAbsent(label(post), k -> new ArrayList<>()).add(new Found(actor, form, label(route)));
                    }
                }
            }
        }
    }

    /**
     * The values a person would send: the page's own, with empty text filled in plausibly and each
     * unchosen choice given an option ({@code shift} moves every choice on to a later option).
     */
    private Map<String, List<String>> filled(Forms.Form form, HostileWorld.Actor actor, boolean known, int shift) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Forms.Field f : form.fields()) {
            if (f.file()) {
                continue;
            }
            String v = f.value();
            List<String> offered = f.options().stream().filter(o -> !o.isEmpty()).toList();
            if ((f.type().equals("radio") || f.type().equals("select")) && !offered.isEmpty() && (v.isEmpty() || shift > 0)) {
                int at = Math.max(0, offered.indexOf(v));
                v = offered.get((at + shift) % offered.size());
            }
            if (f.type().equals("checkbox") && v.isEmpty()) {
                continue;
            }
            if (f.text() && v.isEmpty()) {
                v = plausible(f, actor, known);
            }
            values.put(f.name(), new ArrayList<>(List.of(v)));
        }
        return values;
    }

    /**
     * Text that a form would accept in this field, judged by its name and type. With {@code known},
     * emails and organisations are ones in the directory (for forms that look someone up) instead of
     * new ones (for forms that add someone).
     */
    private String plausible(Forms.Field f, HostileWorld.Actor actor, boolean known) {
        int n = ++counter;
        String name = f.name().toLowerCase(Locale.ROOT);
        String type = f.type();
        if (f.name().endsWith("Id")) {
            var id = ids.field(f.name(), Map.of());
            if (id.isPresent()) {
                return id.get().toString();
            }
        }
        if (name.equals("current")) {
            return actor == null ? TestApp.PASSWORD : actor.password;
        }
        if (name.equals("password") && actor == null && known) {
            return TestApp.PASSWORD; // signing in as the spare account
        }
        if (name.contains("password") || name.equals("confirm")) {
            return "a brand new pass phrase";
        }
        if (type.equals("email") || name.contains("email") || name.equals("coachee") || name.equals("coach")) {
            return !known ? "form" + n + "@test.example" : actor == null ? HostileWorld.SPARE : someone();
        }
        if (name.contains("partner") || name.contains("organisation")) {
            return ids.first("SELECT name FROM organisations ORDER BY id LIMIT 1", null).orElse("");
        }
        if (type.equals("date") || name.endsWith("date") || name.endsWith("on") && !name.equals("question")) {
            int days = name.startsWith("end") || name.contains("review") ? 60 : name.startsWith("start") || name.contains("held") ? -10 : 14;
            return LocalDate.now().plusDays(days).toString();
        }
        if (name.endsWith("_at") || f.name().endsWith("At")) {
            return LocalDate.now().plusDays(14) + "T10:00";
        }
        if (type.equals("time") || name.contains("time")) {
            return name.startsWith("end") ? "11:00" : "10:00";
        }
        if (type.equals("number") || name.equals("value") || List.of("capacity", "seniority", "size", "guests", "hours", "years",
                "band", "rating", "savings", "points").stream().anyMatch(name::contains)) {
            return name.equals("size") ? "4" : name.equals("guests") ? "0" : name.contains("savings") ? "1000" : "3";
        }
        if (type.equals("url") || name.contains("url") || name.contains("link")) {
            return "https://example.org/form/" + n;
        }
        if (name.equals("sector")) {
            return "acute";
        }
        return "Valid " + f.name() + " " + n;
    }

    /** The email of someone in the directory who is in a community and a cohort, and is none of the actors. */
    private String someone() {
        return ids.first("SELECT p.email FROM people p WHERE p.email IS NOT NULL AND p.id > 4 AND p.listed "
                + "AND EXISTS (SELECT 1 FROM community_members m WHERE m.person_id = p.id AND m.status = 'active') "
                + "AND EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id) ORDER BY p.id DESC LIMIT 1", null).orElse("");
    }

    private static String encode(Map<String, List<String>> values) {
        StringBuilder s = new StringBuilder();
        values.forEach((k, vs) -> vs.forEach(v -> {
            if (s.length() > 0) {
                s.append('&');
            }
            s.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }));
        return s.toString();
    }

    /**
     * Sends a form as its actor, signing in again when a hostile try signed the actor out. A form of
     * an open page is sent from a new browser that first fetches the page, as a visitor would.
     */
    private Attack.Answer submit(Route route, Found found, String action, Map<String, List<String>> values, byte[] raw,
                                 Multipart multipart, String what) {
        if (found.actor() == null) {
            WebClient visitor = world.app.client();
            Attack.Answer page = attack.page(visitor, label(route), "GET", found.form().page(), null, null, "the form's page");
            String csrf = Forms.on(found.form().page(), page.body()).stream().map(Forms.Form::csrf).filter(c -> !c.isEmpty())
                    .findFirst().orElse("");
            return send(visitor, route, action, withCsrf(values, csrf), withCsrf(raw, csrf), multipart, what);
        }
        WebClient browser = world.browser(found.actor());
        Attack.Answer a = send(browser, route, action, values, raw, multipart, what);
        if (a.status() == 401 || a.status() == 403 && a.body().contains("form has expired")) {
            world.signIn(found.actor());
            String csrf = world.csrf(found.actor());
            if (multipart == null && raw == null) {
                a = send(world.browser(found.actor()), route, action, withCsrf(values, csrf), null, null, what + " (signed in again)");
            }
        }
        return a;
    }

    private static Map<String, List<String>> withCsrf(Map<String, List<String>> values, String csrf) {
        if (values != null) {
            values.put("_csrf", new ArrayList<>(List.of(csrf)));
        }
        return values;
    }

    private static byte[] withCsrf(byte[] raw, String csrf) {
        if (raw == null) {
            return null;
        }
        String body = new String(raw, StandardCharsets.UTF_8).replaceFirst("_csrf=[^&]*", "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private Attack.Answer send(WebClient browser, Route route, String action, Map<String, List<String>> values, byte[] raw,
                               Multipart multipart, String what) {
        if (multipart != null) {
            return attack.page(browser, label(route), "POST", action, multipart.contentType(), bytes(multipart), what);
        }
        byte[] body = raw != null ? raw : encode(values).getBytes(StandardCharsets.UTF_8);
        return attack.page(browser, label(route), "POST", action, "application/x-www-form-urlencoded", body, what);
    }

    private static byte[] bytes(Multipart multipart) {
        var subscriber = java.net.http.HttpResponse.BodySubscribers.ofByteArray();
        multipart.publisher().subscribe(new java.util.concurrent.Flow.Subscriber<java.nio.ByteBuffer>() {
            public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                subscriber.onSubscribe(s);
            }

            public void onNext(java.nio.ByteBuffer item) {
                subscriber.onNext(List.of(item));
            }

            public void onError(Throwable t) {
                subscriber.onError(t);
            }

            public void onComplete() {
                subscriber.onComplete();
            }
        });
        return subscriber.getBody().toCompletableFuture().join();
    }

    /**
     * Stores markup through a route's form: the accepted values with every free-text field (filled
     * with "Valid ...") set to one of {@link Hostile#MARKUP} and every link to a script address; if
     * that is refused, links are left valid. Returns whether it was stored.
     */
    boolean storeMarkup(Route route, int n) {
        Chosen chosen = accepted.get(label(route));
        if (chosen == null || destructive(route)) {
            return false;
        }
        Found f = fresh(chosen.found(), route);
        for (boolean links : new boolean[] {true, false}) {
            Map<String, List<String>> values = filled(f.form(), f.actor(), chosen.known(), chosen.shift());
            if (f.actor() != null) {
                values.put("_csrf", new ArrayList<>(List.of(world.csrf(f.actor()))));
            }
            int replaced = 0;
            for (List<String> vs : values.values()) {
                for (int i = 0; i < vs.size(); i++) {
                    if (vs.get(i).startsWith("Valid ")) {
                        vs.set(i, Hostile.MARKUP.get(n % Hostile.MARKUP.size()));
                        replaced++;
                    } else if (links && vs.get(i).startsWith("https://example.org/")) {
                        vs.set(i, Hostile.SCRIPT_LINKS.get(n % Hostile.SCRIPT_LINKS.size()));
                        replaced++;
                    }
                }
            }
            if (replaced == 0) {
                return false;
            }
            Attack.Answer a = f.form().multipart()
                    ? submit(route, f, f.form().action(), null, null, multipart(route, f.form(), values, null, true), "markup")
                    : submit(route, f, f.form().action(), values, null, null, "markup in every text field" + (links ? " and link" : ""));
            if (a.accepted()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fetches every page, for the rows the tests started with and for the newest rows (what the
     * attacks stored last), as the first actor each shows itself to and as the participant; the
     * answers are checked for markup by {@link Attack}. Returns how many pages were read.
     */
    int readEverything(List<Route> table) {
        HostileWorld.Actor participant = world.actors.stream().filter(a -> a.email.startsWith("participant@")).findFirst().orElseThrow();
        int read = 0;
        for (Route route : table) {
            boolean export = route.path().endsWith(".html");
            if (!(isPage(route) || export && !route.api()) || route.access() == Access.ANYONE) {
                continue;
            }
            java.util.Set<String> paths = new java.util.LinkedHashSet<>();
            paths.add(ids.path(route.path()));
            String newest = ids.newest(route.path());
            if (newest != null) {
                paths.add(newest);
            }
            for (String path : paths) {
                boolean seen = false;
                for (HostileWorld.Actor actor : world.actors) {
                    if (seen && actor != participant) {
                        continue;
                    }
                    Attack.Answer a = attack.page(world.browser(actor), label(route), "GET", path, null, null, "as " + actor);
                    read++;
                    seen |= a.status() == 200;
                }
            }
        }
        return read;
    }

    /** Whether a route undoes or removes something: these are attacked after the others. */
    static boolean destructive(Route route) {
        return route.path().matches(".*/(delete|remove|withdraw|end|revoke|leave|cancel)$") || route.path().equals("/logout");
    }

    /** The form as its page shows it now (things may have changed since the crawl), or as it was. */
    private Found fresh(Found found, Route route) {
        Attack.Answer page = attack.page(browser(found.actor()), label(route), "GET", found.form().page(), null, null,
                "the form's page, again");
        if (page.status() != 200) {
            return found;
        }
        return Forms.on(found.form().page(), page.body()).stream()
                .filter(form -> form.action().equals(found.form().action()) && !form.method().equals("get"))
                .findFirst().map(form -> new Found(found.actor(), form, found.pageRoute())).orElse(found);
    }

    void attack(Route route, int tries) {
        List<Found> found = forms.get(label(route));
        if (found == null) {
            return;
        }
        Found f = fresh(found.get(0), route);
        boolean known = false;
        int shift = 0;
        boolean accepted = false;
        String why = "";
        search:
        for (Found listed : found) {
            Found candidate = listed == found.get(0) ? f : fresh(listed, route);
            // Plausible new values; then emails and organisations of the directory; then other
            // choices; and for uploads, without the file (a form may take a link or a file).
            for (int attempt = 0; attempt < 5; attempt++) {
                boolean lookUp = attempt > 0;
                int choice = attempt == 2 ? 1 : attempt == 3 ? 2 : 0;
                boolean withFile = attempt < 4;
                if (!withFile && !candidate.form().multipart()) {
                    break;
                }
                Map<String, List<String>> values = filled(candidate.form(), candidate.actor(), lookUp, choice);
                Attack.Answer a = candidate.form().multipart()
                        ? submit(route, candidate, candidate.form().action(), null, null,
                        multipart(route, candidate.form(), values, null, withFile), "valid form")
                        : submit(route, candidate, candidate.form().action(), values, null, null, "valid form");
                if (a.accepted()) {
                    f = candidate;
                    known = lookUp;
                    shift = choice;
                    accepted = true;
                    break search;
                }
                if (why.isEmpty()) {
                    why = a.status() + " " + Attack.shorten(reason(a));
                }
                boolean worthAnotherTry = a.status() == 422 || a.status() == 409 || a.status() == 401 && candidate.actor() == null;
                if (!worthAnotherTry) {
                    break;
                }
            }
        }
        if (accepted) {
            this.accepted.put(label(route), new Chosen(f, known, shift));
        } else {
            withoutBaseline.add(label(route) + " (" + why + ")");
        }
        String action = f.form().action();
        boolean takesInput = f.form().fields().stream().anyMatch(x -> (x.text() || x.choice() || x.file()) && !x.name().equals("_csrf")
                && !x.type().equals("hidden"));
        // A button (nothing typed or chosen): no text for the sweep, two tries of broken encodings and extra fields
        int first = takesInput ? 0 : Hostile.SWEEP.size();
        int last = takesInput ? tries : first + 2;
        for (int i = first; i < last; i++) {
            Random random = Tries.random(label(route), i);
            Map<String, List<String>> values = filled(f.form(), f.actor(), known, shift);
            if (f.actor() != null) {
                values.put("_csrf", new ArrayList<>(List.of(world.csrf(f.actor()))));
            }
            if (i < Hostile.SWEEP.size()) {
                String sweep = Hostile.SWEEP.get(i);
                f.form().fields().stream().filter(x -> x.text() && !x.name().equals("_csrf"))
                        .forEach(x -> values.put(x.name(), new ArrayList<>(List.of(sweep))));
                String what = "every text field = " + Attack.shorten(sweep).substring(0, Math.min(12, sweep.length()));
                if (f.form().multipart()) {
                    submit(route, f, action, null, null, multipart(route, f.form(), values, null, true), what);
                } else {
                    submit(route, f, action, values, null, null, what);
                }
                continue;
            }
            if (f.form().multipart()) {
                Upload upload = upload(random, f.form(), route);
                String what = upload.what;
                if (random.nextInt(3) == 0) {
                    what += ", " + mutate(random, f.form(), values);
                }
                submit(route, f, action, null, null, multipart(route, f.form(), values, upload, true), what);
                continue;
            }
            int kind = random.nextInt(100);
            if (kind < 8) {
                String broken = Hostile.pick(random, List.of("%ZZ", "%C3%28", "%00", "%", "%F0%9F", "%u0041", "a=b=c", "&&&=", ";"));
                byte[] raw = (encode(values) + "&" + firstText(f.form()) + "=" + broken).getBytes(StandardCharsets.UTF_8);
                submit(route, f, action, values, raw, null, "a broken escape: " + broken);
            } else if (kind < 11) {
                byte[] raw = (encode(values) + "&" + firstText(f.form()) + "=" + "x".repeat(300_000)).getBytes(StandardCharsets.UTF_8);
                submit(route, f, action, values, raw, null, "a 300,000-byte field");
            } else {
                String what = mutate(random, f.form(), values);
                submit(route, f, action, values, null, null, what);
            }
        }
        world.restore();
        if (f.actor() != null) {
            world.signIn(f.actor()); // signs in again only if a try signed the actor out or in as someone else
        }
    }

    /** What a refused form says is wrong (its error summary), or the start of the answer. */
    private static String reason(Attack.Answer a) {
        if (a.contentType().startsWith("text/html")) {
            org.jsoup.nodes.Element summary = org.jsoup.Jsoup.parse(a.body()).selectFirst(".govuk-error-summary, main");
            if (summary != null) {
                return summary.text();
            }
        }
        return a.body();
    }

    private static String firstText(Forms.Form form) {
        return form.fields().stream().filter(x -> x.text() && !x.name().equals("_csrf")).map(Forms.Field::name).findFirst().orElse("x");
    }

    /** Spoils the values one way and says how. */
    private String mutate(Random random, Forms.Form form, Map<String, List<String>> values) {
        List<Forms.Field> fields = form.fields().stream().filter(x -> !x.name().equals("_csrf") && !x.file()).toList();
        List<Forms.Field> texts = fields.stream().filter(Forms.Field::text).toList();
        int kind = random.nextInt(100);
        if (kind < 50 && !texts.isEmpty()) {
            Forms.Field field = Hostile.pick(random, texts);
            values.put(field.name(), new ArrayList<>(List.of(Hostile.text(random))));
            return field.name() + " = hostile text";
        }
        if (kind < 62 && !texts.isEmpty()) {
            String text = Hostile.text(random);
            texts.forEach(t -> values.put(t.name(), new ArrayList<>(List.of(text))));
            return "every text field = hostile text";
        }
        List<Forms.Field> choices = fields.stream().filter(Forms.Field::choice).toList();
        if (kind < 75 && !choices.isEmpty()) {
            Forms.Field field = Hostile.pick(random, choices);
            String value = random.nextBoolean() ? Hostile.text(random) : Hostile.badId(random);
            values.put(field.name(), new ArrayList<>(List.of(value)));
            return field.name() + " = a choice not offered";
        }
        if (kind < 83 && !fields.isEmpty()) {
            Forms.Field field = Hostile.pick(random, fields);
            values.computeIfAbsent(field.name(), k -> new ArrayList<>()).add(Hostile.text(random));
            return field.name() + " sent twice";
        }
        if (kind < 91 && !fields.isEmpty()) {
            Forms.Field field = Hostile.pick(random, fields);
            values.remove(field.name());
            return "without " + field.name();
        }
        values.put(Hostile.pick(random, List.of("id", "roles", "person_id", "account", "next", "__proto__")),
                new ArrayList<>(List.of(Hostile.text(random))));
        return "with an extra field";
    }

    /** A file to upload: a spoilt CSV where the form imports one, else hostile bytes; under a hostile name or not. */
    private record Upload(String name, String contentType, byte[] content, String what) {
    }

    private Upload upload(Random random, Forms.Form form, Route route) {
        String filename = random.nextBoolean() ? "data.csv" : Hostile.pick(random, List.of("../../../etc/passwd", "<script>alert(1)</script>.csv",
                "a\u0000.csv", "x".repeat(300) + ".csv", "\u202Egnp.exe", "con.csv", "\"quoted\".csv", "résumé ü.pdf", ""));
        if (imports(route)) {
            List<String> header = header(route);
            Csvs.Spoilt s = Csvs.spoil(random, csvSource.validCsv(header, form.action(), route.path().replace("points.csv", "points"), 2));
            return new Upload(filename, "text/csv", s.body(), "file " + Attack.shorten(filename) + ": " + s.what());
        }
        byte[] content = switch (random.nextInt(5)) {
            case 0 -> "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
            case 1 -> "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
            case 2 -> new byte[0];
            case 3 -> "%PDF-1.4\n<script>".getBytes(StandardCharsets.UTF_8);
            default -> Hostile.text(random).getBytes(StandardCharsets.UTF_8);
        };
        String type = Hostile.pick(random, List.of("text/html", "image/svg+xml", "application/pdf", "text/plain", "application/octet-stream"));
        return new Upload(filename, type, content, "file " + Attack.shorten(filename) + " as " + type);
    }

    private static boolean imports(Route route) {
        String p = route.path();
        return p.startsWith("/transfer/") || p.endsWith("/points.csv") || p.equals("/cohorts/{id}/people");
    }

    private static List<String> header(Route route) {
        String p = route.path();
        if (p.equals("/transfer/people")) {
            return List.of("full_name", "email", "job_title", "profession", "organisation", "sector", "place", "interests", "offers",
                    "asks", "bio", "contact_preference", "listed");
        }
        if (p.equals("/transfer/organisations")) {
            return List.of("name", "sector", "place");
        }
        if (p.equals("/cohorts/{id}/people")) {
            return List.of("email");
        }
        return List.of("date", "value", "note");
    }

    /** The form as multipart: its values, then its file fields (a valid file, or the upload, or none). */
    private Multipart multipart(Route route, Forms.Form form, Map<String, List<String>> values, Upload upload, boolean withFile) {
        Multipart m = new Multipart();
        values.forEach((k, vs) -> {
            if (!k.equals("_csrf")) {
                vs.forEach(v -> m.field(k, v));
            }
        });
        for (Forms.Field f : form.fields()) {
            if (f.file() && withFile) {
                if (upload != null) {
                    m.file(f.name(), upload.name(), upload.contentType(), upload.content());
                } else if (imports(route)) {
                    String csv = Csvs.write(csvSource.validCsv(header(route), form.action(), route.path().replace("points.csv", "points"), 2));
                    m.file(f.name(), "valid.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
                } else {
                    m.file(f.name(), "notes.txt", "text/plain", "Valid notes\n".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        List<String> csrf = values.get("_csrf");
        m.field("_csrf", csrf == null || csrf.isEmpty() ? form.csrf() : csrf.get(0));
        return m;
    }

    /** Hostile values in the search and filter forms (method GET) that pages show. */
    void searches(int tries) {
        searches.forEach((route, list) -> {
            Found f = list.get(0);
            for (int i = 0; i < tries; i++) {
                Random random = Tries.random("search " + route, i);
                Map<String, List<String>> values = filled(f.form(), f.actor(), false, 0);
                String what;
                if (i < Hostile.SWEEP.size()) {
                    String sweep = Hostile.SWEEP.get(i);
                    f.form().fields().stream().filter(Forms.Field::text).forEach(x -> values.put(x.name(), new ArrayList<>(List.of(sweep))));
                    what = "every field = " + Attack.shorten(sweep).substring(0, Math.min(12, sweep.length()));
                } else {
                    what = mutate(random, f.form(), values);
                }
                // A URL of 100,000 characters is refused by Jetty before Convene sees it: keep values short.
                values.replaceAll((k, vs) -> vs.stream().map(v -> v.length() > 2_000 ? v.substring(0, 2_000) : v).toList());
                String path = f.form().action() + (f.form().action().contains("?") ? "&" : "?") + encode(values);
                attack.page(browser(f.actor()), route + " (search form)", "GET", path, null, null, what);
            }
        });
    }
}
