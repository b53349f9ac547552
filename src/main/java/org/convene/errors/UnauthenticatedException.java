package org.convene.errors;

/** The viewer has to sign in (pages) or present a valid token (API) first. */
public class UnauthenticatedException extends RuntimeException {
    public UnauthenticatedException(String message) {
        super(message);
    }
}
