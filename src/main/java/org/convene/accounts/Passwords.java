package org.convene.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Argon2id password hashing (OWASP's minimum: 19 MiB, 2 iterations, 1 lane) and the password
 * rule, a breached-password rule of thumb as NCSC and NIST advise instead of composition rules:
 * long enough; not one of the passwords attackers try first (common-passwords.txt, also with
 * digits and marks added or letters swapped for look-alikes, as in "P4ssw0rd2024!"); not a run
 * or repetition ("abcdef1234", "qwertyuiop", "abcabcabcabc"); not your email address or name.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, 19);
    /** Checked against so that a missing account costs as much time as a wrong password. */
    private static final String DUMMY_HASH = hash("not-a-real-password-0000");
    private static final Set<String> COMMON = load("/accounts/common-passwords.txt");
    /** Rows of a UK keyboard, for runs like "qwerty" and "asdfgh" (and backwards). */
    private static final List<String> RUNS = List.of("abcdefghijklmnopqrstuvwxyz", "01234567890", "1234567890-=",
            "qwertyuiop[]", "asdfghjkl;'#", "zxcvbnm,./");

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
        return problem(password, email, null);
    }

    /** Why a new password is not acceptable for the account with this email and name (either may be null). */
    public static Optional<String> problem(String password, String email, String name) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("Password must be at least " + MIN_LENGTH + " characters; three random words work well");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Password must be " + MAX_LENGTH + " characters or fewer");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common(lower) || lower.chars().distinct().count() < 4) {
            return Optional.of("Password is too easy to guess: it is one of the passwords people use most. "
                    + "Choose something less common; three random words work well");
        }
        if (pattern(lower)) {
            return Optional.of("Password is too easy to guess: avoid runs such as abcd, 1234 or qwerty and repeated characters. "
                    + "Three random words work well");
        }
        if (email != null && !email.isBlank()) {
            String local = email.toLowerCase(Locale.ROOT).split("@")[0];
            if (local.length() >= 4 && lower.contains(local)) {
                return Optional.of("Password must not contain your email address");
            }
        }
        if (name != null && onlyName(lower, name.toLowerCase(Locale.ROOT))) {
            return Optional.of("Password must not be your name, or your name with numbers added");
        }
        return Optional.empty();
    }

    /**
     * Whether the password is a common one: as it is, without its spaces, or its core (without the
     * digits, marks and spaces before and after) with look-alike digits read as letters.
     */
    static boolean common(String lower) {
        String joined = lower.replaceAll("\\s+", "");
        String core = joined.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        return COMMON.contains(lower) || COMMON.contains(joined)
                || (core.length() >= 3 && (COMMON.contains(core) || COMMON.contains(unLeet(core))));
    }

    private static String unLeet(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(switch (c) {
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                case '8' -> 'b';
                default -> c;
            });
        }
        return out.toString();
    }

    /**
     * Whether the password is made of at most two runs (each character next to the one before it
     * on the keyboard or in the alphabet, or the same again: "abcdef123456", "qwerty1111"), or is
     * one short piece repeated ("abcdabcdabcd").
     */
    static boolean pattern(String lower) {
        String s = lower.replaceAll("\\s+", "");
        for (int unit = 1; unit <= s.length() / 2; unit++) {
            if (s.length() % unit == 0 && s.substring(0, unit).repeat(s.length() / unit).equals(s)) {
                return true;
            }
        }
        int runs = 1;
        for (int i = 1; i < s.length(); i++) {
            if (!follows(s.charAt(i - 1), s.charAt(i))) {
                runs++;
            }
        }
        return runs <= 2;
    }

    private static boolean follows(char a, char b) {
        if (a == b) {
            return true;
        }
        for (String row : RUNS) {
            int i = row.indexOf(a);
            if (i >= 0 && ((i + 1 < row.length() && row.charAt(i + 1) == b) || (i > 0 && row.charAt(i - 1) == b))) {
                return true;
            }
        }
        return false;
    }

    /** Whether, once the parts of the name (3 letters or more) are taken out, fewer than 4 letters are left. */
    static boolean onlyName(String lower, String name) {
        String rest = lower;
        boolean found = false;
        for (String part : name.split("[^\\p{L}]+")) {
            if (part.length() >= 3 && rest.contains(part)) {
                rest = rest.replace(part, "");
                found = true;
            }
        }
        return found && rest.replaceAll("[^\\p{L}]", "").length() < 4;
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = Passwords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
