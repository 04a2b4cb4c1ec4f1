package coop.intercoop.hub.tenders.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.platform.ConfigCsv;
import coop.intercoop.hub.tenders.entity.SolvencyRules;

/**
 * The platform's code lists as data ({@code config/tenders/}): the official CODICE genericode files for the folder's
 * status, contract type, procedure and result (as shipped with the OpenPLACSP tool, unchanged), whose Spanish name
 * ({@code nombre}) and English name ({@code name}, where the list has one) label a code in the reader's language; and
 * the declarations that mark a reserved contract ({@code reserved-declarations.csv}). Read once, at first use.
 */
@ApplicationScoped
public class TenderCodes {

    /** The code lists a tender's codes belong to, by their genericode short name. */
    public enum CodeList {
        STATUS("SyndicationContractFolderStatusCode"), CONTRACT_TYPE("ContractCode"),
        PROCEDURE("SyndicationTenderingProcessCode"), RESULT("TenderResultCode");

        final String shortName;

        CodeList(String shortName) {
            this.shortName = shortName;
        }
    }

    static final String RESERVED = "reserved-declarations.csv";
    static final String RESERVED_HEADER = "code;reservation;name;status";
    static final String ABNORMALLY_LOW = "abnormally-low.csv";
    static final String ABNORMALLY_LOW_HEADER = "bidders;measure;units;status;source";
    static final String SOLVENCY = "solvency-defaults.csv";
    static final String SOLVENCY_HEADER = "rule;value;status;source";
    static final String OCDS = "ocds-mapping.csv";
    static final String OCDS_HEADER = "list;placsp;ocds;direction;status";

    private record Names(String spanish, Optional<String> english) {
    }

    private final Path dir;
    private volatile Map<String, Map<String, Names>> lists;
    private volatile Map<String, String> reservations;
    private volatile List<AbnormallyLow> abnormallyLow;
    private volatile OcdsMapping ocds;
    private volatile SolvencyRules solvency;

    /** For the container's proxy. */
    protected TenderCodes() {
        this.dir = null;
    }

    @Inject
    public TenderCodes(@ConfigProperty(name = "hub.tenders.dir", defaultValue = "config/tenders") String dir) {
        this.dir = Path.of(dir);
    }

    /** A code's name in the reader's language: the list's English name where it has one, else its Spanish. */
    public Optional<String> label(CodeList list, String code, Locale locale) {
        Names names = lists().getOrDefault(list.shortName, Map.of()).get(code);
        if (names == null) {
            return Optional.empty();
        }
        return Optional
                .of("es".equals(locale.getLanguage()) ? names.spanish() : names.english().orElse(names.spanish()));
    }

    /** A code of a list and its name in the reader's language. */
    public record Code(String code, String name) {
    }

    /** A list's codes, in their order in the file, each named in the reader's language. */
    public List<Code> codes(CodeList list, Locale locale) {
        return lists().getOrDefault(list.shortName, Map.of()).keySet().stream()
                .map(code -> new Code(code, label(list, code, locale).orElse(code))).toList();
    }

    /** The declaration codes that mark a reserved contract, with their reservation ({@code DA4}, {@code DA48}). */
    public Map<String, String> reservations() {
        Map<String, String> loaded = reservations;
        if (loaded == null) {
            Map<String, String> read = new HashMap<>();
            for (ConfigCsv.Row row : ConfigCsv.rowsIfPresent(dir.resolve(RESERVED), "the reserved declarations",
                    RESERVED_HEADER, (place, problem) -> new IllegalStateException(place + ": " + problem))) {
                String[] fields = row.text().split(";", -1);
                if (fields.length != 4 || fields[0].isBlank() || fields[1].isBlank()) {
                    throw new IllegalStateException(row.place() + ": expected " + RESERVED_HEADER);
                }
                read.put(fields[0].strip(), fields[1].strip());
            }
            loaded = Map.copyOf(read);
            reservations = loaded;
        }
        return loaded;
    }

