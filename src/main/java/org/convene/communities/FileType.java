package org.convene.communities;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of file a community may share: the media type each is stored and served as, and the name endings that go with it. */
public enum FileType {
    PDF("application/pdf", "a PDF", "pdf"),
    WORD("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a Word document", "docx"),
    EXCEL("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "an Excel workbook", "xlsx"),
    POWERPOINT("application/vnd.openxmlformats-officedocument.presentationml.presentation", "a PowerPoint presentation", "pptx"),
    OPEN_TEXT("application/vnd.oasis.opendocument.text", "an OpenDocument text", "odt"),
    OPEN_SPREADSHEET("application/vnd.oasis.opendocument.spreadsheet", "an OpenDocument spreadsheet", "ods"),
    OPEN_PRESENTATION("application/vnd.oasis.opendocument.presentation", "an OpenDocument presentation", "odp"),
    CSV("text/csv; charset=utf-8", "a CSV file", "csv"),
    TEXT("text/plain; charset=utf-8", "a text file", "txt"),
    PNG("image/png", "a PNG picture", "png"),
    JPEG("image/jpeg", "a JPEG picture", "jpg", "jpeg");

    /** What the upload form and the refusals say is accepted. */
    public static final String ACCEPTED = "PDF, Word, Excel or PowerPoint (.docx, .xlsx, .pptx), OpenDocument (.odt, .ods, .odp), "
            + "CSV, plain text (.txt), PNG or JPEG";

    private final String mediaType;
    private final String label;
    private final List<String> extensions;

    FileType(String mediaType, String label, String... extensions) {
        this.mediaType = mediaType;
        this.label = label;
        this.extensions = List.of(extensions);
    }

    public String mediaType() {
        return mediaType;
    }

    /** What it is, in a sentence: "a PDF", "an Excel workbook". */
    public String label() {
        return label;
    }

    /** Its usual ending in capitals, as lists of files show it: PDF, DOCX, CSV. */
    public String shortName() {
        return extensions.get(0).toUpperCase(Locale.ROOT);
    }

    public List<String> extensions() {
        return extensions;
    }

    /** Every accepted ending, for a file input's accept attribute: ".pdf,.docx,...". */
    public static String acceptAttribute() {
        return java.util.Arrays.stream(values()).flatMap(t -> t.extensions.stream()).map(e -> "." + e)
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** The type a file name's ending claims (any case), if it is one of these. */
    public static Optional<FileType> ofName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ending = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (FileType t : values()) {
            if (t.extensions.contains(ending)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type stored with this media type; null for anything else. */
    public static FileType ofMediaType(String mediaType) {
        for (FileType t : values()) {
            if (t.mediaType.equals(mediaType)) {
                return t;
            }
        }
        return null;
    }
}
