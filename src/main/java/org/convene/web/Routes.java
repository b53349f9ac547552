package org.convene.web;

import static org.convene.web.Access.ADMIN;
import static org.convene.web.Access.ANYONE;
import static org.convene.web.Access.DIRECTORY_MANAGER;
import static org.convene.web.Access.PROGRAMME_LEAD;
import static org.convene.web.Access.PROGRAMME_TEAM;
import static org.convene.web.Access.REPORT_READER;
import static org.convene.web.Access.SIGNED_IN;
import static org.convene.web.Route.delete;
import static org.convene.web.Route.get;
import static org.convene.web.Route.post;
import static org.convene.web.Route.put;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.convene.accounts.AccountPages;
import org.convene.accounts.AdminPages;
import org.convene.audit.AuditPages;
import org.convene.privacy.PrivacyPages;
import org.convene.home.HomePage;
import org.convene.ops.Health;
import org.convene.ops.Metrics;
import org.convene.organisations.OrganisationPages;
import org.convene.organisations.OrganisationsApi;
import org.convene.people.PeopleApi;
import org.convene.programmes.ProgrammePages;
import org.convene.projects.ProjectPages;
import org.convene.projects.ProjectsApi;
import org.convene.reports.ReportPages;
import org.convene.schemes.SchemePages;
import org.convene.schemes.SchemesApi;
import org.convene.coaching.CoachingApi;
import org.convene.coaching.CoachingPages;
import org.convene.inquiries.InquiriesApi;
import org.convene.inquiries.InquiryPages;
import org.convene.communities.CommunitiesApi;
import org.convene.communities.CommunityPages;
import org.convene.communities.ResourcePages;
import org.convene.communities.ResourcesApi;
import org.convene.events.EventPages;
import org.convene.events.EventsApi;
import org.convene.ideas.IdeaPages;
import org.convene.ideas.IdeasApi;
import org.convene.notifications.NotificationPages;
import org.convene.impact.ImpactApi;
import org.convene.impact.ImpactPages;
import org.convene.relationships.NetworkApi;
import org.convene.relationships.NetworkMapPages;
import org.convene.relationships.NetworkPages;
import org.convene.notifications.NotificationsApi;
import org.convene.search.SearchPages;
import org.convene.sso.SsoPages;
import org.convene.leadership.LeadershipApi;
import org.convene.leadership.LeadershipPages;
import org.convene.sets.SetPages;
import org.convene.sets.SetsApi;
import org.convene.surveys.SurveyPages;
import org.convene.people.PeoplePages;
import org.convene.programmes.ProgrammesApi;
import org.convene.surveys.SurveysApi;
import org.convene.ties.TiePages;
import org.convene.ties.TiesApi;
import org.convene.transfer.TransferApi;
import org.convene.transfer.TransferPages;

/** The route table: every URL Convene answers, with who may use it. Nothing is routed anywhere else. */
public final class Routes {
    private final List<Route> table;

