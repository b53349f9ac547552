package org.convene.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordsTest {
    @Test
    void hashesAreArgon2idAndVerify() {
        String hash = Passwords.hash("teapot harbour violin");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(Passwords.matches("teapot harbour violin", hash)).isTrue();
        assertThat(Passwords.matches("teapot harbour viola", hash)).isFalse();
        assertThat(Passwords.matches("anything", null)).isFalse();
    }

    @Test
    void weakPasswordsAreRefusedWithAReason() {
        assertThat(Passwords.problem("short", null)).hasValueSatisfying(p -> assertThat(p).contains("at least 10"));
        assertThat(Passwords.problem("Password123", null)).hasValueSatisfying(p -> assertThat(p).contains("too easy"));
        assertThat(Passwords.problem("aaaaabbbbbaaaaa", null)).hasValueSatisfying(p -> assertThat(p).contains("too easy"));
        assertThat(Passwords.problem("samira.khan2024", "samira.khan@x.org")).hasValueSatisfying(p -> assertThat(p).contains("email"));
        assertThat(Passwords.problem("x".repeat(201) + "abcd", null)).isPresent();
        assertThat(Passwords.problem("teapot harbour violin", "someone@x.org")).isEmpty();
    }

    @Test
    void passwordsFromBreachListsAreRefusedAlsoWithNumbersMarksAndLookAlikeDigits() {
        for (String common : List.of("password1234", "P4ssw0rd2024!", "p@ssw0rd!!!!", "iloveyou123", "1234567890", "qwertyuiop",
                "1q2w3e4r5t", "Summer2025!!", "monkey12345", "Liverpool1892", "Chelsea1905!", "hospital2024", "NHS123456789",
                "football!!!!", "correct horse battery staple", "CorrectHorseBatteryStaple", "letmein12345", "Welcome2026")) {
            assertThat(Passwords.problem(common, "someone@x.org")).as(common).hasValueSatisfying(p -> assertThat(p).contains("too easy"));
        }
    }

    @Test
    void runsAndRepetitionsAreRefused() {
        for (String run : List.of("abcdefghij", "ponmlkjihgf", "abcdef123456", "asdfghjkl;'", "zxcvbnm1234", "0987654321a",
                "abcdabcdabcd", "xy7!xy7!xy7!", "aaaaaa111111", "11111222223333")) {
            assertThat(Passwords.problem(run, null)).as(run).hasValueSatisfying(p -> assertThat(p).contains("too easy"));
        }
    }

    @Test
    void aPasswordThatIsTheNameOrTheEmailIsRefused() {
        assertThat(Passwords.problem("Samira1985!!", "s.k@x.org", "Samira Khan")).hasValueSatisfying(p -> assertThat(p).contains("name"));
        assertThat(Passwords.problem("khan.samira.2024", "s.k@x.org", "Samira Khan")).hasValueSatisfying(p -> assertThat(p).contains("name"));
        assertThat(Passwords.problem("SamiraKhan77", null, "Samira Khan")).hasValueSatisfying(p -> assertThat(p).contains("name"));
        assertThat(Passwords.problem("mo.farah.runs", "mo.farah@x.org", "Mo Farah")).hasValueSatisfying(p -> assertThat(p).contains("email"));
        // A phrase that only mentions the name is fine.
        assertThat(Passwords.problem("samira walks to the sea", "s.k@x.org", "Samira Khan")).isEmpty();
    }

    @Test
    void ordinaryPassphrasesAndGeneratedPasswordsAreAccepted() {
        for (String fine : List.of("teapot harbour violin", "kettle biscuit lighthouse", "new kettle password", "admin password 123",
                "Tr0ub4dor&3 staple", "purple elephant umbrella", "ward 7 tea trolley", "Gwen's allotment 1987")) {
            assertThat(Passwords.problem(fine, "ana@x.org", "Ana Clarke")).as(fine).isEmpty();
        }
        for (int i = 0; i < 500; i++) {
            String generated = Secrets.newPassword();
            assertThat(Passwords.problem(generated, null)).as(generated).isEmpty();
        }
    }
}
