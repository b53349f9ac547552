package org.convene.communities;

import java.util.Map;
import org.convene.errors.ValidationException;

/**
 * A file refused, as an error on the form's file field; the API answers with {@link #status()}:
 * 413 for a file too large, 415 for content of a type not accepted, 422 for anything else.
 */
final class FileRefused extends ValidationException {
    private final int status;

    FileRefused(int status, String message) {
        super(message, Map.of("file", message));
        this.status = status;
    }

    int status() {
        return status;
    }
}
