package org.convene.errors;

/**
 * A sign-in through the single sign-on provider that Convene refuses: the provider said no, the
 * email address is not verified, there is no account, the account is disabled, or the reply does
 * not belong to a sign-in this browser started. Shown as a page with a way back to the sign-in
 * page, with a 4xx status (502 when the provider could not be reached).
 */
public class SignInRefusedException extends RuntimeException {
    private final int status;

    public SignInRefusedException(int status, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
    }

    public int status() {
        return status;
    }
}
