package org.convene.sso;

/**
 * Who the provider says signed in: its issuer and the subject (its stable id for the person), and
 * the email address it gave, with whether the provider said it verified that address.
 */
public record ProviderIdentity(String issuer, String subject, String email, boolean emailVerified) {
}
