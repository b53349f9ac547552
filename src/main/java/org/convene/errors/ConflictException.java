package org.convene.errors;

/** The request clashes with what is already stored, e.g. a duplicate email. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
