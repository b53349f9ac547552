package org.convene.errors;

/** What was sent is bigger than Convene accepts (an upload, a request body). */
public class TooLargeException extends RuntimeException {
    public TooLargeException(String message) {
        super(message);
    }
}