    public Routes(HomePage home, AccountPages accounts, SsoPages sso, AdminPages admin, PeoplePages people, PeopleApi peopleApi,
                  OrganisationPages organisations, OrganisationsApi organisationsApi, TiePages ties, TiesApi tiesApi,
                  TransferPages transfer, TransferApi transferApi, ProgrammePages programmes, SurveyPages surveys,
                  ProgrammesApi programmesApi, SurveysApi surveysApi, ReportPages reports,
                  SchemePages schemes, SchemesApi schemesApi, ProjectPages projects, ProjectsApi projectsApi, SetPages sets,
                  SetsApi setsApi, CoachingPages coaching, CoachingApi coachingApi, InquiryPages inquiries,
                  InquiriesApi inquiriesApi, LeadershipPages leadership, LeadershipApi leadershipApi,
                  CommunityPages communities, CommunitiesApi communitiesApi, ResourcePages resources, ResourcesApi resourcesApi,
                  EventPages events, EventsApi eventsApi, IdeaPages ideas, IdeasApi ideasApi, NotificationPages notifications,
                  NotificationsApi notificationsApi, NetworkPages network, NetworkApi networkApi, NetworkMapPages networkMap,
                  ImpactPages impact, ImpactApi impactApi, AuditPages audit, PrivacyPages privacy, SearchPages search, Health health,
                  Metrics metrics, OpenApi openApi,
                  FrontendStyles styles) {
        this.table = List.of(
                get("/", ANYONE, home::show, "Start page"),
                get("/health", ANYONE, health::check, "Health check (database)"),
                get("/metrics", ANYONE, metrics::scrape, "Prometheus metrics"),
                get("/api/openapi.json", ANYONE, openApi::serve, "OpenAPI description of /api/v1"),
                get(FrontendStyles.PATH, ANYONE, styles::serve, "GOV.UK Frontend's styles without the GDS Transport font"),

                // Accounts
                get("/login", ANYONE, accounts::loginForm, "Sign-in form"),
                post("/login", ANYONE, accounts::login, "Sign in"),
                get("/login/sso", ANYONE, sso::start, "Single sign-on: send the browser to the OpenID Connect provider (404 when none is set up)"),
                get("/login/sso/callback", ANYONE, sso::callback, "Single sign-on: the provider's reply (state, nonce and PKCE checked), then sign in"),
                post("/logout", ANYONE, accounts::logout, "Sign out"),
                get("/register", ANYONE, accounts::registerForm, "Self-registration form (when open)"),
                post("/register", ANYONE, accounts::register, "Register"),
                get("/forgot-password", ANYONE, accounts::forgotForm, "Ask for a password reset link"),
                post("/forgot-password", ANYONE, accounts::forgot, "Send a password reset link"),
                get("/reset/{token}", ANYONE, accounts::resetForm, "Choose a new password"),
                post("/reset/{token}", ANYONE, accounts::reset, "Save a new password"),
                get("/invite/{token}", ANYONE, accounts::inviteForm, "Accept an invitation"),
                post("/invite/{token}", ANYONE, accounts::acceptInvite, "Choose a password for an invitation"),
                get("/account", SIGNED_IN, accounts::account, "Your account and API tokens"),
                post("/account/password", SIGNED_IN, accounts::changePassword, "Change your password"),
                post("/account/tokens", SIGNED_IN, accounts::createToken, "Create a personal access token"),
                post("/account/tokens/{id}/revoke", SIGNED_IN, accounts::revokeToken, "Revoke a token"),
                get("/account/data", SIGNED_IN, privacy::ownPage, "Everything Convene holds about you"),
                get("/account/data.json", SIGNED_IN, privacy::ownDownload, "Download everything Convene holds about you (JSON)"),

                // Administration
                get("/admin/accounts", ADMIN, admin::accounts, "Accounts and roles"),
                post("/admin/accounts/{id}", ADMIN, admin::updateAccount, "Change an account's roles or status"),
                post("/admin/accounts/{id}/sso/remove", ADMIN, admin::removeSingleSignOnLink, "Remove an account's single sign-on link"),
                get("/admin/invite", ADMIN, admin::inviteForm, "Invitation form"),
                post("/admin/invite", ADMIN, admin::invite, "Invite someone by email"),
                get("/admin/settings", ADMIN, admin::settings, "Settings"),
                post("/admin/settings", ADMIN, admin::saveSettings, "Save settings"),
                get("/admin/audit", ADMIN, audit::page, "The audit log of administrative and sensitive actions"),
                get("/admin/privacy", ADMIN, privacy::settings, "Data retention settings"),
                post("/admin/privacy", ADMIN, privacy::saveSettings, "Save data retention settings"),
                get("/admin/people/{id}/data.json", ADMIN, privacy::personDownload, "Download a person's data on their request"),
                get("/admin/people/{id}/erase", ADMIN, privacy::eraseForm, "Confirm erasing a person"),
                post("/admin/people/{id}/erase", ADMIN, privacy::erase, "Erase a person on their request"),

                // Directory pages
                get("/people", SIGNED_IN, people::directory, "Search the directory"),
                get("/people/new", DIRECTORY_MANAGER, people::newForm, "Add a person form"),
                post("/people", DIRECTORY_MANAGER, people::create, "Add a person"),
                get("/people/{id}", SIGNED_IN, people::profile, "Profile"),
                get("/people/{id}/edit", SIGNED_IN, people::editForm, "Edit a profile (own, or programme team)"),
                post("/people/{id}", SIGNED_IN, people::update, "Save a profile (own, or programme team)"),
                post("/people/{id}/ties", SIGNED_IN, people::addTie, "Record that you know this person"),
                post("/ties/{id}/end", SIGNED_IN, ties::end, "Remove a connection"),
                get("/organisations", SIGNED_IN, organisations::list, "Browse organisations"),
                get("/organisations/new", DIRECTORY_MANAGER, organisations::newForm, "Add an organisation form"),
                post("/organisations", DIRECTORY_MANAGER, organisations::create, "Add an organisation"),
                get("/organisations/{id}", SIGNED_IN, organisations::show, "Organisation"),
                get("/organisations/{id}/edit", DIRECTORY_MANAGER, organisations::editForm, "Edit an organisation form"),
                post("/organisations/{id}", DIRECTORY_MANAGER, organisations::update, "Save an organisation"),

                // Import and export
                get("/transfer", DIRECTORY_MANAGER, transfer::show, "Import and export page"),
                post("/transfer/people", DIRECTORY_MANAGER, transfer::importPeople, "Import people from an uploaded CSV file"),
                post("/transfer/organisations", DIRECTORY_MANAGER, transfer::importOrganisations, "Import organisations from an uploaded CSV file"),
                get("/transfer/people.csv", DIRECTORY_MANAGER, transfer::peopleCsv, "Download people as CSV"),
                get("/transfer/organisations.csv", DIRECTORY_MANAGER, transfer::organisationsCsv, "Download organisations as CSV"),
                get("/transfer/ties.csv", DIRECTORY_MANAGER, transfer::tiesCsv, "Download ties as CSV"),

                // Programmes, cohorts and modules
                get("/programmes", SIGNED_IN, programmes::list, "Programmes (all for the team; your cohorts for participants)"),
                get("/programmes/new", PROGRAMME_LEAD, programmes::newForm, "Create a programme form"),
                post("/programmes", PROGRAMME_LEAD, programmes::create, "Create a programme"),
                get("/programmes/{id}", PROGRAMME_TEAM, programmes::show, "A programme and its cohorts"),
                get("/programmes/{id}/edit", PROGRAMME_LEAD, programmes::editForm, "Edit a programme form"),
                post("/programmes/{id}", PROGRAMME_LEAD, programmes::update, "Save a programme"),
                get("/programmes/{id}/cohorts/new", PROGRAMME_LEAD, programmes::newCohortForm, "Add a cohort form"),
                post("/programmes/{id}/cohorts", PROGRAMME_LEAD, programmes::createCohort, "Add a cohort"),
                get("/cohorts/{id}", SIGNED_IN, programmes::cohort, "A cohort (programme team, or its participants)"),
                get("/cohorts/{id}/edit", PROGRAMME_LEAD, programmes::editCohortForm, "Edit a cohort form"),
                post("/cohorts/{id}", PROGRAMME_LEAD, programmes::updateCohort, "Save a cohort"),
                post("/cohorts/{id}/people", PROGRAMME_LEAD, programmes::enrol, "Enrol people by email or CSV file"),
                post("/cohorts/{id}/people/{personId}/withdraw", PROGRAMME_LEAD, programmes::withdraw, "Withdraw someone from a cohort"),
                get("/cohorts/{id}/modules/new", PROGRAMME_LEAD, programmes::newModuleForm, "Add a module form"),
                post("/cohorts/{id}/modules", PROGRAMME_LEAD, programmes::createModule, "Add a module"),
                get("/modules/{id}", SIGNED_IN, programmes::module, "A module (programme team, or its cohort)"),
                get("/modules/{id}/edit", PROGRAMME_LEAD, programmes::editModuleForm, "Edit a module form"),
                post("/modules/{id}", PROGRAMME_LEAD, programmes::updateModule, "Save a module"),
                post("/modules/{id}/delete", PROGRAMME_LEAD, programmes::deleteModule, "Remove a module without responses"),
                post("/modules/{id}/attendance", PROGRAMME_TEAM, programmes::recordAttendance, "Record attendance"),
                post("/modules/{id}/materials", PROGRAMME_LEAD, programmes::addMaterial, "Add a link or file to a module"),
                get("/materials/{id}", SIGNED_IN, programmes::material, "Download a module's material (team or cohort)"),
                post("/materials/{id}/delete", PROGRAMME_LEAD, programmes::deleteMaterial, "Remove a material"),
                get("/cohorts/{id}/changes/new", PROGRAMME_TEAM, programmes::newChangeForm, "Log a course change form"),
                post("/cohorts/{id}/changes", PROGRAMME_TEAM, programmes::createChange, "Log a course change (PDSA)"),
                get("/changes/{id}/edit", PROGRAMME_TEAM, programmes::editChangeForm, "A course change, to study and act on"),
                post("/changes/{id}", PROGRAMME_TEAM, programmes::updateChange, "Save a course change"),

                // Action learning sets and agreed actions
                get("/cohorts/{id}/sets", PROGRAMME_TEAM, sets::board, "A cohort's action learning sets: form, move, lock, publish"),
                post("/cohorts/{id}/sets", PROGRAMME_TEAM, sets::form, "Form the sets (again, around the locked people)"),
                post("/cohorts/{id}/sets/move", PROGRAMME_TEAM, sets::move, "Move someone to another set (and lock them there)"),
                post("/cohorts/{id}/sets/lock", PROGRAMME_TEAM, sets::lock, "Lock or unlock someone in their set"),
                post("/cohorts/{id}/sets/publish", PROGRAMME_TEAM, sets::publish, "Publish the sets to their members"),
                post("/cohorts/{id}/experience", PROGRAMME_TEAM, sets::experience, "Save years of experience and bands"),
                get("/sets/{id}", SIGNED_IN, sets::set, "An action learning set (its members, or the team)"),
                get("/sets/{id}/meetings/new", SIGNED_IN, sets::newMeeting, "Record a set meeting form (members)"),
                post("/sets/{id}/meetings", SIGNED_IN, sets::createMeeting, "Record a set meeting (members)"),
                get("/set-meetings/{id}", SIGNED_IN, sets::meeting, "A set meeting's record (members)"),
                post("/set-meetings/{id}", SIGNED_IN, sets::updateMeeting, "Save a set meeting's record (members)"),
                post("/actions/{id}/done", SIGNED_IN, sets::actionDone, "Mark one of your actions done or not done"),
                get("/sets/{id}/inquiries", SIGNED_IN, inquiries::list, "A set's Appreciative Inquiry sessions (members, or the team)"),
                get("/sets/{id}/inquiries/new", SIGNED_IN, inquiries::newForm, "Plan an Appreciative Inquiry session form"),
                post("/sets/{id}/inquiries", SIGNED_IN, inquiries::create, "Plan an Appreciative Inquiry session"),
                get("/inquiries/{id}", SIGNED_IN, inquiries::show, "An Appreciative Inquiry session (the set's members, or the team)"),
                post("/inquiries/{id}", SIGNED_IN, inquiries::update, "Save an Appreciative Inquiry session"),
                // Communities of practice
                get("/communities", SIGNED_IN, communities::list, "Communities of practice"),
                get("/communities/new", SIGNED_IN, communities::newForm, "Start a community form"),
                post("/communities", SIGNED_IN, communities::create, "Start a community (you convene it)"),
                get("/communities/{id}", SIGNED_IN, communities::show, "A community: joining, requests, discussions"),
                post("/communities/{id}/join", SIGNED_IN, communities::join, "Join a community (or ask to)"),
                post("/communities/{id}/leave", SIGNED_IN, communities::leave, "Leave a community (or withdraw a request)"),
                get("/communities/{id}/edit", SIGNED_IN, communities::editForm, "Change a community form (convenors)"),
                post("/communities/{id}/edit", SIGNED_IN, communities::update, "Change a community (convenors)"),
                get("/communities/{id}/members", SIGNED_IN, communities::members, "A community's members, with the directory's filters"),
                post("/communities/{id}/members/{personId}", SIGNED_IN, communities::decide, "Accept, decline, promote or remove a member (convenors)"),
                post("/communities/{id}/discussions", SIGNED_IN, communities::startDiscussion, "Start a discussion (members)"),
                get("/discussions/{id}", SIGNED_IN, communities::discussion, "A discussion (closed communities: members)"),
                post("/discussions/{id}/posts", SIGNED_IN, communities::reply, "Reply to a discussion (members)"),
                post("/discussions/{id}/pin", SIGNED_IN, communities::pin, "Pin or unpin a discussion (convenors)"),
                post("/discussions/{id}/follow", SIGNED_IN, communities::follow, "Follow a discussion, or stop following it"),
                get("/posts/{id}", SIGNED_IN, communities::post, "A post: its discussion, on the page that shows it"),
                get("/notifications", SIGNED_IN, notifications::list, "Your notifications, newest first (?before=ID: older)"),
                post("/notifications/read", SIGNED_IN, notifications::markAllRead, "Mark all your notifications read"),
                get("/notifications/settings", SIGNED_IN, notifications::settingsForm, "Your notification settings"),
                post("/notifications/settings", SIGNED_IN, notifications::saveSettings, "Save your notification settings"),
                get("/notifications/{id}", SIGNED_IN, notifications::open, "Open a notification (marks it read)"),
                get("/communities/{id}/resources", SIGNED_IN, resources::list, "A community's links and files (closed communities: members)"),
                post("/communities/{id}/resources", SIGNED_IN, resources::add, "Add a link or upload a file of up to 10 MB (members)"),
                get("/resources/{id}/file", SIGNED_IN, resourcesApi::file, "Download a resource's file"),
                post("/resources/{id}/delete", SIGNED_IN, resources::delete, "Delete a resource (who added it, convenors)"),
                post("/resources/{id}/pin", SIGNED_IN, resources::pin, "Pin or unpin a resource (convenors)"),

                // Events
                get("/events", SIGNED_IN, events::list, "Events coming up (?community=ID: one community's)"),
                get("/events/new", SIGNED_IN, events::newForm, "Create an event form (?community=ID)"),
                get("/events/calendar", SIGNED_IN, events::calendar, "Your personal calendar feed: its private address, and getting a new one"),
                post("/events/calendar/reset", SIGNED_IN, events::resetCalendar, "Get a new calendar feed address (the old one stops working)"),
                get("/calendar/{token}.ics", ANYONE, events::feed, "A personal calendar feed for calendar apps (only its current token; else 404)"),
                post("/events", SIGNED_IN, events::create, "Create an event (community members; system-wide: programme team)"),
                get("/events/{id}", SIGNED_IN, events::show, "An event: places, registering, the waitlist; registrations for its host"),
                get("/events/{id}/event.ics", SIGNED_IN, events::ics, "An event as a calendar file"),
                post("/events/{id}/registration", SIGNED_IN, events::register, "Register (or join the waitlist)"),
                post("/events/{id}/registration/cancel", SIGNED_IN, events::cancel, "Cancel your registration (the waitlist moves up)"),
                post("/events/{id}/cohosts", SIGNED_IN, events::addCohost, "Add a co-host by email (host, convenors)"),
                post("/events/{id}/invitations", SIGNED_IN, events::invite, "Invite a whole community or cohort (host, convenors; cohorts: team)"),
                post("/events/{id}/registrations/{personId}/check-in", SIGNED_IN, events::checkIn, "Check someone in (host, convenors)"),
                get("/events/{id}/registrations.csv", SIGNED_IN, events::csv, "An event's registrations as CSV (host, convenors)"),
                post("/events/{id}/reminder", SIGNED_IN, events::reminder, "Change how long before the event people are reminded (host, convenors)"),
                post("/events/{id}/survey", SIGNED_IN, events::addFollowUp, "Add the event's follow-up survey (host, convenors)"),

                get("/network", PROGRAMME_TEAM, network::show, "The relationship network's figures for a slice and period (team)"),
                get("/network/map", PROGRAMME_TEAM, networkMap::show, "The network map of a slice, or its table view (?view=table) (team)"),
                get("/network/graph.json", PROGRAMME_TEAM, networkMap::graphJson, "The people and ties the map draws (team, signed in)"),
                get("/impact", PROGRAMME_TEAM, impact::show, "The impact dashboard of a place or the whole system over a period (team)"),
                get("/impact/report.html", PROGRAMME_TEAM, impact::html, "The impact dashboard as one HTML file (team)"),
                get("/impact/report.pdf", PROGRAMME_TEAM, impact::pdf, "The impact dashboard as PDF (team)"),
                get("/impact/{figure}", PROGRAMME_TEAM, impact::list, "The list behind one figure of the impact dashboard (team)"),
                get("/search", SIGNED_IN, search::page, "One search across people, communities, discussions, events, ideas, projects"),

                // Ideas boards
                get("/ideas", SIGNED_IN, ideas::board, "An ideas board (?community=ID; without: the whole system's)"),
                get("/ideas.csv", SIGNED_IN, ideas::csv, "A board's results as CSV"),
                post("/ideas", SIGNED_IN, ideas::propose, "Propose an idea"),
                get("/ideas/{id}", SIGNED_IN, ideas::show, "An idea: votes, comments, what it became"),
                post("/ideas/{id}/vote", SIGNED_IN, ideas::vote, "Vote for an idea, or take the vote back"),
                post("/ideas/{id}/comments", SIGNED_IN, ideas::comment, "Comment on an idea"),
                post("/ideas/{id}/coauthors", SIGNED_IN, ideas::addCoauthor, "Add a co-author by email (the idea's authors, convenors)"),
                post("/ideas/{id}/project", SIGNED_IN, ideas::becameProject, "Record the project an idea became (convenors)"),
                post("/ideas/{id}/event", SIGNED_IN, ideas::becameEvent, "Record the event an idea became (convenors)"),

                // Leader clusters
                get("/leadership", SIGNED_IN, leadership::list, "Priority areas (the team's, or those you sponsor)"),
                get("/priority-areas/new", PROGRAMME_TEAM, leadership::newForm, "Add a priority area form"),
                post("/priority-areas", PROGRAMME_TEAM, leadership::create, "Add a priority area"),
                get("/priority-areas/{id}", SIGNED_IN, leadership::show, "A priority area's checklist and suggested clusters (team, sponsor)"),
                get("/priority-areas/{id}/edit", PROGRAMME_TEAM, leadership::editForm, "Change a priority area form"),
                post("/priority-areas/{id}", PROGRAMME_TEAM, leadership::update, "Change a priority area"),
                post("/priority-areas/{id}/candidates", PROGRAMME_TEAM, leadership::addCandidate, "Add a candidate leader"),
                get("/priority-areas/{id}/candidates/{personId}", PROGRAMME_TEAM, leadership::candidate, "A candidate and their endorsements"),
                post("/priority-areas/{id}/candidates/{personId}", PROGRAMME_TEAM, leadership::updateCandidate, "Change a candidate"),
                post("/priority-areas/{id}/candidates/{personId}/endorsements", PROGRAMME_TEAM, leadership::endorse, "Record a peer's endorsement"),
                post("/priority-areas/{id}/candidates/{personId}/remove", PROGRAMME_TEAM, leadership::removeCandidate, "Remove a candidate"),
                post("/priority-areas/{id}/clusters", PROGRAMME_TEAM, leadership::formCluster, "Form a cluster of candidates"),
                get("/clusters", SIGNED_IN, leadership::clusters, "Clusters (all for the team; those you sponsor, mentor or are in)"),
                get("/clusters/{id}", SIGNED_IN, leadership::cluster, "A leader cluster (team, sponsor, mentor, members)"),
                post("/clusters/{id}", PROGRAMME_TEAM, leadership::updateCluster, "Change a cluster's status, sponsor and mentoring"),
                get("/coaching", SIGNED_IN, coaching::list, "Your GROW coaching conversations (as coach or coachee)"),
                get("/coaching/new", SIGNED_IN, coaching::newForm, "Record a coaching conversation form"),
                post("/coaching", SIGNED_IN, coaching::create, "Record a coaching conversation"),
                get("/coaching/{id}", SIGNED_IN, coaching::show, "A coaching conversation (its coach and coachee only)"),
                post("/coaching/{id}", SIGNED_IN, coaching::update, "Save a coaching conversation (its coach and coachee only)"),

                // The evaluation report
                get("/cohorts/{id}/report", REPORT_READER, reports::page, "A cohort's evaluation report"),
                get("/cohorts/{id}/report.pdf", REPORT_READER, reports::pdf, "The evaluation report as PDF"),
                get("/cohorts/{id}/report-data.csv", REPORT_READER, reports::csv, "The anonymised data behind the report (CSV)"),

                // Surveys
                get("/cohorts/{id}/surveys/new", PROGRAMME_LEAD, surveys::newForm, "Add a survey form"),
                post("/cohorts/{id}/surveys", PROGRAMME_LEAD, surveys::create, "Add a survey (baseline, end or own)"),
                get("/surveys/{id}", SIGNED_IN, surveys::show, "A survey: builder, schedule and status (team; an event's: its hosts)"),
                post("/surveys/{id}/questions", SIGNED_IN, surveys::addQuestion, "Add a question (leads; an event's: its hosts)"),
                get("/questions/{id}/edit", SIGNED_IN, surveys::editQuestionForm, "Edit a question form (leads; an event's: its hosts)"),
                post("/questions/{id}", SIGNED_IN, surveys::updateQuestion, "Save a question (leads; an event's: its hosts)"),
                post("/questions/{id}/delete", SIGNED_IN, surveys::deleteQuestion, "Remove a question (leads; an event's: its hosts)"),
                post("/questions/{id}/move", SIGNED_IN, surveys::moveQuestion, "Move a question up or down (leads; an event's: its hosts)"),
                post("/surveys/{id}/schedule", SIGNED_IN, surveys::schedule, "Schedule a survey and its reminders (leads; an event's: its hosts)"),
                post("/surveys/{id}/open", SIGNED_IN, surveys::openNow, "Open a survey now and send invitations (leads; an event's: its hosts)"),
                post("/surveys/{id}/close", SIGNED_IN, surveys::close, "Close a survey (leads; an event's: its hosts)"),
                get("/surveys/{id}/results", SIGNED_IN, surveys::results, "A survey's results, withheld below 5 responses when anonymous (team; an event's: its hosts)"),
                get("/my/surveys", SIGNED_IN, surveys::mine, "Surveys sent to you"),
                get("/my/surveys/{id}", SIGNED_IN, surveys::answerMine, "Answer a survey sent to you"),
                post("/my/surveys/{id}", SIGNED_IN, surveys::saveMine, "Save or send your answers"),
                get("/s/{token}", ANYONE, surveys::answerByLink, "Answer a survey through your personal link"),
                post("/s/{token}", ANYONE, surveys::saveByLink, "Save or send answers through your personal link"),
                // Matching schemes ("Brew and Biscuits")
                get("/schemes", SIGNED_IN, schemes::list, "Matching schemes you can join"),
                get("/schemes/new", PROGRAMME_LEAD, schemes::newForm, "Create a matching scheme form"),
                post("/schemes", PROGRAMME_LEAD, schemes::create, "Create a matching scheme"),
                get("/schemes/{id}", SIGNED_IN, schemes::show, "A scheme: your membership; the team's dashboard"),
                get("/schemes/{id}/edit", PROGRAMME_LEAD, schemes::editForm, "Edit a scheme form"),
                post("/schemes/{id}", PROGRAMME_LEAD, schemes::update, "Save a scheme"),
                get("/schemes/{id}/members", PROGRAMME_TEAM, schemes::members, "A scheme's members"),
                get("/schemes/{id}/join", SIGNED_IN, schemes::joinForm, "Opt in to a scheme form"),
                post("/schemes/{id}/join", SIGNED_IN, schemes::join, "Opt in to a scheme (or change how you take part)"),
                post("/schemes/{id}/membership", SIGNED_IN, schemes::membership, "Skip the next round, pause, resume or leave"),
                post("/schemes/{id}/rounds", PROGRAMME_LEAD, schemes::runRound, "Run the next round now"),
                get("/rounds/{id}", PROGRAMME_TEAM, schemes::round, "A round's pairs, trios and who was left out"),
                get("/matches", SIGNED_IN, schemes::matches, "Your matches and the people you blocked"),
                get("/matches/{id}", SIGNED_IN, schemes::match, "A match (its members, or the team)"),
                post("/matches/{id}", SIGNED_IN, schemes::answer, "Say whether you met, with a rating and comment"),
                post("/matches/{id}/block", SIGNED_IN, schemes::block, "Never be matched with this person again"),
                post("/blocks/{personId}/remove", SIGNED_IN, schemes::unblock, "Remove a block"),

                // Projects: everyone signed in reads them and may start one; the handlers let only the
                // project's team (leads, members, coaches) and programme leads change one.
                get("/projects", SIGNED_IN, projects::list, "Projects, with filters"),
                get("/projects/new", SIGNED_IN, projects::newForm, "Start a project form"),
                get("/projects.csv", SIGNED_IN, projectsApi::csv, "The projects the filters find, as CSV"),
                post("/projects", SIGNED_IN, projects::create, "Start a project (you lead it)"),
                get("/projects/{id}", SIGNED_IN, projects::show, "A project: aim, team, run charts, PDSA cycles, progress score"),
                get("/projects/{id}/edit", SIGNED_IN, projects::editForm, "Edit a project form (its team or programme leads)"),
                post("/projects/{id}", SIGNED_IN, projects::update, "Save a project"),
                get("/projects/{id}/team", SIGNED_IN, projects::team, "A project's team: find people, add, change roles, remove"),
                post("/projects/{id}/team", SIGNED_IN, projects::addMember, "Add someone to the team, or change their role"),
                post("/projects/{id}/team/{personId}/remove", SIGNED_IN, projects::removeMember, "Take someone off the team"),
                post("/projects/{id}/presentation", SIGNED_IN, projects::addPresentation, "Save the final presentation (link or file)"),
                get("/projects/{id}/presentation", SIGNED_IN, projects::presentation, "Download or open the final presentation"),
                post("/projects/{id}/presentation/remove", SIGNED_IN, projects::removePresentation, "Remove the final presentation"),
                post("/projects/{id}/scores", SIGNED_IN, projects::confirmScore, "Confirm the progress score (the people running the project)"),
                get("/projects/{id}/measures/new", SIGNED_IN, projects::newMeasureForm, "Add a measure form"),
                post("/projects/{id}/measures", SIGNED_IN, projects::createMeasure, "Add a measure"),
                get("/measures/{id}", SIGNED_IN, projects::measure, "A measure: its run chart, data and data entry"),
                get("/measures/{id}/edit", SIGNED_IN, projects::editMeasureForm, "Edit a measure form"),
                post("/measures/{id}", SIGNED_IN, projects::updateMeasure, "Save a measure"),
                post("/measures/{id}/delete", SIGNED_IN, projects::deleteMeasure, "Remove a measure and its data"),
                post("/measures/{id}/points", SIGNED_IN, projects::addPoint, "Add one value"),
                post("/measures/{id}/points.csv", SIGNED_IN, projects::importPoints, "Import values from an uploaded CSV file (all or nothing)"),
                post("/points/{id}/delete", SIGNED_IN, projects::deletePoint, "Remove a value"),
                get("/projects/{id}/cycles/new", SIGNED_IN, projects::newCycleForm, "Add a PDSA cycle form"),
                post("/projects/{id}/cycles", SIGNED_IN, projects::createCycle, "Add a PDSA cycle"),
                get("/cycles/{id}/edit", SIGNED_IN, projects::editCycleForm, "Update a PDSA cycle form"),
                post("/cycles/{id}", SIGNED_IN, projects::updateCycle, "Save a PDSA cycle"),

                // JSON API
                get("/api/v1/audit", ADMIN, audit::api, "The audit log, newest first (administrators)"),
                get("/api/v1/me/data", SIGNED_IN, privacy::ownApi, "Everything Convene holds about the token's owner"),
                post("/api/v1/people/{id}/erasure", ADMIN, privacy::eraseApi, "Erase a person on their request"),
                get("/api/v1/retention", ADMIN, privacy::retentionApi, "The data retention periods"),
                put("/api/v1/retention", ADMIN, privacy::saveRetentionApi, "Change the data retention periods"),
                get("/api/v1/people", SIGNED_IN, peopleApi::list, "Search people"),
                post("/api/v1/people", DIRECTORY_MANAGER, peopleApi::create, "Add a person"),
                get("/api/v1/people/{id}", SIGNED_IN, peopleApi::get, "A person"),
                put("/api/v1/people/{id}", SIGNED_IN, peopleApi::update, "Replace a person's entry (own, or programme team)"),
                delete("/api/v1/people/{id}", ADMIN, privacy::deleteApi, "Delete an entry with no account or records (others are erased)"),
                get("/api/v1/organisations", SIGNED_IN, organisationsApi::list, "List organisations"),
                post("/api/v1/organisations", DIRECTORY_MANAGER, organisationsApi::create, "Add an organisation"),
                get("/api/v1/organisations/{id}", SIGNED_IN, organisationsApi::get, "An organisation"),
                put("/api/v1/organisations/{id}", DIRECTORY_MANAGER, organisationsApi::update, "Replace an organisation"),
                delete("/api/v1/organisations/{id}", ADMIN, organisationsApi::delete, "Delete an empty organisation"),
                get("/api/v1/ties", SIGNED_IN, tiesApi::list, "List ties"),
                post("/api/v1/ties", SIGNED_IN, tiesApi::create, "Record a tie"),
                get("/api/v1/ties/{id}", SIGNED_IN, tiesApi::get, "A tie"),
                delete("/api/v1/ties/{id}", SIGNED_IN, tiesApi::end, "End a tie (either person, or programme team)"),
                post("/api/v1/imports/people", DIRECTORY_MANAGER, transferApi::importPeople, "Import people (CSV body, all or nothing)"),
                post("/api/v1/imports/organisations", DIRECTORY_MANAGER, transferApi::importOrganisations, "Import organisations (CSV body, all or nothing)"),
                get("/api/v1/exports/people.csv", DIRECTORY_MANAGER, transferApi::peopleCsv, "Export people as CSV"),
                get("/api/v1/exports/organisations.csv", DIRECTORY_MANAGER, transferApi::organisationsCsv, "Export organisations as CSV"),
                get("/api/v1/exports/ties.csv", DIRECTORY_MANAGER, transferApi::tiesCsv, "Export ties as CSV"),

                // Programmes API
                get("/api/v1/cohorts/{id}/report", REPORT_READER, reports::json, "A cohort's evaluation report as JSON"),
                get("/api/v1/cohorts/{id}/report.pdf", REPORT_READER, reports::pdf, "A cohort's evaluation report as PDF"),
                get("/api/v1/cohorts/{id}/report-data.csv", REPORT_READER, reports::csv, "The anonymised data behind the report (CSV)"),
                get("/api/v1/programmes", PROGRAMME_TEAM, programmesApi::programmes, "List programmes"),
                post("/api/v1/programmes", PROGRAMME_LEAD, programmesApi::createProgramme, "Add a programme"),
                get("/api/v1/programmes/{id}", PROGRAMME_TEAM, programmesApi::programme, "A programme"),
                put("/api/v1/programmes/{id}", PROGRAMME_LEAD, programmesApi::updateProgramme, "Change a programme"),
                get("/api/v1/programmes/{id}/cohorts", PROGRAMME_TEAM, programmesApi::programmeCohorts, "A programme's cohorts"),
                post("/api/v1/programmes/{id}/cohorts", PROGRAMME_LEAD, programmesApi::createCohort, "Add a cohort"),
                get("/api/v1/cohorts", SIGNED_IN, programmesApi::cohorts, "Cohorts (the team: all; others: their own)"),
                get("/api/v1/cohorts/{id}", SIGNED_IN, programmesApi::cohort, "A cohort with its modules (team, or enrolled)"),
                put("/api/v1/cohorts/{id}", PROGRAMME_LEAD, programmesApi::updateCohort, "Change a cohort"),
                get("/api/v1/cohorts/{id}/modules", SIGNED_IN, programmesApi::modules, "A cohort's modules (team, or enrolled)"),
                post("/api/v1/cohorts/{id}/modules", PROGRAMME_LEAD, programmesApi::createModule, "Add a module (and its feedback survey)"),
                get("/api/v1/modules/{id}", SIGNED_IN, programmesApi::module, "A module (team, or enrolled)"),
                put("/api/v1/modules/{id}", PROGRAMME_LEAD, programmesApi::updateModule, "Change a module"),
                delete("/api/v1/modules/{id}", PROGRAMME_LEAD, programmesApi::deleteModule, "Delete a module with no answered feedback"),
                get("/api/v1/cohorts/{id}/enrolments", PROGRAMME_TEAM, programmesApi::enrolments, "Who is on a cohort"),
                post("/api/v1/cohorts/{id}/enrolments", PROGRAMME_LEAD, programmesApi::enrol, "Enrol people by id"),
                post("/api/v1/cohorts/{id}/enrolments.csv", PROGRAMME_LEAD, programmesApi::enrolCsv, "Enrol people from a CSV body (all or nothing)"),
                delete("/api/v1/cohorts/{id}/enrolments/{personId}", PROGRAMME_LEAD, programmesApi::withdraw, "Withdraw someone from a cohort"),
                get("/api/v1/modules/{id}/attendance", PROGRAMME_TEAM, programmesApi::attendance, "A module's register"),
                put("/api/v1/modules/{id}/attendance", PROGRAMME_TEAM, programmesApi::recordAttendance, "Record attendance"),
                get("/api/v1/cohorts/{id}/changes", PROGRAMME_TEAM, programmesApi::changes, "The cohort's PDSA log"),
                post("/api/v1/cohorts/{id}/changes", PROGRAMME_TEAM, programmesApi::createChange, "Record a course change"),
                put("/api/v1/changes/{id}", PROGRAMME_TEAM, programmesApi::updateChange, "Update a course change"),
                get("/api/v1/cohorts/{id}/sets", PROGRAMME_TEAM, setsApi::board, "A cohort's action learning sets, explained"),
                post("/api/v1/cohorts/{id}/sets", PROGRAMME_TEAM, setsApi::form, "Form the sets (again, around the locked people)"),
                post("/api/v1/cohorts/{id}/sets/moves", PROGRAMME_TEAM, setsApi::move, "Move someone to another set"),
                post("/api/v1/cohorts/{id}/sets/locks", PROGRAMME_TEAM, setsApi::lock, "Lock or unlock someone in their set"),
                post("/api/v1/cohorts/{id}/sets/publish", PROGRAMME_TEAM, setsApi::publish, "Publish the sets to their members"),
                put("/api/v1/cohorts/{id}/experience", PROGRAMME_TEAM, setsApi::experience, "Years of experience and bands"),
                get("/api/v1/sets/{id}", SIGNED_IN, setsApi::set, "An action learning set (its members, or the team)"),
                post("/api/v1/sets/{id}/meetings", SIGNED_IN, setsApi::createMeeting, "Record a set meeting (members)"),
                get("/api/v1/set-meetings/{id}", SIGNED_IN, setsApi::meeting, "A set meeting's record (members)"),
                put("/api/v1/set-meetings/{id}", SIGNED_IN, setsApi::updateMeeting, "Change a set meeting's record (members)"),
                get("/api/v1/actions", SIGNED_IN, setsApi::myActions, "Your actions not yet done"),
                get("/api/v1/sets/{id}/inquiries", SIGNED_IN, inquiriesApi::list, "A set's Appreciative Inquiry sessions"),
                post("/api/v1/sets/{id}/inquiries", SIGNED_IN, inquiriesApi::create, "Plan an Appreciative Inquiry session for a set"),
                get("/api/v1/inquiries/{id}", SIGNED_IN, inquiriesApi::get, "An Appreciative Inquiry session"),
                put("/api/v1/inquiries/{id}", SIGNED_IN, inquiriesApi::update, "Change an Appreciative Inquiry session"),
                get("/api/v1/communities", SIGNED_IN, communitiesApi::list, "Communities of practice (?mine=true: yours)"),
                post("/api/v1/communities", SIGNED_IN, communitiesApi::create, "Start a community (you convene it)"),
                get("/api/v1/communities/{id}", SIGNED_IN, communitiesApi::get, "A community as you see it"),
                put("/api/v1/communities/{id}", SIGNED_IN, communitiesApi::update, "Change a community (convenors)"),
                post("/api/v1/communities/{id}/membership", SIGNED_IN, communitiesApi::join, "Join a community (or ask to)"),
                delete("/api/v1/communities/{id}/membership", SIGNED_IN, communitiesApi::leave, "Leave a community (or withdraw a request)"),
                get("/api/v1/communities/{id}/members", SIGNED_IN, communitiesApi::members, "A community's members, with the directory's filters (and requests, for convenors)"),
                put("/api/v1/communities/{id}/members/{personId}", SIGNED_IN, communitiesApi::setMember, "Accept a request or set a role (convenors)"),
                delete("/api/v1/communities/{id}/members/{personId}", SIGNED_IN, communitiesApi::removeMember, "Decline a request or remove a member (convenors)"),
                get("/api/v1/communities/{id}/discussions", SIGNED_IN, communitiesApi::discussions, "A community's discussions"),
                post("/api/v1/communities/{id}/discussions", SIGNED_IN, communitiesApi::startDiscussion, "Start a discussion (members)"),
                get("/api/v1/discussions/{id}", SIGNED_IN, communitiesApi::discussion, "A discussion with its posts"),
                post("/api/v1/discussions/{id}/posts", SIGNED_IN, communitiesApi::reply, "Reply to a discussion (members)"),
                put("/api/v1/discussions/{id}/pin", SIGNED_IN, communitiesApi::pin, "Pin or unpin a discussion (convenors)"),
                put("/api/v1/discussions/{id}/follow", SIGNED_IN, communitiesApi::follow, "Follow a discussion (hear of its replies)"),
                delete("/api/v1/discussions/{id}/follow", SIGNED_IN, communitiesApi::follow, "Stop following a discussion"),
                get("/api/v1/notifications", SIGNED_IN, notificationsApi::list, "Your notifications, newest first (?before=ID, ?unread=true)"),
                post("/api/v1/notifications/read", SIGNED_IN, notificationsApi::markRead, "Mark notifications read (ids, or all)"),
                get("/api/v1/notifications/settings", SIGNED_IN, notificationsApi::settings, "Your digest, instant emails and community levels"),
                put("/api/v1/notifications/settings", SIGNED_IN, notificationsApi::saveSettings, "Change your notification settings"),
                put("/api/v1/communities/{id}/notifications", SIGNED_IN, notificationsApi::setLevel, "What you hear of one of your communities"),
                get("/api/v1/communities/{id}/resources", SIGNED_IN, resourcesApi::list, "A community's links and files"),
                post("/api/v1/communities/{id}/resources", SIGNED_IN, resourcesApi::add, "Add a link (JSON) or a file (multipart) (members)"),
                get("/api/v1/resources/{id}", SIGNED_IN, resourcesApi::get, "A resource"),
                get("/api/v1/resources/{id}/file", SIGNED_IN, resourcesApi::file, "Download a resource's file"),
                delete("/api/v1/resources/{id}", SIGNED_IN, resourcesApi::delete, "Delete a resource (who added it, convenors)"),
                put("/api/v1/resources/{id}/pin", SIGNED_IN, resourcesApi::pin, "Pin or unpin a resource (convenors)"),
                get("/api/v1/events", SIGNED_IN, eventsApi::list, "Events coming up that you can see"),
                post("/api/v1/events", SIGNED_IN, eventsApi::createSystemWide, "Create a system-wide event (programme team)"),
                post("/api/v1/communities/{id}/events", SIGNED_IN, eventsApi::createInCommunity, "Create a community's event (members)"),
                get("/api/v1/events/{id}", SIGNED_IN, eventsApi::get, "An event as you see it"),
                post("/api/v1/events/{id}/registration", SIGNED_IN, eventsApi::register, "Register (or join the waitlist)"),
                delete("/api/v1/events/{id}/registration", SIGNED_IN, eventsApi::cancel, "Cancel your registration (the waitlist moves up)"),
                post("/api/v1/events/{id}/cohosts", SIGNED_IN, eventsApi::addCohost, "Add a co-host (host, convenors): co-organisers become ties"),
                post("/api/v1/events/{id}/invitations", SIGNED_IN, eventsApi::invite, "Invite a whole community or cohort at once"),
                get("/api/v1/events/{id}/registrations", SIGNED_IN, eventsApi::registrations, "An event's registrations (host, convenors)"),
                put("/api/v1/events/{id}/registrations/{personId}/check-in", SIGNED_IN, eventsApi::checkIn, "Check someone in (host, convenors)"),
                put("/api/v1/events/{id}/reminder", SIGNED_IN, eventsApi::reminder, "How long before the event people are reminded (host, convenors)"),
                get("/api/v1/events/{id}/survey", SIGNED_IN, eventsApi::followUp, "The event's follow-up survey with its questions (host, convenors)"),
                post("/api/v1/events/{id}/survey", SIGNED_IN, eventsApi::addFollowUp, "Add the event's follow-up survey from the template (host, convenors)"),
                get("/api/v1/my/calendar", SIGNED_IN, eventsApi::myCalendar, "Your personal calendar feed's private address"),
                post("/api/v1/my/calendar/reset", SIGNED_IN, eventsApi::resetCalendar, "A new calendar feed address (the old one stops working)"),
                get("/api/v1/search", SIGNED_IN, search::api, "One search across everything you may see (?q=)"),
                get("/api/v1/ideas", SIGNED_IN, ideasApi::board, "An ideas board, the most voted first (?community=ID)"),
                post("/api/v1/ideas", SIGNED_IN, ideasApi::proposeSystemWide, "Propose an idea for the whole system"),
                post("/api/v1/communities/{id}/ideas", SIGNED_IN, ideasApi::proposeInCommunity, "Propose an idea to a community (members)"),
                get("/api/v1/ideas/{id}", SIGNED_IN, ideasApi::get, "An idea with its votes and comments"),
                put("/api/v1/ideas/{id}/vote", SIGNED_IN, ideasApi::vote, "Vote for an idea, or take the vote back"),
                post("/api/v1/ideas/{id}/comments", SIGNED_IN, ideasApi::comment, "Comment on an idea"),
                post("/api/v1/ideas/{id}/coauthors", SIGNED_IN, ideasApi::addCoauthor, "Add a co-author (authors, convenors): co-authors become ties"),
                put("/api/v1/ideas/{id}/project", SIGNED_IN, ideasApi::becameProject, "Record the project an idea became (convenors)"),
                put("/api/v1/ideas/{id}/event", SIGNED_IN, ideasApi::becameEvent, "Record the event an idea became (convenors)"),
                get("/api/v1/priority-areas", SIGNED_IN, leadershipApi::list, "Priority areas (the team's, or those you sponsor)"),
                post("/api/v1/priority-areas", PROGRAMME_TEAM, leadershipApi::create, "Add a priority area"),
                get("/api/v1/priority-areas/{id}", SIGNED_IN, leadershipApi::get, "A priority area with candidates, ties and clusters"),
                put("/api/v1/priority-areas/{id}", PROGRAMME_TEAM, leadershipApi::update, "Change a priority area"),
                post("/api/v1/priority-areas/{id}/candidates", PROGRAMME_TEAM, leadershipApi::addCandidate, "Add a candidate leader"),
                put("/api/v1/priority-areas/{id}/candidates/{personId}", PROGRAMME_TEAM, leadershipApi::updateCandidate, "Change a candidate"),
                delete("/api/v1/priority-areas/{id}/candidates/{personId}", PROGRAMME_TEAM, leadershipApi::removeCandidate, "Remove a candidate"),
                post("/api/v1/priority-areas/{id}/candidates/{personId}/endorsements", PROGRAMME_TEAM, leadershipApi::endorse, "Record a peer's endorsement"),
                get("/api/v1/priority-areas/{id}/suggestions", PROGRAMME_TEAM, leadershipApi::suggestions, "Suggested clusters of 2-3, ranked and explained"),
                post("/api/v1/priority-areas/{id}/clusters", PROGRAMME_TEAM, leadershipApi::form, "Form a cluster of candidates"),
                get("/api/v1/clusters", SIGNED_IN, leadershipApi::clusters, "Clusters (all for the team; those you sponsor, mentor or are in)"),
                get("/api/v1/clusters/{id}", SIGNED_IN, leadershipApi::cluster, "A leader cluster"),
                put("/api/v1/clusters/{id}", PROGRAMME_TEAM, leadershipApi::updateCluster, "Change a cluster's status, sponsor and mentoring"),
                get("/api/v1/coaching", SIGNED_IN, coachingApi::list, "Your GROW coaching conversations"),
                post("/api/v1/coaching", SIGNED_IN, coachingApi::create, "Record a coaching conversation (you are the coach)"),
                get("/api/v1/coaching/{id}", SIGNED_IN, coachingApi::get, "A coaching conversation (its coach and coachee only)"),
                put("/api/v1/coaching/{id}", SIGNED_IN, coachingApi::update, "Change a coaching conversation (its coach and coachee only)"),
                post("/api/v1/actions/{id}/done", SIGNED_IN, setsApi::actionDone, "Mark one of your actions done or not done"),
                get("/api/v1/cohorts/{id}/surveys", PROGRAMME_TEAM, surveysApi::list, "A cohort's surveys"),
                post("/api/v1/cohorts/{id}/surveys", PROGRAMME_LEAD, surveysApi::create, "Add a baseline, end or custom survey"),
                get("/api/v1/surveys/{id}", SIGNED_IN, surveysApi::get, "A survey with its questions (team; an event's: its hosts)"),
                post("/api/v1/surveys/{id}/questions", SIGNED_IN, surveysApi::addQuestion, "Add a question (leads; an event's: its hosts)"),
                put("/api/v1/questions/{id}", SIGNED_IN, surveysApi::updateQuestion, "Change a question (leads; an event's: its hosts)"),
                delete("/api/v1/questions/{id}", SIGNED_IN, surveysApi::deleteQuestion, "Delete a question (leads; an event's: its hosts)"),
                post("/api/v1/surveys/{id}/schedule", SIGNED_IN, surveysApi::schedule, "Schedule a survey (leads; an event's: its hosts)"),
                post("/api/v1/surveys/{id}/open", SIGNED_IN, surveysApi::open, "Open a survey now and email the invitations (leads; an event's: its hosts)"),
                post("/api/v1/surveys/{id}/close", SIGNED_IN, surveysApi::close, "Close a survey now (leads; an event's: its hosts)"),
                get("/api/v1/surveys/{id}/results", SIGNED_IN, surveysApi::results, "A survey's results, withheld below five anonymous responses (team; an event's: its hosts)"),
                get("/api/v1/my/surveys", SIGNED_IN, surveysApi::mine, "Surveys I am invited to"),
                get("/api/v1/my/surveys/{surveyId}", SIGNED_IN, surveysApi::myOne, "A survey I am invited to, with my saved answers"),
                put("/api/v1/my/surveys/{surveyId}", SIGNED_IN, surveysApi::answer, "Save or submit my answers"),

                // Matching schemes API
                get("/api/v1/schemes", SIGNED_IN, schemesApi::list, "Matching schemes (closed ones for the team only)"),
                post("/api/v1/schemes", PROGRAMME_LEAD, schemesApi::create, "Create a matching scheme"),
                get("/api/v1/schemes/{id}", SIGNED_IN, schemesApi::get, "A scheme"),
                put("/api/v1/schemes/{id}", PROGRAMME_LEAD, schemesApi::update, "Change a scheme (pause, close, reschedule)"),
                get("/api/v1/schemes/{id}/members", PROGRAMME_TEAM, schemesApi::members, "A scheme's members"),
                get("/api/v1/schemes/{id}/dashboard", PROGRAMME_TEAM, schemesApi::dashboard, "Participation and outcomes per round, who keeps being left out, feedback"),
                get("/api/v1/schemes/{id}/membership", SIGNED_IN, schemesApi::membership, "Your membership of a scheme"),
                put("/api/v1/schemes/{id}/membership", SIGNED_IN, schemesApi::join, "Opt in (or change how you take part and your matching details)"),
                delete("/api/v1/schemes/{id}/membership", SIGNED_IN, schemesApi::leave, "Leave a scheme"),
                put("/api/v1/schemes/{id}/membership/status", SIGNED_IN, schemesApi::status, "Pause, resume or leave"),
                put("/api/v1/schemes/{id}/membership/skip", SIGNED_IN, schemesApi::skip, "Skip the next round (or take part after all)"),
                get("/api/v1/schemes/{id}/rounds", PROGRAMME_TEAM, schemesApi::rounds, "A scheme's rounds with their figures"),
                post("/api/v1/schemes/{id}/rounds", PROGRAMME_LEAD, schemesApi::runRound, "Run the next round now"),
                get("/api/v1/rounds/{id}", PROGRAMME_TEAM, schemesApi::round, "A round's groups and who was left out"),
                get("/api/v1/matches", SIGNED_IN, schemesApi::matches, "Your matches"),
                get("/api/v1/matches/{id}", SIGNED_IN, schemesApi::match, "A match (its members, or the team)"),
                put("/api/v1/matches/{id}/outcome", SIGNED_IN, schemesApi::outcome, "Say whether you met, with a rating (1-5) and comment"),
                get("/api/v1/blocks", SIGNED_IN, schemesApi::blocks, "People you blocked from matching"),
                post("/api/v1/blocks", SIGNED_IN, schemesApi::block, "Block someone from being matched with you"),
                delete("/api/v1/blocks/{personId}", SIGNED_IN, schemesApi::unblock, "Remove a block"),

                // Projects API (the same rules as the pages)
                get("/api/v1/network/metrics", PROGRAMME_TEAM, networkApi::metrics, "Network figures for a slice (?slice=, from, to, source) (team)"),
                get("/api/v1/network/graph", PROGRAMME_TEAM, networkMap::graphJson, "A slice's people and ties for a map (?slice=, to, source) (team)"),
                get("/api/v1/impact", PROGRAMME_TEAM, impactApi::figures, "Impact figures of a place or the system over a period (team)"),
                get("/api/v1/impact/{figure}", PROGRAMME_TEAM, impactApi::list, "The rows behind one impact figure, 50 a page (team)"),
                get("/api/v1/projects", SIGNED_IN, projectsApi::list, "Projects, with filters and pages"),
                get("/api/v1/projects.csv", SIGNED_IN, projectsApi::csv, "The projects the filters find, as CSV"),
                post("/api/v1/projects", SIGNED_IN, projectsApi::create, "Start a project"),
                get("/api/v1/projects/{id}", SIGNED_IN, projectsApi::get, "A project with its team, measures, data, run-chart analysis, cycles and score"),
                put("/api/v1/projects/{id}", SIGNED_IN, projectsApi::update, "Change a project (its team or programme leads)"),
                get("/api/v1/projects/{id}/team", SIGNED_IN, projectsApi::team, "A project's team"),
                put("/api/v1/projects/{id}/team/{personId}", SIGNED_IN, projectsApi::putMember, "Add someone to the team, or change their role"),
                delete("/api/v1/projects/{id}/team/{personId}", SIGNED_IN, projectsApi::removeMember, "Take someone off the team"),
                put("/api/v1/projects/{id}/presentation", SIGNED_IN, projectsApi::putPresentation, "Link the final presentation"),
                delete("/api/v1/projects/{id}/presentation", SIGNED_IN, projectsApi::removePresentation, "Remove the final presentation"),
                post("/api/v1/projects/{id}/measures", SIGNED_IN, projectsApi::createMeasure, "Add a measure"),
                get("/api/v1/measures/{id}", SIGNED_IN, projectsApi::measure, "A measure with its data and run-chart analysis"),
                put("/api/v1/measures/{id}", SIGNED_IN, projectsApi::updateMeasure, "Change a measure"),
                delete("/api/v1/measures/{id}", SIGNED_IN, projectsApi::deleteMeasure, "Remove a measure and its data"),
                post("/api/v1/measures/{id}/points", SIGNED_IN, projectsApi::addPoint, "Add one value"),
                post("/api/v1/measures/{id}/points.csv", SIGNED_IN, projectsApi::importPoints, "Add values from a CSV body (all or nothing)"),
                delete("/api/v1/points/{id}", SIGNED_IN, projectsApi::deletePoint, "Remove a value"),
                get("/api/v1/projects/{id}/cycles", SIGNED_IN, projectsApi::cycles, "A project's PDSA cycles"),
                post("/api/v1/projects/{id}/cycles", SIGNED_IN, projectsApi::createCycle, "Add a PDSA cycle"),
                put("/api/v1/cycles/{id}", SIGNED_IN, projectsApi::updateCycle, "Change a PDSA cycle"),
                get("/api/v1/projects/{id}/scores", SIGNED_IN, projectsApi::scores, "The suggested progress score and the confirmed ones"),
                post("/api/v1/projects/{id}/scores", SIGNED_IN, projectsApi::confirmScore, "Confirm the progress score (the people running the project)"));
    }

    public List<Route> table() {
        return table;
    }

    public void install(RoutesConfig routes) {
        for (Route r : table) {
            routes.addHttpHandler(r.method(), r.path(), r.handler(), r.access());
        }
    }
}
