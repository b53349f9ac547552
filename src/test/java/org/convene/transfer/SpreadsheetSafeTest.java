package org.convene.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetSafeTest {

    @Test
    void cellsThatASpreadsheetWouldRunGetALeadingApostrophe() {
        assertThat(SpreadsheetSafe.neutralise("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(SpreadsheetSafe.neutralise("+44 161")).isEqualTo("'+44 161");
        assertThat(SpreadsheetSafe.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetSafe.neutralise("@SUM(1)")).isEqualTo("'@SUM(1)");
        assertThat(SpreadsheetSafe.neutralise("\tcmd")).isEqualTo("'\tcmd");
        assertThat(SpreadsheetSafe.neutralise("\rcmd")).isEqualTo("'\rcmd");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        assertThat(SpreadsheetSafe.neutralise("Ann = Bob")).isEqualTo("Ann = Bob");
        assertThat(SpreadsheetSafe.neutralise("'Tis the season")).isEqualTo("'Tis the season");
        assertThat(SpreadsheetSafe.neutralise("")).isEmpty();
        assertThat(SpreadsheetSafe.neutralise(null)).isNull();
        assertThat(SpreadsheetSafe.restore("'Tis the season")).isEqualTo("'Tis the season");
    }

    @Test
    void restoringUndoesNeutralisingExactly() {
        for (String text : new String[] {"=1+2", "'=1+2", "''=1+2", "-", "'", "'-", "plain", "'plain", "@x", "\t", "a=b"}) {
            assertThat(SpreadsheetSafe.restore(SpreadsheetSafe.neutralise(text))).as(text).isEqualTo(text);
        }
        assertThat(SpreadsheetSafe.neutralise("'=1+2")).isEqualTo("''=1+2");
    }
}
