package org.convene.accounts;

import java.util.Optional;
import java.util.Set;
import org.convene.errors.ValidationException;
import org.convene.mail.Outbox;
import org.convene.people.People;
import org.convene.people.PersonInput;
import org.jdbi.v3.core.Jdbi;

/**
 * How accounts come to exist: self-registration (when the administrator allows it), invitations
 * sent by email, and password resets. Every change and the email it causes commit together.
 */
public final class Registration {
    public static final String OPEN = "open";
    public static final String INVITE_ONLY = "invite_only";
    private final Jdbi jdbi;
    private final Accounts accounts;
    private final String baseUrl;

    public Registration(Jdbi jdbi, Accounts accounts, String baseUrl) {
        this.jdbi = jdbi;
        this.accounts = accounts;
        this.baseUrl = baseUrl;
    }

    public String mode() {
        return jdbi.withHandle(h -> h.createQuery("SELECT value FROM settings WHERE name = 'registration'")
                .mapTo(String.class).findOne().orElse(INVITE_ONLY));
    }

    public void setMode(String mode) {
        if (!OPEN.equals(mode) && !INVITE_ONLY.equals(mode)) {
            throw new ValidationException("Choose who can create an account", java.util.Map.of("registration", "Choose an option"));
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO settings (name, value) VALUES ('registration', :v) "
                + "ON CONFLICT (name) DO UPDATE SET value = excluded.value").bind("v", mode).execute());
    }

    /** Self-registration: a directory entry and a participant account, created together. */
    public Account register(PersonInput validPerson, String email, String password) {
        return accounts.get(jdbi.inTransaction(h -> {
            long personId = People.insert(h, validPerson);
            return Accounts.create(h, email, Passwords.hash(password), Set.of(Role.PARTICIPANT), personId, "active");
        }));
    }

    /** Creates an invited account (and its directory entry, unlisted) and emails a link to set a password. */
    public long invite(PersonInput validPerson, String email, Set<Role> roles, String invitedBy) {
        return jdbi.inTransaction(h -> {
            Optional<Long> existingPerson = h.createQuery("SELECT id FROM people WHERE lower(email) = lower(:email)")
                    .bind("email", email).mapTo(Long.class).findOne();
            long personId = existingPerson.orElseGet(() -> People.insert(h, validPerson));
            long accountId = Accounts.create(h, email, null, roles, personId, "invited");
            String token = AccountLinks.issue(h, accountId, AccountLinks.Purpose.INVITE);
            Outbox.enqueue(h, email, "You are invited to Convene",
                    "Hello " + validPerson.fullName() + ",\n\n" + invitedBy + " has invited you to Convene, where people "
                            + "across health and care find each other and work together.\n\nChoose a password to start "
                            + "(this link works once, for 7 days):\n" + baseUrl + "/invite/" + token + "\n");
            return accountId;
        });
    }

    public Optional<Account> invitation(String token) {
        return jdbi.withHandle(h -> AccountLinks.peek(h, token, AccountLinks.Purpose.INVITE))
                .flatMap(accounts::byId);
    }

    /** Accepts an invitation by choosing a password; the link then stops working. */
    public Account acceptInvitation(String token, String password) {
        return setPasswordWithLink(token, AccountLinks.Purpose.INVITE, password, "This invitation link has expired or was already used");
    }

    /** Emails a reset link if the account exists; says nothing either way, so no one can probe for emails. */
    public void requestReset(String email) {
        accounts.byEmail(email).filter(a -> !"disabled".equals(a.status())).ifPresent(account -> jdbi.useTransaction(h -> {
            String token = AccountLinks.issue(h, account.id(), AccountLinks.Purpose.RESET);
            Outbox.enqueue(h, account.email(), "Reset your Convene password",
                    "Someone asked to reset the password for this account. If it was you, choose a new password here "
                            + "(this link works once, for 1 hour):\n" + baseUrl + "/reset/" + token
                            + "\n\nIf it was not you, ignore this email; your password has not changed.\n");
        }));
    }

    public boolean resetLinkValid(String token) {
        return resetAccount(token).isPresent();
    }

    /** The account a live reset link is for, without using the link up. */
    public Optional<Account> resetAccount(String token) {
        return jdbi.withHandle(h -> AccountLinks.peek(h, token, AccountLinks.Purpose.RESET)).flatMap(accounts::byId);
    }

    public Account resetPassword(String token, String password) {
        return setPasswordWithLink(token, AccountLinks.Purpose.RESET, password, "This reset link has expired or was already used");
    }

    /** Uses up the link and sets the password in one transaction, so a link works at most once. */
    private Account setPasswordWithLink(String token, AccountLinks.Purpose purpose, String password, String expired) {
        long id = jdbi.inTransaction(h -> {
            long accountId = AccountLinks.redeem(h, token, purpose).orElseThrow(() -> new ValidationException(expired));
            accounts.setPassword(h, accountId, Passwords.hash(password));
            return accountId;
        });
        return accounts.get(id);
    }
}
