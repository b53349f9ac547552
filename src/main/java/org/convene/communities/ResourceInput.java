package org.convene.communities;

import java.net.URI;
import java.net.URISyntaxException;
import org.convene.errors.Errors;
import org.convene.web.Text;

/**
 * A resource as typed: a title, a short description, and either a link (url, http or https) or
 * an uploaded file. A file's title may be left empty: its name is used.
 */
public record ResourceInput(String title, String description, String url) {
    public static final int MAX_DESCRIPTION = 1000;

    /** A file as it arrived: the name the browser gave and its bytes. */
    public record Upload(String fileName, byte[] content) {
    }

    /** A checked resource: url set for a link, file set for a file. */
    public record Valid(String title, String description, String url, ResourceFile file) {
    }

    /** Checks the input with the upload (null: none); a file's problems come as {@link FileRefused} with the status the API gives. */
    public Valid validated(Upload upload) {
        Errors errors = new Errors();
        boolean hasFile = upload != null;
        String u = Text.singleLine(url);
        if (hasFile && !u.isEmpty()) {
            errors.add("url", "Give either a link or a file, not both");
        } else if (!hasFile && u.isEmpty()) {
            errors.add("url", "Enter a link, or choose a file to upload");
        } else if (!hasFile && !webLink(u)) {
            errors.add("url", "Enter the link as a full address starting with https:// or http://");
        }
        String t = Text.singleLine(title);
        if (t.isEmpty() && !hasFile) {
            errors.add("title", "Give the resource a title");
        } else if (t.length() > 200) {
            errors.add("title", "The title must be 200 characters or fewer");
        }
        String d = Text.multiLine(description);
        if (d.length() > MAX_DESCRIPTION) {
            errors.add("description", "The description must be 1,000 characters or fewer");
        }
        errors.throwIfAny();
        if (!hasFile) {
            return new Valid(t, d, u, null);
        }
        ResourceFile file = ResourceFile.checked(upload.fileName(), upload.content());
        return new Valid(t.isEmpty() ? Text.clip(file.title(), 199) : t, d, null, file);
    }

    private static boolean webLink(String u) {
        if (u.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
