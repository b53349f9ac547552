package org.convene.sso;

import java.util.Optional;
import java.util.Set;
import org.convene.accounts.Account;
import org.convene.accounts.Accounts;
import org.convene.accounts.Role;
import org.convene.app.Config;
import org.convene.errors.ConflictException;
import org.convene.errors.SignInRefusedException;
import org.convene.web.Text;

/**
 * Decides which Convene account a provider identity signs in to, or refuses.
 *
 * <ol>
 * <li>An identity linked before signs in to its account, whatever email address it now has.</li>
 * <li>Otherwise the email address must be verified (email_verified=true, or the provider trusted by
 *     configuration) and belong to an account, which is then linked to the identity; with account
 *     creation switched on, an unknown address gets a new participant account.</li>
 * <li>An account linked to another identity at the same provider is not taken over, even with the
 *     same address (the address may have been given to someone else).</li>
 * <li>Disabled accounts are refused; an invited account is activated, as accepting the invitation
 *     would have done, since the provider has confirmed the invited address.</li>
 * </ol>
 */
public final class SsoSignIn {
    private final Accounts accounts;
    private final Identities identities;
    private final Config.Sso settings;

    public SsoSignIn(Accounts accounts, Identities identities, Config.Sso settings) {
        this.accounts = accounts;
        this.identities = identities;
        this.settings = settings;
    }

    public Account signIn(ProviderIdentity identity) {
        Optional<Account> linked = identities.accountOf(identity.issuer(), identity.subject()).flatMap(accounts::byId);
        Account account = linked.isPresent() ? linked.get() : byVerifiedEmail(identity);
        if ("disabled".equals(account.status())) {
            throw new SignInRefusedException(403, "Your Convene account has been disabled. Contact your programme team if you think this is wrong.");
        }
        if (linked.isEmpty()) {
            identities.link(account.id(), identity.issuer(), identity.subject(), identity.email());
            if (identities.accountOf(identity.issuer(), identity.subject()).filter(id -> id == account.id()).isEmpty()) {
                throw linkedElsewhere();
            }
        }
        if ("invited".equals(account.status())) {
            accounts.setStatus(account.id(), "active");
        }
        identities.recordLogin(identity.issuer(), identity.subject(), validEmail(identity.email()) ? identity.email() : null);
        accounts.recordLogin(account.id());
        return accounts.get(account.id());
    }

    private Account byVerifiedEmail(ProviderIdentity identity) {
        String email = identity.email();
        if (!validEmail(email)) {
            throw new SignInRefusedException(403, "Convene did not receive your email address from " + settings.name()
                    + ", so it cannot tell which account is yours.");
        }
        if (!identity.emailVerified() && !settings.trustEmail()) {
            throw new SignInRefusedException(403, "Convene cannot use " + email + " to sign you in, because " + settings.name()
                    + " has not confirmed that it is your email address. Sign in with your email address and password instead.");
        }
        Optional<Account> account = accounts.byEmail(email);
        if (account.isEmpty() && settings.createAccounts()) {
            account = Optional.of(create(email));
        }
        Account found = account.orElseThrow(() -> new SignInRefusedException(403, "There is no Convene account for " + email
                + ". Ask your programme team to invite you with this email address."));
        if (identities.subjectOf(found.id(), identity.issuer()).isPresent()) {
            throw linkedElsewhere();
        }
        return found;
    }

    private Account create(String email) {
        try {
            return accounts.get(accounts.create(email, null, Set.of(Role.PARTICIPANT), null));
        } catch (ConflictException sameMomentSignIn) {
            return accounts.byEmail(email).orElseThrow(() -> sameMomentSignIn);
        }
    }

    private SignInRefusedException linkedElsewhere() {
        return new SignInRefusedException(403, "Your Convene account is already linked to a different sign-in with "
                + settings.name() + ". Ask your programme team to check which one is yours.");
    }

    private static boolean validEmail(String email) {
        return email != null && email.length() <= 254 && Text.isEmail(email);
    }
}