    /**
     * A threshold of abnormally low offers by the number of bidders ({@code abnormally-low.csv}): how many percentage
     * units below what (the budget, the other offer, the offers' mean) an offer is presumed abnormally low.
     */
    public record AbnormallyLow(int bidders, String measure, BigDecimal units, String source) {
    }

    /** The thresholds of abnormally low offers, by the number of bidders. */
    public List<AbnormallyLow> abnormallyLow() {
        List<AbnormallyLow> loaded = abnormallyLow;
        if (loaded == null) {
            List<AbnormallyLow> read = new ArrayList<>();
            for (ConfigCsv.Row row : ConfigCsv.rowsIfPresent(dir.resolve(ABNORMALLY_LOW), "the abnormally low offers",
                    ABNORMALLY_LOW_HEADER, (place, problem) -> new IllegalStateException(place + ": " + problem))) {
                String[] fields = row.text().split(";", 5);
                try {
                    read.add(new AbnormallyLow(Integer.parseInt(fields[0].strip()), fields[1].strip(),
                            new BigDecimal(fields[2].strip()), fields[4].strip()));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(row.place() + ": expected " + ABNORMALLY_LOW_HEADER, e);
                }
            }
            if (read.stream().noneMatch(a -> a.bidders() == 1 && a.measure().equals("budget"))) {
                throw new IllegalStateException(dir.resolve(ABNORMALLY_LOW) + " has no row for an offer alone");
            }
            loaded = List.copyOf(read);
            abnormallyLow = loaded;
        }
        return loaded;
    }

    /** How many percentage units below the budget an offer alone is presumed abnormally low. */
    public BigDecimal abnormallyLowAlone() {
        return abnormallyLow().stream().filter(a -> a.bidders() == 1 && a.measure().equals("budget")).findFirst()
                .orElseThrow().units();
    }

