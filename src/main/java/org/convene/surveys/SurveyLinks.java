package org.convene.surveys;

import java.util.OptionalLong;
import org.convene.accounts.SignedTokens;
import org.jdbi.v3.core.Jdbi;

/**
 * Personal survey links: the invitation's id signed with the installation's link secret
 * ({@link SignedTokens}), so a link can be sent again in a reminder without being stored anywhere,
 * and cannot be guessed or altered to reach someone else's survey.
 */
public final class SurveyLinks {
    private static final String PURPOSE = "survey-invitation";
    private final SignedTokens tokens;

    public SurveyLinks(Jdbi jdbi) {
        this.tokens = new SignedTokens(jdbi);
    }

    public String token(long invitationId) {
        return tokens.token(PURPOSE, invitationId, null);
    }

    /** The invitation a token names, if its signature is right. */
    public OptionalLong invitation(String token) {
        OptionalLong id = SignedTokens.id(token);
        return id.isPresent() && tokens.matches(token, PURPOSE, id.getAsLong(), null) ? id : OptionalLong.empty();
    }
}
