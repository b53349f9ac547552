package org.convene.transfer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that it is either complete or not there: the content goes to a temporary file
 * beside it, which replaces the target only once everything is written and flushed to disk. A
 * failure halfway leaves the old file (or no file) and no temporary file behind, and so does a
 * crash of the machine.
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
        return write(target, content, false);
    }

    /**
     * The same, for a file only its owner may read (rw-------), such as a backup with personal
     * data in it, whatever the permissions of a file it replaces.
     */
    public static <R> R writePrivate(Path target, Content<R> content) throws IOException {
        return write(target, content, true);
    }

    private static <R> R write(Path target, Content<R> content, boolean ownerOnly) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".part");
        try {
            R result;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
                // The content may close what it writes to (a CSV printer does); the file must stay open to be forced to disk.
                result = content.writeTo(new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                });
                out.flush();
                channel.force(true); // on disk before it takes the target's name: a crash then leaves old or new, never a torn file
            }
            if (ownerOnly) {
                setPermissions(temp, "rw-------");
            } else {
                keepPermissions(temp, absolute);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
            return result;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void setPermissions(Path file, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the platform's defaults apply.
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, and then the rename stands as it is. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort
        }
    }
}
