package org.convene.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.accounts.AccountLinks;
import org.convene.accounts.Accounts;
import org.convene.accounts.ApiTokens;
import org.convene.accounts.Registration;
import org.convene.accounts.Role;
import org.convene.accounts.Sessions;
import org.convene.communities.Communities;
import org.convene.db.ChangeFeed;
import org.convene.notifications.Notifications;
import org.convene.people.Person;
import org.convene.programmes.Programmes;
import org.convene.surveys.Responses;
import org.convene.surveys.SurveyLinks;
import org.convene.testing.Multipart;
import org.convene.testing.TestApp;

/**
 * One of each thing Convene holds, made through the API as people would, for the authorisation
 * matrix. The participant {@code p} is inside everything: enrolled in the cohort and in a published
 * action learning set, convenor of a request-to-join community, host of its event, author of its
 * discussion, idea and resource, coach in a coaching conversation, lead of a project, a member of a
 * matching scheme with a match, a candidate in a leader cluster. The outsider {@code o} is a
 * participant in none of it. Routes that destroy something get an object of their own.
 */
final class AccessFixture {
    /** Who makes the requests: the letter is the column in access-matrix.txt. */
    enum Who {
        ANONYMOUS('a', null), PARTICIPANT('p', Role.PARTICIPANT), FACILITATOR('f', Role.FACILITATOR),
        LEAD('l', Role.PROGRAMME_LEAD), SPONSOR('s', Role.SPONSOR), ADMIN('A', Role.ADMIN), OUTSIDER('o', Role.PARTICIPANT);

        final char letter;
        final Role role;

        Who(char letter, Role role) {
            this.letter = letter;
            this.role = role;
        }
    }

    /** A caller's credentials: a bearer token for the API, a session cookie and its CSRF token for pages. */
    record Caller(Who who, String email, Long personId, String token, String cookie, String csrf) {
    }

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String FUTURE = LocalDate.now().plusMonths(2).toString();

    final TestApp app;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final Map<Who, Caller> callers = new LinkedHashMap<>();
    /** Values for path parameters, by the segment before them ("cohorts/{id}") or by a whole route ("POST /x/{id}/delete {id}"). */
    private final Map<String, String> values = new HashMap<>();
    private int people;

    AccessFixture(TestApp app) throws Exception {
        this.app = app;
        new Registration(app.jdbi(), new Accounts(app.jdbi()), "http://localhost").setMode(Registration.OPEN);
        for (Who who : Who.values()) {
            if (who != Who.ANONYMOUS) {
                String email = who.name().toLowerCase() + "@matrix.example";
                Person person = app.person(label(who), email, "vcse", who.role);
                callers.put(who, new Caller(who, email, person.id(), app.token(email), null, null));
            }
        }
        for (Who who : Who.values()) {
            callers.put(who, signIn(who));
        }
        build();
    }

    private static String label(Who who) {
        String name = who.name().charAt(0) + who.name().substring(1).toLowerCase();
        return name + " Matrix";
    }

    Caller caller(Who who) {
        return callers.get(who);
    }

    long person(Who who) {
        return callers.get(who).personId();
    }

    String token(Who who) {
        return callers.get(who).token();
    }

    /** A session of its own (for sign-out and sign-in, which end the session they are sent with). */
    Caller freshSession(Who who) throws Exception {
        if (who == Who.ANONYMOUS) {
            return signIn(who);
        }
        Caller known = callers.get(who);
        Sessions.Session session = new Sessions(app.jdbi(), ChangeFeed.polling(app.jdbi()))
                .start(new Accounts(app.jdbi()).byEmail(known.email()).orElseThrow());
        return new Caller(who, known.email(), known.personId(), known.token(), WebContext.SESSION_COOKIE + "=" + session.token(),
                session.csrfToken());
    }

