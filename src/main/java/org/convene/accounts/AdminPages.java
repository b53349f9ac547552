package org.convene.accounts;

import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convene.audit.Actor;
import org.convene.audit.AuditAction;
import org.convene.audit.AuditLog;
import org.convene.directory.Reference;
import org.convene.errors.ConflictException;
import org.convene.errors.ValidationException;
import org.convene.organisations.Organisations;
import org.convene.people.PersonInput;
import org.convene.web.Form;
import org.convene.web.Params;
import org.convene.web.Templates;
import org.convene.web.Text;
import org.convene.web.WebContext;

/** Administrators: accounts and their roles, invitations, and who may register. */
public final class AdminPages {
    private static final int PAGE_SIZE = 50;
    private final Templates templates;
    private final Accounts accounts;
    private final Registration registration;
    private final Sessions sessions;
    private final Reference reference;
    private final Organisations organisations;
    private final AuditLog audit;

    public AdminPages(Templates templates, Accounts accounts, Registration registration, Sessions sessions,
                      Reference reference, Organisations organisations, AuditLog audit) {
        this.templates = templates;
        this.accounts = accounts;
        this.registration = registration;
        this.sessions = sessions;
        this.reference = reference;
        this.organisations = organisations;
        this.audit = audit;
    }

    public void accounts(Context ctx) {
        int page = Params.queryInt(ctx, "page", 1, 1, 100_000);
        Map<String, Object> model = new HashMap<>();
        List<Account> shown = accounts.list(PAGE_SIZE, (page - 1) * PAGE_SIZE);
        model.put("accounts", shown);
        model.put("singleSignOn", accounts.singleSignOnEmails(shown.stream().map(Account::id).toList()));
        model.put("total", accounts.count());
        model.put("pageNumber", page);
        model.put("pageSize", PAGE_SIZE);
        model.put("registration", registration.mode());
        templates.page(ctx, "admin/accounts.jte", model);
    }

    public void inviteForm(Context ctx) {
        showInvite(ctx, Form.of(Map.of("roles", Role.PARTICIPANT.code())));
    }

    public void invite(Context ctx) {
        try {
            String email = Text.singleLine(ctx.formParam("email"));
            Map<String, String> problems = new HashMap<>();
            if (!Text.isEmail(email)) {
                problems.put("email", "Enter an email address like name@example.org");
            }
            Set<Role> roles = roles(ctx.formParams("roles"), problems);
            PersonInput person;
            try {
                person = new PersonInput(ctx.formParam("fullName"), email, "", "", Params.formLong(ctx, "organisationId"),
                        ctx.formParam("sector"), "", List.of(), "", "", "", "email", "nobody", "nobody")
                        .validated(reference, organisations, List.of());
            } catch (ValidationException e) {
                problems.putAll(e.fieldErrors());
                throw ValidationException.of(problems);
            }
            if (!problems.isEmpty()) {
                throw ValidationException.of(problems);
            }
            long accountId = registration.invite(person, email, roles, WebContext.viewer(ctx).email());
            audit.record(Actor.of(ctx), AuditAction.INVITATION, "account:" + accountId, "Invited with roles " + labels(roles));
            WebContext.flash(ctx, "Invitation sent to " + email);
            ctx.redirect("/admin/accounts");
        } catch (ValidationException e) {
            ctx.status(422);
            showInvite(ctx, Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            showInvite(ctx, Form.conflict(ctx, "email", e));
        }
    }

    private void showInvite(Context ctx, Form form) {
        templates.page(ctx, "admin/invite.jte", Map.of("form", form, "roles", List.of(Role.values()),
                "sectors", AccountPages.sectorOptions(reference),
                "organisations", organisations.choices().stream()
                        .map(o -> new org.convene.web.Option(String.valueOf(o.id()), o.name())).toList()));
    }

    /** Changes an account's roles and status; an administrator cannot lock themselves out. */
    public void updateAccount(Context ctx) {
        long id = Params.pathId(ctx, "id");
        Account account = accounts.get(id);
        Map<String, String> problems = new HashMap<>();
        Set<Role> roles = roles(ctx.formParams("roles"), problems);
        String status = ctx.formParam("status");
        if (!"active".equals(status) && !"disabled".equals(status) && !"invited".equals(status)) {
            problems.put("status", "Choose active or disabled");
        }
        if (id == WebContext.viewer(ctx).accountId() && (!roles.contains(Role.ADMIN) || !"active".equals(status))) {
            problems.put("roles", "You cannot remove your own administrator role or disable your own account");
        }
        if (!problems.isEmpty()) {
            throw ValidationException.of(problems);
        }
        if (!roles.equals(account.roles())) {
            accounts.setRoles(id, roles);
            audit.record(Actor.of(ctx), AuditAction.ROLES, "account:" + id,
                    "Roles changed from " + labels(account.roles()) + " to " + labels(roles));
        }
        if (!status.equals(account.status())) {
            accounts.setStatus(id, status);
            audit.record(Actor.of(ctx), AuditAction.ACCOUNT_STATUS, "account:" + id,
                    "Status changed from " + account.status() + " to " + status);
        }
        if ("disabled".equals(status)) {
            sessions.endAll(id);
        }
        WebContext.flash(ctx, "Saved " + account.email());
        ctx.redirect("/admin/accounts");
    }

    public void removeSingleSignOnLink(Context ctx) {
        Account account = accounts.get(Params.pathId(ctx, "id"));
        List<String> removed = accounts.removeSingleSignOnLinks(Actor.of(ctx), account.id());
        WebContext.flash(ctx, removed.isEmpty() ? account.email() + " had no single sign-on link"
                : "Removed the single sign-on link of " + account.email() + ": their next sign-in with the provider links it again");
        ctx.redirect("/admin/accounts");
    }

    public void settings(Context ctx) {
        templates.page(ctx, "admin/settings.jte", Map.of("registration", registration.mode()));
    }

    public void saveSettings(Context ctx) {
        String before = registration.mode();
        registration.setMode(ctx.formParam("registration"));
        if (!before.equals(registration.mode())) {
            audit.record(Actor.of(ctx), AuditAction.SETTINGS, null,
                    "Who can create an account changed from " + before + " to " + registration.mode());
        }
        WebContext.flash(ctx, "Settings saved");
        ctx.redirect("/admin/settings");
    }

    private static String labels(Set<Role> roles) {
        return String.join(", ", roles.stream().sorted().map(Role::label).toList());
    }

    private static Set<Role> roles(List<String> codes, Map<String, String> problems) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : codes) {
            Role.fromCode(code).ifPresentOrElse(roles::add, () -> problems.put("roles", "Unknown role '" + Text.clip(code, 30) + "'"));
        }
        if (roles.isEmpty()) {
            problems.putIfAbsent("roles", "Choose at least one role");
        }
        return roles;
    }
}
