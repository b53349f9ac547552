package org.convene.errors;

/** The thing asked for does not exist (or the viewer may not know that it does). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
