package org.convene.db;

/** The embedded database's data folder is held by another running Convene (or a command still running). */
public final class DataFolderInUseException extends IllegalStateException {
    public DataFolderInUseException(java.nio.file.Path dir) {
        super("The data folder " + dir.toAbsolutePath() + " is in use by another Convene: stop it first, "
                + "or point CONVENE_DATABASE_URL at the server that one runs");
    }
}
