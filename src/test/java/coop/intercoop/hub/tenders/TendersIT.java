package coop.intercoop.hub.tenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import coop.intercoop.hub.testing.Books;
import coop.intercoop.hub.testing.FeedServer;
import coop.intercoop.hub.testing.HubClient;
import coop.intercoop.hub.testing.HubClient.Reply;
import coop.intercoop.hub.testing.HubDeployment;

/**
 * Tenders from the procurement platform's feed through the API, on real pages of syndication 643 (the test resources'
 * README gives their origin): a page read whole and kept once for the hub, idempotent by entry and {@code updated},
 * tombstones closing tenders, bad pages refused with nothing kept; the filters a tender-manager uses; and who may do
 * what. Each test rewrites the pages' entry ids and file numbers with a mark of its own, since the hub's tenders are
 * shared by every test class on the hub.
 */
@ExtendWith(ArquillianExtension.class)
class TendersIT {

    private static final String ENTRY_BASE = "https://contrataciondelestado.es/sindicacion/licitacionesPerfilContratante/";
    private static final String ATOM = "application/atom+xml";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    /** An organisation with a tender-manager, a member of staff and an auditor. */
    private record Bidder(HubClient client, String path, String manager, String staff, String auditor) {
        Reply feed(String page) {
            return client.upload(path + "/feed", manager, page.getBytes(StandardCharsets.UTF_8), ATOM);
        }

        Reply list(String query) {
            return client.get(path + "?" + query, manager);
        }
    }

    private Bidder bidder() {
        Books books = Books.open(base, "pgc-esfl", "Tenders");
        HubClient c = books.client();
        String admin = c.adminToken();
        String manager = HubClient.unique("tender-manager");
        String staff = HubClient.unique("staff");
        c.createUser(admin, manager, Books.PASSWORD);
        c.createUser(admin, staff, Books.PASSWORD);
        c.grant(admin, books.orgId(), manager, "tender-manager");
        c.grant(admin, books.orgId(), staff, "staff");
        return new Bidder(c, "api/v1/orgs/" + books.orgId() + "/tenders", c.token(manager, Books.PASSWORD),
                c.token(staff, Books.PASSWORD), books.auditorToken());
    }

    private static String resource(String name) {
        try (InputStream in = TendersIT.class.getResourceAsStream("/coop/intercoop/hub/tenders/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page of the reference feed whose entry ids and file numbers carry {@code mark}. */
    private static String marked(String name, String mark) {
        return resource(name).replace(ENTRY_BASE, ENTRY_BASE + mark + "/").replace("<cbc:ContractFolderID>",
                "<cbc:ContractFolderID>" + mark + " ");
    }

    private static List<String> entries(String page) {
        List<String> entries = new ArrayList<>();
        Matcher m = Pattern.compile("<entry>.*?</entry>", Pattern.DOTALL).matcher(page);
        while (m.find()) {
            entries.add(m.group());
        }
        return entries;
    }

    /** The page's head (root element and feed metadata) with other entries and tombstones. */
    private static String page(String page, String... parts) {
        return page.substring(0, page.indexOf("<entry>")) + String.join("\n", parts) + "</feed>";
    }

    private static Reply expect(int status, Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        return reply;
    }

    private static JsonArray tenders(Reply reply) {
        return expect(200, reply).json().getJsonArray("tenders");
    }

    private static JsonObject outcome(int created, int updated, int unchanged, int closed, Reply reply) {
        JsonObject outcome = expect(200, reply).json();
        assertEquals(
                List.of(created, updated, unchanged, closed), List.of(outcome.getInt("created"),
                        outcome.getInt("updated"), outcome.getInt("unchanged"), outcome.getInt("closed")),
                reply.body());
        return outcome;
    }

    @Test
    void aPageIsReadWholeAndReadingItAgainChangesNothing() {
        Bidder b = bidder();
        String mark = HubClient.unique("P");
        String page = marked("643-2026-08-05-head-page.atom", mark);
        JsonObject first = outcome(21, 0, 0, 0, b.feed(page));
        assertTrue(first.getString("next").endsWith("licitacionesPerfilesContratanteCompleto3_20260805_201501.atom"));
        outcome(0, 0, 21, 0, b.feed(page));
        JsonArray all = tenders(b.list("q=" + mark + "&max=200"));
        assertEquals(21, all.size());

        JsonObject alconchel = all.getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("folderId").equals(mark + " 13/2026 Alconchel")).findFirst().orElseThrow();
        assertEquals(2, alconchel.getInt("lots"));
        Reply read = b.client().get(b.path() + "/" + alconchel.getJsonNumber("id").longValue(), b.manager(),
                java.util.Map.of("Accept-Language", "es"));
        JsonObject tender = expect(200, read).json();
        assertEquals("EV", tender.getJsonObject("status").getString("code"));
        assertEquals("Pendiente de adjudicación", tender.getJsonObject("status").getString("name"));
        JsonObject lot = tender.getJsonArray("lots").getJsonObject(0);
        assertEquals("Furgoneta eléctrica", lot.getString("title"));
        assertEquals("26942.15", lot.getJsonNumber("budgetWithoutTaxes").bigDecimalValue().toPlainString());
        assertEquals(List.of("34144900", "42716120"),
                lot.getJsonArray("cpvs").getValuesAs(jakarta.json.JsonString::getString));
        assertTrue(tender.getJsonArray("criteria").getValuesAs(JsonObject.class).stream()
                .anyMatch(c -> c.getString("kind").equals("AWARD") && "1".equals(c.getString("lot", null))));
        assertFalse(tender.getJsonArray("documents").isEmpty());
        assertTrue(HubClient.isNull(tender, "reservation"));

        JsonObject english = expect(200, b.client().get(b.path() + "/" + tender.getJsonNumber("id").longValue(),
                b.manager(), java.util.Map.of("Accept-Language", "en"))).json();
        assertEquals("Goods", english.getJsonObject("contractType").getString("name"));
    }

    @Test
    void aLaterVersionReplacesTheEntryAndATombstoneClosesItsTender() {
        Bidder b = bidder();
        String mark = HubClient.unique("U");
        String page = marked("643-2026-08-05-head-page.atom", mark);
        List<String> entries = entries(page);
        outcome(2, 0, 0, 0, b.feed(page(page, entries.get(0), entries.get(1))));
        // the first entry again, changed an hour later; the second taken out of the feed after it was last changed
        String later = entries.get(0)
                .replace("<updated>2026-08-05T20:06:45.394+02:00</updated>",
                        "<updated>2026-08-05T21:06:45.394+02:00</updated>")
                .replace(">PUB</cbc-place-ext:ContractFolderStatusCode>",
                        ">EV</cbc-place-ext:ContractFolderStatusCode>");
        String secondId = entries.get(1).substring(entries.get(1).indexOf("<id>") + 4, entries.get(1).indexOf("</id>"));
        String tombstone = "<at:deleted-entry ref=\"" + secondId + "\" when=\"2026-08-06T09:00:00.000+02:00\"/>";
        outcome(0, 1, 0, 1, b.feed(page(page, later, tombstone)));
        JsonArray read = tenders(b.list("q=" + mark));
        assertEquals(2, read.size());
        JsonObject first = read.getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("folderId").equals(mark + " 300/2026/01033")).findFirst().orElseThrow();
        assertEquals("EV", first.getJsonObject("status").getString("code"));
        assertTrue(HubClient.isNull(first, "closedAt"));
        assertEquals(1, tenders(b.list("q=" + mark + "&open=true")).size(), "the closed tender is left out");
        // the earlier version again, and the tombstoned entry again from an older page: nothing changes
        outcome(0, 0, 2, 0, b.feed(page(page, entries.get(0), entries.get(1))));
        assertEquals(1, tenders(b.list("q=" + mark + "&open=true")).size());
    }

    @Test
    void aTombstoneReadBeforeItsEntryKeepsTheEntryClosed() {
        Bidder b = bidder();
        String mark = HubClient.unique("T");
        String page = marked("643-2026-08-05-head-page.atom", mark);
        String entry = entries(page).get(2);
        String id = entry.substring(entry.indexOf("<id>") + 4, entry.indexOf("</id>"));
        outcome(0, 0, 0, 0,
                b.feed(page(page, "<at:deleted-entry ref=\"" + id + "\" when=\"2026-08-06T09:00:00.000+02:00\"/>")));
        outcome(1, 0, 0, 0, b.feed(page(page, entry)));
        JsonObject kept = tenders(b.list("q=" + mark)).getJsonObject(0);
        assertFalse(HubClient.isNull(kept, "closedAt"), kept.toString());

        // a tombstone older than an entry's last change leaves the tender published
        String other = entries(page).get(3);
        String otherId = other.substring(other.indexOf("<id>") + 4, other.indexOf("</id>"));
        outcome(1, 0, 0, 0, b.feed(page(page, other)));
        outcome(0, 0, 0, 0, b.feed(
                page(page, "<at:deleted-entry ref=\"" + otherId + "\" when=\"2020-01-01T09:00:00.000+01:00\"/>")));
        assertEquals(2, tenders(b.list("q=" + mark)).size());
        assertEquals(1, tenders(b.list("q=" + mark + "&open=true")).size());
    }

    @Test
    void badPagesAreRefusedWholeWithNothingKept() {
        Bidder b = bidder();
        String mark = HubClient.unique("B");
        String page = marked("643-2026-08-05-head-page.atom", mark);
        List<String> entries = entries(page);
        // the fifth entry's budget written with a decimal comma: the four before it are not kept either
        String bad = entries.get(4).replaceFirst("<cbc:TotalAmount currencyID=\"EUR\">([0-9]+)\\.?([0-9]*)<",
                "<cbc:TotalAmount currencyID=\"EUR\">$1,$2<");
        Reply refused = b.client().upload(b.path() + "/feed", b.manager(),
                page(page, entries.get(0), entries.get(1), entries.get(2), entries.get(3), bad)
                        .getBytes(StandardCharsets.UTF_8),
                ATOM);
        expect(400, refused);
        assertTrue(refused.body().contains("Entry 5 ("), refused.body());
        assertTrue(refused.body().contains("TotalAmount"), refused.body());
        assertEquals(0, tenders(b.list("q=" + mark)).size());

        Reply spanish = b.client().raw("POST", b.path() + "/feed", b.manager(),
                page.substring(0, page.length() / 3).getBytes(StandardCharsets.UTF_8), "Content-Type", ATOM,
                "Accept-Language", "es");
        expect(400, spanish);
        assertTrue(spanish.body().contains("está cortado"), spanish.body());
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&x;</title></feed>";
        Reply entity = b.feed(xxe);
        expect(400, entity);
        assertFalse(entity.body().contains("root:"), entity.body());
        expect(400, b.feed("<rss version=\"2.0\"><channel/></rss>"));
        expect(400, b.feed("not xml at all"));
        assertEquals(0, tenders(b.list("q=" + mark)).size());
    }

    @Test
    void filtersKeepTheTendersATenderManagerLooksFor() {
        Bidder b = bidder();
        String mark = HubClient.unique("F");
        String page = marked("643-2026-08-05-head-page.atom", mark);
        List<String> entries = entries(page);
        // an entry built on the first's structure, reserved (declaration 16, Ley 9/2017 DA 4ª; see
        // config/tenders/reserved-declarations.csv): a new id and file number, one declaration's code replaced
        String reserved = entries.get(0).replace("20255483</id>", "20255483-R</id>")
                .replace("300/2026/01033</cbc:ContractFolderID>", "R-01</cbc:ContractFolderID>")
                .replaceFirst("(DeclarationTypeCode-2\\.08\\.gc\">)1<", "$116<");
        outcome(22, 0, 0, 0, b.feed(page(page, String.join("\n", entries), reserved)));

        JsonArray reservedOnly = tenders(b.list("q=" + mark + "&reserved=true"));
        assertEquals(1, reservedOnly.size(), reservedOnly.toString());
        assertEquals(mark + " R-01", reservedOnly.getJsonObject(0).getString("folderId"));
        JsonObject one = expect(200, b.client()
                .get(b.path() + "/" + reservedOnly.getJsonObject(0).getJsonNumber("id").longValue(), b.manager()))
                        .json();
        assertEquals("DA4", one.getString("reservation"));

        // by CPV prefix: the lots' codes count (34144900 is a lot's of 13/2026 Alconchel)
        assertTrue(tenders(b.list("q=" + mark + "&cpv=3414")).getValuesAs(JsonObject.class).stream()
                .anyMatch(t -> t.getString("folderId").endsWith("13/2026 Alconchel")));
        for (JsonObject t : tenders(b.list("q=" + mark + "&status=PUB")).getValuesAs(JsonObject.class)) {
            assertEquals("PUB", t.getJsonObject("status").getString("code"));
        }
        JsonArray madrid = tenders(b.list("q=" + mark + "&nuts=ES30"));
        assertFalse(madrid.isEmpty());
        for (JsonObject t : madrid.getValuesAs(JsonObject.class)) {
            assertTrue(t.getString("nuts", "").startsWith("ES30") || t.getInt("lots") > 0, t.toString());
        }
        JsonArray valued = tenders(b.list("q=" + mark + "&minValue=100000&maxValue=500000"));
        assertFalse(valued.isEmpty());
        for (JsonObject t : valued.getValuesAs(JsonObject.class)) {
            java.math.BigDecimal value = t.containsKey("estimatedValue")
                    ? t.getJsonNumber("estimatedValue").bigDecimalValue()
                    : t.getJsonNumber("budgetWithoutTaxes").bigDecimalValue();
            assertTrue(value.compareTo(new java.math.BigDecimal("100000")) >= 0
                    && value.compareTo(new java.math.BigDecimal("500000")) <= 0, t.toString());
        }
        JsonArray september = tenders(b.list("q=" + mark + "&deadlineFrom=2026-09-01&deadlineTo=2026-09-30"));
        assertFalse(september.isEmpty());
        september.getValuesAs(JsonObject.class)
                .forEach(t -> assertTrue(t.getString("deadline").startsWith("2026-09"), t.toString()));
        // soonest deadline first
        List<String> deadlines = tenders(b.list("q=" + mark + "&max=200")).getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("deadline", "9999")).toList();
        assertEquals(deadlines.stream().sorted().toList(), deadlines);

        Reply badCpv = b.list("cpv=abc");
        expect(400, badCpv);
        assertTrue(badCpv.body().contains("'abc' is not a CPV prefix"), badCpv.body());
        expect(400, b.list("minValue=lots"));
        Reply both = b.list("nuts=madrid&minValue=500&maxValue=100");
        expect(400, both);
        assertEquals(2, both.json().getJsonArray("errors").size(), both.body());
    }

