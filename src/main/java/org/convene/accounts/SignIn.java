package org.convene.accounts;

import java.util.Map;
import java.util.Optional;
import org.convene.errors.ValidationException;

/** Checks a password sign-in, with the throttle in front of it. */
public final class SignIn {
    private final Accounts accounts;
    private final LoginThrottle throttle;

    public SignIn(Accounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    public Account check(String email, String password, String ip) {
        String cleanEmail = email == null ? "" : email.trim();
        if (cleanEmail.isEmpty() || password == null || password.isEmpty()) {
            throw new ValidationException("Enter your email address and password",
                    cleanEmail.isEmpty() ? Map.of("email", "Enter your email address") : Map.of("password", "Enter your password"));
        }
        throttle.check(cleanEmail, ip);
        Optional<Account> account = accounts.byEmail(cleanEmail);
        boolean ok = Passwords.matches(password.length() > Passwords.MAX_LENGTH ? "" : password,
                account.map(Account::passwordHash).orElse(null));
        if (!ok || !account.get().active()) {
            throttle.recordFailure(cleanEmail, ip);
            throw new ValidationException("The email address or password is not right",
                    Map.of("email", "The email address or password is not right"));
        }
        throttle.clear(cleanEmail);
        accounts.recordLogin(account.get().id());
        return account.get();
    }
}
