package org.convene.app;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Optional;
import java.util.Set;
import org.convene.accounts.AccountPages;
import org.convene.accounts.Accounts;
import org.convene.accounts.AdminPages;
import org.convene.audit.AuditLog;
import org.convene.audit.AuditPages;
import org.convene.privacy.Erasure;
import org.convene.privacy.PrivacyPages;
import org.convene.privacy.Retention;
import org.convene.privacy.SubjectAccess;
import org.convene.accounts.ApiTokens;
import org.convene.accounts.LoginThrottle;
import org.convene.accounts.Passwords;
import org.convene.accounts.RateLimits;
import org.convene.accounts.Registration;
import org.convene.accounts.Role;
import org.convene.accounts.Secrets;
import org.convene.accounts.Sessions;
import org.convene.accounts.SignIn;
import org.convene.db.ChangeFeed;
import org.convene.db.Database;
import org.convene.directory.Reference;
import org.convene.home.HomePage;
import org.convene.home.NetworkFigures;
import org.convene.mail.LogMailSender;
import org.convene.mail.MailSender;
import org.convene.mail.OutboxDelivery;
import org.convene.mail.SmtpMailSender;
import org.convene.ops.Health;
import org.convene.ops.Metrics;
import org.convene.organisations.OrganisationPages;
import org.convene.organisations.Organisations;
import org.convene.organisations.OrganisationsApi;
import org.convene.people.People;
import org.convene.people.PeopleApi;
import org.convene.people.PeoplePages;
import org.convene.programmes.CourseChanges;
import org.convene.reports.ReportData;
import org.convene.reports.ReportPages;
import org.convene.reports.ReportRenderer;
import org.convene.reports.Reports;
import org.convene.matching.Matcher;
import org.convene.schemes.Rounds;
import org.convene.schemes.SchemePages;
import org.convene.schemes.Schemes;
import org.convene.schemes.SchemesApi;
import org.convene.sets.SetAccess;
import org.convene.sets.SetFormation;
import org.convene.sets.SetMeetings;
import org.convene.sets.SetPages;
import org.convene.sets.Sets;
import org.convene.sets.SetsApi;
import org.convene.actions.Actions;
import org.convene.coaching.CoachingApi;
import org.convene.coaching.CoachingPages;
import org.convene.coaching.Conversations;
import org.convene.inquiries.Inquiries;
import org.convene.inquiries.InquiriesApi;
import org.convene.inquiries.InquiryPages;
import org.convene.communities.Communities;
import org.convene.communities.CommunitiesApi;
import org.convene.communities.CommunityPages;
import org.convene.communities.Discussions;
import org.convene.communities.Overviews;
import org.convene.communities.ResourcePages;
import org.convene.communities.Resources;
import org.convene.communities.ResourcesApi;
import org.convene.events.CalendarFeeds;
import org.convene.events.EventPages;
import org.convene.events.EventSurveys;
import org.convene.events.Events;
import org.convene.events.EventsApi;
import org.convene.events.Invitations;
import org.convene.events.Reminders;
import org.convene.ideas.IdeaPages;
import org.convene.ideas.Ideas;
import org.convene.ideas.IdeasApi;
import org.convene.notifications.Digests;
import org.convene.notifications.NotificationPages;
import org.convene.notifications.Notifications;
import org.convene.notifications.NotificationsApi;
import org.convene.impact.Impact;
import org.convene.impact.ImpactApi;
import org.convene.impact.ImpactPages;
import org.convene.relationships.NetworkApi;
import org.convene.relationships.NetworkGraphs;
import org.convene.relationships.NetworkMapPages;
import org.convene.relationships.NetworkPages;
import org.convene.relationships.NetworkSlices;
import org.convene.search.Search;
import org.convene.search.SearchPages;
import org.convene.sso.Identities;
import org.convene.sso.OidcProvider;
import org.convene.sso.PendingSignIns;
import org.convene.sso.SsoPages;
import org.convene.sso.SsoSignIn;
import org.convene.leadership.Areas;
import org.convene.leadership.Clusters;
import org.convene.leadership.LeadershipApi;
import org.convene.leadership.LeadershipPages;
import org.convene.leadership.Suggestions;
import org.convene.programmes.Enrolments;
import org.convene.programmes.Programmes;
import org.convene.programmes.ProgrammesApi;
import org.convene.surveys.Distribution;
import org.convene.surveys.Responses;
import org.convene.surveys.Results;
import org.convene.surveys.SurveyAccess;
import org.convene.surveys.SurveyLinks;
import org.convene.surveys.Surveys;
import org.convene.surveys.SurveysApi;
import org.convene.ties.TiePages;
import org.convene.ties.Ties;
import org.convene.ties.TiesApi;
import org.convene.transfer.DirectoryExport;
import org.convene.transfer.OrganisationsImport;
import org.convene.transfer.PeopleImport;
import org.convene.transfer.TransferApi;
import org.convene.programmes.ProgrammePages;
import org.convene.projects.Cycles;
import org.convene.projects.Measures;
import org.convene.projects.ProjectPages;
import org.convene.projects.Projects;
import org.convene.projects.ProjectsApi;
import org.convene.projects.Scores;
import org.convene.surveys.SurveyPages;
import org.convene.transfer.TransferPages;
import org.convene.web.ErrorMapping;
import org.convene.web.Json;
import org.convene.web.FrontendStyles;
import org.convene.web.OpenApi;
import org.convene.web.Option;
import org.convene.web.Routes;
import org.convene.web.Security;
import org.convene.web.Templates;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring: every object Convene runs on is built here, by constructor, in one visible place. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    private final Database database;
    private final Jobs jobs;
    private final ChangeFeed changes;
    private final NetworkFigures networkFigures;
    private final Javalin web;
    private final Routes routes;

    private App(Config config, Database database) {
        this.database = database;
        Jdbi jdbi = database.jdbi();
        Metrics metrics = new Metrics();
        database.bindMetrics(metrics.registry());

        this.changes = new ChangeFeed(database.dataSource(), jdbi);
        this.networkFigures = new NetworkFigures(jdbi, changes);
        Accounts accounts = new Accounts(jdbi);
        Sessions sessions = new Sessions(jdbi, changes);
        LoginThrottle throttle = new LoginThrottle(jdbi);
        RateLimits limits = new RateLimits(jdbi);
        ApiTokens tokens = new ApiTokens(jdbi, changes);
        Registration registration = new Registration(jdbi, accounts, config.baseUrl());
        AuditLog audit = new AuditLog(jdbi);
        Reference reference = new Reference(jdbi);
        Organisations organisations = new Organisations(jdbi);
        People people = new People(jdbi, changes);
        Ties ties = new Ties(jdbi);
        Notifications notifications = new Notifications(jdbi, config.baseUrl());
        Templates templates = new Templates(notifications::unread);
        PeopleImport peopleImport = new PeopleImport(jdbi, reference);
        OrganisationsImport organisationsImport = new OrganisationsImport(jdbi, reference, organisations);
        DirectoryExport export = new DirectoryExport(jdbi);
        Programmes programmes = new Programmes(jdbi);
        Enrolments enrolments = new Enrolments(jdbi);
        Surveys surveys = new Surveys(jdbi);
        Results results = new Results(jdbi);
        Responses responses = new Responses(jdbi);
        SurveyLinks surveyLinks = new SurveyLinks(jdbi);
        Distribution distribution = new Distribution(jdbi, surveyLinks, config.baseUrl());
        CourseChanges courseChanges = new CourseChanges(jdbi);
        Schemes schemes = new Schemes(jdbi);
        Rounds rounds = new Rounds(jdbi, new Matcher(), config.baseUrl());
        SchemesApi schemesApi = new SchemesApi(schemes, rounds, people, reference, organisations);
        Projects projects = new Projects(jdbi);
        Measures measures = new Measures(jdbi);
        Cycles cycles = new Cycles(jdbi);
        Scores scores = new Scores(jdbi, projects, measures, cycles);
        Sets learningSets = new Sets(jdbi);
        SetFormation setFormation = new SetFormation(learningSets);
        SetMeetings setMeetings = new SetMeetings(jdbi);
        Actions actions = new Actions(jdbi);
        Conversations conversations = new Conversations(jdbi);
        SetAccess setAccess = new SetAccess(learningSets);
        Inquiries inquiries = new Inquiries(jdbi);
        Areas priorityAreas = new Areas(jdbi);
        Clusters leaderClusters = new Clusters(jdbi);
        Suggestions clusterSuggestions = new Suggestions(jdbi, priorityAreas);
        Communities communities = new Communities(jdbi);
        Discussions discussions = new Discussions(jdbi);
        Resources resources = new Resources(jdbi);
        CommunitiesApi communitiesApi = new CommunitiesApi(communities, discussions, reference, new Overviews(jdbi, resources));
        ResourcesApi resourcesApi = new ResourcesApi(communities, discussions, resources);
        Events events = new Events(jdbi, config.baseUrl());
        EventSurveys eventSurveys = new EventSurveys(events, communities, surveys);
        SurveyAccess surveyAccess = new SurveyAccess(surveys, eventSurveys);
        CalendarFeeds calendarFeeds = new CalendarFeeds(jdbi, events, config.baseUrl());
        EventsApi eventsApi = new EventsApi(events, new Invitations(jdbi, config.baseUrl()), communities, eventSurveys, calendarFeeds);
        Ideas ideas = new Ideas(jdbi, config.baseUrl());
        IdeasApi ideasApi = new IdeasApi(ideas, communities);
        NetworkApi networkApi = new NetworkApi(new NetworkSlices(jdbi), jdbi, changes);
        Impact impact = new Impact(jdbi);
        Erasure erasure = new Erasure(jdbi, events);
        Retention retention = new Retention(jdbi, erasure, audit, config.baseUrl());
        NetworkPages networkPages = new NetworkPages(templates, networkApi, reference, communities, programmes);
        LeadershipApi leadershipApi = new LeadershipApi(priorityAreas, leaderClusters, clusterSuggestions, reference);

        Optional<OidcProvider> sso = config.sso().configured()
                ? Optional.of(new OidcProvider(config.sso(), config.baseUrl())) : Optional.empty();

        MailSender mail = config.smtp().configured() ? new SmtpMailSender(config.smtp()) : new LogMailSender();
        this.jobs = new Jobs(database.dataSource(), new OutboxDelivery(jdbi, mail), sessions, throttle, limits, distribution, rounds,
                notifications, new Digests(jdbi, config.baseUrl(), notifications), new Reminders(jdbi, config.baseUrl()), impact,
                retention);

        this.routes = new Routes(
                new HomePage(templates, jdbi, networkFigures, actions, learningSets),
                new AccountPages(templates, new SignIn(accounts, throttle), sessions, registration, accounts, tokens, reference, organisations,
                        sso.map(OidcProvider::name), limits),
                new SsoPages(sso, new PendingSignIns(jdbi), new SsoSignIn(accounts, new Identities(jdbi), config.sso()), sessions),
                new AdminPages(templates, accounts, registration, sessions, reference, organisations, audit),
                new PeoplePages(templates, people, organisations, reference, ties),
                new PeopleApi(people, organisations, reference),
                new OrganisationPages(templates, organisations, reference),
                new OrganisationsApi(organisations, reference),
                new TiePages(ties),
                new TiesApi(ties),
                new TransferPages(templates, peopleImport, organisationsImport, export, audit),
                new TransferApi(peopleImport, organisationsImport, export, audit),
                new ProgrammePages(templates, programmes, enrolments, surveys, results, courseChanges, people),
                new SurveyPages(templates, surveys, responses, distribution, surveyLinks, programmes, enrolments, results, surveyAccess),
                new ProgrammesApi(programmes, enrolments, courseChanges),
                new SurveysApi(programmes, surveys, distribution, responses, results, surveyAccess),
                new ReportPages(templates, new ReportRenderer(new Reports(jdbi, programmes, surveys, results, courseChanges), templates),
                        new ReportData(jdbi, surveys), programmes, audit),
                new SchemePages(templates, schemes, rounds, schemesApi, people, reference, organisations),
                schemesApi,
                new ProjectPages(templates, projects, measures, cycles, scores, people, programmes, reference),
                new ProjectsApi(projects, measures, cycles, scores, people, reference),
                new SetPages(templates, programmes, learningSets, setFormation, setMeetings, actions),
                new SetsApi(programmes, learningSets, setFormation, setMeetings, actions),
                new CoachingPages(templates, conversations, people),
                new CoachingApi(conversations),
                new InquiryPages(templates, inquiries, setAccess, programmes),
                new InquiriesApi(inquiries, setAccess),
                new LeadershipPages(templates, priorityAreas, leaderClusters, clusterSuggestions, leadershipApi, people, reference),
                leadershipApi,
                new CommunityPages(templates, communities, discussions, communitiesApi, reference, organisations),
                communitiesApi,
                new ResourcePages(templates, communities, discussions, resources, resourcesApi),
                resourcesApi,
                new EventPages(templates, events, eventsApi, communities, config.baseUrl(), () -> programmes.cohortLabels().stream()
                        .map(c -> new Option(String.valueOf(c.id()), c.programmeTitle() + ": " + c.name())).toList(), people, eventSurveys,
                        calendarFeeds, audit),
                eventsApi,
                new IdeaPages(templates, ideas, ideasApi, communities, events, people),
                ideasApi,
                new NotificationPages(templates, notifications),
                new NotificationsApi(notifications),
                networkPages,
                networkApi,
                new NetworkMapPages(templates, new NetworkGraphs(jdbi, new NetworkSlices(jdbi)), networkPages),
                new ImpactPages(templates, impact, reference, config.baseUrl()),
                new ImpactApi(impact, reference),
                new AuditPages(templates, audit),
                new PrivacyPages(templates, new SubjectAccess(jdbi), erasure, retention, people, audit),
                new SearchPages(templates, new Search(jdbi, people)),
                new Health(jdbi),
                metrics,
                new OpenApi(),
                new FrontendStyles());
        Security security = new Security(sessions, tokens, config.secureCookies(), config.trustProxy(), limits);
        ErrorMapping errors = new ErrorMapping(templates);

        this.web = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.port = config.port();
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.http.maxRequestSize = 1_000_000;
            cfg.jetty.multipartConfig.maxFileSize(20, io.javalin.config.SizeUnit.MB);
            cfg.jetty.multipartConfig.maxTotalRequestSize(21, io.javalin.config.SizeUnit.MB);
            // Static files carry an access rule like every route; webjar paths are versioned, so cache them for long.
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/webjars";
                files.directory = "/META-INF/resources/webjars";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "public, max-age=31536000, immutable");
                files.roles = Set.of(org.convene.web.Access.ANYONE);
            });
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/assets";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "public, max-age=3600");
                files.roles = Set.of(org.convene.web.Access.ANYONE);
            });
            cfg.requestLogger.http(metrics::record);
            cfg.routes.before(security::headers);
            cfg.routes.beforeMatched(security::authorise);
            errors.register(cfg.routes);
            routes.install(cfg.routes);
        });
    }

    /** Opens the database, applies migrations, makes sure an administrator exists, starts jobs and the web server. */
    public static App start(Config config) {
        Database database = Database.open(config);
        try {
            database.migrate();
            ensureAdmin(config, database.jdbi()).ifPresent(password -> System.out.printf(
                    "%nCreated the first administrator: %s / %s%n(set CONVENE_ADMIN_PASSWORD to choose it yourself)%n%n",
                    config.adminEmail(), password));
            App app = new App(config, database);
            app.changes.start();
            if (config.runJobs()) {
                app.jobs.start();
            }
            app.web.start();
            log.info("Convene is running at {} (port {})", config.baseUrl(), app.web.port());
            return app;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Creates the first administrator when there is none. Returns the generated password to print,
     * or empty when the password came from CONVENE_ADMIN_PASSWORD or an administrator already exists.
     * Instances starting together on a new database take turns (a transaction advisory lock), so
     * exactly one creates the account and none fails on the other's.
     */
    static Optional<String> ensureAdmin(Config config, Jdbi jdbi) {
        return jdbi.inTransaction(h -> {
            h.execute("SELECT pg_advisory_xact_lock(hashtext('convene:first-administrator'))");
            boolean exists = h.createQuery("SELECT EXISTS (SELECT 1 FROM accounts WHERE lower(email) = lower(:email) "
                    + "OR 'admin' = ANY(roles))").bind("email", config.adminEmail()).mapTo(Boolean.class).one();
            if (exists) {
                return Optional.<String>empty();
            }
            String password = config.adminPassword().orElseGet(Secrets::newPassword);
            Passwords.problem(password, null).ifPresent(problem -> {
                throw new IllegalArgumentException("CONVENE_ADMIN_PASSWORD is not acceptable: " + problem);
            });
            Accounts.create(h, config.adminEmail(), Passwords.hash(password), Set.of(Role.ADMIN), null, "active");
            return config.adminPassword().isPresent() ? Optional.<String>empty() : Optional.of(password);
        });
    }

    public int port() {
        return web.port();
    }

    public Database database() {
        return database;
    }

    public Routes routes() {
        return routes;
    }

    /** Graceful shutdown: stop taking requests, let jobs finish, close the pool, stop the database. */
    @Override
    public void close() {
        web.stop();
        networkFigures.close();
        jobs.close();
        changes.close();
        database.close();
        log.info("Convene stopped");
    }
}