    /** The reference pages as the local feed serves them: marked, and each linking to the next path given. */
    private static void serve(String mark, String head, String second) {
        FeedServer.serve(FeedServer.HEAD, link(marked("643-2026-08-05-head-page.atom", mark), head));
        FeedServer.serve("/sindicacion_643/second.atom", link(marked("643-2018-01-twenty-entries.atom", mark), second));
    }

    /** The page with its next link going to {@code next}, or with none when null. */
    private static String link(String page, String next) {
        String without = page.replaceFirst("<link href=\"[^\"]*\" rel=\"next\"/>", "");
        return next == null ? without
                : without.replaceFirst("<title>", "<link href=\"" + next + "\" rel=\"next\"/><title>");
    }

    private static JsonObject read(Bidder b, String body) {
        Reply started = b.client().post(b.path() + "/feed/reads", b.manager(), body);
        expect(202, started);
        return b.client().finishedJob(b.path() + "/feed/reads/" + started.json().getJsonNumber("id").longValue(),
                b.manager());
    }

    @Test
    void theHubReadsTheFeedAlongItsNextLinksUntilAPageBringsNothingNew() {
        Bidder b = bidder();
        String mark = HubClient.unique("H");
        serve(mark, FeedServer.origin() + "/sindicacion_643/second.atom", null);
        JsonObject first = read(b, "{}");
        assertEquals("succeeded", first.getString("status"), first.toString());
        assertEquals(2, first.getInt("pages"));
        assertEquals(41, first.getInt("created"));
        assertEquals(FeedServer.origin() + "/sindicacion_643/second.atom", first.getString("lastPage"));
        assertTrue(first.getString("outcome").contains("to the end of the feed"), first.getString("outcome"));
        assertEquals(41, tenders(b.list("q=" + mark + "&max=200")).size());
        // the head page again: nothing new on it, so the older page is not fetched
        int requests = FeedServer.requests();
        JsonObject again = read(b, "{\"maxPages\":5}");
        assertEquals("succeeded", again.getString("status"), again.toString());
        assertEquals(1, again.getInt("pages"));
        assertEquals(21, again.getInt("unchanged"));
        assertEquals(requests + 1, FeedServer.requests());
        expect(400, b.client().post(b.path() + "/feed/reads", b.manager(), "{\"maxPages\":0}"));
        expect(403, b.client().post(b.path() + "/feed/reads", b.auditor(), "{}"));
    }

    /** What {@code read} answers once {@code done} holds of it, asked every 200 ms for {@code seconds} at most. */
    private static JsonObject until(java.util.function.Supplier<JsonObject> read,
            java.util.function.Predicate<JsonObject> done, java.time.Duration most) throws InterruptedException {
        java.time.Instant end = java.time.Instant.now().plus(most);
        JsonObject last = read.get();
        while (!done.test(last)) {
            assertTrue(java.time.Instant.now().isBefore(end), "still not done: " + last);
            Thread.sleep(200);
            last = read.get();
        }
        return last;
    }

    @Test
    void aScheduleReadsTheFeedAsItsOwnerAndIsSuspendedOnceTheOwnerMayNoLongerRead() throws Exception {
        Books books = Books.open(base, "pgc-esfl", "Scheduled reads");
        HubClient c = books.client();
        String admin = c.adminToken();
        String owner = HubClient.unique("scheduler");
        c.createUser(admin, owner, Books.PASSWORD);
        long membership = c.grant(admin, books.orgId(), owner, "tender-manager");
        String token = c.token(owner, Books.PASSWORD);
        String schedule = "api/v1/orgs/" + books.orgId() + "/tenders/feed/schedule";
        String mark = HubClient.unique("R");
        serve(mark, null, null);

        expect(404, c.get(schedule, token));
        Reply hourly = c.send("PUT", schedule, token, "{\"everyHours\":0}");
        expect(400, hourly);
        assertTrue(hourly.body().contains("from 1 to 168 hours"), hourly.body());
        expect(403, c.put(schedule, books.auditorToken(), "{\"everyHours\":6}"));
        JsonObject saved = expect(200, c.put(schedule, token, "{\"everyHours\":6}")).json();
        assertEquals(6, saved.getInt("everyHours"));
        assertEquals(owner, saved.getString("owner"));
        // the first read is queued at once, as the owner, and reads the head page
        JsonObject ran = until(() -> c.get(schedule, token).json(), s -> s.containsKey("lastRead"),
                java.time.Duration.ofSeconds(30));
        String reads = "api/v1/orgs/" + books.orgId() + "/tenders/feed/reads/";
        JsonObject read = c.finishedJob(reads + ran.getJsonNumber("lastRead").longValue(), token);
        assertEquals("succeeded", read.getString("status"), read.toString());
        assertEquals(21, read.getInt("created"));
        assertTrue(java.time.Instant.parse(ran.getString("nextRead"))
                .isAfter(java.time.Instant.now().plus(java.time.Duration.ofHours(5))), ran.toString());
        // saving again needs the version read
        expect(409, c.put(schedule, token, "{\"everyHours\":12}"));

        // the owner is no longer a tender-manager: at the next turn the schedule stops, saying why in their language
        String memberships = "api/v1/orgs/" + books.orgId() + "/memberships";
        int version = expect(200, c.get(memberships, books.token())).array().stream().map(JsonObject.class::cast)
                .filter(m -> m.getJsonNumber("id").longValue() == membership).findFirst().orElseThrow()
                .getInt("version");
        expect(200, c.put(memberships + "/" + membership, books.token(),
                "{\"roles\":[\"staff\"],\"version\":" + version + "}"));
        try (java.sql.Connection db = coop.intercoop.hub.testing.TestDatabase.connect();
                java.sql.PreparedStatement due = db.prepareStatement(
                        "UPDATE job_schedule SET next_at = next_at - INTERVAL 7 HOUR WHERE org_id = ?")) {
            due.setLong(1, books.orgId());
            assertEquals(1, due.executeUpdate(), "the schedule's turn comes (six hours pass)");
        }
        JsonObject suspended = until(() -> c.get(schedule, books.auditorToken()).json(),
                s -> s.containsKey("suspended"), java.time.Duration.ofSeconds(30));
        assertEquals(ran.getJsonNumber("lastRead"), suspended.getJsonNumber("lastRead"), "no read queued");
        assertTrue(suspended.getString("suspended").contains("tender-manager"), suspended.toString());

        expect(403, c.delete(schedule, token));
        expect(204, c.delete(schedule, books.token()));
        expect(404, c.get(schedule, books.token()));
    }

