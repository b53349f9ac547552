package org.convene.communities;

import java.time.Instant;
import org.convene.web.Html;

/**
 * A community's resource: a link (url) or a file kept in the database (fileName, its type as its
 * content showed, size and SHA-256), who added it, and whether convenors pinned it.
 */
public record Resource(long id, long communityId, String title, String description, String url, String fileName,
                       String contentType, Long size, String sha256, boolean pinned, Long addedBy, String addedByName,
                       Instant createdAt) {

    public boolean hasFile() {
        return fileName != null;
    }

    /** Where the page links to: the link itself, or the file's download. */
    public String href() {
        return hasFile() ? "/resources/" + id + "/file" : url;
    }

    /** e.g. "PDF, 120 kB"; empty for a link. */
    public String fileSummary() {
        if (!hasFile()) {
            return "";
        }
        FileType type = FileType.ofMediaType(contentType);
        return (type == null ? contentType : type.shortName()) + ", " + Html.bytes(size);
    }
}
