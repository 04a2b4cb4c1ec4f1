package coop.intercoop.hub.spreadsheet.control;

import java.io.IOException;
import java.io.InputStream;

/**
 * The XML of one workbook part as its parser gets it, refused past the sizes an xlsx never reaches, so that the parser
 * never holds more than a bounded piece of it: Aalto, fast as it is, has no limits of its own and keeps a whole text,
 * tag or CDATA section in memory before reporting it. Three bounds, counted on the bytes as they pass:
 * <ul>
 * <li>the bytes from one {@code <} to the next: a tag with all its attributes (an attribute value holds no {@code <}),
 * or a text between two tags, comments and processing instructions included;</li>
 * <li>no {@code <![} at all: a CDATA section (which may hold {@code <} and so escape the first bound) or a DTD's
 * conditional section, neither of which Excel, LibreOffice or POI write;</li>
 * <li>the bytes of the whole part, for a part a library reads whole (the styles).</li>
 * </ul>
 * Zero bytes do not break the {@code <![} sequence, so a part encoded in UTF-16 is bounded the same way.
 */
final class XmlPartLimits extends InputStream {

    /** The longest run from one {@code <} to the next: a cell's text, 32,767 characters, escaped, fits many times. */
    static final int MAX_TOKEN_BYTES = 1 << 20;

    private final InputStream in;
    private final String part;
    private final long maxBytes;
    private final int maxToken;
    private long bytes;
    private int run;
    /** 0 outside markup's start, 1 just after a {@code <}, 2 after {@code <!}. */
    private int opening;

    private XmlPartLimits(InputStream in, String part, long maxBytes, int maxToken) {
        this.in = in;
        this.part = part;
        this.maxBytes = maxBytes;
        this.maxToken = maxToken;
    }

    /** A part read as a stream (a sheet, the shared strings, the workbook): its pieces are bounded, not its size. */
    static InputStream streamed(InputStream in, String part) {
        return new XmlPartLimits(in, part, Long.MAX_VALUE, MAX_TOKEN_BYTES);
    }

    /** A part a library reads whole: bounded in size too. */
    static InputStream whole(InputStream in, String part, long maxBytes) {
        return new XmlPartLimits(in, part, maxBytes, MAX_TOKEN_BYTES);
    }

    /** For tests: other bounds. */
    static InputStream of(InputStream in, String part, long maxBytes, int maxToken) {
        return new XmlPartLimits(in, part, maxBytes, maxToken);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            scan(new byte[] { (byte) b }, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            scan(buffer, offset, n);
        }
        return n;
    }

    private void scan(byte[] buffer, int offset, int length) {
        bytes += length;
        if (bytes > maxBytes) {
            throw new SpreadsheetRefusedException("refused.part-too-large", part, maxBytes);
        }
        int r = run;
        int o = opening;
        for (int i = offset, end = offset + length; i < end; i++) {
            byte c = buffer[i];
            if (c == '<') {
                if (r > maxToken) {
                    throw tokenTooLong();
                }
                r = 0;
                o = 1;
            } else {
                r++;
                if (o != 0 && c != 0) {
                    if (o == 2 && c == '[') {
                        throw new SpreadsheetRefusedException("refused.cdata", part);
                    }
                    o = o == 1 && c == '!' ? 2 : 0;
                }
            }
        }
        if (r > maxToken) {
            throw tokenTooLong();
        }
        run = r;
        opening = o;
    }

    private SpreadsheetRefusedException tokenTooLong() {
        return new SpreadsheetRefusedException("refused.token-too-long", part, maxToken);
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
