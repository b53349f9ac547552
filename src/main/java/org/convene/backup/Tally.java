package org.convene.backup;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts the lines (rows, in COPY text format) and the SHA-256 of the bytes that pass through a
 * stream, on the way into a backup and on the way back out of it.
 */
final class Tally {
    private final MessageDigest digest;
    private long lines;

    Tally() {
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    long lines() {
        return lines;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void add(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                lines++;
            }
        }
    }

    /** Writes through to {@code out}, counting; closing it does not close {@code out}. */
    OutputStream counting(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                add(bytes, offset, length);
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Reads through from {@code in}, counting. */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int n = in.read(bytes, offset, length);
                if (n > 0) {
                    add(bytes, offset, n);
                }
                return n;
            }

            /** Skipped bytes are read, so that they are counted too. */
            @Override
            public long skip(long n) throws IOException {
                byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 0))];
                long skipped = 0;
                while (skipped < n) {
                    int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                    if (read < 0) {
                        break;
                    }
                    skipped += read;
                }
                return skipped;
            }
        };
    }
}