    @Test
    void aReadStopsAtAPageThatCannotBeReadOrLinksElsewhereKeepingThePagesBefore() {
        Bidder b = bidder();
        String mark = HubClient.unique("S");
        serve(mark, FeedServer.origin() + "/sindicacion_643/second.atom", null);
        String second = link(marked("643-2018-01-twenty-entries.atom", mark), null);
        FeedServer.serve("/sindicacion_643/second.atom", second.substring(0, second.length() / 2));
        JsonObject cut = read(b, "{}");
        assertEquals("failed", cut.getString("status"), cut.toString());
        assertEquals(1, cut.getInt("pages"));
        assertTrue(cut.getString("outcome").startsWith("Page 2 (" + FeedServer.origin()), cut.getString("outcome"));
        assertTrue(cut.getString("outcome").contains("cut short"), cut.getString("outcome"));
        assertEquals(21, tenders(b.list("q=" + mark + "&max=200")).size(), "the head page is kept whole");

        String other = HubClient.unique("O");
        serve(other, "http://192.0.2.1/sindicacion_643/second.atom", null);
        JsonObject elsewhere = read(b, "{}");
        assertEquals("failed", elsewhere.getString("status"), elsewhere.toString());
        assertTrue(elsewhere.getString("outcome").contains("192.0.2.1"), elsewhere.getString("outcome"));
        assertEquals(21, tenders(b.list("q=" + other + "&max=200")).size());

        // a page that stops coming halfway is given up after the timeout, not waited for
        String stalled = HubClient.unique("Z");
        FeedServer.serveStalling(FeedServer.HEAD, link(marked("643-2026-08-05-head-page.atom", stalled), null));
        java.time.Instant asked = java.time.Instant.now();
        JsonObject given = read(b, "{}");
        assertEquals("failed", given.getString("status"), given.toString());
        assertTrue(given.getString("outcome").contains("could not be fetched"), given.getString("outcome"));
        assertTrue(java.time.Duration.between(asked, java.time.Instant.now()).toSeconds() < 40,
                "given up after the timeout, not after the minute the server stalls");
        assertEquals(0, tenders(b.list("q=" + stalled)).size());

        FeedServer.remove(FeedServer.HEAD);
        JsonObject missing = read(b, "{}");
        assertEquals("failed", missing.getString("status"), missing.toString());
        assertTrue(missing.getString("outcome").contains("HTTP 404"), missing.getString("outcome"));
    }

    @Test
    void aWatchMarksTheTendersReadSinceItWasLastLookedAtAndItsCalendarWarnsAhead() {
        Bidder b = bidder();
        String mark = HubClient.unique("W");
        String watches = b.path() + "/watches";
        // the watch looks for the mark's tenders with a lot's CPV code of 13/2026 Alconchel
        JsonObject watch = expect(201, b.client().post(watches, b.manager(),
                "{\"name\":\"Vehículos " + mark + "\",\"cpv\":[\"3414\"],\"q\":\"" + mark + "\"}")).json();
        String path = watches + "/" + watch.getJsonNumber("id").longValue();
        assertEquals(0, watch.getInt("unseen"));
        String page = marked("643-2026-08-05-head-page.atom", mark);
        List<String> entries = entries(page);
        outcome(21, 0, 0, 0, b.feed(page(page, String.join("\n", entries))));
        JsonObject after = expect(200, b.client().get(path, b.manager())).json();
        assertEquals(1, after.getInt("unseen"), after.toString());
        JsonObject kept = tenders(b.client().get(path + "/tenders?unseen=true", b.manager())).getJsonObject(0);
        assertEquals(mark + " 13/2026 Alconchel", kept.getString("folderId"));
        assertTrue(kept.getBoolean("unseen"));
        assertFalse(kept.getBoolean("deadlineSoon"), "its deadline, 17 July 2026, is past");
        expect(403, b.client().post(path + "/seen", b.auditor(), "{}"));
        assertEquals(0, expect(200, b.client().post(path + "/seen", b.manager(), "{}")).json().getInt("unseen"));
        assertEquals(0, tenders(b.client().get(path + "/tenders?unseen=true", b.manager())).size());
        assertEquals(1, tenders(b.client().get(path + "/tenders", b.manager())).size());

        // a new tender of the watch, its deadline three days ahead: unseen, and warned about on the calendar
        java.time.LocalDate soon = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Madrid")).plusDays(3);
        String alconchel = entries.stream().filter(e -> e.contains("13/2026 Alconchel")).findFirst().orElseThrow();
        String fresh = alconchel.replaceFirst("</id>", "-N</id>").replace("13/2026 Alconchel<", "13/2026 Nuevo<")
                .replaceFirst("(<cac:TenderSubmissionDeadlinePeriod>\\s*<cbc:EndDate>)[^<]*", "$1" + soon);
        outcome(1, 0, 0, 0, b.feed(page(page, fresh)));
        assertEquals(1, expect(200, b.client().get(path, b.manager())).json().getInt("unseen"));
        JsonObject calendar = expect(200,
                b.client().get(watches + "/calendar?from=2026-07-01&to=" + soon.plusDays(1), b.manager())).json();
        List<JsonObject> dated = calendar.getJsonArray("tenders").getValuesAs(JsonObject.class);
        assertEquals(List.of(mark + " 13/2026 Alconchel", mark + " 13/2026 Nuevo"),
                dated.stream().map(d -> d.getJsonObject("tender").getString("folderId")).toList());
        assertEquals(List.of(false, true),
                dated.stream().map(d -> d.getJsonObject("tender").getBoolean("deadlineSoon")).toList());
        assertEquals("Vehículos " + mark, dated.get(1).getJsonArray("watches").getString(0));
        assertTrue(calendar.getBoolean("complete"));

        // the same name again, a bad filter, a change without the version read, a stale version, staff
        expect(409, b.client().post(watches, b.manager(), "{\"name\":\"Vehículos " + mark + "\"}"));
        Reply bad = b.client().post(watches, b.manager(), "{\"name\":\"\",\"cpv\":[\"85-31\"]}");
        expect(400, bad);
        assertEquals(2, bad.json().getJsonArray("errors").size(), bad.body());
        expect(400, b.client().put(path, b.manager(), "{\"name\":\"Otra\"}"));
        int version = expect(200, b.client().get(path, b.manager())).json().getInt("version");
        expect(200, b.client().put(path, b.manager(), "{\"name\":\"Otra " + mark + "\",\"version\":" + version + "}"));
        expect(409, b.client().put(path, b.manager(), "{\"name\":\"Más " + mark + "\",\"version\":" + version + "}"));
        expect(403, b.client().get(watches, b.staff()));
        expect(400, b.client().get(watches + "/calendar?from=2026-01-01&to=2027-06-01", b.manager()));
        expect(204, b.client().delete(path, b.manager()));
        expect(404, b.client().get(path, b.manager()));
    }

    /** An organisation with a tender-manager, its id, tax id and path. */
    private record Member(long org, String taxId, String manager, String path) {
    }

    private Member member(HubClient c, String name) {
        String admin = c.adminToken();
        long org = c.createOrganisation(admin, HubClient.unique(name));
        String manager = HubClient.unique("tender-manager");
        c.createUser(admin, manager, Books.PASSWORD);
        c.grant(admin, org, manager, "tender-manager");
        String token = c.token(manager, Books.PASSWORD);
        String taxId = c.get("api/v1/orgs/" + org, token).json().getJsonObject("organisation").getString("taxId");
        return new Member(org, taxId, token, "api/v1/orgs/" + org);
    }

