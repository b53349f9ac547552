package org.convene.transfer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that it is either complete or not there: the content goes to a temporary file
 * beside it, which replaces the target only once everything is written. A failure halfway leaves
 * the old file (or no file) and no temporary file behind.
 */
public final class AtomicFile {

    /** Writes the content of a file; may fail halfway. */
    public interface Content<R> {
        R writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * A temporary file is private to its owner; the finished file gets the permissions of the file
     * it replaces, or those of an ordinary new file (rw-r--r--).
     */
    private static void keepPermissions(Path temp, Path target) throws IOException {
        try {
            Files.setPosixFilePermissions(temp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the platform's defaults apply.
        }
    }

    public static <R> R write(Path target, Content<R> content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".part");
        try {
            R result;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                result = content.writeTo(out);
            }
            keepPermissions(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return result;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
