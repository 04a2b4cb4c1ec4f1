package coop.intercoop.hub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import coop.intercoop.hub.bench.BenchResults.Measure;
import coop.intercoop.hub.spreadsheet.control.SheetWriter;
import coop.intercoop.hub.spreadsheet.control.SheetWriter.Column;
import coop.intercoop.hub.spreadsheet.control.XlsxReader;
import coop.intercoop.hub.testing.Books;
import coop.intercoop.hub.testing.HubClient.Reply;
import coop.intercoop.hub.testing.HubDeployment;
import coop.intercoop.hub.testing.TestDatabase;

/**
 * The ledger export (benchmark part d): one account, 572, with {@code bench.export-lines} lines (1,000,000 by default)
 * in 2025, downloaded through the hub's API as xlsx ({@code ledger-export}: time to the last byte, rows per second, the
 * hub's peak heap as {@link HubHeap} defines it), against {@code writer-only}: {@link SheetWriter} alone writing the
 * same rows, held in this JVM beforehand, to a discarded stream; and {@code sxssf-writer-only}: POI's streaming writer
 * (SXSSF) writing the same sheet (styled header, number and date formats, frozen header, autofilter, totals row) at the
 * same compression level, against {@code writer-only}. The download is checked by reading it back with
 * {@link XlsxReader}: every line, and the closing balance. The lines are generated with JDBC batches (bank receipts,
 * four lines on 572 and one on 721 per entry); the maintained balances are rebuilt through the hub's rebuild action.
 * Not part of the test run: {@code mvn -Pbench verify}.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerExportBench {

    private static final Logger LOG = Logger.getLogger(LedgerExportBench.class.getName());
    private static final int PER_ENTRY = 4;
    private static final String ACCOUNT = "572";
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final String JOURNAL = "BANK";
    private static final String DESCRIPTION = "Remesa de recibos";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    @Test
    void ledgerExportOfOneAccount() throws Exception {
        int lines = Integer.getInteger("bench.export-lines", 1_000_000);
        Books books = Books.open(base);
        long started = System.nanoTime();
        try (Connection c = TestDatabase.connect()) {
            generate(c, books.orgId(), lines);
        }
        double generation = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        Reply rebuilt = books.expect(200, books.post("/balances/rebuild", ""));
        assertTrue(rebuilt.json().getBoolean("consistent"), rebuilt.body());
        double rebuild = (System.nanoTime() - started) / 1e9;
        LOG.info(() -> String.format("%,d lines on %s generated in %.1f s, balances rebuilt in %.1f s", lines, ACCOUNT,
                generation, rebuild));

        Path file = Files.createTempFile(Path.of(System.getProperty("bench.dir", "target/bench")), "ledger", ".xlsx");
        try {
            // warm-up: a month's export and a tenth of the rows through the writer, so neither side runs cold
            download(books, LocalDate.of(2025, 1, 31), file);
            Object[][] rows = rows(lines);
            writeAll(rows, Math.max(1, lines / 10));
            writeAllWithSxssf(rows, Math.max(1, lines / 10));

            double read = databaseRead(books.orgId());
            LOG.info(() -> String.format("ledger-export: the database read alone (the hub's query, streamed over "
                    + "JDBC into this JVM) takes %.2f s", read));

            Measure export;
            double highWater;
            double maxHeap;
            try (HubHeap heap = HubHeap.connect()) {
                heap.reset();
                long start = System.nanoTime();
                download(books, LocalDate.of(2025, 12, 31), file);
                double seconds = (System.nanoTime() - start) / 1e9;
                export = Measure.throughput("ledger-export", lines, seconds, heap.peakMb());
                highWater = heap.highWaterMb();
                maxHeap = heap.maxMb();
                LOG.info(() -> String.format("ledger-export: %d collections during the download", heap.collections()));
            }
            long start = System.nanoTime();
            writeAll(rows, lines);
            Measure writer = Measure.throughput("writer-only", lines, (System.nanoTime() - start) / 1e9, null);
            start = System.nanoTime();
            writeAllWithSxssf(rows, lines);
            Measure sxssf = Measure.throughput("sxssf-writer-only", lines, (System.nanoTime() - start) / 1e9, null);
            rows = null;

            verify(file, lines, closing(lines));
            long size = Files.size(file);
            LOG.info(() -> String.format(
                    "ledger-export: %,d bytes; hub heap -Xmx %.0f MB, peak after collections "
                            + "%.0f MB, pools' high-water mark %.0f MB",
                    size, maxHeap, export.peakHeapMb(), highWater));
            BenchResults.merge(List.of(export.against(writer), writer, sxssf.against(writer)));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The ledger of 572 from 1 January to {@code to}, downloaded into {@code file}. */
    private void download(Books books, LocalDate to, Path file) throws Exception {
        HttpRequest request = HttpRequest
                .newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/" + books.path()
                        + "/reports/ledger?account=" + ACCOUNT + "&from=" + FIRST + "&to=" + to + "&format=xlsx"))
                .header("Authorization", "Bearer " + books.token()).timeout(Duration.ofHours(1)).GET().build();
        HttpResponse<Path> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofFile(file));
        assertEquals(200, response.statusCode(), () -> "download failed: " + response.statusCode());
    }

    /** Seconds to read the ledger's lines with the hub's query and fetch size, streamed, values taken and dropped. */
    private static double databaseRead(long org) throws SQLException {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement("SELECT l.entry_id, e.entry_no, l.entry_date, e.journal, "
                        + "e.description, l.account_id, l.text, l.debit, l.credit FROM journal_line l "
                        + "FORCE INDEX (ix_journal_line_ledger) "
                        + "JOIN journal_entry e ON e.org_id = l.org_id AND e.id = l.entry_id WHERE l.org_id = ? "
                        + "AND l.account_id = (SELECT id FROM account WHERE org_id = ? AND code = ?) "
                        + "AND l.entry_date BETWEEN ? AND ? ORDER BY l.entry_date, l.entry_id, l.line_no")) {
            s.setLong(1, org);
            s.setLong(2, org);
            s.setString(3, ACCOUNT);
            s.setObject(4, FIRST);
            s.setObject(5, LocalDate.of(2025, 12, 31));
            s.setFetchSize(1000);
            long start = System.nanoTime();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    r.getDate(3);
                    r.getString(5);
                    r.getString(7);
                    r.getBigDecimal(8);
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Reads the download back: header, opening balance, every line, and the totals row with the closing balance. */
    private static void verify(Path file, int lines, BigDecimal closing) {
        AtomicLong count = new AtomicLong();
        AtomicReference<String> last = new AtomicReference<>();
        try (XlsxReader reader = XlsxReader.open(file,
                new XlsxReader.Limits(Long.MAX_VALUE, SheetWriter.MAX_ROWS, 0.001, Long.MAX_VALUE, 1_000_000))) {
            assertEquals(List.of("Mayor " + ACCOUNT), reader.sheetNames());
            reader.read(0, row -> {
                count.incrementAndGet();
                XlsxReader.CellValue balance = row.at(7);
                last.set(balance == null ? null : balance.raw());
            });
        }
        assertEquals(lines + 3L, count.get(), "rows of the downloaded ledger");
        assertEquals(0, closing.compareTo(new BigDecimal(last.get())), "closing balance of the downloaded ledger");
    }

    // ---- the lines, identical in the database and in the writer's baseline

    /** The entry of the n-th line (from 0) and its number within the entry (from 1). */
    private static int entryOf(int line) {
        return line / PER_ENTRY + 1;
    }

    private static LocalDate dateOf(int entry, int entries) {
        return FIRST.plusDays((long) (entry - 1) * 365 / entries);
    }

    private static BigDecimal amountOf(int line) {
        return BigDecimal.valueOf((line * 7919L) % 100_000 + 100, 2);
    }

    private static String textOf(int line) {
        return "Recibo " + (line + 1);
    }

    /** The closing balance: every line is a debit. */
    private static BigDecimal closing(int lines) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < lines; i++) {
            sum = sum.add(amountOf(i));
        }
        return sum;
    }

    /** The rows of the ledger sheet exactly as the hub writes them, without the opening and totals rows. */
    private static Object[][] rows(int lines) {
        int entries = (lines + PER_ENTRY - 1) / PER_ENTRY;
        Object[][] rows = new Object[lines][];
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        BigDecimal balance = zero;
        for (int i = 0; i < lines; i++) {
            int entry = entryOf(i);
            BigDecimal amount = amountOf(i);
            balance = balance.add(amount);
            rows[i] = new Object[] { dateOf(entry, entries), entry, JOURNAL, ACCOUNT, DESCRIPTION + " - " + textOf(i),
                    amount, zero, balance };
        }
        return rows;
    }

    /** The ledger sheet of the first {@code count} rows, through SheetWriter, to a stream that discards it. */
    private static void writeAll(Object[][] rows, int count) {
        List<Column> columns = List.of(Column.date("Fecha"), Column.integer("Asiento"), Column.text("Diario"),
                Column.text("Cuenta"), Column.text("Concepto", 50), Column.amount("Debe"), Column.amount("Haber"),
                Column.amount("Saldo"));
        try (SheetWriter xlsx = new SheetWriter(OutputStream.nullOutputStream())) {
            xlsx.title("Libro mayor de la cuenta " + ACCOUNT);
            xlsx.sheet("Mayor " + ACCOUNT, columns);
            xlsx.row(FIRST, null, null, ACCOUNT, "Saldo anterior", null, null, BigDecimal.ZERO.setScale(2));
            BigDecimal debit = BigDecimal.ZERO;
            for (int i = 0; i < count; i++) {
                xlsx.row(rows[i]);
                debit = debit.add((BigDecimal) rows[i][5]);
            }
            xlsx.totals(LocalDate.of(2025, 12, 31), null, null, ACCOUNT, "Total y saldo final", debit, BigDecimal.ZERO,
                    rows[count - 1][7]);
            xlsx.finish();
        }
    }

    /**
     * The same sheet as {@link #writeAll} through POI's SXSSF: rows as they come (100 in memory), text inline, the
     * temporary file uncompressed and the zip at the fastest deflate level, as {@link SheetWriter} writes it.
     */
    private static void writeAllWithSxssf(Object[][] rows, int count) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, false, false) {
            @Override
            protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
                ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
                zip.setLevel(Deflater.BEST_SPEED);
                return zip;
            }
        }) {
            DataFormat formats = workbook.createDataFormat();
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            String[] numberFormats = { "dd/mm/yyyy", "0", "#,##0.00" };
            CellStyle[] plain = new CellStyle[4];
            CellStyle[] totals = new CellStyle[4];
            plain[3] = workbook.getCellStyleAt(0);
            totals[3] = header;
            for (int i = 0; i < numberFormats.length; i++) {
                plain[i] = workbook.createCellStyle();
                totals[i] = workbook.createCellStyle();
                plain[i].setDataFormat(formats.getFormat(numberFormats[i]));
                totals[i].setDataFormat(formats.getFormat(numberFormats[i]));
                totals[i].setFont(bold);
            }
            SXSSFSheet sheet = workbook.createSheet("Mayor " + ACCOUNT);
            String[] headers = { "Fecha", "Asiento", "Diario", "Cuenta", "Concepto", "Debe", "Haber", "Saldo" };
            Row first = sheet.createRow(0);
            for (int c = 0; c < headers.length; c++) {
                Cell cell = first.createCell(c);
                cell.setCellValue(headers[c]);
                cell.setCellStyle(header);
            }
            sheet.createFreezePane(0, 1);
            sheetRow(sheet.createRow(1), plain, FIRST, null, null, ACCOUNT, "Saldo anterior", null, null,
                    BigDecimal.ZERO.setScale(2));
            BigDecimal debit = BigDecimal.ZERO;
            for (int i = 0; i < count; i++) {
                sheetRow(sheet.createRow(i + 2), plain, rows[i]);
                debit = debit.add((BigDecimal) rows[i][5]);
            }
            sheet.setAutoFilter(new CellRangeAddress(0, count + 1, 0, headers.length - 1));
            sheetRow(sheet.createRow(count + 2), totals, LocalDate.of(2025, 12, 31), null, null, ACCOUNT,
                    "Total y saldo final", debit, BigDecimal.ZERO, rows[count - 1][7]);
            workbook.write(OutputStream.nullOutputStream());
            workbook.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One ledger row through SXSSF; the styles of a date, an integer, an amount and a text. */
    private static void sheetRow(Row row, CellStyle[] styles, Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(styles[0]);
            } else if (value instanceof Integer number) {
                cell.setCellValue(number);
                cell.setCellStyle(styles[1]);
            } else if (value instanceof BigDecimal amount) {
                cell.setCellValue(amount.doubleValue());
                cell.setCellStyle(styles[2]);
            } else {
                cell.setCellValue((String) value);
                cell.setCellStyle(styles[3]);
            }
        }
    }

    /**
     * Entries of {@value #PER_ENTRY} debit lines on 572 and one credit line on 721 for their sum, spread over 2025,
     * numbered 1..N, written with JDBC batches.
     */
    private static void generate(Connection c, long org, int lines) throws SQLException {
        int entries = (lines + PER_ENTRY - 1) / PER_ENTRY;
        long user;
        long year;
        long bank;
        long income;
        long firstId;
        try (Statement s = c.createStatement()) {
            user = single(s, "SELECT id FROM app_user ORDER BY id LIMIT 1");
            year = single(s, "SELECT id FROM fiscal_year WHERE org_id = " + org + " AND start_date = '2025-01-01'");
            bank = single(s, "SELECT id FROM account WHERE org_id = " + org + " AND code = '" + ACCOUNT + "'");
            income = single(s, "SELECT id FROM account WHERE org_id = " + org + " AND code = '721'");
            firstId = single(s, "SELECT COALESCE(MAX(id), 0) + 1 FROM journal_entry");
        }
        List<long[]> periods = new ArrayList<>(); // id, last day (epoch day)
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT id, end_date FROM period WHERE org_id = " + org + " ORDER BY start_date")) {
            while (r.next()) {
                periods.add(new long[] { r.getLong(1), r.getDate(2).toLocalDate().toEpochDay() });
            }
        }
        c.setAutoCommit(false);
        try (PreparedStatement entry = c.prepareStatement("INSERT INTO journal_entry (id, org_id, fiscal_year_id, "
                + "entry_no, entry_date, period_id, journal, description, total, soft_lock_override, posted_at, "
                + "posted_by, chain_seq, hash_version, hash) VALUES (?, ?, ?, ?, ?, ?, '" + JOURNAL + "', '"
                + DESCRIPTION + "', ?, FALSE, NOW(6), ?, ?, 1, ?)");
                PreparedStatement line = c.prepareStatement("INSERT INTO journal_line (org_id, entry_id, line_no, "
                        + "account_id, entry_date, debit, credit, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int period = 0;
            int next = 0;
            for (int n = 1; n <= entries; n++) {
                LocalDate date = dateOf(n, entries);
                while (date.toEpochDay() > periods.get(period)[1]) {
                    period++;
                }
                long id = firstId + n - 1;
                java.sql.Date day = java.sql.Date.valueOf(date);
                BigDecimal total = BigDecimal.ZERO.setScale(2);
                int no = 0;
                for (; next < lines && entryOf(next) == n; next++) {
                    BigDecimal amount = amountOf(next);
                    total = total.add(amount);
                    line(line, org, id, ++no, bank, day, amount, BigDecimal.ZERO, textOf(next));
                }
                line(line, org, id, ++no, income, day, BigDecimal.ZERO, total, null);
                entry.setLong(1, id);
                entry.setLong(2, org);
                entry.setLong(3, year);
                entry.setInt(4, n);
                entry.setDate(5, day);
                entry.setLong(6, periods.get(period)[0]);
                entry.setBigDecimal(7, total);
                entry.setLong(8, user);
                entry.setLong(9, n);
                entry.setString(10, String.format("%064x", n));
                entry.addBatch();
                if (n % 2_000 == 0 || n == entries) {
                    entry.executeBatch();
                    line.executeBatch();
                    c.commit();
                }
            }
        } finally {
            c.setAutoCommit(true);
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE entry_counter SET last_number = " + entries + " WHERE org_id = " + org
                    + " AND fiscal_year_id = " + year);
            s.executeUpdate("UPDATE ledger_chain SET last_seq = " + entries + ", last_hash = SHA2(" + entries
                    + ", 256) WHERE org_id = " + org);
        }
    }

    private static void line(PreparedStatement line, long org, long entry, int no, long account, java.sql.Date day,
            BigDecimal debit, BigDecimal credit, String text) throws SQLException {
        line.setLong(1, org);
        line.setLong(2, entry);
        line.setInt(3, no);
        line.setLong(4, account);
        line.setDate(5, day);
        line.setBigDecimal(6, debit);
        line.setBigDecimal(7, credit);
        line.setString(8, text);
        line.addBatch();
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            if (!r.next()) {
                throw new IllegalStateException("No row: " + sql);
            }
            return r.getLong(1);
        }
    }
}
