package coop.intercoop.hub.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * One line of the benchmark's table: a measure, its rows, time, rate, the hub's peak heap where measured, and its
 * baseline with the ratio of the rates. {@link #record} merges measures into {@code results.json} by name, so every
 * benchmark class of one run adds its own.
 */
record BenchMeasure(String name, long rows, double seconds, Double rowsPerSecond, Double peakHeapMb, String baseline,
        Double ratio) {

    private static final Logger LOG = Logger.getLogger(BenchMeasure.class.getName());

    static synchronized void record(List<BenchMeasure> measures) {
        Path file = Path.of(System.getProperty("bench.dir", "target/bench")).resolve("results.json");
        Map<String, JsonObject> all = new LinkedHashMap<>();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    for (JsonValue value : Json.createReader(in).readArray()) {
                        all.put(value.asJsonObject().getString("name"), value.asJsonObject());
                    }
                }
            }
            for (BenchMeasure m : measures) {
                all.put(m.name, m.json());
                LOG.info(m::line);
            }
            JsonArrayBuilder array = Json.createArrayBuilder();
            all.values().forEach(array::add);
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                Json.createWriter(out).writeArray(array.build());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonObject json() {
        JsonObjectBuilder o = Json.createObjectBuilder().add("name", name).add("rows", rows).add("seconds", seconds);
        add(o, "rowsPerSecond", rowsPerSecond);
        add(o, "peakHeapMb", peakHeapMb);
        if (baseline == null) {
            o.addNull("baseline");
        } else {
            o.add("baseline", baseline);
        }
        add(o, "ratio", ratio);
        return o.build();
    }

    private static void add(JsonObjectBuilder o, String key, Double value) {
        if (value == null) {
            o.addNull(key);
        } else {
            o.add(key, Math.round(value * 1000) / 1000.0);
        }
    }

    String line() {
        return String.format("%-30s %,12d rows %10.3f s %14s rows/s %10s MB heap %-24s %s", name, rows, seconds,
                rowsPerSecond == null ? "-" : String.format("%,.0f", rowsPerSecond),
                peakHeapMb == null ? "-" : String.format("%.0f", peakHeapMb), baseline == null ? "" : baseline,
                ratio == null ? "" : String.format("%.2f", ratio));
    }
}