    /**
     * A consortium's bid: the lead aims it at a tender and one of its lots and records the decision; a member adds an
     * envelope's items, owned by members and due by the tender's deadline, and ticks them off; an outsider reaches
     * nothing, and a member who leaves reaches nothing from then on.
     */
    @Test
    void aConsortiumsMembersPrepareTheirBidInItsWorkspaceAndOnlyThey() {
        HubClient c = new HubClient(base);
        Member lead = member(c, "Lead");
        Member partner = member(c, "Partner");
        Member outsider = member(c, "Outsider");
        long consortium = expect(201,
                c.post(lead.path() + "/consortia", lead.manager(), "{\"name\":\"UTE Vehículos\",\"share\":60}")).json()
                        .getJsonNumber("id").longValue();
        expect(201, c.post(lead.path() + "/consortia/" + consortium + "/invitations", lead.manager(),
                "{\"taxId\":\"" + partner.taxId() + "\",\"share\":40}"));
        long invitation = c.get(partner.path() + "/consortium-invitations", partner.manager()).array().getJsonObject(0)
                .getJsonNumber("id").longValue();
        expect(200, c.post(partner.path() + "/consortium-invitations/" + invitation + "/acceptance", partner.manager(),
                "{}"));
        String mark = HubClient.unique("C");
        String page = marked("643-2026-08-05-head-page.atom", mark);
        outcome(21, 0, 0, 0,
                c.upload(lead.path() + "/tenders/feed", lead.manager(), page.getBytes(StandardCharsets.UTF_8), ATOM));
        long alconchel = tenders(c.get(lead.path() + "/tenders?q=" + mark + "%2013/2026%20Alconchel", lead.manager()))
                .getJsonObject(0).getJsonNumber("id").longValue();
        String bid = "/consortia/" + consortium + "/bid";

        expect(404, c.get(lead.path() + bid, lead.manager()));
        expect(403, c.put(partner.path() + bid, partner.manager(), "{\"tenderId\":" + alconchel + "}"));
        Reply unknownLot = c.put(lead.path() + bid, lead.manager(),
                "{\"tenderId\":" + alconchel + ",\"lots\":[\"1\",\"9\"]}");
        expect(400, unknownLot);
        assertTrue(unknownLot.body().contains("no lot 9"), unknownLot.body());
        JsonObject aimed = expect(200,
                c.put(lead.path() + bid, lead.manager(), "{\"tenderId\":" + alconchel + ",\"lots\":[\"1\"]}")).json();
        assertEquals(mark + " 13/2026 Alconchel", aimed.getJsonObject("tender").getString("folderId"));

        JsonObject seen = expect(200, c.get(partner.path() + bid, partner.manager())).json();
        assertEquals(List.of("1"), seen.getJsonArray("lots").getValuesAs(jakarta.json.JsonString::getString));
        // the tender's deadline is 17 July 2026: an item due after it is refused, naming both dates
        Reply late = c.post(partner.path() + bid + "/items", partner.manager(),
                "{\"envelope\":\"ADMINISTRATIVE\",\"title\":\"Declaración responsable\",\"ownerOrganisationId\":"
                        + partner.org() + ",\"dueDate\":\"2026-07-20\"}");
        expect(400, late);
        assertTrue(late.body().contains("17/07/2026"), late.body());
        Reply stranger = c.post(partner.path() + bid + "/items", partner.manager(),
                "{\"envelope\":\"TECHNICAL\",\"title\":\"Memoria\",\"ownerOrganisationId\":" + outsider.org()
                        + ",\"dueDate\":\"2026-07-10\"}");
        expect(400, stranger);
        assertEquals("ownerOrganisationId", stranger.json().getString("field"));
        JsonObject item = expect(201, c.post(partner.path() + bid + "/items", partner.manager(),
                "{\"envelope\":\"ADMINISTRATIVE\",\"title\":\"Declaración responsable\",\"ownerOrganisationId\":"
                        + partner.org() + ",\"dueDate\":\"2026-07-10\"}")).json();
        assertTrue(item.getBoolean("late"), "due in July 2026 and not done");
        String itemPath = bid + "/items/" + item.getJsonNumber("id").longValue();
        JsonObject done = expect(200, c.put(partner.path() + itemPath + "/done", partner.manager(),
                "{\"done\":true,\"version\":" + item.getInt("version") + "}")).json();
        assertTrue(done.getBoolean("done"));
        assertFalse(done.getBoolean("late"));
        JsonObject decided = expect(200, c.put(lead.path() + bid + "/decision", lead.manager(),
                "{\"decision\":\"BID\",\"version\":" + aimed.getInt("version") + "}")).json();
        assertEquals("BID", decided.getString("decision"));
        assertEquals(1, decided.getJsonArray("items").size());
        // aimed at another tender while the checklist holds the first one's items: refused
        long other = tenders(c.get(lead.path() + "/tenders?q=" + mark + "%20300/2026/01033", lead.manager()))
                .getJsonObject(0).getJsonNumber("id").longValue();
        expect(400, c.put(lead.path() + bid, lead.manager(),
                "{\"tenderId\":" + other + ",\"version\":" + decided.getInt("version") + "}"));

        // the partner's certificates, checked against the deadline: Social Security's expires before it
        JsonObject tax = expect(201,
                c.post(partner.path() + "/certificates", partner.manager(),
                        "{\"kind\":\"TAX_AGENCY\",\"title\":\"Certificado de estar al corriente (AEAT)\","
                                + "\"validFrom\":\"2026-01-15\",\"validUntil\":\"2027-01-14\"}")).json();
        expect(201,
                c.post(partner.path() + "/certificates", partner.manager(),
                        "{\"kind\":\"SOCIAL_SECURITY\",\"title\":\"Certificado de la TGSS\","
                                + "\"validFrom\":\"2026-01-02\",\"validUntil\":\"2026-07-01\"}"));
        Reply backwards = c.post(partner.path() + "/certificates", partner.manager(),
                "{\"kind\":\"QUALITY\",\"title\":\"ISO 9001\",\"validFrom\":\"2026-05-01\","
                        + "\"validUntil\":\"2026-04-30\"}");
        expect(400, backwards);
        assertEquals("validUntil", backwards.json().getString("field"));
        JsonObject checked = expect(200, c.get(lead.path() + bid, lead.manager())).json();
        JsonObject partnerChecked = checked.getJsonArray("members").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getJsonNumber("organisationId").longValue() == partner.org()).findFirst().orElseThrow();
        assertTrue(partnerChecked.getBoolean("taxAgencyValid"));
        assertFalse(partnerChecked.getBoolean("socialSecurityValid"), "it expires on 1 July, before the deadline");
        assertEquals(List.of("SOCIAL_SECURITY", "TAX_AGENCY"), checked.getJsonArray("certificates")
                .getValuesAs(JsonObject.class).stream().map(x -> x.getString("kind")).toList());
        assertEquals(List.of(false, true), checked.getJsonArray("certificates").getValuesAs(JsonObject.class).stream()
                .map(x -> x.getBoolean("validAtDeadline")).toList());
        // the scorecard: weights 3 and 1, scores 8 and 4, weighted (3 x 8 + 1 x 4) / 4 = 7.00
        Reply badScore = c.put(partner.path() + bid + "/scorecard", partner.manager(),
                "{\"lines\":[{\"criterion\":\"Encaje\",\"weight\":3,\"score\":8},{\"criterion\":\"Riesgo\","
                        + "\"weight\":0,\"score\":11}],\"version\":" + checked.getInt("version") + "}");
        expect(400, badScore);
        assertEquals(List.of("scorecard[1].weight", "scorecard[1].score"), badScore.json().getJsonArray("errors")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList());
        JsonObject scored = expect(200,
                c.put(partner.path() + bid + "/scorecard", partner.manager(),
                        "{\"lines\":[{\"criterion\":\"Encaje\",\"weight\":3,\"score\":8},{\"criterion\":\"Riesgo\","
                                + "\"weight\":1,\"score\":4}],\"version\":" + checked.getInt("version") + "}")).json();
        assertEquals("7.00", scored.getJsonNumber("weightedScore").bigDecimalValue().toPlainString());
        expect(409, c.put(lead.path() + bid + "/scorecard", lead.manager(),
                "{\"lines\":[],\"version\":" + checked.getInt("version") + "}"));
        expect(404,
                c.get(outsider.path() + "/certificates/" + tax.getJsonNumber("id").longValue(), outsider.manager()));

