package org.convene.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, the network
 * gone, no connection free within the pool's timeout) from a fault in Convene itself, so that the
 * first can be answered with 503 and a plain message, and only the second is logged as a bug.
 */
public final class Outage {
    private Outage() {
    }

    /** Whether the failure, or anything that caused it, says the database cannot be reached now. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true; // the pool found no working connection in time
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && unreachable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01-57P03 (the server is shutting down, crashed,
     * or is starting up) and 53300 (no connection slot left).
     */
    private static boolean unreachable(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300");
    }
}
