package org.convene.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.convene.errors.ImportRejectedException;
import org.junit.jupiter.api.Test;

class CsvImportTest {
    private static final Columns COLUMNS = new Columns(List.of("name", "sector", "place"), List.of("name"), List.of("id"));

    static CsvImport.Sheet read(String csv) {
        return read(csv.getBytes(StandardCharsets.UTF_8));
    }

    static CsvImport.Sheet read(byte[] csv) {
        return CsvImport.read(new ByteArrayInputStream(csv), COLUMNS);
    }

    static ImportRejectedException rejected(String csv) {
        return rejected(csv.getBytes(StandardCharsets.UTF_8));
    }

    static ImportRejectedException rejected(byte[] csv) {
        try {
            read(csv);
        } catch (ImportRejectedException e) {
            return e;
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    void rowsCarryThePhysicalLineTheyStartOn() {
        CsvImport.Sheet sheet = read("name,sector\r\n"
                + "One,acute\r\n"
                + "\r\n"
                + "\"Two\nspans\nthree lines\",primary\r\n"
                + "Three,housing\n"
                + "Four,vcse\r"
                + "Five,other");
        assertThat(sheet.rows()).extracting(CsvRow::line).containsExactly(2L, 4L, 7L, 8L, 9L);
        assertThat(sheet.rows().get(1).get("name")).isEqualTo("Two\nspans\nthree lines");
        assertThat(sheet.rows().get(4).get("sector")).isEqualTo("other");
    }

    @Test
    void headerNamesAreMatchedIgnoringCaseAndSurroundingSpaces() {
        CsvImport.Sheet sheet = read(" NAME , Sector ,place\nAcme,acute,Leeds\n");
        assertThat(sheet.columns()).containsExactly("name", "sector", "place");
        assertThat(sheet.rows().get(0).get("place")).isEqualTo("Leeds");
    }

    @Test
    void absentColumnsReadAsEmptyAndExportOnlyColumnsAreAccepted() {
        CsvImport.Sheet sheet = read("id,name\n7,Acme\n");
        CsvRow row = sheet.rows().get(0);
        assertThat(row.get("name")).isEqualTo("Acme");
        assertThat(sheet.columns()).containsExactly("id", "name");
        assertThat(row.get("sector")).isEmpty();
    }

    @Test
    void aByteOrderMarkIsAccepted() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "name,sector\nZoë Café,acute\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(bom);
        file.writeBytes(body);
        CsvImport.Sheet sheet = read(file.toByteArray());
        assertThat(sheet.columns()).containsExactly("name", "sector");
        assertThat(sheet.rows().get(0).get("name")).isEqualTo("Zoë Café");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithTheLineOfTheFirstBadByte() {
        byte[] latin1 = "name,sector\nAnn,acute\nJos\u00e9,primary\nBo,vcse\n".getBytes(StandardCharsets.ISO_8859_1);
        ImportRejectedException e = rejected(latin1);
        assertThat(e.rows()).extracting(ImportRejectedException.Row::line).containsExactly(3L);
        assertThat(e.getMessage()).contains("Line 3").contains("UTF-8");
    }

    @Test
    void badBytesFarIntoTheFileAreFoundOnTheirLine() {
        StringBuilder csv = new StringBuilder("name,sector\r\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("Person ").append(i).append(",acute\r\n");
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        file.writeBytes(new byte[] {'X', (byte) 0xC3, '(', ',', 'a', '\r', '\n'});
        assertThat(rejected(file.toByteArray()).rows().get(0).line()).isEqualTo(5002L);
    }

    @Test
    void aTruncatedCharacterAtTheEndIsNotUtf8() {
        byte[] csv = "name,sector\nAnn,acut".getBytes(StandardCharsets.UTF_8);
        byte[] truncated = java.util.Arrays.copyOf(csv, csv.length + 1);
        truncated[csv.length] = (byte) 0xE2;
        assertThat(rejected(truncated).rows().get(0).line()).isEqualTo(2L);
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineWhereItOpens() {
        ImportRejectedException e = rejected("name,sector\nAnn,acute\n\"Bob,primary\nCy,vcse\n");
        assertThat(e.rows()).extracting(ImportRejectedException.Row::line).containsExactly(3L);
        assertThat(e.rows().get(0).message()).contains("closing quote");
    }

    @Test
    void textAfterAClosingQuoteIsReportedOnItsLine() {
        ImportRejectedException e = rejected("name,sector\nAnn,acute\n\"Bob\" Jr,primary\n");
        assertThat(e.rows().get(0).line()).isEqualTo(3L);
        assertThat(e.rows().get(0).message()).contains("two quotes");
    }

    @Test
    void aRowOfTheWrongWidthIsARowProblem() {
        CsvImport.Sheet sheet = read("name,sector\nAnn,acute\nBob,Smith,primary\nCy,vcse\n");
        assertThat(sheet.rows()).hasSize(3);
        assertThat(sheet.rows().get(1).problem()).contains("3 values").contains("2 columns");
        assertThat(sheet.rows().get(0).problem()).isNull();
    }

    @Test
    void unknownColumnsAreNamedWithTheKnownOnes() {
        ImportRejectedException e = rejected("name,sector,colour,size\nAnn,acute,red,L\n");
        assertThat(e.rows().get(0).line()).isEqualTo(1L);
        assertThat(e.rows().get(0).message()).contains("Unknown columns 'colour', 'size'").contains("name, sector, place");
    }

    @Test
    void aFirstLineOfDataIsRecognisedAsAMissingHeader() {
        ImportRejectedException e = rejected("Acme Trust,acute,Leeds\nOther,primary,York\n");
        assertThat(e.getMessage()).contains("header").contains("Known columns: name, sector, place");
    }

    @Test
    void requiredAndDuplicateColumnsAreChecked() {
        assertThat(rejected("sector,place\nacute,Leeds\n").getMessage()).contains("no 'name' column");
        assertThat(rejected("name,Name\na,b\n").getMessage()).contains("'name' appears twice");
        assertThat(rejected("name,,sector\na,b,c\n").getMessage()).contains("Column 2 of the header has no name");
    }

    @Test
    void emptyFilesAndFilesWithoutRowsAreRefused() {
        assertThat(rejected("").getMessage()).contains("The file is empty");
        assertThat(rejected("\n\r\n  \n").getMessage()).contains("The file is empty");
        assertThat(rejected(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).getMessage()).contains("The file is empty");
        assertThat(rejected("name,sector\n\n,\n").getMessage()).contains("no rows");
    }

    @Test
    void rowsWithOnlyEmptyCellsAreSkipped() {
        CsvImport.Sheet sheet = read("name,sector\nAnn,acute\n,\n , \nBob,primary\n");
        assertThat(sheet.rows()).extracting(CsvRow::line).containsExactly(2L, 5L);
    }

    @Test
    void aFileIsLimitedTo100000Rows() {
        StringBuilder csv = new StringBuilder("name\n");
        for (int i = 0; i < CsvImport.MAX_ROWS; i++) {
            csv.append('n').append(i).append('\n');
        }
        assertThat(read(csv.toString()).rows()).hasSize(CsvImport.MAX_ROWS);
        csv.append("one too many\n");
        assertThatThrownBy(() -> read(csv.toString()))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("more than 100,000 rows");
    }

    @Test
    void spreadsheetSafetyQuotesAreTakenOff() {
        CsvRow row = read("name,sector\n'=SUM(A1),'-x\n").rows().get(0);
        assertThat(row.get("name")).isEqualTo("=SUM(A1)");
        assertThat(row.get("sector")).isEqualTo("-x");
    }
}