    /**
     * The solvency a tender asks for where its clauses set none, and what makes a service similar
     * ({@code solvency-defaults.csv}: Ley 9/2017 arts. 87.3.a, 90.1.a and 90.2).
     */
    public SolvencyRules solvencyRules() {
        SolvencyRules loaded = solvency;
        if (loaded == null) {
            Map<String, String> rules = new HashMap<>();
            for (ConfigCsv.Row row : ConfigCsv.rowsIfPresent(dir.resolve(SOLVENCY), "the solvency defaults",
                    SOLVENCY_HEADER, (place, problem) -> new IllegalStateException(place + ": " + problem))) {
                String[] f = row.text().split(";", 4);
                if (f.length != 4 || !List.of("VERIFIED", "DERIVED").contains(f[2].strip())
                        || rules.putIfAbsent(f[0].strip(), f[1].strip()) != null) {
                    throw new IllegalStateException(row.place() + ": expected " + SOLVENCY_HEADER + ", once per rule");
                }
            }
            try {
                loaded = new SolvencyRules(new BigDecimal(rules.get("turnover-factor")),
                        new BigDecimal(rules.get("services-share")), Integer.parseInt(rules.get("services-years")),
                        Integer.parseInt(rules.get("services-cpv-digits")));
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        dir.resolve(SOLVENCY) + " lacks a rule or has one that does not read: "
                                + "turnover-factor, services-share, services-years and services-cpv-digits are needed",
                        e);
            }
            solvency = loaded;
        }
        return loaded;
    }

    /** Which OCDS 1.1 code a platform code is exported as, and which platform code an OCDS code is read into. */
    public record OcdsMapping(Map<String, Map<String, String>> export, Map<String, Map<String, String>> read) {

        /**
         * The OCDS code of a platform code of the list ({@code status}, {@code category}, {@code method},
         * {@code award}).
         */
        public Optional<String> toOcds(String list, String placsp) {
            return Optional.ofNullable(export.getOrDefault(list, Map.of()).get(placsp));
        }

        /** The platform code an OCDS code of the list is read into. */
        public Optional<String> fromOcds(String list, String ocds) {
            return Optional.ofNullable(read.getOrDefault(list, Map.of()).get(ocds));
        }
    }

    /** The correspondence of the platform's codes and OCDS 1.1's ({@code ocds-mapping.csv}). */
    public OcdsMapping ocds() {
        OcdsMapping loaded = ocds;
        if (loaded == null) {
            Map<String, Map<String, String>> export = new HashMap<>();
            Map<String, Map<String, String>> read = new HashMap<>();
            for (ConfigCsv.Row row : ConfigCsv.rowsIfPresent(dir.resolve(OCDS), "the OCDS correspondence", OCDS_HEADER,
                    (place, problem) -> new IllegalStateException(place + ": " + problem))) {
                String[] f = row.text().split(";", -1);
                if (f.length != 5 || !List.of("both", "export", "read").contains(f[3].strip())) {
                    throw new IllegalStateException(row.place() + ": expected " + OCDS_HEADER);
                }
                String list = f[0].strip();
                if (!f[3].strip().equals("read")) {
                    export.computeIfAbsent(list, k -> new HashMap<>()).putIfAbsent(f[1].strip(), f[2].strip());
                }
                if (!f[3].strip().equals("export")) {
                    read.computeIfAbsent(list, k -> new HashMap<>()).putIfAbsent(f[2].strip(), f[1].strip());
                }
            }
            loaded = new OcdsMapping(export, read);
            ocds = loaded;
        }
        return loaded;
    }

    /** The reservation of a tender whose declarations carry these codes, if any. */
    public Optional<String> reservation(Collection<String> declarationCodes) {
        return declarationCodes.stream().map(reservations()::get).filter(r -> r != null).sorted().findFirst();
    }

    private Map<String, Map<String, Names>> lists() {
        Map<String, Map<String, Names>> loaded = lists;
        if (loaded == null) {
            Map<String, Map<String, Names>> read = new HashMap<>();
            Path folder = dir.resolve("codelists");
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".gc")).sorted().toList()) {
                        read(file, read);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the code lists in " + folder.toAbsolutePath(), e);
                }
            }
            loaded = Map.copyOf(read);
            lists = loaded;
        }
        return loaded;
    }

    /** Reads a genericode file's short name and rows; a column is taken by its {@code ColumnRef}, not its place. */
    private static void read(Path file, Map<String, Map<String, Names>> lists) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        String shortName = null;
        Map<String, Names> codes = new java.util.LinkedHashMap<>();
        Map<String, String> row = new HashMap<>();
        String column = null;
        List<String> path = new java.util.ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    path.add(name);
                    if (name.equals("Row")) {
                        row.clear();
                    } else if (name.equals("Value")) {
                        column = reader.getAttributeValue(null, "ColumnRef");
                    } else if (name.equals("ShortName") && path.size() == 3 && path.get(1).equals("Identification")) {
                        shortName = reader.getElementText().strip();
                        path.remove(path.size() - 1);
                    } else if (name.equals("SimpleValue") && column != null) {
                        row.put(column, reader.getElementText().strip());
                        path.remove(path.size() - 1);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.remove(path.size() - 1);
                    if (reader.getLocalName().equals("Row") && row.containsKey("code")) {
                        String spanish = row.getOrDefault("nombre", row.get("code"));
                        codes.put(row.get("code"), new Names(spanish, Optional.ofNullable(row.get("name"))));
                    } else if (reader.getLocalName().equals("Value")) {
                        column = null;
                    }
                }
            }
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the code list " + file.toAbsolutePath(), e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The code list " + file.toAbsolutePath() + " is not a genericode file", e);
        }
        if (shortName == null) {
            throw new IllegalStateException("The code list " + file.toAbsolutePath() + " has no short name");
        }
        lists.put(shortName, java.util.Collections.unmodifiableMap(codes));
    }
}
