package coop.intercoop.hub.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * The results of one {@code mvn -Pbench verify}: {@code results.json} in {@code bench.dir} ({@code target/bench}), a
 * JSON list of measures {@code {name, rows, seconds, rowsPerSecond, peakHeapMb, baseline, ratio}}. Each bench class
 * adds its measures with {@link #merge}, replacing those of the same name, so the classes of one run fill one file in
 * any order, and a class run alone updates only its own lines.
 */
public final class BenchResults {

    private static final Logger LOG = Logger.getLogger(BenchResults.class.getName());

    private BenchResults() {
    }

    /**
     * One measure.
     *
     * @param rows
     *            the rows processed, or for a latency the size of the data it ran over
     * @param seconds
     *            the measured time (for a latency, the percentile named)
     * @param rowsPerSecond
     *            rows over seconds, where that is a rate; null for a latency
     * @param peakHeapMb
     *            the hub's peak heap during the measure as {@link HubHeap} defines it; null where not measured
     * @param baseline
     *            the name of the measure it is compared with, or null
     * @param ratio
     *            its rate over the baseline's: rows per second over the baseline's rows per second, or for latencies
     *            the baseline's seconds over its own (both the rate of one request); null without a baseline
     */
    public record Measure(String name, long rows, double seconds, Double rowsPerSecond, Double peakHeapMb,
            String baseline, Double ratio) {

        /** A throughput: {@code rows} in {@code seconds}. */
        public static Measure throughput(String name, long rows, double seconds, Double peakHeapMb) {
            return new Measure(name, rows, seconds, rows / seconds, peakHeapMb, null, null);
        }

        /** A latency ({@code seconds} of one request, e.g. a p95) over data of {@code rows} rows. */
        public static Measure latency(String name, long rows, double seconds) {
            return new Measure(name, rows, seconds, null, null, null, null);
        }

        /** This measure compared with {@code other}: its rate over the other's. */
        public Measure against(Measure other) {
            double rate = rowsPerSecond != null && other.rowsPerSecond() != null ? rowsPerSecond / other.rowsPerSecond()
                    : other.seconds() / seconds;
            return new Measure(name, rows, seconds, rowsPerSecond, peakHeapMb, other.name(), rate);
        }
    }

    /** The results file of this run. */
    public static Path file() {
        return Path.of(System.getProperty("bench.dir", "target/bench")).resolve("results.json");
    }

    /**
     * Adds the measures to {@link #file()}, replacing those of the same name and keeping the others in their order, and
     * logs the whole table.
     *
     * @return every measure now in the file
     */
    public static synchronized List<Measure> merge(List<Measure> measures) throws IOException {
        Path file = file();
        Map<String, Measure> all = new LinkedHashMap<>();
        if (Files.exists(file)) {
            try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file)))) {
                for (JsonValue value : reader.readArray()) {
                    Measure m = read(value.asJsonObject());
                    all.put(m.name(), m);
                }
            }
        }
        for (Measure m : measures) {
            all.put(m.name(), m);
        }
        JsonArrayBuilder json = Json.createArrayBuilder();
        all.values().forEach(m -> json.add(write(m)));
        Files.createDirectories(file.getParent());
        Files.writeString(file, json.build().toString());
        List<Measure> merged = new ArrayList<>(all.values());
        LOG.info(() -> table(merged));
        return merged;
    }

    /** The measures as the table the bench prints. */
    public static String table(List<Measure> measures) {
        StringBuilder table = new StringBuilder(String.format("%n%-30s %12s %11s %13s %10s  %-30s %8s%n", "measure",
                "rows", "seconds", "rows/s", "peak MB", "baseline", "ratio"));
        for (Measure m : measures) {
            table.append(String.format("%-30s %,12d %11.4f %13s %10s  %-30s %8s%n", m.name(), m.rows(), m.seconds(),
                    m.rowsPerSecond() == null ? "" : String.format("%,.0f", m.rowsPerSecond()),
                    m.peakHeapMb() == null ? "" : String.format("%.0f", m.peakHeapMb()),
                    m.baseline() == null ? "" : m.baseline(),
                    m.ratio() == null ? "" : String.format("%.2f", m.ratio())));
        }
        return table.toString();
    }

    private static JsonObject write(Measure m) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("name", m.name()).add("rows", m.rows()).add("seconds",
                m.seconds());
        number(o, "rowsPerSecond", m.rowsPerSecond());
        number(o, "peakHeapMb", m.peakHeapMb());
        if (m.baseline() == null) {
            o.addNull("baseline");
        } else {
            o.add("baseline", m.baseline());
        }
        number(o, "ratio", m.ratio());
        return o.build();
    }

    private static void number(JsonObjectBuilder o, String key, Double value) {
        if (value == null) {
            o.addNull(key);
        } else {
            o.add(key, value);
        }
    }

    private static Measure read(JsonObject o) {
        return new Measure(o.getString("name"), o.getJsonNumber("rows").longValue(),
                o.getJsonNumber("seconds").doubleValue(), number(o, "rowsPerSecond"), number(o, "peakHeapMb"),
                o.isNull("baseline") ? null : o.getString("baseline"), number(o, "ratio"));
    }

    private static Double number(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key) ? null : ((JsonNumber) o.get(key)).doubleValue();
    }
}
