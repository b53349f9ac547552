package org.convene.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.convene.errors.BadRequestException;
import org.junit.jupiter.api.Test;

/** Reading request bodies: whatever arrives, the answer is the value or a 400 with a message, never a crash. */
class JsonReadTest {
    record Input(String name, Integer count) {
    }

    @Test
    void aValidBodyIsRead() {
        assertThat(Json.read("{\"name\":\"a\",\"count\":2}", Input.class)).isEqualTo(new Input("a", 2));
    }

    @Test
    void nestingDeeperThanJacksonReadsIsABadRequest() {
        String deep = "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500);
        assertThatThrownBy(() -> Json.read(deep, Input.class)).isInstanceOf(BadRequestException.class)
                .hasMessage("The request body nests too deeply or holds a value too long to read");
    }

    @Test
    void aVeryLongStringWhereANumberBelongsIsABadRequest() {
        String body = "{\"count\":\"" + "9".repeat(5_000) + "\"}";
        assertThatThrownBy(() -> Json.read(body, Input.class)).isInstanceOf(BadRequestException.class);
    }

    @Test
    void aNumberOfThousandsOfDigitsIsABadRequest() {
        String body = "{\"count\":" + "9".repeat(5_000) + "}";
        assertThatThrownBy(() -> Json.read(body, Input.class)).isInstanceOf(BadRequestException.class);
    }

    @Test
    void truncatedJsonSaysWhere() {
        assertThatThrownBy(() -> Json.read("{\"name\":\"a", Input.class)).isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("The request body is not valid JSON (line 1, column");
    }
}
