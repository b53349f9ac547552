package org.convene.errors;

/** The request itself is malformed: unreadable JSON, a number that is not a number, a missing file. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
