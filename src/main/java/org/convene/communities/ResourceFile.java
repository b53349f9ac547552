package org.convene.communities;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.convene.web.Html;
import org.convene.web.Text;

/** A file to keep in a community: its cleaned name, its type as its content shows, its bytes and their SHA-256 (hex). */
public record ResourceFile(String name, FileType type, byte[] content, String sha256) {
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_NAME = 200;

    /**
     * Checks an upload: not empty, at most {@link #MAX_BYTES}, content of an accepted type (by its
     * bytes), and a name ending as that type's do, so nobody downloads a PDF named .docx.
     */
    public static ResourceFile checked(String fileName, byte[] content) {
        String name = cleanName(fileName);
        if (content.length == 0) {
            throw new FileRefused(422, "The file " + name + " is empty");
        }
        if (content.length > MAX_BYTES) {
            throw tooLarge(content.length);
        }
        Set<FileType> types = FileSniffer.types(content);
        if (types.isEmpty()) {
            throw new FileRefused(415, FileSniffer.oldOffice(content)
                    ? "The file is in an old Word, Excel or PowerPoint format: save it as .docx, .xlsx or .pptx and upload that"
                    : "The file's content is not a type Convene accepts, whatever its name. Upload " + FileType.ACCEPTED);
        }
        FileType named = FileType.ofName(name).orElse(null);
        if (!types.contains(named)) {
            FileType is = types.iterator().next();
            throw new FileRefused(422, "The file's content is " + (types.size() > 1 ? "text" : is.label())
                    + ", so its name must end in ." + String.join(" or .", types.stream().flatMap(t -> t.extensions().stream()).toList()));
        }
        return new ResourceFile(name, named, content, sha256(content));
    }

    static FileRefused tooLarge(long size) {
        return new FileRefused(413, "The file is " + Html.bytes(size) + ": a file must be 10 MB or smaller. Share a link to a larger one");
    }

    /** The name without any folder, quotes or control characters, at most 200 characters (keeping its ending). */
    static String cleanName(String fileName) {
        String raw = fileName == null ? "" : fileName;
        String base = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        String name = Text.singleLine(base).replaceAll("[\"*:<>?|;]", "_");
        if (name.isEmpty() || name.startsWith(".")) {
            name = "file" + name;
        }
        if (name.length() <= MAX_NAME) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ending = dot < 0 || name.length() - dot > 10 ? "" : name.substring(dot);
        return name.substring(0, MAX_NAME - ending.length()) + ending;
    }

    /** The name without its ending, as a title when none was given. */
    String title() {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** A Content-Disposition that downloads the file under its name: an ASCII fallback and the UTF-8 name (RFC 6266). */
    static String attachment(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_");
        String encoded = java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
