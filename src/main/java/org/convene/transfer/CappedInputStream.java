package org.convene.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.convene.errors.TooLargeException;

/** A request body read as a stream, refused once it passes a size limit (a Content-Length may be absent or wrong). */
final class CappedInputStream extends FilterInputStream {
    private final long limit;
    private final String message;
    private long read;

    CappedInputStream(InputStream in, long limit, String message) {
        super(in);
        this.limit = limit;
        this.message = message;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw new TooLargeException(message);
        }
    }
}
