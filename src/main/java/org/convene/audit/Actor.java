package org.convene.audit;

import io.javalin.http.Context;
import org.convene.accounts.Viewer;
import org.convene.web.WebContext;

/** Who did an audited action: an account (with its address at the time and where it came from), or Convene itself. */
public record Actor(Long accountId, String label, String ip) {
    /** Scheduled work such as retention. */
    public static final Actor SYSTEM = new Actor(null, "Convene (scheduled)", null);
    /** Someone with access to the server's command line. */
    public static final Actor COMMAND_LINE = new Actor(null, "Command line", null);

    public static Actor of(Viewer viewer, String ip) {
        return new Actor(viewer.accountId(), viewer.email(), ip);
    }

    public static Actor of(Context ctx) {
        return of(WebContext.viewer(ctx), WebContext.clientIp(ctx));
    }
}
