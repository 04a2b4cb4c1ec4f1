package coop.intercoop.hub.tenders.control;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import coop.intercoop.hub.tenders.entity.FeedPage;
import coop.intercoop.hub.tenders.entity.FeedRefusedException;
import coop.intercoop.hub.tenders.entity.Tender;

/**
 * Tenders as Open Contracting Data Standard 1.1 releases, both ways: a release package (or a single release) read into
 * the hub's tenders, and a tender written as a release package. Codes go through {@code ocds-mapping.csv}
 * ({@link TenderCodes.OcdsMapping}). A release is kept by its {@code ocid} (entry {@code ocds:<ocid>}) and its
 * {@code date}, so a later release of the same process replaces an earlier one, as a feed entry's {@code updated} does.
 * OCDS 1.1's core has no lots, no budget with and without taxes and no reserved contracts: a release's
 * {@code tender.value} is read as the estimated value; values in a currency other than the euro are left out (counted
 * in {@link Read#valuesLeftOut}), since the hub keeps tenders in euros.
 */
public final class Ocds {

    private static final Pattern CPV = Pattern.compile("^(\\d{8})");

    /** Releases read: the page the store keeps, and how many values were left out for their currency. */
    public record Read(FeedPage page, int valuesLeftOut) {
    }

    private Ocds() {
    }

