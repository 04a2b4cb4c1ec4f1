package coop.intercoop.hub.spreadsheet.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.xssf.usermodel.XSSFRichTextString;

/**
 * The shared-strings table of a workbook (the texts its cells refer to by index), read in bounded memory whatever the
 * file says. POI's {@code ReadOnlySharedStringsTable} holds every string on the heap and does not count them: a 28 MB
 * workbook whose table inflates to 1.6 GB of text exhausts a hub's heap. Here the table is parsed as a stream, its
 * characters counted and refused past {@code hub.import.max-text-chars} (every string counting at least one) and each
 * string past {@link #MAX_CELL_CHARS}; the strings are kept as UTF-8 with an index of where each ends, the first
 * {@code heapBytes} on the heap and the rest in a work file, read back through a small cache of blocks. Looking a
 * string up is two index reads and one decoding, whether it is on the heap or in the file.
 * <p>
 * One reader uses it at a time (the thread that parses the sheet). {@link #close} removes the work file.
 */
final class SharedStrings implements AutoCloseable {

    /** The most characters of a cell, Excel's own limit (Excel specifications and limits: 32,767). */
    static final int MAX_CELL_CHARS = 32_767;

    private final Blocks data;
    private final Blocks ends;
    private int count;
    private long chars;

    private SharedStrings(Blocks data, Blocks ends) {
        this.data = data;
        this.ends = ends;
    }

    /** A table without strings, for a workbook that has none. */
    static SharedStrings none() {
        return new SharedStrings(new Blocks(0, null, "data"), new Blocks(0, null, "index"));
    }

    /**
     * Reads the table's XML ({@code <sst>}): each {@code <si>}'s text is its {@code <t>}, or the {@code <t>} of its
     * runs ({@code <r>}), without its phonetic runs ({@code <rPh>}), Excel's escapes such as {@code _x000D_} decoded as
     * POI does.
     *
     * @param heapBytes
     *            the most bytes kept on the heap (the strings' UTF-8 and their index, half each); the rest go to a work
     *            file in {@code workDir}
     *
     * @throws SpreadsheetRefusedException
     *             past the limits, or if the XML declares a DOCTYPE
     */
    static SharedStrings read(XMLInputFactory parsers, InputStream xml, long maxTextChars, long heapBytes, Path workDir)
            throws XMLStreamException {
        SharedStrings strings = new SharedStrings(new Blocks(heapBytes / 2, workDir, "data"),
                new Blocks(heapBytes / 2, workDir, "index"));
        try {
            strings.parse(parsers.createXMLStreamReader(XmlPartLimits.streamed(xml, "xl/sharedStrings.xml")),
                    maxTextChars);
            strings.data.finish();
            strings.ends.finish();
            return strings;
        } catch (RuntimeException | XMLStreamException | Error e) {
            strings.close();
            throw e;
        }
    }

