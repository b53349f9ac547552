package org.convene.accounts;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.audit.Actor;
import org.convene.directory.Reference;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.people.PersonInput;
import org.convene.organisations.Organisations;
import org.convene.web.Form;
import org.convene.web.Option;
import org.convene.web.Params;
import org.convene.web.Security;
import org.convene.web.Templates;
import org.convene.web.Text;
import org.convene.web.WebContext;

/** Sign in and out, self-registration, invitations, password resets, and the account page with API tokens. */
public final class AccountPages {
    private final Templates templates;
    private final SignIn signIn;
    private final Sessions sessions;
    private final Registration registration;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final Reference reference;
    private final Organisations organisations;
    private final Optional<String> ssoName;
    private final RateLimits limits;

    /** {@code ssoName}: the single sign-on provider offered on the sign-in page ("NHS mail"), if one is configured. */
    public AccountPages(Templates templates, SignIn signIn, Sessions sessions, Registration registration,
                        Accounts accounts, ApiTokens tokens, Reference reference, Organisations organisations,
                        Optional<String> ssoName, RateLimits limits) {
        this.templates = templates;
        this.signIn = signIn;
        this.sessions = sessions;
        this.registration = registration;
        this.accounts = accounts;
        this.tokens = tokens;
        this.reference = reference;
        this.organisations = organisations;
        this.ssoName = ssoName;
        this.limits = limits;
    }

    public void loginForm(Context ctx) {
        if (WebContext.viewer(ctx).signedIn()) {
            ctx.redirect(safeNext(ctx.queryParam("next")));
            return;
        }
        showLogin(ctx, Form.of(Map.of("next", safeNext(ctx.queryParam("next")))));
    }

    public void login(Context ctx) {
        try {
            Account account = signIn.check(ctx.formParam("email"), ctx.formParam("password"), WebContext.clientIp(ctx));
            Security.startSession(ctx, sessions, account);
            ctx.redirect(safeNext(ctx.formParam("next")));
        } catch (ValidationException e) {
            ctx.status(401);
            showLogin(ctx, Form.submitted(ctx, e));
        }
    }

