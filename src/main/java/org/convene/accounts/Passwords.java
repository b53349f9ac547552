package org.convene.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Argon2id password hashing (OWASP's minimum: 19 MiB, 2 iterations, 1 lane) and the password
 * rule: long enough, not one of the passwords every guesser tries first.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, 19);
    /** Checked against so that a missing account costs as much time as a wrong password. */
    private static final String DUMMY_HASH = hash("not-a-real-password-0000");
    private static final Set<String> COMMON = Set.of(
            "password", "password1", "password12", "password123", "password1234", "passw0rd",
            "1234567890", "0123456789", "123456789a", "qwertyuiop", "qwerty1234", "qwerty123456",
            "iloveyou123", "letmein123", "welcome123", "welcome1234", "abc1234567", "abcdefghij",
            "administrator", "changeme123", "football123", "baseball123", "sunshine123", "princess123",
            "monkey1234", "dragon1234", "trustno1234", "superman123", "starwars123", "whatever123",
            "nhsnhsnhsnhs", "healthcare1", "hospital123", "convene123", "summer2024", "winter2024",
            "spring2025", "autumn2025", "summer2025", "winter2025", "summer2026", "winter2026",
            "1q2w3e4r5t", "zaq12wsxcde", "aaaaaaaaaa", "1111111111", "0000000000", "9876543210");

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public static boolean matches(String password, String hash) {
        if (hash == null) {
            Password.check(password, DUMMY_HASH).with(ARGON2);
            return false;
        }
        return Password.check(password, hash).with(ARGON2);
    }

    /** Why a new password is not acceptable, or empty when it is. */
    public static Optional<String> problem(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("Password must be at least " + MIN_LENGTH + " characters; three random words work well");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Password must be " + MAX_LENGTH + " characters or fewer");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            return Optional.of("Password is too easy to guess; choose something less common");
        }
        if (email != null && !email.isBlank()) {
            String local = email.toLowerCase(Locale.ROOT).split("@")[0];
            if (local.length() >= 4 && lower.contains(local)) {
                return Optional.of("Password must not contain your email address");
            }
        }
        return Optional.empty();
    }
}