    private void parse(XMLStreamReader xml, long maxTextChars) throws XMLStreamException {
        try {
            StringBuilder text = new StringBuilder();
            long end = 0;
            int phonetic = 0;
            boolean inString = false;
            byte[] entry = new byte[Long.BYTES];
            while (xml.hasNext()) {
                int event = XlsxReader.next(xml);
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> {
                            text.setLength(0);
                            inString = true;
                        }
                        case "rPh" -> phonetic++;
                        case "t" -> {
                            if (inString && phonetic == 0 && !XlsxReader.appendText(xml, text, MAX_CELL_CHARS)) {
                                throw new SpreadsheetRefusedException("refused.shared-string-too-long", count + 1,
                                        MAX_CELL_CHARS);
                            }
                        }
                        default -> {
                            // runs (<r>) hold their text in <t>; their formatting (<rPr>) and the rest are not read
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> {
                            inString = false;
                            if (count == Integer.MAX_VALUE) {
                                throw new SpreadsheetRefusedException("refused.too-much-text", maxTextChars);
                            }
                            chars += Math.max(1, text.length());
                            if (chars > maxTextChars) {
                                throw new SpreadsheetRefusedException("refused.too-much-text", maxTextChars);
                            }
                            byte[] utf8 = decoded(text).getBytes(StandardCharsets.UTF_8);
                            data.append(utf8, 0, utf8.length);
                            end += utf8.length;
                            LONG.set(entry, 0, end);
                            ends.append(entry, 0, Long.BYTES);
                            count++;
                        }
                        case "rPh" -> phonetic--;
                        default -> {
                            // nothing ends at other elements
                        }
                    }
                }
            }
        } finally {
            xml.close();
        }
    }

    /** The text with Excel's escapes of characters XML cannot carry ({@code _xHHHH_}) decoded, as POI reads it. */
    private static String decoded(CharSequence text) {
        String plain = text.toString();
        return plain.indexOf("_x") < 0 ? plain : new XSSFRichTextString(plain).getString();
    }

    /** The characters of the table's strings (each counting at least one). */
    long chars() {
        return chars;
    }

    /** How many strings the table has. */
    int count() {
        return count;
    }

    /** The string at {@code index}, or {@code null} if the table has none there. */
    String get(int index) {
        if (index < 0 || index >= count) {
            return null;
        }
        long end = ends.getLong((long) index * Long.BYTES);
        long start = index == 0 ? 0 : ends.getLong((long) (index - 1) * Long.BYTES);
        return data.string(start, (int) (end - start));
    }

    /** Whether some strings went to the work file. */
    boolean spilled() {
        return data.spilled() || ends.spilled();
    }

    @Override
    public void close() {
        data.close();
        ends.close();
    }

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Bytes appended once and then read at any offset: the first blocks on the heap, up to a budget, the others in a
     * work file, read back through a direct-mapped cache of a few blocks (a sheet refers to its strings roughly in the
     * order the table lists them, so the cache mostly hits).
     */
    static final class Blocks {

        static final int SHIFT = 16;
        static final int BLOCK = 1 << SHIFT;
        private static final int MASK = BLOCK - 1;
        private static final int CACHED = 32;

        private final int heapBlocks;
        private final Path workDir;
        private final String name;
        private byte[][] heap = new byte[4][];
        private int blocks;
        /** The block being filled; on the heap or, once written, in the file. */
        private byte[] tail;
        private int tailUsed;
        private long size;
        private Path file;
        private FileChannel channel;
        private final byte[][] cache = new byte[CACHED][];
        private final long[] cachedBlock = new long[CACHED];
        private byte[] scratch = new byte[0];

        Blocks(long heapBytes, Path workDir, String name) {
            this.heapBlocks = (int) Math.min(Integer.MAX_VALUE, Math.max(1, heapBytes >> SHIFT));
            this.workDir = workDir;
            this.name = name;
            Arrays.fill(cachedBlock, -1);
        }

        void append(byte[] bytes, int offset, int length) {
            int done = 0;
            while (done < length) {
                if (tail == null || tailUsed == BLOCK) {
                    nextBlock();
                }
                int n = Math.min(length - done, BLOCK - tailUsed);
                System.arraycopy(bytes, offset + done, tail, tailUsed, n);
                tailUsed += n;
                done += n;
            }
            size += length;
        }

        private void nextBlock() {
            if (tail != null && blocks > heapBlocks) {
                write(tail, BLOCK);
            }
            if (blocks < heapBlocks) {
                if (blocks == heap.length) {
                    heap = Arrays.copyOf(heap, Math.min(heapBlocks, heap.length * 2));
                }
                tail = new byte[BLOCK];
                heap[blocks] = tail;
            } else if (blocks == heapBlocks || tail == null) {
                // the first block of the file; later ones reuse its buffer once written
                tail = new byte[BLOCK];
            }
            tailUsed = 0;
            blocks++;
        }

        /** Writes the last block, if it belongs in the file. */
        void finish() {
            if (tail != null && blocks > heapBlocks) {
                write(tail, tailUsed);
                tail = null;
            }
        }

        private void write(byte[] block, int length) {
            try {
                if (channel == null) {
                    file = Files.createTempFile(Files.createDirectories(workDir), "import-strings-" + name + "-",
                            ".bin");
                    channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                }
                ByteBuffer buffer = ByteBuffer.wrap(block, 0, length);
                long at = (long) (blocks - 1 - heapBlocks) * BLOCK;
                while (buffer.hasRemaining()) {
                    at += channel.write(buffer, at);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The shared strings could not be written to a work file", e);
            }
        }

        boolean spilled() {
            return channel != null;
        }

        private byte[] block(long index) {
            if (index < heapBlocks) {
                return heap[(int) index];
            }
            int slot = (int) (index % CACHED);
            if (cachedBlock[slot] != index) {
                byte[] block = cache[slot] == null ? new byte[BLOCK] : cache[slot];
                ByteBuffer buffer = ByteBuffer.wrap(block);
                long at = (index - heapBlocks) * BLOCK;
                try {
                    while (buffer.hasRemaining()) {
                        int n = channel.read(buffer, at + buffer.position());
                        if (n < 0) {
                            break;
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("The shared strings could not be read from their work file", e);
                }
                cache[slot] = block;
                cachedBlock[slot] = index;
            }
            return cache[slot];
        }

        /** Eight bytes at an offset that is a multiple of eight (so within one block). */
        long getLong(long offset) {
            return (long) LONG.get(block(offset >>> SHIFT), (int) (offset & MASK));
        }

        String string(long start, int length) {
            int within = (int) (start & MASK);
            if (within + length <= BLOCK) {
                return new String(block(start >>> SHIFT), within, length, StandardCharsets.UTF_8);
            }
            if (scratch.length < length) {
                scratch = new byte[length];
            }
            for (int done = 0; done < length;) {
                long at = start + done;
                int from = (int) (at & MASK);
                int n = Math.min(length - done, BLOCK - from);
                System.arraycopy(block(at >>> SHIFT), from, scratch, done, n);
                done += n;
            }
            return new String(scratch, 0, length, StandardCharsets.UTF_8);
        }

        long size() {
            return size;
        }

        void close() {
            heap = new byte[0][];
            Arrays.fill(cache, null);
            try {
                if (channel != null) {
                    channel.close();
                }
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The shared strings' work file could not be removed", e);
            }
        }
    }
}
