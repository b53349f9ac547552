package org.convene.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The request log never holds a working secret link. */
class RequestLogTest {
    @Test
    void pathsCarryingATokenAreLoggedByTheirPattern() {
        assertThat(Metrics.loggedPath("/calendar/{token}.ics", "/calendar/12-abcdefSECRET.ics")).isEqualTo("/calendar/{token}.ics");
        assertThat(Metrics.loggedPath("/s/{token}", "/s/99-SECRET")).isEqualTo("/s/{token}");
        assertThat(Metrics.loggedPath("/reset/{token}", "/reset/SECRET")).doesNotContain("SECRET");
        assertThat(Metrics.loggedPath("/people/{id}", "/people/42")).isEqualTo("/people/42");
    }
}
