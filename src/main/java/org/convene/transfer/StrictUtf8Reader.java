package org.convene.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses anything else, saying on which line the first bad byte is. An
 * InputStreamReader would replace bad bytes with U+FFFD (silently storing garbage) or, set to
 * REPORT, fail without a line. Lines are counted in bytes (LF, CRLF or a lone CR), so the number
 * is right however far ahead the CSV parser has read. A leading byte order mark is dropped.
 */
final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024).flip();
    private long lineBreaks;
    private boolean pendingCr;
    private boolean endOfInput;
    private boolean finished;
    private boolean started;

    /** The input is not UTF-8 from this line on. */
    static final class NotUtf8Exception extends IOException {
        private final long line;

        NotUtf8Exception(long line) {
            super("Line " + line + " is not valid UTF-8");
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!decodeMore()) {
                return -1;
            }
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    private boolean decodeMore() throws IOException {
        if (finished) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0 && !finished) {
            if (!endOfInput) {
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            int from = bytes.position();
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            countLineBreaks(from, bytes.position());
            if (result.isError()) {
                throw new NotUtf8Exception(lineBreaks + (pendingCr ? 1 : 0) + 1);
            }
            if (endOfInput && result.isUnderflow()) {
                decoder.flush(chars);
                finished = true;
            }
        }
        chars.flip();
        if (!started && chars.hasRemaining()) {
            started = true;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.get();
            }
        }
        return true;
    }

    private void countLineBreaks(int from, int to) {
        byte[] array = bytes.array();
        for (int i = from; i < to; i++) {
            byte b = array[i];
            if (pendingCr) {
                lineBreaks++;
                pendingCr = false;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\r') {
                pendingCr = true;
            } else if (b == '\n') {
                lineBreaks++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
