package jp.refund.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * Reads a CSV file one physical line at a time, as bytes, and decodes each line
 * strictly in the file's charset. A line with bytes that are not valid in the charset
 * is still returned (so the CSV structure can be followed) but is marked, and its text
 * shows the bad bytes as {@code \xNN}: nothing is ever silently replaced.
 *
 * <p>Lines end at LF; a CR right before it is dropped, so CRLF and LF files read the
 * same. Splitting on the LF byte is safe for UTF-8 and Windows-31J alike: neither
 * uses 0x0A inside a multi-byte character.
 */
final class PhysicalLineReader implements AutoCloseable {

    /** One decoded line; {@code validEncoding} is false when bytes had to be escaped. */
    record Line(int number, String text, boolean validEncoding) {
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final byte[] buffer = new byte[1 << 16];
    private int bufferPos;
    private int bufferLimit;
    private long bytesConsumed;
    private byte[] lineBytes = new byte[256];
    private int lineNumber;
    private boolean atStart = true;

    PhysicalLineReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Next line, or null at end of file. */
    Line next() throws IOException {
        int length = 0;
        boolean sawAny = false;
        while (true) {
            if (bufferPos == bufferLimit) {
                bufferLimit = in.read(buffer);
                bufferPos = 0;
                if (bufferLimit <= 0) {
                    bufferLimit = 0;
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
            }
            sawAny = true;
            bytesConsumed++;
            byte b = buffer[bufferPos++];
            if (b == '\n') {
                break;
            }
            if (length == lineBytes.length) {
                lineBytes = Arrays.copyOf(lineBytes, length * 2);
            }
            lineBytes[length++] = b;
        }
        if (length > 0 && lineBytes[length - 1] == '\r') {
            length--;
        }
        int start = 0;
        if (atStart) {
            atStart = false;
            if (length >= 3 && (lineBytes[0] & 0xFF) == 0xEF && (lineBytes[1] & 0xFF) == 0xBB
                    && (lineBytes[2] & 0xFF) == 0xBF) {
                start = 3; // UTF-8 byte order mark
            }
        }
        lineNumber++;
        return decode(start, length);
    }

    private Line decode(int start, int end) {
        ByteBuffer bytes = ByteBuffer.wrap(lineBytes, start, end - start);
        try {
            CharBuffer chars = decoder.reset().decode(bytes);
            return new Line(lineNumber, chars.toString(), true);
        } catch (CharacterCodingException e) {
            return new Line(lineNumber, decodeEscapingInvalidBytes(start, end), false);
        }
    }

    /** Decodes what is valid and writes every invalid byte as {@code \xNN}. */
    private String decodeEscapingInvalidBytes(int start, int end) {
        StringBuilder text = new StringBuilder();
        ByteBuffer bytes = ByteBuffer.wrap(lineBytes, start, end - start);
        CharBuffer out = CharBuffer.allocate(Math.max(16, (end - start) * 2));
        decoder.reset();
        while (true) {
            var result = decoder.decode(bytes, out, true);
            out.flip();
            text.append(out);
            out.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    text.append(String.format("\\x%02X", bytes.get() & 0xFF));
                }
            } else if (result.isUnderflow()) {
                decoder.flush(out);
                out.flip();
                text.append(out);
                return text.toString();
            }
        }
    }

    int lineNumber() {
        return lineNumber;
    }

    long bytesConsumed() {
        return bytesConsumed;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