    /** Signs in through the form (anonymous: just the pre-session CSRF cookie) and reads the page's CSRF token. */
    private Caller signIn(Who who) throws Exception {
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/login")).GET(), null);
        String csrfCookie = cookie(form, WebContext.CSRF_COOKIE);
        String formToken = csrfField(form.body());
        String cookies = WebContext.CSRF_COOKIE + "=" + csrfCookie;
        if (who == Who.ANONYMOUS) {
            return new Caller(who, null, null, null, cookies, formToken);
        }
        Caller known = callers.get(who);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("_csrf", formToken, "email", known.email(),
                        "password", TestApp.PASSWORD, "next", "/")))), cookies);
        if (signedIn.statusCode() != 302) {
            throw new IllegalStateException("Sign-in as " + who + " failed: " + signedIn.statusCode());
        }
        String session = WebContext.SESSION_COOKIE + "=" + cookie(signedIn, WebContext.SESSION_COOKIE);
        HttpResponse<String> home = send(HttpRequest.newBuilder(uri("/account")).GET(), session);
        return new Caller(who, known.email(), known.personId(), known.token(), session, csrfField(home.body()));
    }

    private static String csrfField(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No CSRF field on the page");
        }
        return m.group(1);
    }

    static String cookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                return header.substring(name.length() + 1, header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
            }
        }
        throw new IllegalStateException("No " + name + " cookie set");
    }

    URI uri(String path) {
        return URI.create(app.url(path));
    }

    HttpResponse<String> send(HttpRequest.Builder request, String cookies) {
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    // Building the fixture through the API

    private JsonNode api(String method, String path, Who who, String json, int status) {
        return apiAs(method, path, token(who), json, status);
    }

    private JsonNode checked(HttpResponse<String> r, String what, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("Fixture: " + what + " gave " + r.statusCode() + ", not " + status + ": " + r.body());
        }
        try {
            return r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long id(String method, String path, Who who, String json) {
        JsonNode created = api(method, path, who, json, 201);
        JsonNode id = created.has("id") ? created.get("id") : created.path("measure").get("id");
        if (id == null) {
            throw new IllegalStateException("Fixture: no id from " + method + " " + path + ": " + created);
        }
        return id.asLong();
    }

    /** Someone in the directory with a participant account, for the fixture's crowd and throwaways. */
    private long extra(String name) {
        people++;
        return app.person(name, "x" + people + "@matrix.example", people % 2 == 0 ? "housing" : "acute", Role.PARTICIPANT).id();
    }

    private String extraToken(long personId) {
        String email = app.jdbi().withHandle(h -> h.createQuery("SELECT email FROM people WHERE id = :id").bind("id", personId)
                .mapTo(String.class).one());
        return app.token(email);
    }

    private JsonNode apiAs(String method, String path, String token, String json, int status) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return checked(send(b, null), method + " " + path, status);
    }

    private void put(String key, long value) {
        values.put(key, String.valueOf(value));
    }

    /** For a route that destroys or leaves what it is given: a new one for each allowed caller after the first. */
    private void renew(String routeAndParam, Function<Who, Long> fresh) {
        String route = routeAndParam.substring(0, routeAndParam.lastIndexOf(' '));
        renewers.put(route, who -> Map.of(routeAndParam, String.valueOf(fresh.apply(who))));
    }

    /** Fresh parameter values for this caller, when the route has a renewer; empty otherwise. */
    Map<String, String> renewed(String route, Who who) {
        Function<Who, Map<String, String>> r = renewers.get(route);
        return r == null ? Map.of() : r.apply(who);
    }

    private final Map<String, Function<Who, Map<String, String>>> renewers = new HashMap<>();
    /** Request bodies that pass validation, for routes whose handler looks at the object only after reading the body. */
    private final Map<String, String> bodies = new HashMap<>();

    String body(String route) {
        return bodies.get(route);
    }

    /**
     * Words written into hidden things, with who may read them: no response to anyone else may
     * contain them (the discussion of a request-to-join community, its idea, resource and event;
     * a set meeting's record; a coaching conversation; an inquiry; a priority area).
     */
    final Map<String, Set<Who>> secrets = Map.of(
            "Secret Weekend Discharges", Set.of(Who.PARTICIPANT, Who.ADMIN),
            "Secret ward rounds", Set.of(Who.PARTICIPANT, Who.ADMIN),
            "Secret Matrix Idea", Set.of(Who.PARTICIPANT, Who.ADMIN),
            "Secret Matrix Guide", Set.of(Who.PARTICIPANT, Who.ADMIN),
            "Secret Matrix Meet-up", Set.of(Who.PARTICIPANT, Who.ADMIN),
            "Secret set problem", Set.of(Who.PARTICIPANT),
            "Secret set action", Set.of(Who.PARTICIPANT),
            "Secret coaching goal", Set.of(Who.PARTICIPANT),
            "Secret Spring Inquiry", Set.of(Who.PARTICIPANT, Who.FACILITATOR, Who.LEAD, Who.ADMIN),
            "Secret Matrix Area", Set.of(Who.PARTICIPANT, Who.FACILITATOR, Who.LEAD, Who.SPONSOR, Who.ADMIN));
    private long p;
    private long cohort;
    private long community;
    private long project;
    private String x1;

    private void build() throws Exception {
        p = person(Who.PARTICIPANT);
        long[] x = new long[8];
        x[1] = extra("Crowd 1");
        for (int i = 2; i < x.length; i++) {
            x[i] = extraWithoutAccount("Crowd " + i);
        }
        x1 = extraToken(x[1]);
        directory(x);
        accounts();
        programme(x);
        sets();
        community(x);
        events(x);
        projects(x);
        put("ideas/{id}", id("POST", "/api/v1/communities/" + community + "/ideas", Who.PARTICIPANT, "{\"title\": \"Secret Matrix Idea\"}"));
        bodies.put("POST /api/v1/ideas/{id}/coauthors", "{\"person\": " + x[1] + "}");
        bodies.put("POST /ideas/{id}/coauthors", "email=x1%40matrix.example");
        bodies.put("PUT /api/v1/communities/{id}/notifications", "{\"level\": \"all\"}");
        leadership(x);
        put("coaching/{id}", id("POST", "/api/v1/coaching", Who.PARTICIPANT, "{\"coachee\": " + x[1]
                + ", \"heldOn\": \"2025-01-10\", \"goal\": \"Secret coaching goal\"}"));
        surveys();
        schemes(x);
        values.put("impact/{figure}", "people");
    }

    private void directory(long[] x) {
        put("people/{id}", p);
        for (String route : List.of("DELETE /api/v1/people/{id} {id}", "POST /api/v1/people/{id}/erasure {id}",
                "POST /admin/people/{id}/erase {id}")) {
            put(route, extraWithoutAccount("Throwaway Person"));
            renew(route, who -> extraWithoutAccount("Throwaway Person"));
        }
        bodies.put("POST /api/v1/people/{id}/erasure", "{\"reason\": \"REQ-1\"}");
        bodies.put("POST /admin/people/{id}/erase", "reason=REQ-1&confirm=yes");
        bodies.put("PUT /api/v1/retention", "{\"inactiveAccountDays\": null, \"surveyTextDays\": null}");
        String org = "{\"name\": \"%s\", \"sector\": \"acute\"}";
        put("organisations/{id}", id("POST", "/api/v1/organisations", Who.LEAD, org.formatted("Matrix Trust")));
        put("DELETE /api/v1/organisations/{id} {id}", id("POST", "/api/v1/organisations", Who.LEAD, org.formatted("Empty Trust")));
        put("POST /people/{id}/ties {id}", x[5]);
        put("ties/{id}", tie(x[1]));
        for (String route : List.of("POST /ties/{id}/end {id}", "DELETE /api/v1/ties/{id} {id}")) {
            put(route, tie(extraWithoutAccount("Tie End")));
            renew(route, who -> tie(extraWithoutAccount("Tie End")));
        }
    }

    private long tie(long other) {
        return id("POST", "/api/v1/ties", Who.PARTICIPANT, "{\"otherPersonId\": " + other + ", \"kind\": \"know\"}");
    }

    /** A token of P's to revoke, an account to change, a reset link and an invitation. */
    private void accounts() {
        Accounts accounts = new Accounts(app.jdbi());
        long pAccount = accounts.byEmail(caller(Who.PARTICIPANT).email()).orElseThrow().id();
        put("tokens/{id}", new ApiTokens(app.jdbi(), ChangeFeed.polling(app.jdbi())).create(org.convene.audit.Actor.SYSTEM, pAccount, "throwaway", null).id());
        extra("Account Throwaway");
        long throwawayAccount = accounts.byEmail("x" + people + "@matrix.example").orElseThrow().id();
        put("accounts/{id}", throwawayAccount);
        values.put("reset/{token}", app.jdbi().withHandle(h -> AccountLinks.issue(h, throwawayAccount, AccountLinks.Purpose.RESET)));
        long invitedPerson = extraWithoutAccount("Invited Person");
        values.put("invite/{token}", app.jdbi().withHandle(h -> AccountLinks.issue(h,
                Accounts.create(h, "invited@matrix.example", null, Set.of(Role.PARTICIPANT), invitedPerson, "invited"),
                AccountLinks.Purpose.INVITE)));
    }

    /** A programme with a cohort of P and the crowd, modules, materials, a course change. */
    private void programme(long[] x) {
        long programme = id("POST", "/api/v1/programmes", Who.LEAD, "{\"title\": \"Matrix Programme\"}");
        put("programmes/{id}", programme);
        cohort = id("POST", "/api/v1/programmes/" + programme + "/cohorts", Who.LEAD, "{\"name\": \"Matrix Cohort\"}");
        put("cohorts/{id}", cohort);
        enrol(p, x[1], x[2], x[3], x[4], x[5], x[6], x[7]);
        for (String route : List.of("POST /cohorts/{id}/people/{personId}/withdraw {personId}",
                "DELETE /api/v1/cohorts/{id}/enrolments/{personId} {personId}")) {
            put(route, enrol(extraWithoutAccount("Withdrawn")));
            renew(route, who -> enrol(extraWithoutAccount("Withdrawn")));
        }
        put("modules/{id}", module("Matrix Module"));
        for (String route : List.of("POST /modules/{id}/delete {id}", "DELETE /api/v1/modules/{id} {id}")) {
            put(route, module("Doomed"));
            renew(route, who -> module("Doomed"));
        }
        Programmes programmes = new Programmes(app.jdbi());
        long moduleId = Long.parseLong(values.get("modules/{id}"));
        put("materials/{id}", programmes.addLink(moduleId, "Slides", "https://example.org/slides").id());
        put("POST /materials/{id}/delete {id}", programmes.addLink(moduleId, "Old slides", "https://example.org/old").id());
        renew("POST /materials/{id}/delete {id}", who -> programmes.addLink(moduleId, "Old slides", "https://example.org/old").id());
        put("changes/{id}", id("POST", "/api/v1/cohorts/" + cohort + "/changes", Who.FACILITATOR,
                "{\"title\": \"Shorter lunch\", \"planWhat\": \"Thirty minutes\"}"));
    }

    private long enrol(long... people) {
        StringBuilder ids = new StringBuilder();
        for (long id : people) {
            ids.append(ids.length() == 0 ? "" : ", ").append(id);
        }
        api("POST", "/api/v1/cohorts/" + cohort + "/enrolments", Who.LEAD, "{\"personIds\": [" + ids + "]}", 200);
        return people[0];
    }

    private long module(String title) {
        return id("POST", "/api/v1/cohorts/" + cohort + "/modules", Who.LEAD, "{\"title\": \"" + title + "\", \"date\": \"" + FUTURE
                + "\", \"startTime\": \"09:30\", \"endTime\": \"16:00\"}");
    }

    /** Action learning sets, published: P's set, a meeting with P's action, an inquiry. */
    private void sets() {
        api("POST", "/api/v1/cohorts/" + cohort + "/sets", Who.FACILITATOR, "{\"size\": 4, \"seed\": 1}", 201);
        JsonNode board = api("POST", "/api/v1/cohorts/" + cohort + "/sets/publish", Who.FACILITATOR, null, 200);
        long set = -1;
        for (JsonNode s : board.get("sets")) {
            for (JsonNode m : s.get("members")) {
                if (m.get("personId").asLong() == p) {
                    set = s.get("id").asLong();
                }
            }
        }
        put("sets/{id}", set);
        JsonNode meeting = api("POST", "/api/v1/sets/" + set + "/meetings", Who.PARTICIPANT, "{\"date\": \"" + FUTURE
                + "\", \"time\": \"14:00\", \"problem\": \"Secret set problem\", \"actions\": [{\"person\": " + p + ", \"description\": \"Secret set action\"}]}", 201);
        put("set-meetings/{id}", meeting.get("id").asLong());
        put("actions/{id}", meeting.get("actions").get(0).get("id").asLong());
        put("inquiries/{id}", id("POST", "/api/v1/sets/" + set + "/inquiries", Who.PARTICIPANT,
                "{\"title\": \"Secret Spring Inquiry\", \"topic\": \"Leaving hospital well\"}"));
    }

    /** A request-to-join community P convenes: members, a discussion with replies, resources, a notification. */
    private void community(long[] x) {
        community = id("POST", "/api/v1/communities", Who.PARTICIPANT,
                "{\"name\": \"Matrix Circle\", \"problem\": \"A private group\", \"joining\": \"request\"}");
        put("communities/{id}", community);
        for (long m : new long[] {x[1], x[2], x[3]}) {
            member(m);
        }
        put("POST /communities/{id}/members/{personId} {personId}", x[2]);
        put("PUT /api/v1/communities/{id}/members/{personId} {personId}", x[3]);
        put("DELETE /api/v1/communities/{id}/members/{personId} {personId}", member(extraWithoutAccount("Removed Member")));
        renew("DELETE /api/v1/communities/{id}/members/{personId} {personId}", who -> member(extraWithoutAccount("Removed Member")));
        JsonNode started = api("POST", "/api/v1/communities/" + community + "/discussions", Who.PARTICIPANT,
                "{\"title\": \"Secret Weekend Discharges\", \"body\": \"What works?\"}", 201);
        long discussion = started.get("discussion").get("id").asLong();
        put("discussions/{id}", discussion);
        put("posts/{id}", apiAs("POST", "/api/v1/discussions/" + discussion + "/posts", x1, "{\"body\": \"Secret ward rounds at 8\"}", 201)
                .get("id").asLong());
        put("resources/{id}", resource());
        for (String route : List.of("POST /resources/{id}/delete {id}", "DELETE /api/v1/resources/{id} {id}")) {
            put(route, resource());
            renew(route, who -> resource());
        }
        HttpResponse<String> upload = uploadFile(community, new Multipart().field("title", "Notes")
                .file("file", "notes.txt", "text/plain", "Notes from the meeting".getBytes(StandardCharsets.UTF_8)));
        long file = checked(upload, "upload", 201).get("id").asLong();
        put("GET /resources/{id}/file {id}", file);
        put("GET /api/v1/resources/{id}/file {id}", file);
        for (String route : List.of("POST /communities/{id}/leave {id}", "DELETE /api/v1/communities/{id}/membership {id}")) {
            put(route, openCommunityWith(Who.PARTICIPANT));
            renew(route, this::openCommunityWith);
        }
        // P follows the discussion they started and hears of a reply
        apiAs("POST", "/api/v1/discussions/" + discussion + "/posts", x1, "{\"body\": \"And Saturdays\"}", 201);
        new Notifications(app.jdbi(), "http://localhost").fanOutDue(100);
        JsonNode notices = api("GET", "/api/v1/notifications", Who.PARTICIPANT, null, 200);
        JsonNode items = notices.isArray() ? notices : notices.get("items");
        put("notifications/{id}", items.get(0).get("id").asLong());
    }

    /** Someone who asked to join the community and was accepted. */
    private long member(long person) {
        Communities communities = new Communities(app.jdbi());
        communities.join(community, person);
        communities.setMember(community, person, "member", true);
        return person;
    }

    private long resource() {
        return id("POST", "/api/v1/communities/" + community + "/resources", Who.PARTICIPANT,
                "{\"title\": \"Secret Matrix Guide\", \"url\": \"https://example.org/guide\"}");
    }

    /** An open community X1 convenes that this caller has joined (to leave). */
    private long openCommunityWith(Who who) {
        long open = apiAs("POST", "/api/v1/communities", x1, "{\"name\": \"Open Matrix " + (++people) + "\", \"problem\": \"Anyone\"}", 201)
                .get("id").asLong();
        api("POST", "/api/v1/communities/" + open + "/membership", who, null, 201);
        return open;
    }

    /** An event in the community hosted by P with X1 registered and a follow-up survey; P's calendar feed. */
    private void events(long[] x) {
        long eventId = event(Who.PARTICIPANT);
        put("events/{id}", eventId);
        apiAs("POST", "/api/v1/events/" + eventId + "/registration", x1, "{}", 201);
        put("registrations/{personId}", x[1]);
        put("api/v1/surveys/{id}", id("POST", "/api/v1/events/" + eventId + "/survey", Who.PARTICIPANT, "{}"));
        for (String route : List.of("POST /events/{id}/registration/cancel {id}", "DELETE /api/v1/events/{id}/registration {id}")) {
            put(route, registered(event(Who.PARTICIPANT), Who.PARTICIPANT));
            renew(route, who -> registered(eventId, who));
        }
        String url = api("GET", "/api/v1/my/calendar", Who.PARTICIPANT, null, 200).get("url").asText();
        values.put("calendar/{token}.ics", url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length()));
    }

    private long event(Who host) {
        return id("POST", "/api/v1/communities/" + community + "/events", host, "{\"title\": \"Secret Matrix Meet-up\", \"date\": \"" + FUTURE
                + "\", \"startTime\": \"18:00\", \"endTime\": \"20:00\", \"location\": \"Town Hall\"}");
    }

    /** The event, with this caller registered for it (hosts are registered already). */
    private long registered(long event, Who who) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/events/" + event + "/registration"))
                .header("Authorization", "Bearer " + token(who)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")), null);
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new IllegalStateException("Fixture: registering " + who + " gave " + r.statusCode() + ": " + r.body());
        }
        return event;
    }

    /** A project P leads, with a team, measures, values, a cycle and a presentation. */
    private void projects(long[] x) {
        project = id("POST", "/api/v1/projects", Who.PARTICIPANT, "{\"title\": \"Matrix Project\", \"aim\": \"Fewer falls\"}");
        put("projects/{id}", project);
        put("PUT /api/v1/projects/{id}/team/{personId} {personId}", x[4]);
        for (String route : List.of("POST /projects/{id}/team/{personId}/remove {personId}", "DELETE /api/v1/projects/{id}/team/{personId} {personId}")) {
            put(route, teamMember(extraWithoutAccount("Team Member")));
            renew(route, who -> teamMember(extraWithoutAccount("Team Member")));
        }
        presentation();
        for (String route : List.of("POST /projects/{id}/presentation/remove {id}", "DELETE /api/v1/projects/{id}/presentation {id}")) {
            renew(route, who -> presentation());
        }
        long measureId = measure();
        put("measures/{id}", measureId);
        for (String route : List.of("POST /measures/{id}/delete {id}", "DELETE /api/v1/measures/{id} {id}")) {
            put(route, measure());
            renew(route, who -> measure());
        }
        put("points/{id}", point(measureId));
        for (String route : List.of("POST /points/{id}/delete {id}", "DELETE /api/v1/points/{id} {id}")) {
            put(route, point(measureId));
            renew(route, who -> point(measureId));
        }
        put("cycles/{id}", id("POST", "/api/v1/projects/" + project + "/cycles", Who.PARTICIPANT,
                "{\"title\": \"Try it\", \"plan\": \"Ward 3\", \"prediction\": \"Fewer falls\"}"));
    }

    private long teamMember(long person) {
        api("PUT", "/api/v1/projects/" + project + "/team/" + person, Who.PARTICIPANT, "{\"role\": \"member\"}", 201);
        return person;
    }

    private long presentation() {
        api("PUT", "/api/v1/projects/" + project + "/presentation", Who.PARTICIPANT, "{\"url\": \"https://example.org/deck\"}", 200);
        return project;
    }

    private long measure() {
        return id("POST", "/api/v1/projects/" + project + "/measures", Who.PARTICIPANT,
                "{\"name\": \"Falls " + (++people) + "\", \"kind\": \"outcome\", \"better\": \"lower\"}");
    }

    private long point(long measure) {
        int n = ++people;
        api("POST", "/api/v1/measures/" + measure + "/points", Who.PARTICIPANT, "{\"date\": \"20" + (10 + n / 12) + "-"
                + String.format("%02d", 1 + n % 12) + "-01\", \"value\": 4}", 201);
        return app.jdbi().withHandle(h -> h.createQuery("SELECT max(id) FROM measure_points").mapTo(Long.class).one());
    }

    /** A priority area the sponsor sponsors, candidates (P among them), a cluster of P and X1. */
    private void leadership(long[] x) {
        long area = id("POST", "/api/v1/priority-areas", Who.FACILITATOR, "{\"title\": \"Secret Matrix Area\", \"sponsor\": "
                + person(Who.SPONSOR) + "}");
        put("priority-areas/{id}", area);
        for (long c : new long[] {p, x[1], x[2]}) {
            candidate(area, c);
        }
        put("candidates/{personId}", p);
        for (String route : List.of("POST /priority-areas/{id}/candidates/{personId}/remove {personId}",
                "DELETE /api/v1/priority-areas/{id}/candidates/{personId} {personId}")) {
            put(route, candidate(area, extraWithoutAccount("Candidate")));
            renew(route, who -> candidate(area, extraWithoutAccount("Candidate")));
        }
        put("clusters/{id}", id("POST", "/api/v1/priority-areas/" + area + "/clusters", Who.FACILITATOR,
                "{\"members\": [" + p + ", " + x[1] + "]}"));
    }

    private long candidate(long area, long person) {
        api("POST", "/api/v1/priority-areas/" + area + "/candidates", Who.FACILITATOR, "{\"person\": " + person + ", \"seniority\": 3}", 201);
        return person;
    }

    /**
     * Surveys: the pages get a cohort's draft (the team reads it, leads change it), the API the
     * event's follow-up (its host runs it); P is invited to an open one, with a personal link.
     */
    private void surveys() {
        long draft = id("POST", "/api/v1/cohorts/" + cohort + "/surveys", Who.LEAD, "{\"kind\": \"baseline\"}");
        put("surveys/{id}", draft);
        put("questions/{id}", question(draft, Who.LEAD));
        put("POST /questions/{id}/delete {id}", question(draft, Who.LEAD));
        renew("POST /questions/{id}/delete {id}", who -> question(draft, Who.LEAD));
        long eventSurvey = Long.parseLong(values.get("api/v1/surveys/{id}"));
        put("api/v1/questions/{id}", question(eventSurvey, Who.PARTICIPANT));
        put("DELETE /api/v1/questions/{id} {id}", question(eventSurvey, Who.PARTICIPANT));
        renew("DELETE /api/v1/questions/{id} {id}", who -> question(eventSurvey, Who.PARTICIPANT));
        renew("POST /surveys/{id}/open {id}", who -> cohortSurvey(false));
        renew("POST /surveys/{id}/close {id}", who -> cohortSurvey(true));
        // A follow-up opens only once its event has ended, so these get as far as saying so (409).
        renew("POST /api/v1/surveys/{id}/open {id}", who -> eventSurvey());
        renew("POST /api/v1/surveys/{id}/close {id}", who -> eventSurvey());

        long survey = cohortSurvey(true);
        put("GET /surveys/{id}/results {id}", survey);
        put("my/surveys/{id}", survey);
        put("my/surveys/{surveyId}", survey);
        long invitation = new Responses(app.jdbi()).invitationFor(survey, p).orElseThrow().id();
        values.put("s/{token}", new SurveyLinks(app.jdbi()).token(invitation));
    }

    private long question(long survey, Who who) {
        return id("POST", "/api/v1/surveys/" + survey + "/questions", who, "{\"kind\": \"text\", \"prompt\": \"Anything else " + (++people) + "?\"}");
    }

    private long cohortSurvey(boolean open) {
        long survey = id("POST", "/api/v1/cohorts/" + cohort + "/surveys", Who.LEAD, "{\"kind\": \"custom\", \"title\": \"Pulse\"}");
        question(survey, Who.LEAD);
        if (open) {
            api("POST", "/api/v1/surveys/" + survey + "/open", Who.LEAD, null, 200);
        }
        return survey;
    }

    private long eventSurvey() {
        return id("POST", "/api/v1/events/" + event(Who.PARTICIPANT) + "/survey", Who.PARTICIPANT, "{}");
    }

    /** A matching scheme P and X1 are in, a round that matched them, people P blocked. */
    private void schemes(long[] x) {
        long scheme = id("POST", "/api/v1/schemes", Who.LEAD, "{\"name\": \"Matrix Brew\", \"cadence\": \"monthly\"}");
        put("schemes/{id}", scheme);
        joinScheme(scheme, Who.PARTICIPANT);
        apiAs("PUT", "/api/v1/schemes/" + scheme + "/membership", x1, "{}", 201);
        JsonNode round = api("POST", "/api/v1/schemes/" + scheme + "/rounds", Who.LEAD, null, 201);
        put("rounds/{id}", round.get("round").get("id").asLong());
        put("matches/{id}", round.get("groups").get(0).get("id").asLong());
        // Everyone else joins after the round, so each reads and changes a membership of their own.
        for (Who who : List.of(Who.FACILITATOR, Who.LEAD, Who.SPONSOR, Who.ADMIN, Who.OUTSIDER)) {
            joinScheme(scheme, who);
        }
        bodies.put("PUT /api/v1/matches/{id}/outcome", "{\"met\": true, \"rating\": 4}");
        bodies.put("POST /matches/{id}/block", "personId=" + x[1]);
        for (String route : List.of("POST /blocks/{personId}/remove {personId}", "DELETE /api/v1/blocks/{personId} {personId}")) {
            put(route, block(Who.PARTICIPANT));
            renew(route, this::block);
        }
        long leaving = id("POST", "/api/v1/schemes", Who.LEAD, "{\"name\": \"Matrix Leavers\", \"cadence\": \"monthly\"}");
        put("DELETE /api/v1/schemes/{id}/membership {id}", joinScheme(leaving, Who.PARTICIPANT));
        renew("DELETE /api/v1/schemes/{id}/membership {id}", who -> joinScheme(leaving, who));
    }

    private long joinScheme(long scheme, Who who) {
        api("PUT", "/api/v1/schemes/" + scheme + "/membership", who, "{}", 201);
        return scheme;
    }

    /** Someone this caller blocked from matching. */
    private long block(Who who) {
        long other = extraWithoutAccount("Blocked");
        api("POST", "/api/v1/blocks", who, "{\"personId\": " + other + "}", 201);
        return other;
    }

    private HttpResponse<String> uploadFile(long community, Multipart form) {
        return send(HttpRequest.newBuilder(uri("/api/v1/communities/" + community + "/resources"))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token(Who.PARTICIPANT))
                .header("Content-Type", form.contentType()).POST(form.publisher()), null);
    }

    private long extraWithoutAccount(String name) {
        people++;
        return app.person(name, "x" + people + "@matrix.example", "vcse").id();
    }

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)\\}(\\.ics)?");

    /**
     * The route's path with each parameter filled from the fixture: a value for this route and
     * parameter ("POST /ties/{id}/end {id}") first, else the longest run of segments before it
     * that has one ("api/v1/surveys/{id}" before "surveys/{id}").
     */
    String concrete(String method, String path, Map<String, String> renewed) {
        Matcher m = PARAM.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = method + " " + path + " {" + m.group(1) + "}";
            String value = renewed.getOrDefault(key, values.get(key));
            String before = path.substring(1, m.start());
            for (int cut = 0; value == null && cut < before.length(); cut = before.indexOf('/', cut) + 1) {
                value = values.get(before.substring(cut) + m.group());
            }
            if (value == null) {
                throw new IllegalStateException("The fixture has no value for " + m.group() + " in " + method + " " + path);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value + (m.group(2) == null ? "" : m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

}
