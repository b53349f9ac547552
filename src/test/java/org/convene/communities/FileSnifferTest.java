package org.convene.communities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Every accepted type known by its bytes, look-alikes refused, and no input (truncated archives, noise) that makes the check fail. */
class FileSnifferTest {
    @Test
    void eachAcceptedTypeIsKnownByItsContent() {
        assertThat(FileSniffer.types("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).containsExactly(FileType.PDF);
        assertThat(FileSniffer.types(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16})).containsExactly(FileType.JPEG);
        assertThat(FileSniffer.types(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})).containsExactly(FileType.PNG);
        assertThat(FileSniffer.types(zip(null, "[Content_Types].xml", "word/document.xml"))).containsExactly(FileType.WORD);
        assertThat(FileSniffer.types(zip(null, "[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"))).containsExactly(FileType.EXCEL);
        assertThat(FileSniffer.types(zip(null, "[Content_Types].xml", "ppt/presentation.xml"))).containsExactly(FileType.POWERPOINT);
        assertThat(FileSniffer.types(zip("application/vnd.oasis.opendocument.text", "content.xml"))).containsExactly(FileType.OPEN_TEXT);
        assertThat(FileSniffer.types(zip("application/vnd.oasis.opendocument.presentation", "content.xml")))
                .containsExactly(FileType.OPEN_PRESENTATION);
        assertThat(FileSniffer.types("name,place\r\nAnn,Leeds\r\n".getBytes(StandardCharsets.UTF_8)))
                .containsExactlyInAnyOrder(FileType.CSV, FileType.TEXT);
        assertThat(FileSniffer.types("\ufeffCafé notes\tdone\n".getBytes(StandardCharsets.UTF_8))).contains(FileType.TEXT);
    }

    @Test
    void lookAlikesAreRefused() {
        assertThat(FileSniffer.types(zip("application/vnd.oasis.opendocument.graphics", "content.xml"))).as("a drawing").isEmpty();
        assertThat(FileSniffer.types(zip(null, "[Content_Types].xml", "word/document.xml", "xl/workbook.xml"))).as("two kinds at once").isEmpty();
        assertThat(FileSniffer.types(zip(null, "word/document.xml"))).as("no content types").isEmpty();
        assertThat(FileSniffer.types("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1))).as("not UTF-8").isEmpty();
        assertThat(FileSniffer.types("a\u0000b".getBytes(StandardCharsets.UTF_8))).as("a NUL byte").isEmpty();
        assertThat(FileSniffer.types("%PD".getBytes(StandardCharsets.US_ASCII))).as("text that starts like a PDF").isNotEmpty()
                .doesNotContain(FileType.PDF);
    }

    @Test
    void truncatedArchivesAndNoiseNeverBreakTheCheck() {
        byte[] word = zip(null, "[Content_Types].xml", "word/document.xml");
        for (int length = 0; length < word.length; length++) {
            FileSniffer.types(Arrays.copyOf(word, length));
        }
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            if (noise.length >= 4 && i % 2 == 0) {
                noise[0] = 'P';
                noise[1] = 'K';
                noise[2] = 3;
                noise[3] = 4;
            }
            FileSniffer.types(noise);
        }
        byte[] corrupt = word.clone();
        corrupt[corrupt.length - 3] = 0x7f;
        assertThat(FileSniffer.types(corrupt)).as("a central directory that points past the end").isEmpty();
    }

    @Test
    void namesAreCleanedAndChecked() {
        assertThat(ResourceFile.cleanName("C:\\Users\\ann\\plan \"final\".pdf")).isEqualTo("plan _final_.pdf");
        assertThat(ResourceFile.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(ResourceFile.cleanName(".pdf")).isEqualTo("file.pdf");
        assertThat(ResourceFile.cleanName("x".repeat(300) + ".docx")).hasSize(200).endsWith(".docx");
        assertThat(ResourceFile.attachment("Café plan.pdf")).isEqualTo("attachment; filename=\"Caf_ plan.pdf\"; filename*=UTF-8''Caf%C3%A9%20plan.pdf");
        assertThatThrownBy(() -> ResourceFile.checked("plan", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("The file's content is a PDF, so its name must end in .pdf");
        assertThat(ResourceFile.checked("Plan.PDF", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)).type()).isEqualTo(FileType.PDF);
    }

    /** A ZIP archive with these entries; with a mimetype, first and uncompressed as OpenDocument has it. */
    static byte[] zip(String mimetype, String... names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (mimetype != null) {
                byte[] type = mimetype.getBytes(StandardCharsets.US_ASCII);
                ZipEntry entry = new ZipEntry("mimetype");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(type.length);
                CRC32 crc = new CRC32();
                crc.update(type);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(type);
                zip.closeEntry();
            }
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