    private void showLogin(Context ctx, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("registrationOpen", Registration.OPEN.equals(registration.mode()));
        ssoName.ifPresent(name -> {
            String next = safeNext(form.value("next"));
            model.put("ssoName", name);
            model.put("ssoHref", next.equals("/") ? "/login/sso"
                    : "/login/sso?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        });
        templates.page(ctx, "accounts/login.jte", model);
    }

    public void logout(Context ctx) {
        Security.endSession(ctx, sessions);
        WebContext.flash(ctx, "You have signed out");
        ctx.redirect("/login");
    }

    public void registerForm(Context ctx) {
        requireOpenRegistration();
        showRegister(ctx, Form.of(Map.of("contactPreference", "email", "visibility", "nobody", "emailVisibility", "nobody")));
    }

    public void register(Context ctx) {
        requireOpenRegistration();
        try {
            String email = Text.singleLine(ctx.formParam("email"));
            String password = ctx.formParam("password");
            Map<String, String> problems = new HashMap<>();
            if (!Text.isEmail(email)) {
                problems.put("email", "Enter an email address like name@example.org");
            }
            Passwords.problem(password, email, ctx.formParam("fullName")).ifPresent(p -> problems.put("password", p));
            PersonInput person;
            try {
                person = personFrom(ctx, email).validated(reference, organisations, reference.topics());
            } catch (ValidationException e) {
                problems.putAll(e.fieldErrors());
                throw ValidationException.of(problems);
            }
            if (!problems.isEmpty()) {
                throw ValidationException.of(problems);
            }
            limits.hit(RateLimits.REGISTRATIONS_PER_ADDRESS, WebContext.clientIp(ctx));
            Account account = registration.register(person, email, password);
            Security.startSession(ctx, sessions, account);
            WebContext.flash(ctx, "nobody".equals(person.visibility())
                    ? "Welcome to Convene. Your profile is not listed in the directory until you choose to list it."
                    : "Welcome to Convene. Your profile is in the directory; you can change who sees it at any time.");
            ctx.redirect("/people/" + account.personId());
        } catch (ValidationException e) {
            ctx.status(422);
            showRegister(ctx, Form.submitted(ctx, e));
        } catch (org.convene.errors.ConflictException e) {
            ctx.status(409);
            showRegister(ctx, Form.conflict(ctx, "email", e));
        }
    }

    private PersonInput personFrom(Context ctx, String email) {
        return new PersonInput(ctx.formParam("fullName"), email, ctx.formParam("jobTitle"), ctx.formParam("profession"),
                Params.formLong(ctx, "organisationId"), ctx.formParam("sector"), ctx.formParam("place"),
                List.of(), "", "", "", "email", ctx.formParam("visibility"), ctx.formParam("emailVisibility"));
    }

    private void showRegister(Context ctx, Form form) {
        templates.page(ctx, "accounts/register.jte", Map.of("form", form, "sectors", sectorOptions(reference),
                "organisations", organisations.choices().stream().map(o -> new Option(String.valueOf(o.id()), o.name())).toList()));
    }

    private void requireOpenRegistration() {
        if (!Registration.OPEN.equals(registration.mode())) {
            throw new NotFoundException("Accounts on this Convene are by invitation. Ask your programme team for an invitation.");
        }
    }

    public void forgotForm(Context ctx) {
        templates.page(ctx, "accounts/forgot.jte", Map.of("form", Form.empty(), "sent", false));
    }

    public void forgot(Context ctx) {
        String email = Text.singleLine(ctx.formParam("email"));
        if (!Text.isEmail(email)) {
            ctx.status(422);
            templates.page(ctx, "accounts/forgot.jte", Map.of("sent", false, "form",
                    Form.submitted(ctx, new ValidationException("Enter your email address", Map.of("email", "Enter an email address like name@example.org")))));
            return;
        }
        // Counted whether or not the address has an account, so the limit tells nobody which do.
        limits.hit(RateLimits.RESETS_PER_ADDRESS, WebContext.clientIp(ctx));
        limits.hit(RateLimits.RESETS_PER_EMAIL, email);
        registration.requestReset(email);
        templates.page(ctx, "accounts/forgot.jte", Map.of("form", Form.of(Map.of("email", email)), "sent", true));
    }

    public void resetForm(Context ctx) {
        if (!registration.resetLinkValid(ctx.pathParam("token"))) {
            throw new NotFoundException("This reset link has expired or was already used. Ask for a new one.");
        }
        templates.page(ctx, "accounts/password.jte", Map.of("form", Form.empty(), "heading", "Choose a new password",
                "action", "/reset/" + ctx.pathParam("token")));
    }

    public void reset(Context ctx) {
        String token = ctx.pathParam("token");
        // The link may have expired; then the account is unknown and resetPassword says so.
        Account account = registration.resetAccount(token).orElse(null);
        choosePassword(ctx, "Choose a new password", "/reset/" + token, account,
                password -> registration.resetPassword(token, password), "Your password has been changed");
    }

    public void inviteForm(Context ctx) {
        Account invited = registration.invitation(ctx.pathParam("token"))
                .orElseThrow(() -> new NotFoundException("This invitation has expired or was already used. Ask for a new one."));
        templates.page(ctx, "accounts/password.jte", Map.of("form", Form.of(Map.of("email", invited.email())),
                "heading", "Welcome to Convene: choose a password", "action", "/invite/" + ctx.pathParam("token")));
    }

    public void acceptInvite(Context ctx) {
        String token = ctx.pathParam("token");
        Account invited = registration.invitation(token)
                .orElseThrow(() -> new NotFoundException("This invitation has expired or was already used. Ask for a new one."));
        choosePassword(ctx, "Welcome to Convene: choose a password", "/invite/" + token, invited,
                password -> registration.acceptInvitation(token, password), "Welcome to Convene");
    }

    private void choosePassword(Context ctx, String heading, String action, Account forAccount,
                                java.util.function.Function<String, Account> apply, String done) {
        String password = ctx.formParam("password");
        try {
            String email = forAccount == null ? null : forAccount.email();
            String name = forAccount == null ? null : accounts.nameOf(forAccount);
            Passwords.problem(password, email, name).ifPresent(p -> {
                throw new ValidationException(p, Map.of("password", p));
            });
            if (!password.equals(ctx.formParam("confirm"))) {
                throw new ValidationException("The passwords do not match", Map.of("confirm", "The passwords do not match"));
            }
            Account account = apply.apply(password);
            sessions.endAll(account.id());
            Security.startSession(ctx, sessions, account);
            WebContext.flash(ctx, done);
            ctx.redirect(account.personId() != null ? "/people/" + account.personId() : "/");
        } catch (ValidationException e) {
            ctx.status(422);
            templates.page(ctx, "accounts/password.jte", Map.of("form", Form.submitted(ctx, e), "heading", heading, "action", action));
        }
    }

    public void account(Context ctx) {
        showAccount(ctx, Form.empty(), null);
    }

    private void showAccount(Context ctx, Form form, String newToken) {
        Viewer viewer = WebContext.viewer(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("account", accounts.get(viewer.accountId()));
        model.put("tokens", tokens.list(viewer.accountId()));
        model.put("form", form);
        model.put("newToken", newToken);
        templates.page(ctx, "accounts/account.jte", model);
    }

    public void changePassword(Context ctx) {
        Viewer viewer = WebContext.viewer(ctx);
        Account account = accounts.get(viewer.accountId());
        try {
            if (!Passwords.matches(String.valueOf(ctx.formParam("current")), account.passwordHash())) {
                throw new ValidationException("Your current password is not right", Map.of("current", "Your current password is not right"));
            }
            String password = ctx.formParam("password");
            Passwords.problem(password, account.email(), accounts.nameOf(account)).ifPresent(p -> {
                throw new ValidationException(p, Map.of("password", p));
            });
            accounts.setPassword(account.id(), Passwords.hash(password));
            sessions.endAll(account.id());
            Security.startSession(ctx, sessions, account);
            WebContext.flash(ctx, "Your password has been changed and your other sessions signed out");
            ctx.redirect("/account");
        } catch (ValidationException e) {
            ctx.status(422);
            showAccount(ctx, Form.submitted(ctx, e), null);
        }
    }

    public void createToken(Context ctx) {
        Viewer viewer = WebContext.viewer(ctx);
        String name = Text.singleLine(ctx.formParam("tokenName"));
        try {
            if (name.isEmpty() || name.length() > 100) {
                throw new ValidationException("Name the token so you recognise it later",
                        Map.of("tokenName", "Enter a name of up to 100 characters, such as 'reporting script'"));
            }
            Integer days = switch (String.valueOf(ctx.formParam("expiresIn"))) {
                case "30" -> 30;
                case "90" -> 90;
                case "365" -> 365;
                case "never" -> null;
                default -> throw new ValidationException("Choose when the token expires", Map.of("expiresIn", "Choose when the token expires"));
            };
            limits.hit(RateLimits.TOKENS_PER_ACCOUNT, String.valueOf(viewer.accountId()));
            ApiTokens.Created created = tokens.create(Actor.of(ctx), viewer.accountId(), name, days);
            ctx.status(201);
            showAccount(ctx, Form.empty(), created.token());
        } catch (ValidationException e) {
            ctx.status(422);
            showAccount(ctx, Form.submitted(ctx, e), null);
        }
    }

    public void revokeToken(Context ctx) {
        tokens.revoke(Actor.of(ctx), WebContext.viewer(ctx).accountId(), Params.pathId(ctx, "id"));
        WebContext.flash(ctx, "The token has been revoked");
        ctx.redirect("/account");
    }

    public static List<Option> sectorOptions(Reference reference) {
        return reference.sectors().stream().map(s -> new Option(s.code(), s.name())).toList();
    }

    /** Only local paths, so a crafted link cannot send someone elsewhere after signing in. */
    public static String safeNext(String next) {
        return WebContext.localPath(next, "/");
    }
}
