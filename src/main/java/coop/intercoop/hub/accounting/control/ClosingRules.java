package coop.intercoop.hub.accounting.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.accounting.entity.EquityTransfers;

/**
 * The year-end rules of groups 8 and 9: one {@code <template>.csv} file per chart template in {@code hub.closing.dir}
 * (format in {@link EquityTransfers}), read when a year is closed, so an installation can correct a counterpart without
 * a new release.
 */
@Dependent
public class ClosingRules {

    private final Path dir;

    @Inject
    public ClosingRules(@ConfigProperty(name = "hub.closing.dir", defaultValue = "config/closing") String dir) {
        this.dir = Path.of(dir);
    }

    /**
     * The rules of a chart template; none when the installation has no file for it, so every balance of groups 8 and 9
     * is then refused at closing.
     *
     * @throws EquityTransfers.InvalidClosingFileException
     *             if the file breaks the format, naming the line
     */
    public EquityTransfers read(String template) {
        if (template == null || !template.matches(ChartTemplates.NAME)) {
            return EquityTransfers.none(template);
        }
        Path file = dir.resolve(template + ".csv");
        if (!Files.isRegularFile(file)) {
            return EquityTransfers.none(template);
        }
        try {
            return EquityTransfers.parse(template, file.getFileName().toString(),
                    Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the closing rules " + file.toAbsolutePath(), e);
        }
    }
}
