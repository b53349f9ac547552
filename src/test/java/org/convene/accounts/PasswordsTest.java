package org.convene.accounts;

import static org.assertj.core.api.Assertions.assertThat;

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
}