        // an outsider reaches nothing, through its own path or the lead's
        expect(404, c.get(outsider.path() + bid, outsider.manager()));
        expect(404, c.get(lead.path() + bid, outsider.manager()));
        expect(404,
                c.post(outsider.path() + bid + "/items", outsider.manager(),
                        "{\"envelope\":\"ECONOMIC\",\"title\":\"Oferta\",\"ownerOrganisationId\":" + outsider.org()
                                + ",\"dueDate\":\"2026-07-10\"}"));
        // the lead cannot leave; the partner leaves and reaches nothing from then on
        expect(409, c.delete(lead.path() + "/consortia/" + consortium + "/membership", lead.manager()));
        expect(204, c.delete(partner.path() + "/consortia/" + consortium + "/membership", partner.manager()));
        expect(404, c.get(partner.path() + bid, partner.manager()));
        expect(404, c.get(partner.path() + "/consortia/" + consortium, partner.manager()));
        expect(404, c.put(partner.path() + itemPath + "/done", partner.manager(), "{\"done\":false,\"version\":1}"));
        JsonObject after = expect(200, c.get(lead.path() + "/consortia/" + consortium, lead.manager())).json();
        assertFalse(after.getBoolean("formed"));
    }

    /** An employee of the organisation with a contract of a year, for the staff the solvency counts. */
    private static void employ(Books books, long centre, String nif, String naf, String disabilityFrom,
            String contract) {
        String employees = "api/v1/orgs/" + books.orgId() + "/payroll/employees";
        jakarta.json.JsonObjectBuilder employee = jakarta.json.Json.createObjectBuilder().add("nif", nif)
                .add("naf", naf).add("firstName", "Ana").add("lastName", "García").add("birthDate", "1990-05-17")
                .add("address", "Calle Mayor 1").add("postalCode", "28013").add("municipality", "Madrid")
                .add("iban", "ES9121000418450200051332").add("familySituation", 3);
        if (disabilityFrom != null) {
            employee.add("disabilityDegree", 33).add("disabilityFrom", disabilityFrom).add("disabilityEvidence",
                    "Resolución de reconocimiento");
        }
        long id = expect(201, books.client().post(employees, books.token(), employee.build().toString())).json()
                .getJsonNumber("id").longValue();
        expect(201, books.client().post(employees + "/" + id + "/contracts", books.token(),
                contract.replace("CENTRE", String.valueOf(centre))));
    }

    /**
     * A consortium's solvency from its members' own data, as each consented: the lead's turnover of its closed 2025
     * from its books, the partner's 2025 staff from its contracts; each read recorded in the member's log; a consent
     * withdrawn removes the figures at once; an outsider reads nothing.
     */
    @Test
    void aConsortiumsSolvencyComesFromItsMembersBooksAndPayrollAsTheyConsent() {
        Books lead = Books.open(base, "pgc-esfl", "Solvente");
        Books partner = Books.open(base, "pgc-esfl", "Plantilla");
        HubClient c = lead.client();
        String leadPath = "api/v1/orgs/" + lead.orgId();
        String partnerPath = "api/v1/orgs/" + partner.orgId();
        // the lead's 2025: services 12,000.00 and members' fees 3,000.00, the plan's turnover lines 1 + 2, then closed
        lead.expect(201, lead.post("/entries", Books.entry("2025-03-01", "572", "705", "12000.00")));
        lead.expect(201, lead.post("/entries", Books.entry("2025-04-01", "572", "720", "3000.00")));
        lead.expect(201, lead.post("/fiscal-years/2025/closing", "{}"));
        // the partner's 2025: one worker with a disability all year, one half-time from 1 July (184 days)
        long centre = c.createWorkCentre(partner.token(), partner.orgId(), "Centro").getJsonNumber("id").longValue();
        employ(partner, centre, "12345678Z", "281234567840", "2025-01-01",
                "{\"startDate\":\"2025-01-01\",\"contractType\":\"100\",\"contributionGroup\":5,"
                        + "\"activityCode\":\"8891\",\"workCentreId\":CENTRE,\"salaryItems\":[{\"name\":\"Salario base\","
                        + "\"monthlyAmount\":1500,\"kind\":\"BASE\"}]}");
        employ(partner, centre, "87654321X", "281234567941", null,
                "{\"startDate\":\"2025-07-01\",\"contractType\":\"200\",\"partTimeCoefficient\":0.5,"
                        + "\"contributionGroup\":5,\"activityCode\":\"8891\",\"workCentreId\":CENTRE,"
                        + "\"salaryItems\":[{\"name\":\"Salario base\",\"monthlyAmount\":800,\"kind\":\"BASE\"}]}");
        long consortium = expect(201,
                c.post(leadPath + "/consortia", lead.token(), "{\"name\":\"UTE Solvencia\",\"share\":50}")).json()
                        .getJsonNumber("id").longValue();
        String partnerTax = c.get(partnerPath, partner.token()).json().getJsonObject("organisation").getString("taxId");
        expect(201, c.post(leadPath + "/consortia/" + consortium + "/invitations", lead.token(),
                "{\"taxId\":\"" + partnerTax + "\",\"share\":50}"));
        long invitation = c.get(partnerPath + "/consortium-invitations", partner.token()).array().getJsonObject(0)
                .getJsonNumber("id").longValue();
        expect(200,
                c.post(partnerPath + "/consortium-invitations/" + invitation + "/acceptance", partner.token(), "{}"));
        String solvency = "/consortia/" + consortium + "/solvency";

        JsonObject none = expect(200, c.get(partnerPath + solvency, partner.token())).json();
        assertEquals("0.00", none.getJsonNumber("turnover").bigDecimalValue().toPlainString());
        assertTrue(none.getJsonArray("staff").isEmpty());
        Reply future = c.put(partnerPath + solvency + "/consent", partner.token(), "{\"staff\":[2999]}");
        expect(400, future);
        assertEquals("staff", future.json().getString("field"));
        expect(200, c.put(leadPath + solvency + "/consent", lead.token(), "{\"turnover\":[2024,2025]}"));
        expect(200, c.put(partnerPath + solvency + "/consent", partner.token(), "{\"staff\":[2025]}"));

        JsonObject report = expect(200, c.get(partnerPath + solvency, partner.token())).json();
        Map<Long, JsonObject> members = new java.util.HashMap<>();
        report.getJsonArray("members").getValuesAs(JsonObject.class)
                .forEach(m -> members.put(m.getJsonNumber("organisationId").longValue(), m));
        JsonObject ofLead = members.get(lead.orgId());
        assertEquals(1, ofLead.getJsonArray("turnover").size(), "2024 is no closed year of the lead's");
        assertEquals(2025, ofLead.getJsonObject("bestTurnover").getInt("year"));
        assertEquals("15000.00",
                ofLead.getJsonObject("bestTurnover").getJsonNumber("amount").bigDecimalValue().toPlainString());
        assertTrue(ofLead.getJsonArray("staff").isEmpty(), "the lead consented to no staff figure");
        JsonObject staff = members.get(partner.orgId()).getJsonArray("staff").getJsonObject(0);
        // (365 x 1 + 184 x 0.5) / 365 = 1.2521 → 1.25; with a disability 365 / 365 = 1.00; 1.00 / 1.25 = 80.00 %
        assertEquals("1.25", staff.getJsonNumber("average").bigDecimalValue().toPlainString());
        assertEquals("1.00", staff.getJsonNumber("withDisability").bigDecimalValue().toPlainString());
        assertEquals("80.00", staff.getJsonNumber("protectedShare").bigDecimalValue().toPlainString());
        assertEquals("15000.00", report.getJsonNumber("turnover").bigDecimalValue().toPlainString());
        assertEquals("1.25", report.getJsonArray("staff").getJsonObject(0).getJsonNumber("average").bigDecimalValue()
                .toPlainString());
        String leadsLog = c.get(leadPath + "/audit?max=50", lead.token()).body();
        assertTrue(leadsLog.contains("\"solvency.read\"") && leadsLog.contains("by organisation " + partner.orgId()),
                leadsLog);

        // withdrawn: gone at once
        expect(200, c.put(partnerPath + solvency + "/consent", partner.token(), "{}"));
        JsonObject withdrawn = expect(200, c.get(leadPath + solvency, lead.token())).json();
        assertTrue(withdrawn.getJsonArray("staff").isEmpty(), withdrawn.toString());
        Member outsider = member(c, "Fuera");
        expect(404, c.get(outsider.path() + solvency, outsider.manager()));
        expect(404, c.get(leadPath + solvency, outsider.manager()));
        expect(404, c.put(outsider.path() + solvency + "/consent", outsider.manager(), "{\"staff\":[2025]}"));
    }

    /**
     * The services each member performed, kept in its own register, count towards the consortium's technical solvency
     * as far as it consents: those of a nature similar to the tender's (the first three CPV digits) in the three years
     * before its deadline, each member's best year, summed, and set against the default the law gives from the tender's
     * value and duration (Ley 9/2017 arts. 87.3.a and 90.2).
     */
    @Test
    void theMembersSimilarServicesAreSetAgainstTheTendersDefaultSolvency() {
        Books lead = Books.open(base, "pgc-esfl", "Servicios");
        HubClient c = lead.client();
        String leadPath = "api/v1/orgs/" + lead.orgId();
        lead.expect(201, lead.post("/entries", Books.entry("2025-03-01", "572", "705", "15000.00")));
        lead.expect(201, lead.post("/fiscal-years/2025/closing", "{}"));
        Member partner = member(c, "Vigilantes");
        long consortium = expect(201,
                c.post(leadPath + "/consortia", lead.token(), "{\"name\":\"UTE Vigilancia\",\"share\":50}")).json()
                        .getJsonNumber("id").longValue();
        expect(201, c.post(leadPath + "/consortia/" + consortium + "/invitations", lead.token(),
                "{\"taxId\":\"" + partner.taxId() + "\",\"share\":50}"));
        long invitation = c.get(partner.path() + "/consortium-invitations", partner.manager()).array().getJsonObject(0)
                .getJsonNumber("id").longValue();
        expect(200, c.post(partner.path() + "/consortium-invitations/" + invitation + "/acceptance", partner.manager(),
                "{}"));
        // VI/26/04-S: security services (CPV 79711000), 317.200,00 over 24 months, deadline 7 September 2026
        String mark = HubClient.unique("V");
        c.upload(leadPath + "/tenders/feed", lead.token(),
                marked("643-2026-08-05-head-page.atom", mark).getBytes(StandardCharsets.UTF_8), ATOM);
        JsonObject found = tenders(c.get(leadPath + "/tenders?q=" + mark + "%20VI/26/04-S", lead.token()))
                .getJsonObject(0);
        JsonObject tender = expect(200, c.get(leadPath + "/tenders/" + found.getJsonNumber("id"), lead.token())).json();
        assertEquals("MON", tender.getJsonObject("duration").getString("unit"));
        assertEquals("2.0000",
                tender.getJsonObject("duration").getJsonNumber("years").bigDecimalValue().toPlainString());
        expect(200, c.put(leadPath + "/consortia/" + consortium + "/bid", lead.token(),
                "{\"tenderId\":" + found.getJsonNumber("id") + "}"));

        // the registers: the lead's alarm monitoring (797: similar) and its day centre (853: not); the partner's year
        String services = "/services";
        Reply bad = c.post(leadPath + services, lead.token(),
                "{\"title\":\"\",\"recipient\":\"Ayuntamiento\",\"recipientPublic\":true,\"cpvs\":[\"7971\"],"
                        + "\"amount\":-5,\"started\":\"2025-02-01\",\"ended\":\"2025-01-01\"}");
        expect(400, bad);
        assertEquals(List.of("title", "cpvs", "amount", "ended"),
                bad.json().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList(),
                bad.body());
        JsonObject alarm = expect(201, c.post(leadPath + services, lead.token(),
                "{\"title\":\"Vigilancia de edificios municipales\",\"recipient\":\"Ayuntamiento de Zafra\","
                        + "\"recipientPublic\":true,\"cpvs\":[\"79714000-2\"],\"amount\":100000,"
                        + "\"started\":\"2025-01-01\",\"ended\":\"2025-12-31\",\"certificate\":\"CBE-2026-3\"}"))
                                .json();
        expect(201,
                c.post(leadPath + services, lead.token(),
                        "{\"title\":\"Centro de día\",\"recipient\":\"Fundación Vía\",\"recipientPublic\":false,"
                                + "\"cpvs\":[\"85311000\"],\"amount\":50000,\"started\":\"2025-01-01\"}"));
        expect(201, c.post(partner.path() + services, partner.manager(),
                "{\"title\":\"Seguridad de un museo\",\"recipient\":\"Museo del Prado\",\"recipientPublic\":true,"
                        + "\"cpvs\":[\"79711000\"],\"amount\":36500,\"started\":\"2024-07-01\","
                        + "\"ended\":\"2025-06-30\"}"));
        expect(403, c.post(leadPath + services, lead.auditorToken(), "{}"));
        assertEquals(2, expect(200, c.get(leadPath + services, lead.auditorToken())).array().size());
        String one = leadPath + services + "/" + alarm.getJsonNumber("id");
        expect(400, c.put(one, lead.token(), "{\"title\":\"x\"}"));
        expect(404, c.get(partner.path() + services + "/" + alarm.getJsonNumber("id"), partner.manager()));

        String solvency = "/consortia/" + consortium + "/solvency";
        JsonObject before = expect(200, c.get(leadPath + solvency, lead.token())).json();
        assertEquals("0.00", before.getJsonNumber("services").bigDecimalValue().toPlainString(), "nothing consented");
        JsonObject required = before.getJsonObject("requirements");
        // 317.200,00 over two years: 158.600,00 a year; turnover 1.5 times it, services 70 % of it
        assertEquals("158600.00", required.getJsonNumber("yearlyValue").bigDecimalValue().toPlainString());
        assertEquals("237900.00", required.getJsonNumber("turnover").bigDecimalValue().toPlainString());
        assertEquals("111020.00", required.getJsonNumber("services").bigDecimalValue().toPlainString());
        assertEquals("2023-09-08", required.getString("servicesFrom"));
        assertFalse(required.getBoolean("servicesMet"));

        expect(200, c.put(leadPath + solvency + "/consent", lead.token(), "{\"turnover\":[2025],\"services\":[2025]}"));
        expect(200, c.put(partner.path() + solvency + "/consent", partner.manager(), "{\"services\":[2024,2025]}"));
        JsonObject report = expect(200, c.get(partner.path() + solvency, partner.manager())).json();
        Map<Long, JsonObject> members = new java.util.HashMap<>();
        report.getJsonArray("members").getValuesAs(JsonObject.class)
                .forEach(m -> members.put(m.getJsonNumber("organisationId").longValue(), m));
        JsonObject ofLead = members.get(lead.orgId());
        assertEquals(List.of(true, false),
                ofLead.getJsonArray("services").getValuesAs(JsonObject.class).stream()
                        .sorted(java.util.Comparator.comparing(o -> o.getString("title").startsWith("Centro")))
                        .map(o -> o.getBoolean("similar")).toList());
        assertEquals("100000.00",
                ofLead.getJsonObject("bestServices").getJsonNumber("amount").bigDecimalValue().toPlainString());
        // the partner's 36.500,00 over 365 days: 184 days of 2024, 181 of 2025
        JsonObject ofPartner = members.get(partner.org());
        assertEquals(List.of("2024 18400.00", "2025 18100.00"),
                ofPartner.getJsonArray("servicesByYear").getValuesAs(JsonObject.class).stream()
                        .map(y -> y.getInt("year") + " " + y.getJsonNumber("amount").bigDecimalValue().toPlainString())
                        .toList());
        assertEquals("118400.00", report.getJsonNumber("services").bigDecimalValue().toPlainString());
        assertTrue(report.getJsonObject("requirements").getBoolean("servicesMet"));
        assertFalse(report.getJsonObject("requirements").getBoolean("turnoverMet"), "15.000,00 is short of 237.900,00");
        String leadsLog = c.get(leadPath + "/audit?max=50", lead.token()).body();
        assertTrue(
                leadsLog.contains("by organisation " + partner.org() + ": turnover [2025], staff [], services [2025]"),
                leadsLog);

        // the lead's ESPD, to a request of every criterion e-Certis defines, gives its similar service as a reference
        byte[] everyCriterion;
        try (java.io.InputStream in = TendersIT.class.getResourceAsStream("/espd/4.1.0/xsl/ESPD-criterion.xml")) {
            everyCriterion = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String espd = "/consortia/" + consortium + "/espd";
        expect(200, c.raw("PUT", leadPath + espd + "/request", lead.token(), everyCriterion, "Content-Type",
                "application/xml", "X-File-Name", "deuc.xml"));
        expect(204, c.put(leadPath + espd + "/declaration", lead.token(), "{\"size\":\"small\"}"));
        String response = new String(c.download(leadPath + espd + "/responses/" + lead.orgId(), lead.token()),
                StandardCharsets.UTF_8);
        assertTrue(response.contains("<cbc:Description>Vigilancia de edificios municipales (CPV 79714000)"), response);
        assertFalse(response.contains("Centro de día"), "a service of another nature is no reference");

        // the partner withdraws: its services are gone from the sum at once, which falls short
        expect(200, c.put(partner.path() + solvency + "/consent", partner.manager(), "{}"));
        JsonObject withdrawn = expect(200, c.get(leadPath + solvency, lead.token())).json();
        assertEquals("100000.00", withdrawn.getJsonNumber("services").bigDecimalValue().toPlainString());
        assertFalse(withdrawn.getJsonObject("requirements").getBoolean("servicesMet"));
        expect(204, c.delete(one, lead.token()));
        expect(404, c.get(one, lead.token()));
    }

    /**
     * Each member's ESPD answers the buyer's request (a 2.1.1 one) from its own data and validates: the lead's best
     * turnover from its books as it consented, the group of three; no response until the member declares; a file that
     * is not a request is refused; an outsider, and a member who left, reach nothing.
     */
    @Test
    void eachMembersEspdAnswersTheBuyersRequestFromItsOwnDataAndValidates() throws java.io.IOException {
        Books lead = Books.open(base, "pgc-esfl", "Deuc");
        HubClient c = lead.client();
        String leadPath = "api/v1/orgs/" + lead.orgId();
        lead.expect(201, lead.post("/entries", Books.entry("2025-03-01", "572", "705", "12000.00")));
        lead.expect(201, lead.post("/entries", Books.entry("2025-04-01", "572", "720", "3000.00")));
        lead.expect(201, lead.post("/fiscal-years/2025/closing", "{}"));
        Member partner = member(c, "Socio");
        Member third = member(c, "Tercero");
        Member outsider = member(c, "Ajeno");
        long consortium = expect(201,
                c.post(leadPath + "/consortia", lead.token(), "{\"name\":\"UTE Deuc\",\"share\":50}")).json()
                        .getJsonNumber("id").longValue();
        for (Member m : List.of(partner, third)) {
            expect(201, c.post(leadPath + "/consortia/" + consortium + "/invitations", lead.token(),
                    "{\"taxId\":\"" + m.taxId() + "\",\"share\":25}"));
            long invitation = c.get(m.path() + "/consortium-invitations", m.manager()).array().getJsonObject(0)
                    .getJsonNumber("id").longValue();
            expect(200, c.post(m.path() + "/consortium-invitations/" + invitation + "/acceptance", m.manager(), "{}"));
        }
        String mark = HubClient.unique("E");
        c.upload(leadPath + "/tenders/feed", lead.token(),
                marked("643-2026-08-05-head-page.atom", mark).getBytes(StandardCharsets.UTF_8), ATOM);
        long tender = tenders(c.get(leadPath + "/tenders?q=" + mark + "%2013/2026%20Alconchel", lead.token()))
                .getJsonObject(0).getJsonNumber("id").longValue();
        expect(200,
                c.put(leadPath + "/consortia/" + consortium + "/bid", lead.token(), "{\"tenderId\":" + tender + "}"));
        expect(200, c.put(leadPath + "/consortia/" + consortium + "/solvency/consent", lead.token(),
                "{\"turnover\":[2025]}"));
        String espd = "/consortia/" + consortium + "/espd";
        byte[] request;
        try (java.io.InputStream in = TendersIT.class
                .getResourceAsStream("/coop/intercoop/hub/tenders/espd-2.1.1-request.xml")) {
            request = in.readAllBytes();
        }

        expect(404, c.get(partner.path() + espd, partner.manager()));
        Reply notARequest = c.raw("PUT", partner.path() + espd + "/request", partner.manager(),
                marked("643-2026-08-05-head-page.atom", mark).getBytes(StandardCharsets.UTF_8), "Content-Type",
                "application/xml");
        expect(400, notARequest);
        assertTrue(notARequest.body().contains("QualificationApplicationRequest"), notARequest.body());
        JsonObject uploaded = expect(200, c.raw("PUT", partner.path() + espd + "/request", partner.manager(), request,
                "Content-Type", "application/xml", "X-File-Name", "deuc.xml")).json();
        assertEquals("2.1.1", uploaded.getString("version"));
        assertEquals(7, uploaded.getJsonArray("criteria").size());
        assertEquals("CRITERION.OTHER.EO_DATA.SOMETHING_NEW", uploaded.getJsonArray("unknownCriteria").getString(0));

        Reply undeclared = c.get(leadPath + espd + "/responses/" + third.org(), lead.token());
        expect(400, undeclared);
        assertTrue(undeclared.body().contains("has not declared"), undeclared.body());
        Reply badSize = c.put(third.path() + espd + "/declaration", third.manager(), "{\"size\":\"huge\"}");
        expect(400, badSize);
        assertEquals("size", badSize.json().getString("field"));
        expect(204, c.put(leadPath + espd + "/declaration", lead.token(), "{\"size\":\"small\"}"));
        expect(204, c.put(partner.path() + espd + "/declaration", partner.manager(), "{\"size\":\"micro\"}"));
        expect(204, c.put(third.path() + espd + "/declaration", third.manager(), "{\"size\":\"micro\"}"));

        JsonObject preview = expect(200, c.get(third.path() + espd, third.manager())).json();
        Map<Long, JsonObject> members = new java.util.HashMap<>();
        preview.getJsonArray("members").getValuesAs(JsonObject.class)
                .forEach(m -> members.put(m.getJsonNumber("organisationId").longValue(), m));
        assertTrue(members.get(lead.orgId()).getJsonArray("answered").toString().contains("gen-year-to"));
        JsonObject partnerTurnover = members.get(partner.org()).getJsonArray("toComplete").getValuesAs(JsonObject.class)
                .stream().filter(x -> x.getString("code").equals("gen-year-to")).findFirst().orElseThrow();
        assertTrue(partnerTurnover.getString("reason").contains("turnover"), partnerTurnover.toString());
        // the buyer's least turnover, 10,000.00, against the union's: the lead's best consented year, 15,000.00
        JsonObject requirement = preview.getJsonArray("requirements").getJsonObject(0);
        assertEquals("gen-year-to", requirement.getString("code"));
        assertEquals("10000.00", requirement.getJsonNumber("minimum").bigDecimalValue().toPlainString());
        assertEquals("15000.00", requirement.getJsonNumber("consortium").bigDecimalValue().toPlainString());
        assertTrue(requirement.getBoolean("met"));

        // the lead's certificate of being up to date with the tax agency, checkable at the agency's address and with
        // its document: the evidence of its ESPD's answer on taxes, and a file of the package
        JsonObject aeat = expect(201,
                c.post(leadPath + "/certificates", lead.token(), "{\"kind\":\"TAX_AGENCY\","
                        + "\"title\":\"Certificado AEAT\",\"issuer\":\"AEAT\",\"reference\":\"CSV 7Q4XK2LZ\","
                        + "\"uri\":\"https://sede.agenciatributaria.gob.es/Sede/verificacion.html?csv=7Q4XK2LZ\","
                        + "\"validFrom\":\"2026-01-01\"}")).json();
        String certificateDocument = leadPath + "/certificates/" + aeat.getJsonNumber("id") + "/document";
        expect(400, c.raw("PUT", certificateDocument, lead.token(), new byte[0], "Content-Type", "application/pdf",
                "X-File-Name", "aeat.pdf"));
        expect(403, c.raw("PUT", certificateDocument, lead.auditorToken(), "%PDF".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/pdf", "X-File-Name", "aeat.pdf"));
        assertEquals(13, expect(200,
                c.raw("PUT", certificateDocument, lead.token(), "%PDF-1.4 AEAT".getBytes(StandardCharsets.UTF_8),
                        "Content-Type", "application/pdf", "X-File-Name", "aeat.pdf")).json().getJsonNumber("size")
                                .intValue());
        assertEquals("%PDF-1.4 AEAT",
                new String(c.download(certificateDocument, lead.auditorToken()), StandardCharsets.UTF_8));
        expect(404, c.get(third.path() + "/certificates/" + aeat.getJsonNumber("id") + "/document", third.manager()));
        String leadTax = c.get(leadPath, lead.token()).json().getJsonObject("organisation").getString("taxId");

        coop.intercoop.hub.tenders.control.EspdValidator validator = new coop.intercoop.hub.tenders.control.EspdValidator();
        for (long member : List.of(lead.orgId(), partner.org(), third.org())) {
            byte[] xml = c.download(third.path() + espd + "/responses/" + member, third.manager());
            coop.intercoop.hub.tenders.control.EspdValidator.Result result = validator.check(xml);
            assertTrue(result.valid(), () -> member + ": " + result.refusals());
            String text = new String(xml, StandardCharsets.UTF_8);
            assertTrue(text.contains(member == lead.orgId() ? ">group-lead<" : ">group-mem<"));
            assertEquals(member == lead.orgId(),
                    text.contains("<cbc:ResponseAmount currencyID=\"EUR\">15000.00</cbc:ResponseAmount>"));
            assertEquals(member == lead.orgId(), text.contains(
                    "<cbc:URI>https://sede.agenciatributaria.gob.es/Sede/verificacion.html?csv=7Q4XK2LZ</cbc:URI>"));
        }
        Reply noSuchLot = c.get(leadPath + espd + "/responses/" + lead.orgId() + "?lot=9", lead.token());
        expect(400, noSuchLot);
        assertTrue(noSuchLot.body().contains("no lot '9'") && noSuchLot.body().contains("LOT-0000"), noSuchLot.body());
        String leadsLog = c.get(leadPath + "/audit?max=50", lead.token()).body();
        assertTrue(leadsLog.contains("\"espd.declared\"") && leadsLog.contains("\"solvency.read\""), leadsLog);

        // the bid package: a document uploaded into the technical envelope, then one zip of it all, built on the job
        // runner, whose ESPDs validate and whose commitment names the members and the representative
        String bidPath = "/consortia/" + consortium + "/bid";
        Reply noEnvelope = c.raw("POST", third.path() + bidPath + "/documents", third.manager(),
                "%PDF-1.4 memoria".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/pdf", "X-File-Name",
                "memoria.pdf");
        expect(400, noEnvelope);
        assertEquals("envelope", noEnvelope.json().getString("field"));
        JsonObject document = expect(201,
                c.raw("POST", third.path() + bidPath + "/documents?envelope=TECHNICAL", third.manager(),
                        "%PDF-1.4 memoria".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/pdf",
                        "X-File-Name", "memoria.pdf")).json();
        expect(400,
                c.raw("POST", leadPath + bidPath + "/documents?envelope=TECHNICAL", lead.token(),
                        "otra".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/pdf", "X-File-Name",
                        "MEMORIA.pdf"));
        expect(403, c.delete(leadPath + bidPath + "/documents/" + document.getJsonNumber("id"), lead.token()));
        byte[] large = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) 'x');
        JsonObject plan = expect(201, c.raw("POST", leadPath + bidPath + "/documents?envelope=TECHNICAL", lead.token(),
                large, "Content-Type", "application/pdf", "X-File-Name", "planos.pdf")).json();
        assertEquals(large.length, plan.getJsonNumber("size").longValue(),
                "a document is no JSON body: not cut at 1 MiB");
        expect(204, c.delete(leadPath + bidPath + "/documents/" + plan.getJsonNumber("id"), lead.token()));
        assertEquals(1, expect(200, c.get(leadPath + bidPath + "/documents", lead.token())).array().size());
        expect(400, c.post(leadPath + bidPath + "/packages", lead.token(), "{}"));
        Reply asked = expect(202, c.post(leadPath + bidPath + "/packages", lead.token(),
                "{\"representative\":\"María López García (NIF 12345678Z)\"}"));
        String packagePath = leadPath + bidPath + "/packages/" + asked.json().getJsonNumber("id").longValue();
        JsonObject built = c.finishedJob(packagePath, lead.token());
        assertEquals("succeeded", built.getString("status"), built.toString());
        byte[] zip = c.download(packagePath + "/zip", lead.token());
        assertEquals(built.getJsonNumber("size").longValue(), zip.length);
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertEquals("%PDF-1.4 AEAT",
                new String(entries.get("certificados/" + leadTax + "/aeat.pdf"), StandardCharsets.UTF_8),
                entries.keySet().toString());
        List<String> espds = entries.keySet().stream().filter(n -> n.matches("deuc/deuc-.*\\.xml")).toList();
        assertEquals(3, espds.size(), entries.keySet().toString());
        for (String name : espds) {
            assertTrue(validator.check(entries.get(name)).valid(), name);
        }
        assertTrue(
                entries.containsKey("deuc/solicitud/deuc.xml") && entries.containsKey("documentos/tecnico/memoria.pdf")
                        && entries.containsKey("lista-de-comprobacion.csv") && entries.containsKey("LEEME.txt"),
                entries.keySet().toString());
        String commitment = new String(entries.get("compromiso-ute.txt"), StandardCharsets.UTF_8);
        assertTrue(commitment.contains(partner.taxId() + ": 25 %") && commitment.contains("María López García"),
                commitment);
        expect(404,
                c.get(partner.path() + bidPath + "/packages/" + asked.json().getJsonNumber("id"), partner.manager()));

        expect(404, c.get(outsider.path() + espd, outsider.manager()));
        expect(404, c.get(leadPath + espd + "/responses/" + lead.orgId(), outsider.manager()));
        expect(404, c.put(outsider.path() + espd + "/declaration", outsider.manager(), "{\"size\":\"micro\"}"));
        expect(204, c.delete(third.path() + "/consortia/" + consortium + "/membership", third.manager()));
        expect(404, c.get(third.path() + espd, third.manager()));
        expect(404, c.get(leadPath + espd + "/responses/" + third.org(), lead.token()));
    }

    /**
     * The lead prices the bid from the staff it needs: a line at a cost entered and one at the partner's real employer
     * cost of 2025 (its approved payroll over its average staff and the year's hours), which needs the partner's
     * consent; a line of an agreement whose table the hub does not hold is refused naming it; the members read the
     * price and its workbook, whose formulas give the same price; a withdrawn consent leaves the line unpriceable.
     */
    @Test
    void theLeadPricesTheBidFromTheStaffItNeedsAndAMembersRealCostWithItsConsent() throws IOException {
        Books lead = Books.open(base, "pgc-esfl", "Precio");
        Books partner = Books.open(base, "pgc-esfl", "Coste");
        HubClient c = lead.client();
        String leadPath = "api/v1/orgs/" + lead.orgId();
        String partnerPath = "api/v1/orgs/" + partner.orgId();
        long centre = c.createWorkCentre(partner.token(), partner.orgId(), "Centro").getJsonNumber("id").longValue();
        employ(partner, centre, "12345678Z", "281234567840", null,
                "{\"startDate\":\"2025-01-01\",\"contractType\":\"100\",\"contributionGroup\":5,"
                        + "\"activityCode\":\"8891\",\"workCentreId\":CENTRE,\"salaryItems\":[{\"name\":\"Salario base\","
                        + "\"monthlyAmount\":1500,\"kind\":\"BASE\"}]}");
        String runs = partnerPath + "/payroll/runs";
        Reply started = expect(202, c.post(runs, partner.token(), "{\"month\":\"2025-07\"}"));
        long runId = started.json().getJsonNumber("id").longValue();
        JsonObject run = c.finishedJob(runs + "/" + runId, partner.token());
        expect(200, c.post(runs + "/" + runId + "/approve", partner.token(),
                "{\"version\":" + run.getInt("version") + "}"));
        java.math.BigDecimal cost = expect(200,
                c.get(partnerPath + "/payroll/returns/cost?from=2025-01&to=2025-12", partner.token())).json()
                        .getJsonObject("total").getJsonNumber("employerCost").bigDecimalValue();
        assertTrue(cost.signum() > 0, cost::toString);

        long consortium = expect(201,
                c.post(leadPath + "/consortia", lead.token(), "{\"name\":\"UTE Precio\",\"share\":60}")).json()
                        .getJsonNumber("id").longValue();
        String partnerTax = c.get(partnerPath, partner.token()).json().getJsonObject("organisation").getString("taxId");
        expect(201, c.post(leadPath + "/consortia/" + consortium + "/invitations", lead.token(),
                "{\"taxId\":\"" + partnerTax + "\",\"share\":40}"));
        long invitation = c.get(partnerPath + "/consortium-invitations", partner.token()).array().getJsonObject(0)
                .getJsonNumber("id").longValue();
        expect(200,
                c.post(partnerPath + "/consortium-invitations/" + invitation + "/acceptance", partner.token(), "{}"));
        String mark = HubClient.unique("P");
        c.upload(leadPath + "/tenders/feed", lead.token(),
                marked("643-2026-08-05-head-page.atom", mark).getBytes(StandardCharsets.UTF_8), ATOM);
        long tender = tenders(c.get(leadPath + "/tenders?q=" + mark + "%2013/2026%20Alconchel", lead.token()))
                .getJsonObject(0).getJsonNumber("id").longValue();
        expect(200, c.put(leadPath + "/consortia/" + consortium + "/bid", lead.token(),
                "{\"tenderId\":" + tender + ",\"lots\":[\"1\"]}"));
        String pricing = "/consortia/" + consortium + "/bid/pricing";
        String manual = "{\"lot\":\"1\",\"category\":\"Conductor/a\",\"hours\":1000,\"source\":\"MANUAL\","
                + "\"hourlyCost\":21.37}";
        String ofPartner = "{\"lot\":\"1\",\"category\":\"Auxiliar\",\"hours\":500,\"source\":\"MEMBER\","
                + "\"memberOrganisationId\":" + partner.orgId() + "}";
        String rates = "\"annualHours\":1720,\"overheadRate\":8,\"marginRate\":5,\"employerRate\":31.4";

        expect(404, c.get(leadPath + pricing, lead.token()));
        expect(403, c.put(partnerPath + pricing, partner.token(), "{" + rates + ",\"lines\":[" + manual + "]}"));
        Reply noConsent = c.put(leadPath + pricing, lead.token(),
                "{" + rates + ",\"lines\":[" + manual + "," + ofPartner + "]}");
        expect(400, noConsent);
        assertEquals("lines[1].memberOrganisationId", noConsent.json().getString("field"));
        Reply noTable = c.put(leadPath + pricing, lead.token(),
                "{" + rates + ",\"lines\":[{\"category\":\"Técnico\","
                        + "\"hours\":10,\"source\":\"AGREEMENT\",\"agreement\":\"accion-social-iii\","
                        + "\"agreementCategory\":\"Técnico/a\"}]}");
        expect(400, noTable);
        assertTrue(noTable.body().contains("accion-social-iii"), noTable.body());
        expect(200, c.put(partnerPath + "/consortia/" + consortium + "/solvency/consent", partner.token(),
                "{\"cost\":[2025]}"));
        JsonObject priced = expect(200,
                c.put(leadPath + pricing, lead.token(), "{" + rates + ",\"lines\":[" + manual + "," + ofPartner + "]}"))
                        .json();

        // the partner's hour: its 2025 employer cost over 1.00 average staff and 1,720 hours, to the cent
        java.math.BigDecimal hourly = cost.divide(new java.math.BigDecimal("1720"), 2, java.math.RoundingMode.HALF_UP);
        JsonObject lot = priced.getJsonArray("lots").getJsonObject(0);
        JsonObject partnerLine = lot.getJsonArray("lines").getJsonObject(1);
        assertEquals(hourly, partnerLine.getJsonNumber("hourlyCost").bigDecimalValue());
        java.math.BigDecimal staff = new java.math.BigDecimal("21370.00")
                .add(hourly.multiply(new java.math.BigDecimal("500")).setScale(2));
        assertEquals(staff, lot.getJsonNumber("staffCost").bigDecimalValue());
        java.math.BigDecimal overheads = staff.multiply(new java.math.BigDecimal("0.08")).setScale(2,
                java.math.RoundingMode.HALF_UP);
        java.math.BigDecimal price = staff.add(overheads).add(staff.add(overheads)
                .multiply(new java.math.BigDecimal("0.05")).setScale(2, java.math.RoundingMode.HALF_UP));
        assertEquals(price, priced.getJsonNumber("price").bigDecimalValue());
        JsonObject fromTender = expect(200, c.get(leadPath + "/tenders/" + tender, lead.token())).json();
        assertEquals(
                fromTender.getJsonArray("lots").getValuesAs(JsonObject.class).stream()
                        .filter(l -> l.getString("id").equals("1")).findFirst().orElseThrow()
                        .getJsonNumber("budgetWithoutTaxes").bigDecimalValue(),
                lot.getJsonNumber("budget").bigDecimalValue());
        List<JsonObject> parts = priced.getJsonArray("parts").getValuesAs(JsonObject.class);
        assertEquals(price, parts.get(0).getJsonNumber("amount").bigDecimalValue()
                .add(parts.get(1).getJsonNumber("amount").bigDecimalValue()));
        String partnersLog = c.get(partnerPath + "/audit?max=50", partner.token()).body();
        assertTrue(partnersLog.contains("payroll cost 2025 for the bid"), partnersLog);

        JsonObject seen = expect(200, c.get(partnerPath + pricing, partner.token())).json();
        assertEquals(price, seen.getJsonNumber("price").bigDecimalValue());
        expect(409, c.put(leadPath + pricing, lead.token(), "{" + rates + ",\"lines\":[" + manual + "]}"));
        byte[] workbook = c.download(partnerPath + pricing + "/workbook", partner.token());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(workbook))) {
            double total = 0;
            for (org.apache.poi.ss.usermodel.Row row : book.getSheet("Precio")) {
                org.apache.poi.ss.usermodel.Cell label = row.getCell(4);
                if (label != null && label.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && label.getStringCellValue().equals("Precio de la oferta sin impuestos")) {
                    total = row.getCell(5).getNumericCellValue();
                }
            }
            assertEquals(price.doubleValue(), total, 0.001);
        }

        // an agreement's table, once installed, prices a line: a row of the test hub's copy of the payroll rules (a
        // figure of this test, not an official one), 1.500,00 a month with two extra payments and 31.4 % on top:
        // 1.500,00 × 14 × 1.314 / 1.720 hours = 16.04 an hour, 10 hours 160.40
        java.nio.file.Path salaries = coop.intercoop.hub.testing.TestDatabase.payrollRules()
                .resolve("agreement-salaries.csv");
        String installed = java.nio.file.Files.readString(salaries);
        try {
            java.nio.file.Files.writeString(salaries, installed + "2026-01-01;;accion-social-iii;Grupo 1;Técnico/a;"
                    + "1500.00;2;derived;a figure of TendersIT, not the agreement's\n");
            JsonObject byAgreement = expect(200, c.put(leadPath + pricing, lead.token(),
                    "{" + rates + ",\"version\":" + seen.getInt("version") + ",\"lines\":[" + manual + "," + ofPartner
                            + ",{\"lot\":\"1\"," + "\"category\":\"Técnico\",\"hours\":10,\"source\":\"AGREEMENT\","
                            + "\"agreement\":\"accion-social-iii\",\"agreementCategory\":\"Técnico/a\"}]}")).json();
            JsonObject agreementLine = byAgreement.getJsonArray("lots").getJsonObject(0).getJsonArray("lines")
                    .getJsonObject(2);
            assertEquals("16.04", agreementLine.getJsonNumber("hourlyCost").bigDecimalValue().toPlainString());
            assertEquals("160.40", agreementLine.getJsonNumber("cost").bigDecimalValue().toPlainString());
        } finally {
            java.nio.file.Files.writeString(salaries, installed);
        }

        Member outsider = member(c, "Fuera");
        expect(404, c.get(outsider.path() + pricing, outsider.manager()));
        expect(404, c.get(leadPath + pricing + "/workbook", outsider.manager()));
        expect(200, c.put(partnerPath + "/consortia/" + consortium + "/solvency/consent", partner.token(), "{}"));
        Reply withdrawn = c.get(leadPath + pricing, lead.token());
        expect(400, withdrawn);
        assertTrue(withdrawn.body().contains("consented"), withdrawn.body());
    }

    /**
     * OCDS 1.1 both ways through the API: the standard's example release package is read (its value in pounds left
     * out), its amendment replaces it, and a tender of the feed is given as a release package.
     */
    @Test
    void ocdsReleasesAreReadAndATenderIsGivenAsARelease() throws IOException {
        Member m = member(new HubClient(base), "Ocds");
        HubClient c = new HubClient(base);
        byte[] tender;
        byte[] amendment;
        try (InputStream a = TendersIT.class
                .getResourceAsStream("/coop/intercoop/hub/tenders/ocds-213czf-000-00001-02-tender.json");
                InputStream b = TendersIT.class.getResourceAsStream(
                        "/coop/intercoop/hub/tenders/ocds-213czf-000-00001-03-tenderAmendment.json")) {
            tender = a.readAllBytes();
            amendment = b.readAllBytes();
        }
        String mark = HubClient.unique("O");
        byte[] marked = new String(tender, StandardCharsets.UTF_8).replace("ocds-213czf-000-00001", mark)
                .getBytes(StandardCharsets.UTF_8);
        JsonObject read = expect(200, c.upload(m.path() + "/tenders/ocds", m.manager(), marked, "application/json"))
                .json();
        assertEquals(1, read.getInt("created"));
        assertEquals(1, read.getInt("valuesLeftOut"), "GBP");
        JsonObject again = expect(200,
                c.upload(
                        m.path() + "/tenders/ocds", m.manager(), new String(amendment, StandardCharsets.UTF_8)
                                .replace("ocds-213czf-000-00001", mark).getBytes(StandardCharsets.UTF_8),
                        "application/octet-stream")).json();
        assertEquals(1, again.getInt("updated"));
        JsonObject found = tenders(c.get(m.path() + "/tenders?status=PUB&q=" + mark, m.manager())).getJsonObject(0);
        JsonObject whole = expect(200, c.get(m.path() + "/tenders/" + found.getJsonNumber("id"), m.manager())).json();
        assertEquals("2010-04-08T20:00:00", whole.getString("deadline"), "the amendment's 18:00 UTC in Madrid");
        expect(400, c.upload(m.path() + "/tenders/ocds", m.manager(),
                "{\"releases\": [".getBytes(StandardCharsets.UTF_8), "application/json"));

        c.upload(m.path() + "/tenders/feed", m.manager(),
                marked("643-2026-08-05-head-page.atom", mark).getBytes(StandardCharsets.UTF_8), ATOM);
        JsonObject alconchel = tenders(c.get(m.path() + "/tenders?q=" + mark + "%2013/2026%20Alconchel", m.manager()))
                .getJsonObject(0);
        JsonObject released = expect(200,
                c.get(m.path() + "/tenders/" + alconchel.getJsonNumber("id") + "/ocds", m.manager())).json();
        JsonObject release = released.getJsonArray("releases").getJsonObject(0);
        assertEquals("1.1", released.getString("version"));
        assertEquals(mark + " 13/2026 Alconchel", release.getJsonObject("tender").getString("id"));
        assertEquals("EUR", release.getJsonObject("tender").getJsonObject("value").getString("currency"));
        assertTrue(release.getString("ocid").startsWith("ocds-"), release.getString("ocid"));
    }

    /**
     * A monthly archive: a zip of the reference pages read on the job runner page by page in the order of their names
     * (a file that is no page left aside), the same archive again changing nothing; a file that is not a zip, and an
     * archive with a page that does not read, end their reads saying why.
     */
    @Test
    void aMonthlyArchiveOfPagesIsReadOnTheJobRunnerPageByPage() throws IOException {
        Member m = member(new HubClient(base), "Archivo");
        HubClient c = new HubClient(base);
        String mark = HubClient.unique("A");
        byte[] zip = zip(Map.of("licitaciones_202601_1.atom", marked("643-2018-01-twenty-entries.atom", mark),
                "licitaciones_202601_2.atom", marked("643-2026-08-05-head-page.atom", mark), "LEEME.txt", "no page"));
        Reply started = expect(202, c.raw("POST", m.path() + "/tenders/feed/archives", m.manager(), zip, "Content-Type",
                "application/zip", "X-File-Name", "licitaciones_202601.zip"));
        assertEquals("licitaciones_202601.zip", started.json().getString("archive"));
        String reads = m.path() + "/tenders/feed/reads/";
        JsonObject read = c.finishedJob(reads + started.json().getJsonNumber("id"), m.manager());
        assertEquals("succeeded", read.getString("status"), read.toString());
        assertEquals(2, read.getInt("pages"));
        assertEquals(41, read.getInt("created"), read.toString());
        assertTrue(read.getString("outcome").contains("2 pages"), read.getString("outcome"));
        JsonObject again = c
                .finishedJob(reads + expect(202,
                        c.raw("POST", m.path() + "/tenders/feed/archives", m.manager(), zip, "Content-Type",
                                "application/zip", "X-File-Name", "licitaciones_202601.zip")).json()
                                        .getJsonNumber("id"),
                        m.manager());
        assertEquals(0, again.getInt("created") + again.getInt("updated"), again.toString());

        JsonObject notZip = c.finishedJob(reads + expect(202,
                c.raw("POST", m.path() + "/tenders/feed/archives", m.manager(),
                        "not a zip".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/zip")).json()
                                .getJsonNumber("id"),
                m.manager());
        assertEquals("failed", notZip.getString("status"));
        assertTrue(notZip.getString("outcome").contains("not a zip"), notZip.getString("outcome"));
        JsonObject badPage = c.finishedJob(reads + expect(202,
                c.raw("POST", m.path() + "/tenders/feed/archives", m.manager(),
                        zip(Map.of("a.atom", marked("643-2026-08-05-head-page.atom", mark), "b.atom",
                                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>")),
                        "Content-Type", "application/zip")).json().getJsonNumber("id"),
                m.manager());
        assertEquals("failed", badPage.getString("status"));
        assertEquals(1, badPage.getInt("pages"), "the page before the bad one is kept");
        assertTrue(badPage.getString("outcome").contains("b.atom"), badPage.getString("outcome"));
        expect(400, c.raw("POST", m.path() + "/tenders/feed/archives", m.manager(), new byte[0], "Content-Type",
                "application/zip"));
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> f : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void onlyTheOrganisationsTenderManagersBringTendersInAndStaffReadNone() {
        Bidder b = bidder();
        String mark = HubClient.unique("R");
        String page = marked("643-2026-08-05-head-page.atom", mark);
        String one = page(page, entries(page).get(0));
        expect(403, b.client().upload(b.path() + "/feed", b.auditor(), one.getBytes(StandardCharsets.UTF_8), ATOM));
        expect(403, b.client().upload(b.path() + "/feed", b.staff(), one.getBytes(StandardCharsets.UTF_8), ATOM));
        expect(403, b.client().get(b.path(), b.staff()));
        outcome(1, 0, 0, 0, b.feed(one));
        JsonArray read = tenders(b.client().get(b.path() + "?q=" + mark, b.auditor()));
        assertEquals(1, read.size());
        // another organisation's path answers 404 to a tender-manager who is not its member
        Bidder other = bidder();
        expect(404, other.client().get(b.path(), other.manager()));
        expect(404,
                other.client().upload(b.path() + "/feed", other.manager(), one.getBytes(StandardCharsets.UTF_8), ATOM));
        expect(404, b.client().get(b.path() + "/999999999", b.manager()));
    }
}
