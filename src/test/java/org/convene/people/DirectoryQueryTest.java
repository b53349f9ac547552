package org.convene.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectoryQueryTest {
    private static DirectoryQuery text(String q) {
        return new DirectoryQuery(q, null, null, null, null, null, 1, 20);
    }

    @Test
    void wordsBecomePrefixTermsJoinedByAnd() {
        assertThat(text("hospital disch").tsQuery()).isEqualTo("'hospital' & 'disch':*");
    }

    @Test
    void operatorsAndQuotesNeverReachTheQueryParser() {
        assertThat(text("a' | b:* & !c <-> (d)").tsQuery()).isEqualTo("'a' & 'b' & 'c' & 'd':*");
        assertThat(text("'); DROP TABLE people; --").tsQuery()).isEqualTo("'DROP' & 'TABLE' & 'people':*");
        assertThat(text("   ").tsQuery()).isEmpty();
    }

    @Test
    void longInputIsBounded() {
        assertThat(text("word ".repeat(50)).tsQuery().split("&")).hasSize(DirectoryQuery.MAX_WORDS);
        assertThat(text("y".repeat(1000)).tsQuery()).hasSize(60 + 4);
        assertThat(text("word ".repeat(50)).tsQuery()).endsWith("'word':*");
    }

    @Test
    void pageAndSizeAreClamped() {
        DirectoryQuery q = new DirectoryQuery(null, " ", null, null, "", null, -3, 10_000);
        assertThat(q.page()).isEqualTo(1);
        assertThat(q.size()).isEqualTo(100);
        assertThat(q.sector()).isNull();
        assertThat(q.filtered()).isFalse();
    }
}