    /**
     * Reads a release package ({@code {"releases":[…]}}) or a single release.
     *
     * @throws FeedRefusedException
     *             naming the release and the field: not JSON, no release, a release without its ocid, date, tender,
     *             buyer or a status the hub reads; nothing of the file is kept
     */
    public static Read read(InputStream body, TenderCodes.OcdsMapping mapping) {
        JsonObject root;
        try (JsonReader reader = Json.createReader(body)) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new FeedRefusedException("ocds.release.none");
            }
            root = value.asJsonObject();
        } catch (JsonParsingException e) {
            throw new FeedRefusedException("ocds.json", e.getLocation() == null ? 0 : e.getLocation().getLineNumber(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNumber());
        } catch (JsonException e) {
            throw new FeedRefusedException("ocds.json", 0, 0);
        }
        List<JsonObject> releases = new ArrayList<>();
        if (root.containsKey("releases")) {
            JsonValue list = root.get("releases");
            if (list.getValueType() != JsonValue.ValueType.ARRAY) {
                throw new FeedRefusedException("ocds.release.none");
            }
            for (JsonValue v : list.asJsonArray()) {
                if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new FeedRefusedException("ocds.release.none");
                }
                releases.add(v.asJsonObject());
            }
        } else if (root.containsKey("ocid")) {
            releases.add(root);
        }
        if (releases.isEmpty()) {
            throw new FeedRefusedException("ocds.release.none");
        }
        List<Tender> tenders = new ArrayList<>();
        int[] leftOut = new int[1];
        for (int i = 0; i < releases.size(); i++) {
            tenders.add(tender(releases.get(i), i + 1, mapping, leftOut));
        }
        return new Read(new FeedPage(tenders, List.of(), Optional.empty()), leftOut[0]);
    }

    private static Tender tender(JsonObject release, int place, TenderCodes.OcdsMapping mapping, int[] leftOut) {
        String ocid = text(release, "ocid").orElseThrow(() -> missing(place, "?", "ocid"));
        Instant date = text(release, "date").map(d -> instant(d, place, ocid, "date"))
                .orElseThrow(() -> missing(place, ocid, "date"));
        JsonObject tender = object(release, "tender").orElseThrow(() -> missing(place, ocid, "tender"));
        String ocdsStatus = text(tender, "status").orElseThrow(() -> missing(place, ocid, "tender.status"));
        String status = mapping.fromOcds("status", ocdsStatus)
                .orElseThrow(() -> new FeedRefusedException("ocds.release.status", place, ocid, ocdsStatus));
        JsonObject buyer = object(release, "buyer").or(() -> object(tender, "procuringEntity"))
                .orElseThrow(() -> missing(place, ocid, "buyer"));
        String buyerName = text(buyer, "name").orElseThrow(() -> missing(place, ocid, "buyer.name"));
        Optional<String> dir3 = party(release, text(buyer, "id")).flatMap(p -> object(p, "identifier"))
                .filter(i -> text(i, "scheme").orElse("").equals("ES-DIR3")).flatMap(i -> text(i, "id"));
        Set<String> cpvs = new LinkedHashSet<>();
        for (JsonObject item : objects(tender, "items")) {
            object(item, "classification").ifPresent(c -> cpv(c).ifPresent(cpvs::add));
            objects(item, "additionalClassifications").forEach(c -> cpv(c).ifPresent(cpvs::add));
        }
        Optional<BigDecimal> value = euros(object(tender, "value"), leftOut);
        Optional<LocalDateTime> deadline = object(tender, "tenderPeriod").flatMap(p -> text(p, "endDate"))
                .map(d -> LocalDateTime.ofInstant(instant(d, place, ocid, "tender.tenderPeriod.endDate"),
                        Watches.PENINSULAR));
        List<Tender.TenderDocument> documents = new ArrayList<>();
        for (JsonObject d : objects(tender, "documents")) {
            text(d, "url").ifPresent(url -> documents.add(new Tender.TenderDocument(Tender.TenderDocument.Kind.GENERAL,
                    text(d, "title").or(() -> text(d, "id")).orElse(url), url, text(d, "documentType"))));
        }
        List<Tender.Award> awards = new ArrayList<>();
        for (JsonObject a : objects(release, "awards")) {
            Optional<String> result = text(a, "status").flatMap(s -> mapping.fromOcds("award", s));
            if (result.isEmpty()) {
                continue;
            }
            Optional<JsonObject> supplier = objects(a, "suppliers").stream().findFirst();
            awards.add(new Tender.Award(Optional.empty(), result.get(),
                    text(a, "date")
                            .map(d -> instant(d, place, ocid, "awards.date").atZone(Watches.PENINSULAR).toLocalDate()),
                    supplier.flatMap(s -> text(s, "name")), Optional.empty(), euros(object(a, "value"), leftOut),
                    Optional.empty(), Optional.empty()));
        }
        String link = documents.stream().filter(d -> d.typeCode().orElse("").equals("tenderNotice")).findFirst()
                .map(Tender.TenderDocument::uri).orElse("");
        return new Tender("ocds:" + ocid, date, link, text(tender, "id").orElse(ocid), status,
                text(tender, "title").orElse(""), new Tender.Buyer(buyerName, Optional.empty(), dir3),
                text(tender, "mainProcurementCategory").flatMap(c -> mapping.fromOcds("category", c)),
                text(tender, "procurementMethod").flatMap(m -> mapping.fromOcds("method", m)), List.copyOf(cpvs),
                Optional.empty(), Optional.empty(), Optional.empty(), value, deadline, Optional.empty(), List.of(),
                List.of(), documents, awards);
    }

    /**
     * A tender as an OCDS 1.1 release package of one release.
     *
     * @param ocidPrefix
     *            the publisher's prefix of ocids ({@code hub.tenders.ocds.prefix})
     */
    public static JsonObject release(Tenders.Kept kept, TenderCodes.OcdsMapping mapping, String ocidPrefix,
            Instant published) {
        Tender t = kept.tender();
        String ocid = ocidPrefix + "-" + kept.id();
        String buyerId = t.buyer().dir3().map(d -> "ES-DIR3-" + d).orElse("buyer-" + kept.id());
        JsonObjectBuilder party = Json.createObjectBuilder().add("id", buyerId).add("name", t.buyer().name())
                .add("roles", Json.createArrayBuilder().add("buyer").add("procuringEntity"));
        t.buyer().dir3().ifPresent(
                d -> party.add("identifier", Json.createObjectBuilder().add("scheme", "ES-DIR3").add("id", d)));
        JsonArrayBuilder parties = Json.createArrayBuilder().add(party);
        JsonObjectBuilder tender = Json.createObjectBuilder().add("id", t.folderId()).add("title", t.title());
        mapping.toOcds("status", t.status()).ifPresent(s -> tender.add("status", s));
        t.contractType().flatMap(c -> mapping.toOcds("category", c))
                .ifPresent(c -> tender.add("mainProcurementCategory", c));
        t.procedure().flatMap(p -> mapping.toOcds("method", p)).ifPresent(m -> tender.add("procurementMethod", m));
        t.estimatedValue().or(t::budgetWithoutTaxes).ifPresent(v -> tender.add("value", money(v)));
        t.deadline().ifPresent(d -> tender.add("tenderPeriod",
                Json.createObjectBuilder().add("endDate", d.atZone(Watches.PENINSULAR).toOffsetDateTime().toString())));
        tender.add("procuringEntity", Json.createObjectBuilder().add("id", buyerId).add("name", t.buyer().name()));
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (int i = 0; i < t.cpvs().size(); i++) {
            items.add(Json.createObjectBuilder().add("id", String.valueOf(i + 1)).add("classification",
                    Json.createObjectBuilder().add("scheme", "CPV").add("id", t.cpvs().get(i))));
        }
        tender.add("items", items);
        JsonArrayBuilder documents = Json.createArrayBuilder();
        for (int i = 0; i < t.documents().size(); i++) {
            Tender.TenderDocument d = t.documents().get(i);
            documents.add(Json.createObjectBuilder().add("id", String.valueOf(i + 1)).add("title", d.name()).add("url",
                    d.uri()));
        }
        tender.add("documents", documents);
        JsonArrayBuilder tags = Json.createArrayBuilder().add("tender");
        JsonArrayBuilder awards = Json.createArrayBuilder();
        for (int i = 0; i < t.results().size(); i++) {
            Tender.Award a = t.results().get(i);
            JsonObjectBuilder award = Json.createObjectBuilder().add("id", String.valueOf(i + 1));
            mapping.toOcds("award", a.resultCode()).ifPresent(s -> award.add("status", s));
            a.awardDate().ifPresent(
                    d -> award.add("date", d.atStartOfDay(Watches.PENINSULAR).toOffsetDateTime().toString()));
            a.amountWithoutTaxes().ifPresent(v -> award.add("value", money(v)));
            a.lot().ifPresent(l -> award.add("description", "Lote " + l));
            if (a.winnerName().isPresent()) {
                String supplierId = "supplier-" + (i + 1);
                award.add("suppliers", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("id", supplierId).add("name", a.winnerName().get())));
                parties.add(Json.createObjectBuilder().add("id", supplierId).add("name", a.winnerName().get())
                        .add("roles", Json.createArrayBuilder().add("supplier")));
            }
            awards.add(award);
        }
        if (!t.results().isEmpty()) {
            tags.add("award");
        }
        JsonObjectBuilder release = Json.createObjectBuilder().add("ocid", ocid)
                .add("id", ocid + "-" + t.updated().toEpochMilli()).add("date", t.updated().toString())
                .add("language", "es").add("tag", tags).add("initiationType", "tender").add("parties", parties)
                .add("buyer", Json.createObjectBuilder().add("id", buyerId).add("name", t.buyer().name()))
                .add("tender", tender);
        if (!t.results().isEmpty()) {
            release.add("awards", awards);
        }
        return Json.createObjectBuilder().add("uri", t.link().isEmpty() ? ocid : t.link()).add("version", "1.1")
                .add("publishedDate", published.toString())
                .add("publisher", Json.createObjectBuilder().add("name", "Intercoop Hub"))
                .add("releases", Json.createArrayBuilder().add(release)).build();
    }

    private static JsonObjectBuilder money(BigDecimal amount) {
        return Json.createObjectBuilder().add("amount", amount).add("currency", "EUR");
    }

    private static Optional<BigDecimal> euros(Optional<JsonObject> value, int[] leftOut) {
        if (value.isEmpty() || !(value.get().get("amount") instanceof JsonNumber amount)) {
            return Optional.empty();
        }
        if (!"EUR".equals(text(value.get(), "currency").orElse(""))) {
            leftOut[0]++;
            return Optional.empty();
        }
        return Optional.of(amount.bigDecimalValue());
    }

    private static Optional<String> cpv(JsonObject classification) {
        if (!"CPV".equalsIgnoreCase(text(classification, "scheme").orElse(""))) {
            return Optional.empty();
        }
        Matcher digits = CPV.matcher(text(classification, "id").orElse(""));
        return digits.find() ? Optional.of(digits.group(1)) : Optional.empty();
    }

    private static Optional<JsonObject> party(JsonObject release, Optional<String> id) {
        return id.flatMap(
                i -> objects(release, "parties").stream().filter(p -> text(p, "id").orElse("").equals(i)).findFirst());
    }

    private static Instant instant(String text, int place, String ocid, String field) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new FeedRefusedException("ocds.release.value", place, ocid, field, text);
        }
    }

    private static FeedRefusedException missing(int place, String ocid, String field) {
        return new FeedRefusedException("ocds.release.missing", place, ocid, field);
    }

    private static Optional<String> text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString().strip())
                : Optional.empty();
    }

    private static Optional<JsonObject> object(JsonObject o, String name) {
        return o.get(name) instanceof JsonObject value ? Optional.of(value) : Optional.empty();
    }

    private static List<JsonObject> objects(JsonObject o, String name) {
        return o.get(name) instanceof JsonArray array
                ? array.stream().filter(v -> v instanceof JsonObject).map(JsonValue::asJsonObject).toList()
                : List.of();
    }
}
