package org.convene.communities;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a file is, from its bytes alone, never from its name or the browser's word: the leading
 * bytes (magic numbers) of PDF, PNG and JPEG; for a ZIP archive, the entries its central directory
 * names (OOXML: [Content_Types].xml and a word/, xl/ or ppt/ folder, without macros) or the
 * uncompressed mimetype entry OpenDocument puts first; and for CSV and plain text, UTF-8 without
 * control characters. Nothing is decompressed, so an archive bomb costs no more than its size.
 */
final class FileSniffer {
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] OLE = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};
    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final String OPEN_DOCUMENT = "application/vnd.oasis.opendocument.";

    private FileSniffer() {
    }

    /** The types this content can be (a text file may be CSV or plain text); empty when it is none Convene accepts. */
    static Set<FileType> types(byte[] b) {
        if (startsWith(b, PDF)) {
            return EnumSet.of(FileType.PDF);
        }
        if (startsWith(b, PNG)) {
            return EnumSet.of(FileType.PNG);
        }
        if (startsWith(b, JPEG)) {
            return EnumSet.of(FileType.JPEG);
        }
        if (b.length >= 4 && u32(b, 0) == LOCAL_HEADER) {
            FileType office = office(b);
            return office == null ? EnumSet.noneOf(FileType.class) : EnumSet.of(office);
        }
        return isText(b) ? EnumSet.of(FileType.CSV, FileType.TEXT) : EnumSet.noneOf(FileType.class);
    }

    /** A Word, Excel or PowerPoint file in the format before 2007 (.doc, .xls, .ppt), which is not accepted. */
    static boolean oldOffice(byte[] b) {
        return startsWith(b, OLE);
    }

    private static FileType office(byte[] b) {
        List<String> names = zipEntryNames(b);
        if (names == null) {
            return null;
        }
        String mimetype = firstStoredEntry(b, "mimetype");
        if (mimetype != null && mimetype.startsWith(OPEN_DOCUMENT) && names.contains("content.xml")) {
            return FileType.ofMediaType(mimetype);
        }
        boolean macros = names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"));
        if (!names.contains("[Content_Types].xml") || macros) {
            return null;
        }
        List<FileType> kinds = new ArrayList<>();
        addIf(kinds, names, "word/", FileType.WORD);
        addIf(kinds, names, "xl/", FileType.EXCEL);
        addIf(kinds, names, "ppt/", FileType.POWERPOINT);
        return kinds.size() == 1 ? kinds.get(0) : null;
    }

    private static void addIf(List<FileType> kinds, List<String> names, String folder, FileType type) {
        if (names.stream().anyMatch(n -> n.startsWith(folder))) {
            kinds.add(type);
        }
    }

    /** The entry names in a ZIP archive's central directory; null when the archive is not well formed. */
    static List<String> zipEntryNames(byte[] b) {
        int end = endOfDirectory(b);
        if (end < 0) {
            return null;
        }
        int entries = u16(b, end + 10);
        long offset = u32(b, end + 16) & 0xffffffffL;
        List<String> names = new ArrayList<>(entries);
        long p = offset;
        for (int i = 0; i < entries; i++) {
            if (p + 46 > b.length || u32(b, (int) p) != CENTRAL_HEADER) {
                return null;
            }
            int at = (int) p;
            int nameLength = u16(b, at + 28);
            if (at + 46L + nameLength > b.length) {
                return null;
            }
            names.add(new String(b, at + 46, nameLength, StandardCharsets.UTF_8));
            p = at + 46L + nameLength + u16(b, at + 30) + u16(b, at + 32);
        }
        return names;
    }

    private static int endOfDirectory(byte[] b) {
        for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
            if (u32(b, i) == END_OF_DIRECTORY) {
                return i;
            }
        }
        return -1;
    }

    /** The content of the archive's first entry if it has this name and is stored uncompressed (as OpenDocument's mimetype is). */
    private static String firstStoredEntry(byte[] b, String name) {
        if (b.length < 30) {
            return null;
        }
        int method = u16(b, 8);
        long size = u32(b, 18) & 0xffffffffL;
        int nameLength = u16(b, 26);
        long start = 30L + nameLength + u16(b, 28);
        if (method != 0 || size > 200 || start + size > b.length
                || !name.equals(new String(b, 30, Math.min(nameLength, b.length - 30), StandardCharsets.US_ASCII))) {
            return null;
        }
        return new String(b, (int) start, (int) size, StandardCharsets.US_ASCII);
    }

    /** UTF-8 (with or without a byte order mark) and no control characters but tab, line ends and form feed. */
    private static boolean isText(byte[] b) {
        for (byte x : b) {
            if ((x >= 0 && x < 0x20 && x != '\t' && x != '\n' && x != '\r' && x != '\f') || x == 0x7f) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static int u32(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }
}
