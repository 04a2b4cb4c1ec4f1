package coop.intercoop.hub.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import coop.intercoop.hub.testing.Ahead;
import coop.intercoop.hub.testing.Books;
import coop.intercoop.hub.testing.Browsers;
import coop.intercoop.hub.testing.HubClient;
import coop.intercoop.hub.testing.HubDeployment;

/**
 * The accounting pages as an accountant uses them, in Debian's headless Chromium: the chart as a tree, the entry form
 * with its live difference and the ledger's refusals next to their fields, the lazy and filterable list of entries, and
 * reversal from an entry's page, the reports on screen and the books' integrity checks. Books are prepared through the
 * API ({@link Books}).
 */
@ExtendWith(ArquillianExtension.class)
class AccountingBrowserIT {

    private static final String PASSWORD = Books.PASSWORD;
    /** The position of the project dimension in the analytic dialog, which lists the dimensions in their order. */
    private static final int PROJECT = 0;

    @ArquillianResource
    URL base;

    /** Skips the class without Chromium; after each test, the Content-Security-Policy check. */
    @RegisterExtension
    static final Browsers BROWSERS = new Browsers("accounting-browser-it");
    private WebDriver browser;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    /** The class's browser, without the last test's session. */
    @BeforeEach
    void emptyBrowser() throws IOException {
        browser = BROWSERS.kept(1400, 1000);
        // pages are named after the root: base + "login.xhtml"
        base = HubClient.root(base);
    }

    /** Books with the PGC ESFL chart and 2025 open, and a person who keeps them (accountant and org-admin). */
    record Keeper(Books books, String username) {
    }

    /** The next test's ESFL books and keeper, made through the API while this test runs. */
    private static final Ahead<Keeper> ESFL_KEEPER = new Ahead<>();

    /** A signed-in keeper of fresh ESFL books. */
    private Keeper keeper() {
        URL hub = base;
        return signedIn(ESFL_KEEPER.take(() -> madeKeeper(hub, "pgc-esfl")));
    }

    /** A signed-in keeper of an organisation whose chart is built from {@code template}. */
    private Keeper keeper(String template) {
        return signedIn(madeKeeper(base, template));
    }

    private static Keeper madeKeeper(URL base, String template) {
        Books books = Books.open(base, template);
        String username = HubClient.unique("keeper");
        HubClient client = books.client();
        String admin = client.adminToken();
        client.createUser(admin, username, PASSWORD);
        client.grant(admin, books.orgId(), username, "accountant", "org-admin");
        return new Keeper(books, username);
    }

    private Keeper signedIn(Keeper keeper) {
        signIn(keeper.username());
        return keeper;
    }

    private void open(Keeper keeper, String page) {
        browser.get(
                base + "org/accounting/" + page + (page.contains("?") ? "&" : "?") + "org=" + keeper.books().orgId());
    }

    @Test
    void theChartTreeShowsTheFoundationalEndowment() {
        Keeper keeper = keeper();
        open(keeper, "chart.xhtml");

        WebElement capital = row("tree:accounts", "10");
        capital.findElement(By.cssSelector(".ui-treetable-toggler")).click();

        await(() -> textOf(By.id("tree:accounts")).contains("Dotación fundacional"));
        WebElement endowment = row("tree:accounts", "100");
        assertTrue(endowment.getText().contains("Dotación fundacional"), endowment.getText());
        assertTrue(endowment.getText().contains("Patrimonio neto"), endowment.getText());
        assertTrue(endowment.getText().contains("De movimiento"), endowment.getText());
        assertTrue(textOf(By.cssSelector("nav.hub-nav")).contains("Plan de cuentas"));
    }

    @Test
    void anOrganisationWithoutAChartAppliesATemplateAndAddsASubaccount() {
        HubClient client = new HubClient(base);
        String admin = client.adminToken();
        long org = client.createOrganisation(admin, HubClient.unique("Sin plan"));
        String username = HubClient.unique("keeper");
        client.createUser(admin, username, PASSWORD);
        client.grant(admin, org, username, "accountant");
        signIn(username);
        browser.get(base + "org/accounting/chart.xhtml?org=" + org);

        browser.findElement(By.id("template:apply")).click();

        await(() -> textOf(By.id("messages")).contains("Plan de cuentas creado"));
        browser.findElement(By.id("add:code")).sendKeys("5720001");
        browser.findElement(By.id("add:name")).sendKeys("Banco Cooperativo");
        browser.findElement(By.id("add:save")).click();
        await(() -> textOf(By.id("tree:accounts")).contains("Banco Cooperativo"));
        browser.findElement(By.id("add:code")).sendKeys("5720001");
        browser.findElement(By.id("add:name")).sendKeys("Otra vez");
        browser.findElement(By.id("add:save")).click();
        await(() -> textOf(messageOf("add:code")).contains("ya existe"));
    }

    /** The code field used to cut a longer code to twelve digits and add that account; it is refused instead. */
    @Test
    void aSubaccountCodeLongerThanTheMaximumIsRefusedNextToItsFieldNotCut() {
        Keeper keeper = keeper();
        open(keeper, "chart.xhtml");

        browser.findElement(By.id("add:code")).sendKeys("572000000000001");
        browser.findElement(By.id("add:name")).sendKeys("Banco largo");
        browser.findElement(By.id("add:save")).click();

        await(() -> textOf(messageOf("add:code")).contains("tiene 15 cifras; como máximo 12"));
        assertEquals(404, keeper.books().get("/accounts/572000000000").status());
        assertEquals(404, keeper.books().get("/accounts/572000000000001").status());
    }

    /** Every template in the drop-down has its label, and the confirmation names the template applied. */
    @Test
    void theCooperativesTemplateHasItsLabelAndTheConfirmationNamesIt() {
        HubClient client = new HubClient(base);
        String admin = client.adminToken();
        long org = client.createOrganisation(admin, HubClient.unique("Cooperativa"));
        String username = HubClient.unique("keeper");
        client.createUser(admin, username, PASSWORD);
        client.grant(admin, org, username, "accountant");
        signIn(username);
        browser.get(base + "org/accounting/chart.xhtml?org=" + org);

        List<String> labels = browser.findElements(By.cssSelector("#template\\:template_input option")).stream()
                .map(option -> option.getDomProperty("textContent").strip()).toList();
        assertEquals(4, labels.size(), labels.toString());
        assertTrue(labels.stream().noneMatch(label -> label.contains("???")), labels.toString());
        choose("template:template", "PGC de pymes para cooperativas");
        browser.findElement(By.id("template:apply")).click();

        await(() -> textOf(By.id("messages")).contains("Plan de cuentas creado"));
        String confirmation = textOf(By.id("messages"));
        assertTrue(confirmation.contains("cuentas de PGC de pymes para cooperativas"), confirmation);
        assertFalse(confirmation.contains("null"), confirmation);
        assertTrue(textOf(By.id("tree")).contains("Plan PGC de pymes para cooperativas"), textOf(By.id("tree")));
    }

    /**
     * An own subaccount is renamed on the chart page, and deleted only while nothing refers to it: a posted one is
     * refused naming its postings, an unused one goes.
     */
    @Test
    void aSubaccountIsRenamedOnTheChartPageAndDeletedOnlyWhileUnused() {
        Keeper keeper = keeper();
        Books books = keeper.books();
        for (String code : List.of("5720001", "5720002")) {
            books.expect(201, books.post("/accounts", "{\"code\":\"" + code + "\",\"name\":\"Banco " + code + "\"}"));
        }
        books.expect(201, books.post("/entries", entry("2025-03-01", "BANK", "Ingreso", "5720001", "100", "50")));
        open(keeper, "chart.xhtml");

        row("own:subaccounts", "5720002").findElement(By.cssSelector("[id$=':rename']")).click();
        // the dialog's form is replaced when it opens: find its input afresh
        await(() -> browser.findElement(By.id("rename:name")).isDisplayed()
                && "Banco 5720002".equals(browser.findElement(By.id("rename:name")).getDomProperty("value")));
        browser.findElement(By.id("rename:name")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "Caja de ahorros");
        browser.findElement(By.id("rename:save")).click();
        await(() -> textOf(By.id("messages")).contains("Subcuenta 5720002 renombrada"));
        await(() -> row("own:subaccounts", "5720002").getText().contains("Caja de ahorros"));
        await(() -> textOf(By.id("tree:accounts")).contains("Caja de ahorros"));
        assertEquals("Caja de ahorros", books.expect(200, books.get("/accounts/5720002")).json().getString("name"));
        assertEquals(2, browser.findElements(By.cssSelector("[id$=':rename']")).size(),
                "only the own subaccounts are renamed");

        row("own:subaccounts", "5720001").findElement(By.cssSelector("[id$=':delete']")).click();
        confirm();
        await(() -> textOf(By.id("messages")).contains("5720001 está en uso y no se puede eliminar"));
        assertTrue(textOf(By.id("messages")).contains("una línea de asientos contabilizados"),
                textOf(By.id("messages")));
        books.expect(200, books.get("/accounts/5720001"));

        row("own:subaccounts", "5720002").findElement(By.cssSelector("[id$=':delete']")).click();
        confirm();
        await(() -> textOf(By.id("messages")).contains("Subcuenta 5720002 eliminada"));
        books.expect(404, books.get("/accounts/5720002"));
    }

    /** Projects and grants are created, changed and deleted on their pages; one in use is not deleted. */
    @Test
    void projectsAndGrantsAreKeptOnTheirPages() {
        Keeper keeper = keeper();
        Books books = keeper.books();
        browser.findElement(By.id("navProjects")).click();
        await(() -> browser.getCurrentUrl().contains("/org/accounting/projects.xhtml"));

        browser.findElement(By.id("list:add")).click();
        await(() -> browser.findElement(By.id("edit:code")).isDisplayed());
        browser.findElement(By.id("edit:code")).sendKeys("P-1");
        browser.findElement(By.id("edit:name")).sendKeys("Huertos");
        browser.findElement(By.id("edit:save")).click();
        await(() -> textOf(By.id("messages")).contains("Proyecto P-1 creado"));
        row("list:projects", "P-1").findElement(By.cssSelector("[id$=':edit']")).click();
        await(() -> textOf(By.cssSelector(".ui-dialog-title")).contains("Renombrar el proyecto"));
        browser.findElement(By.id("edit:name")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "Huertos urbanos");
        browser.findElement(By.id("edit:save")).click();
        await(() -> textOf(By.id("messages")).contains("Proyecto P-1 renombrado"));
        await(() -> row("list:projects", "P-1").getText().contains("Huertos urbanos"));
        books.expect(201,
                books.post("/entries", "{\"date\":\"2025-03-01\",\"journal\":\"GENERAL\","
                        + "\"description\":\"Semillas\",\"lines\":[{\"account\":\"629\",\"debit\":10,\"analytic\":"
                        + "[{\"dimension\":\"PROJECT\",\"code\":\"P-1\"}]},{\"account\":\"572\",\"credit\":10}]}"));
        row("list:projects", "P-1").findElement(By.cssSelector("[id$=':delete']")).click();
        confirm();
        await(() -> textOf(By.id("messages")).contains("P-1 está en uso y no se puede eliminar"));
        assertTrue(books.get("/projects").body().contains("Huertos urbanos"));

        browser.findElement(By.id("navGrants")).click();
        await(() -> browser.getCurrentUrl().contains("/org/accounting/grants.xhtml"));
        browser.findElement(By.id("list:add")).click();
        await(() -> browser.findElement(By.id("edit:code")).isDisplayed());
        browser.findElement(By.id("edit:code")).sendKeys("G-1");
        browser.findElement(By.id("edit:name")).sendKeys("Empleo");
        browser.findElement(By.id("edit:funder")).sendKeys("SEPE");
        browser.findElement(By.id("edit:awarded")).sendKeys("8000");
        typeDateIn("edit:eligibleFrom", "01/01/2025", "edit:name");
        typeDateIn("edit:eligibleTo", "31/12/2025", "edit:name");
        browser.findElement(By.id("edit:budget:0:account")).sendKeys("64");
        browser.findElement(By.id("edit:budget:0:amount")).sendKeys("8000");
        browser.findElement(By.id("edit:save")).click();
        await(() -> textOf(By.id("messages")).contains("Subvención G-1 registrada"));
        JsonObject recorded = books.expect(200, books.get("/grants/G-1")).json();
        assertEquals("SEPE", recorded.getString("funder"));
        assertEquals("2025-12-31", recorded.getString("eligibleTo"));
        assertEquals(1, recorded.getJsonArray("budget").size(), recorded.toString());

        row("list:grants", "G-1").findElement(By.cssSelector("[id$=':edit']")).click();
        await(() -> textOf(By.cssSelector(".ui-dialog-title")).contains("Cambiar la subvención"));
        browser.findElement(By.id("edit:addRow")).click();
        await(() -> !browser.findElements(By.id("edit:budget:1:account")).isEmpty());
        browser.findElement(By.id("edit:budget:1:account")).sendKeys("621");
        browser.findElement(By.id("edit:budget:1:amount")).sendKeys("500");
        browser.findElement(By.id("edit:save")).click();
        await(() -> textOf(By.id("messages")).contains("Subvención G-1 cambiada"));
        assertEquals(2, books.expect(200, books.get("/grants/G-1")).json().getJsonArray("budget").size());

        row("list:grants", "G-1").findElement(By.cssSelector("[id$=':delete']")).click();
        confirm();
        await(() -> textOf(By.id("messages")).contains("Subvención G-1 eliminada"));
        books.expect(404, books.get("/grants/G-1"));
    }

    @Test
    void anEntryIsPostedThroughTheFormWhileTheDifferenceFollowsTheAmounts() {
        Keeper keeper = keeper();
        open(keeper, "new-entry.xhtml");

        fillHeader("15/03/2025", "Factura de la gestoría");
        account(0, "629");
        amount(0, "debit", "121");
        await(() -> "121,00".equals(textOf(By.id("entry:difference"))));
        assertTrue(browser.findElement(By.id("entry:difference")).getDomAttribute("class").contains("hub-unbalanced"));
        account(1, "572");
        amount(1, "credit", "121");
        await(() -> "0,00".equals(textOf(By.id("entry:difference"))));
        assertTrue(browser.findElement(By.id("entry:difference")).getDomAttribute("class").contains("hub-balanced"));

        browser.findElement(By.id("entry:post")).click();

        await(() -> textOf(By.id("messages")).contains("Asiento 1/2025 contabilizado"));
        var posted = keeper.books().expect(200, keeper.books().get("/entries")).json();
        assertEquals(1, posted.getJsonNumber("total").intValue(), posted.toString());
        var entry = posted.getJsonArray("entries").getJsonObject(0);
        assertEquals("Factura de la gestoría", entry.getString("description"));
        assertEquals("2025-03-15", entry.getString("date"));
        assertEquals(0, entry.getJsonNumber("total").bigDecimalValue().compareTo(new BigDecimal("121")));
    }

    /**
     * The form adds lines, reads an amount exactly as typed in either notation (1452.5 is 1.452,50; -18,505 keeps its
     * sign and third decimal, for the posting rules to refuse by name) and refuses a day the calendar lacks instead of
     * moving it: nothing is posted until every field reads right.
     */
    @Test
    void theFormAddsLinesReadsAmountsExactlyAndRefusesADayTheCalendarLacks() {
        Keeper keeper = keeper();
        open(keeper, "new-entry.xhtml");

        fillHeader("31/02/2025", "Factura con IVA");
        browser.findElement(By.id("entry:addLine")).click();
        await(() -> !browser.findElements(By.id("entry:lines:2:account_input")).isEmpty());
        account(0, "629");
        amount(0, "debit", "1452.5");
        await(() -> "1.452,50".equals(textOf(By.id("entry:difference"))));
        account(1, "472");
        amount(1, "debit", "-18,505");
        account(2, "572");
        amount(2, "credit", "1434");

        browser.findElement(By.id("entry:post")).click();
        await(() -> textOf(messageOf("entry:date")).contains("no es un día del calendario"));

        typeDate("entry:date", "28/02/2025");
        browser.findElement(By.id("entry:post")).click();
        await(() -> textOf(messageOf("entry:lines:1:debit")).contains("-18,505"));
        assertEquals(0, keeper.books().expect(200, keeper.books().get("/entries")).json().getInt("total"),
                "nothing is posted");
    }

    @Test
    void anUnbalancedEntryIsRefusedWithItsDifference() {
        Keeper keeper = keeper();
        open(keeper, "new-entry.xhtml");

        fillHeader("15/03/2025", "Descuadrado");
        account(0, "629");
        amount(0, "debit", "100");
        account(1, "572");
        amount(1, "credit", "90");
        await(() -> "10,00".equals(textOf(By.id("entry:difference"))));
        browser.findElement(By.id("entry:post")).click();

        await(() -> textOf(By.id("messages")).contains("no cuadra"));
        assertTrue(textOf(By.id("messages")).contains("diferencia de 10,00"), textOf(By.id("messages")));
        assertEquals("Descuadrado", browser.findElement(By.id("entry:description")).getDomProperty("value"));
        assertEquals(0, keeper.books().get("/entries").json().getJsonNumber("total").intValue());
    }

    @Test
    void aHeadingAccountIsRefusedNextToItsLine() {
        Keeper keeper = keeper();
        open(keeper, "new-entry.xhtml");

        fillHeader("15/03/2025", "Venta a un cliente");
        account(0, "572");
        amount(0, "debit", "50");
        // a heading is never suggested; typed, it reaches the ledger
        browser.findElement(By.id("entry:lines:1:account_input")).sendKeys("430", Keys.ESCAPE);
        amount(1, "credit", "50");
        browser.findElement(By.id("entry:post")).click();

        await(() -> textOf(messageOf("entry:lines:1:account")).contains("es una cuenta de título"));
        assertTrue(absent(messageOf("entry:lines:0:account")), "the first line is fine");
    }

    @Test
    void postingOnAHardLockedDateIsRefusedNextToTheDate() {
        Keeper keeper = keeper();
        keeper.books().expect(200,
                keeper.books().put("/locks", "{\"softLock\":null,\"hardLock\":\"2025-03-31\",\"version\":0}"));
        open(keeper, "new-entry.xhtml");

        fillHeader("15/03/2025", "Fuera de plazo");
        account(0, "629");
        amount(0, "debit", "10");
        account(1, "570");
        amount(1, "credit", "10");
        browser.findElement(By.id("entry:post")).click();

        await(() -> textOf(messageOf("entry:date")).contains("bloqueada hasta el 31/03/2025"));
        assertEquals(0, keeper.books().get("/entries").json().getJsonNumber("total").intValue());
        open(keeper, "fiscal-years.xhtml");
        assertEquals("31/03/2025", browser.findElement(By.id("locks:hardLock_input")).getDomProperty("value"));
    }

    /** Issue 17: every refusal of an entry is shown at once, each next to its own field. */
    @Test
    void everyRefusalOfAnEntryIsShownNextToItsField() {
        Keeper keeper = keeper();
        keeper.books().expect(200,
                keeper.books().put("/locks", "{\"softLock\":null,\"hardLock\":\"2025-03-31\",\"version\":0}"));
        open(keeper, "new-entry.xhtml");

        fillHeader("15/03/2025", "Fuera de plazo y a una cuenta de título");
        account(0, "629");
        amount(0, "debit", "10");
        browser.findElement(By.id("entry:lines:1:account_input")).sendKeys("430", Keys.ESCAPE);
        amount(1, "credit", "10");
        browser.findElement(By.id("entry:post")).click();

        await(() -> textOf(messageOf("entry:date")).contains("bloqueada hasta el 31/03/2025"));
        assertTrue(textOf(messageOf("entry:lines:1:account")).contains("es una cuenta de título"),
                textOf(messageOf("entry:lines:1:account")));
        assertTrue(absent(messageOf("entry:lines:0:account")), "the first line is fine");
        assertEquals(0, keeper.books().get("/entries").json().getJsonNumber("total").intValue());
    }

    @Test
    void theEntriesTableFiltersByJournalAndTextAndPagesLazily() {
        Keeper keeper = keeper();
        Books books = keeper.books();
        for (int i = 1; i <= 25; i++) {
            books.expect(201, books.post("/entries", entry("2025-02-" + String.format("%02d", i % 28 + 1), "GENERAL",
                    "Cuota de socio " + i, "572", "721", "30")));
        }
        books.expect(201,
                books.post("/entries", entry("2025-03-01", "BANK", "Comisión bancaria marzo", "629", "572", "4.5")));
        books.expect(201,
                books.post("/entries", entry("2025-04-01", "BANK", "Comisión bancaria abril", "629", "572", "4.5")));
        open(keeper, "entries.xhtml");

        await(() -> textOf(By.id("list:entries")).contains("1–25 / 27"));
        assertEquals(25, dataRows().size());
        browser.findElement(By.cssSelector("#list\\:entries .ui-paginator-next")).click();
        await(() -> textOf(By.id("list:entries")).contains("26–27 / 27"));
        assertEquals(2, dataRows().size());
        assertTrue(textOf(By.id("list:entries")).contains("Comisión bancaria abril"));

        browser.findElement(By.id("list:journal")).click();
        WebElement bank = browser.findElement(By.cssSelector("#list\\:journal_items li[data-label='Bancos']"));
        await(bank::isDisplayed);
        pause(Duration.ofMillis(500)); // the panel fades in; a click during the fade may miss
        bank.click();
        browser.findElement(By.id("list:search")).click();
        await(() -> textOf(By.id("list:entries")).contains("1–2 / 2"));
        assertTrue(textOf(By.id("list:entries")).contains("Comisión bancaria marzo"));

        browser.findElement(By.id("list:clear")).click();
        await(() -> textOf(By.id("list:entries")).contains("1–25 / 27"));
        browser.findElement(By.id("list:text")).sendKeys("socio 1");
        browser.findElement(By.id("list:search")).click();
        // "Cuota de socio 1", "10" to "19"
        await(() -> textOf(By.id("list:entries")).contains("1–11 / 11"));
        assertFalse(textOf(By.id("list:entries")).contains("Comisión"));
    }

    @Test
    void anEntryIsReversedFromItsPage() {
        Keeper keeper = keeper();
        Books books = keeper.books();
        long id = books.postEntry("2025-03-10", "629", "572", "80").json().getJsonNumber("id").longValue();
        open(keeper, "entries.xhtml");
        await(() -> !browser.findElements(By.linkText("1/2025")).isEmpty());

        browser.findElement(By.linkText("1/2025")).click();

        await(() -> textOf(By.id("heading")).contains("Asiento 1/2025"));
        assertTrue(textOf(By.id("entry")).contains("Otros servicios"));
        assertFalse(textOf(By.id("hash")).isBlank());
        typeDate("reversal:date", "20/03/2025");
        browser.findElement(By.id("reversal:reverse")).click();
        WebElement yes = browser.findElement(By.cssSelector(".ui-confirmdialog-yes"));
        await(yes::isDisplayed);
        yes.click();

        await(() -> textOf(By.id("messages")).contains("Asiento anulado con el asiento 2/2025"));
        assertTrue(browser.findElement(By.id("reversedBy")).isDisplayed());
        assertTrue(absent(By.id("reversal:reverse")), "an entry is reversed once");
        var original = books.expect(200, books.get("/entries/" + id)).json();
        assertFalse(HubClient.isNull(original, "reversedBy"), original.toString());
        // the address names the entry shown: a reload shows it again
        assertTrue(browser.getCurrentUrl().contains("id=" + id), browser.getCurrentUrl());
        browser.navigate().refresh();
        await(() -> textOf(By.id("heading")).contains("Asiento 1/2025"));
        assertTrue(browser.findElement(By.id("reversedBy")).isDisplayed());
    }

    @Test
    void aFiscalYearIsClosedAfterConfirmation() {
        Keeper keeper = keeper();
        Books books = keeper.books();
        books.postEntry("2025-05-10", "572", "721", "500");
        books.postEntry("2025-06-10", "629", "572", "200");
        open(keeper, "fiscal-years.xhtml");
        WebElement year = row("years:list", "2025");

        year.findElement(By.xpath(".//button[contains(@id,'close')]")).click();
        WebElement yes = browser.findElement(By.cssSelector(".ui-confirmdialog-yes"));
        await(yes::isDisplayed);
        assertTrue(textOf(By.cssSelector(".ui-confirm-dialog")).contains("¿Cerrar el ejercicio 2025?"));
        yes.click();

        await(() -> textOf(By.id("messages")).contains("Ejercicio 2025 cerrado"));
        assertTrue(textOf(By.id("messages")).contains("apertura 1/2026"), textOf(By.id("messages")));
        assertTrue(row("years:list", "2025").getText().contains("Cerrado"));
        assertTrue(row("years:list", "2026").getText().contains("Abierto"));
    }

    /** The form proposes 2026, wholly behind the hard lock: opening it is refused next to the year. */
    @Test
    void openingAYearWhollyBehindTheHardLockIsRefusedNextToTheYear() {
        Keeper keeper = keeper();
        keeper.books().expect(200, keeper.books().put("/locks", "{\"hardLock\":\"2026-12-31\",\"version\":0}"));
        open(keeper, "fiscal-years.xhtml");

        browser.findElement(By.id("years:open")).click();

        await(() -> textOf(messageOf("years:year")).contains("bloqueo definitivo"));
        assertEquals(1, keeper.books().get("/fiscal-years").array().size());
    }

    /** Renumbering by date and then legalising, each after its confirmation; a legalised year offers neither again. */
    @Test
    void aFiscalYearIsRenumberedByDateAndMarkedLegalised() {
        Keeper keeper = keeper();
        Books books = keeper.books();
        books.postEntry("2025-06-10", "629", "572", "60");
        long march = books.postEntry("2025-03-10", "629", "572", "30").json().getJsonNumber("id").longValue();
        open(keeper, "fiscal-years.xhtml");

        row("years:list", "2025").findElement(By.xpath(".//button[contains(@id,'renumber')]")).click();
        confirm();
        await(() -> textOf(By.id("messages")).contains("2 asientos numerados por fecha (numeración 1)"));
        assertEquals(1, books.expect(200, books.get("/entries/" + march)).json().getInt("number"));

        row("years:list", "2025").findElement(By.xpath(".//button[contains(@id,'legalise')]")).click();
        confirm();
        await(() -> textOf(By.id("messages")).contains("marcado como legalizado"));
        WebElement legalised = row("years:list", "2025");
        assertTrue(legalised.getText().contains("Legalizado"), legalised.getText());
        assertTrue(Browsers.withoutWaiting(browser, () -> legalised
                .findElements(By.xpath(".//button[contains(@id,'renumber') or contains(@id,'legalise')]")).isEmpty()));
        assertTrue(books.expect(200, books.get("/fiscal-years")).array().getJsonObject(0).getBoolean("legalised"));
    }

    @Test
    void theTrialBalanceAndTheLedgerShowThePostedEntries() {
        Keeper keeper = keeper();
        Books books = keeper.books();
        books.postEntry("2025-05-10", "572", "721", "500");
        books.postEntry("2025-06-10", "629", "572", "200");
        open(keeper, "trial-balance.xhtml");

        WebElement bank = row("report:rows", "572");
        assertTrue(bank.getText().contains("500,00") && bank.getText().contains("300,00"), bank.getText());
        assertTrue(textOf(By.id("report:range")).contains("01/01/2025"), textOf(By.id("report:range")));
        assertEquals("700,00", textOf(By.id("report:rows:totalDebit")));
        browser.findElement(By.id("report:level")).click();
        WebElement group = browser.findElement(By.cssSelector("#report\\:level_items li[data-label='Grupo']"));
        await(group::isDisplayed);
        pause(Duration.ofMillis(500)); // the panel fades in; a click during the fade may miss
        group.click();
        browser.findElement(By.id("report:show")).click();
        await(() -> browser.findElements(By.xpath("//*[@id='report:rows']//tr[td[1][normalize-space(.)='572']]"))
                .isEmpty());
        assertTrue(row("report:rows", "5").getText().contains("300,00"), row("report:rows", "5").getText());

        open(keeper, "ledger.xhtml");
        browser.findElement(By.id("report:account")).sendKeys("572");
        browser.findElement(By.id("report:show")).click();

        await(() -> "300,00".equals(textOf(By.id("report:closing"))));
        assertEquals("0,00", textOf(By.id("report:opening")));
        assertEquals(2, browser.findElements(By.cssSelector("#report\\:lines_data > tr[data-ri]")).size());
    }

    @Test
    void theTrialBalanceKeepsItsParametersInItsAddressSoAReloadShowsTheSameReport() {
        Keeper keeper = keeper();
        Books books = keeper.books();
        books.postEntry("2025-05-10", "572", "721", "500");
        books.postEntry("2025-06-10", "629", "572", "200");
        open(keeper, "trial-balance.xhtml?date=2025-05-31&level=group");

        assertEquals("31/05/2025", browser.findElement(By.id("report:date_input")).getDomProperty("value"));
        assertTrue(row("report:rows", "5").getText().contains("500,00"), row("report:rows", "5").getText());
        assertTrue(absent(By.xpath("//*[@id='report:rows']//tr[td[1][normalize-space(.)='572']]")));

        typeDate("report:date", "30/06/2025");
        browser.findElement(By.cssSelector("#report\\:excludeClosing .ui-chkbox-box")).click();
        browser.findElement(By.id("report:show")).click();
        await(() -> browser.getCurrentUrl().contains("date=2025-06-30"));
        String address = browser.getCurrentUrl();
        assertTrue(address.contains("level=group") && address.contains("excludeClosing=true")
                && address.contains("org=" + books.orgId()), address);
        assertTrue(row("report:rows", "5").getText().contains("300,00"), row("report:rows", "5").getText());

        browser.navigate().refresh();
        assertEquals(address, browser.getCurrentUrl());
        assertEquals("30/06/2025", browser.findElement(By.id("report:date_input")).getDomProperty("value"));
        assertTrue(browser.findElement(By.id("report:excludeClosing_input")).isSelected());
        assertTrue(row("report:rows", "6").getText().contains("200,00"), row("report:rows", "6").getText());
        assertTrue(textOf(By.id("report:range")).contains("30/06/2025"), textOf(By.id("report:range")));

        open(keeper, "ledger.xhtml?account=572&from=2025-06-01&to=2025-06-30");
        await(() -> "300,00".equals(textOf(By.id("report:closing"))));
        assertEquals("500,00", textOf(By.id("report:opening")));
    }

    /**
     * A date or level in a report's address that does not read is refused on the page, in the session's language, with
     * the API's sentence for it; the page shows no report.
     */
    @Test
    void aReportAddressWithADateOrLevelThatDoesNotReadIsRefusedAsTheApiWordsIt() {
        Keeper keeper = keeper();
        open(keeper, "trial-balance.xhtml?date=31/05/2025");
        await(() -> textOf(By.tagName("main"))
                .contains("'31/05/2025' no es una fecha; escríbala como AAAA-MM-DD, por ejemplo 2025-03-31."));
        assertTrue(absent(By.id("report:rows")));
        open(keeper, "ledger.xhtml?account=572&from=2025-06-01&to=2025-06-31");
        await(() -> textOf(By.tagName("main")).contains("'2025-06-31' no es una fecha"));
        open(keeper, "trial-balance.xhtml?date=2025-05-31&level=4");
        await(() -> textOf(By.tagName("main")).contains("El nivel '4' no existe; use group, 3, posting."));
    }

    @Test
    void theJournalShowsFiftyEntriesAPageOfTheRangeInItsAddress() {
        Keeper keeper = keeper();
        Books books = keeper.books();
        books.postEntry("2025-01-15", "572", "100", "1000");
        for (int day = 1; day <= 28; day++) {
            books.postEntry(String.format("2025-02-%02d", day), "629", "572", "1");
            books.postEntry(String.format("2025-03-%02d", day), "629", "572", "2");
        }
        open(keeper, "journal.xhtml?from=2025-02-01&to=2025-03-31");

        await(() -> browser.findElements(By.cssSelector("#report\\:entries_data > tr[data-ri]")).size() == 50);
        assertTrue(textOf(By.id("report:entries")).contains("1–50 / 56"), textOf(By.id("report:entries")));
        assertFalse(textOf(By.id("report:entries")).contains("Dotación fundacional"));
        assertEquals("01/02/2025", browser.findElement(By.id("report:from_input")).getDomProperty("value"));
    }

    @Test
    void theJournalListsAPostedEntryWithItsLines() {
        Keeper keeper = keeper();
        keeper.books().postEntry("2025-03-10", "629", "572", "80");
        open(keeper, "journal.xhtml");

        await(() -> textOf(By.id("report:entries")).contains("1/2025"));
        String journal = textOf(By.id("report:entries"));
        assertTrue(journal.contains("Otros servicios") && journal.contains("629") && journal.contains("572"), journal);
        assertTrue(journal.contains("80,00"), journal);
        assertTrue(textOf(By.cssSelector("nav.hub-nav")).contains("Libro diario"));
    }

    /**
     * 2024 (the organisation's first year, left open) and 2025: each statement shows 2025 and, beside it, 2024, each
     * column headed with its dates; 2024's own statements have an empty previous column.
     */
    @Test
    void theBalanceSheetBalancesAndTheResultsAccountShowsTheSurplus() {
        Keeper keeper = keeper();
        Books books = keeper.books();
        books.expect(201, books.post("/fiscal-years", "{\"year\":2024}"));
        books.postEntry("2024-03-01", "572", "100", "400");
        books.postEntry("2024-06-01", "629", "572", "100");
        books.postEntry("2025-01-02", "572", "100", "600");
        books.postEntry("2025-05-10", "572", "721", "500");
        books.postEntry("2025-06-10", "629", "572", "200");
        books.postEntry("2025-06-11", "640", "572", "50");
        open(keeper, "balance-sheet.xhtml");

        String assets = current("ACTIVO");
        String equityAndLiabilities = current("PNP");
        assertEquals("850,00", assets);
        assertEquals(assets, equityAndLiabilities);
        assertEquals("300,00", previous("ACTIVO"));
        assertEquals("300,00", previous("PNP"));
        assertEquals("Ejercicio actual 31/12/2025", heading("hub-current"));
        assertEquals("Ejercicio anterior 31/12/2024", heading("hub-previous"));

        open(keeper, "results.xhtml");
        assertTrue(row("report:lines", "A.4").getText().contains("250,00"), row("report:lines", "A.4").getText());
        assertEquals("-100,00", previous("A.4"));
        assertEquals("Ejercicio actual 01/01/2025 – 31/12/2025", heading("hub-current"));
        assertEquals("Ejercicio anterior 01/01/2024 – 31/12/2024", heading("hub-previous"));

        open(keeper, "balance-sheet.xhtml?date=2024-12-31");
        assertEquals("300,00", current("ACTIVO"));
        assertEquals("", previous("ACTIVO"));
        assertEquals("Ejercicio anterior (primer ejercicio)", heading("hub-previous"));
    }

    /**
     * The size of the annual accounts on the chart page: the normal size, which the PYMESFL plan has no models of, is
     * refused next to the choice in Spanish and nothing changes; the abbreviated one is kept. Books past the plan's
     * limits (total assets 2,850,000 and volume of income 5,700,000: BOE-A-2013-3736, norma segunda 1) at the close of
     * 2024 and of 2025 show the warning on the balance sheet and the results account, whose limits are the same in this
     * plan.
     */
    @Test
    void theSizeOfTheAnnualAccountsIsChosenOnTheChartPageAndTheStatementsWarnPastTheLimits() {
        Keeper keeper = keeper("pgc-pymesfl");
        Books books = keeper.books();
        open(keeper, "chart.xhtml");
        assertTrue(textOf(By.id("tree")).contains("cuentas anuales en formato abreviado"), textOf(By.id("tree")));

        choose("annualAccounts:size", "Normal");
        browser.findElement(By.id("annualAccounts:chooseSize")).click();
        await(() -> textOf(messageOf("annualAccounts:size")).contains("El plan de cuentas 'pgc-pymesfl' de esta "
                + "organización no tiene instalados modelos de balance y cuenta de resultados en formato normal"));
        assertEquals("abbreviated", books.expect(200, books.get("/chart")).json().getString("size"));
        assertTrue(textOf(By.id("tree")).contains("cuentas anuales en formato abreviado"), textOf(By.id("tree")));
        choose("annualAccounts:size", "Abreviado");
        browser.findElement(By.id("annualAccounts:chooseSize")).click();
        await(() -> textOf(By.id("messages")).contains("Las cuentas anuales se formulan ahora en formato abreviado."));

        books.expect(201, books.post("/fiscal-years", "{\"year\":2024}"));
        books.postEntry("2024-03-01", "572", "721", "6000000.00");
        books.expect(201, books.post("/fiscal-years/2024/closing", "{}"));
        books.postEntry("2025-03-01", "572", "721", "6000000.00");
        books.expect(201, books.post("/fiscal-years/2025/closing", "{}"));
        open(keeper, "balance-sheet.xhtml?date=2025-12-31");
        assertTrue(textOf(By.id("report:range")).contains("pymesfl-balance · Abreviado"),
                textOf(By.id("report:range")));
        String warning = textOf(By.id("report:warnings"));
        assertTrue(warning.startsWith("Al cierre de 2024 y de 2025 las cuentas superaron dos de los tres límites para "
                + "formular el modelo abreviado de balance (2024: total activo 6.000.000,00 (límite 2.850.000)"),
                warning);
        open(keeper, "results.xhtml?from=2025-01-01&to=2025-12-31");
        assertTrue(textOf(By.id("report:warnings")).contains("modelo abreviado de cuenta de resultados"),
                textOf(By.id("report:warnings")));
    }

    /** A statement's figure of this year on the line with this code. */
    private String current(String code) {
        return row("report:lines", code).findElement(By.cssSelector("td.hub-amount")).getText();
    }

    /** A statement's previous-year figure on the line with this code. */
    private String previous(String code) {
        return row("report:lines", code).findElement(By.cssSelector("td.hub-previous")).getText();
    }

    /** The heading of a statement's amount column, by its class, its lines joined by a space. */
    private String heading(String column) {
        return textOf(By.xpath("//*[@id='report:lines']//thead//th[contains(@class,'" + column + "')]"))
                .replaceAll("\\s+", " ").strip();
    }

    /**
     * A cooperative's balance sheet and results account are drawn up in the models of Orden EHA/3360/2010
     * (BOE-A-2010-20034), with the cooperative captions and the FEFP on its own lines; with postings in groups 1 to 7
     * the balance sheet balances. (A plan without models is refused naming it: StatementModelsTest.)
     */
    @Test
    void aCooperativesStatementsShowTheCooperativeCaptionsAndItsBalanceSheetBalancesWithPostingsInGroups1To7() {
        Keeper keeper = keeper("pgc-cooperativas");
        Books books = keeper.books();
        books.postEntry("2025-01-02", "572", "1000", "6000");
        books.postEntry("2025-01-10", "213", "523", "2000");
        books.postEntry("2025-01-15", "605", "4007", "3000");
        books.postEntry("2025-01-20", "307", "617", "500");
        books.postEntry("2025-02-01", "4300", "700", "8000");
        books.postEntry("2025-02-15", "647", "572", "2500");
        books.postEntry("2025-03-31", "657", "5298", "400");
        books.postEntry("2025-03-31", "572", "7571", "100");
        open(keeper, "balance-sheet.xhtml");

        String assets = current("ACTIVO");
        String equityAndLiabilities = current("PNP");
        // 2,000 (213) + 500 (307) + 8,000 (4300) + 3,600 (572)
        assertEquals("14100,00", digits(assets));
        assertEquals(assets, equityAndLiabilities);
        String result = row("report:lines", "P.A-1.V").getText();
        assertTrue(result.contains("V. Resultado de la cooperativa (positivo o negativo)"), result);
        assertTrue(digits(result).endsWith("2700,00"), result);
        String fund = row("report:lines", "P.C.I").getText();
        assertTrue(fund.contains("I. Fondo de Educación, Formación y Promoción a corto plazo"), fund);
        assertTrue(fund.contains("400,00"), fund);
        assertFalse(textOf(By.id("report:lines")).contains("Dotación fundacional"));

        open(keeper, "results.xhtml");
        String allocation = row("report:lines", "12.a").getText();
        assertTrue(allocation.contains("a) Dotación") && allocation.contains("400,00"), allocation);
        assertTrue(row("report:lines", "12").getText().contains("12. Fondo de Educación, Formación y Promoción"),
                row("report:lines", "12").getText());
        assertTrue(digits(row("report:lines", "A.5").getText()).endsWith("2700,00"),
                row("report:lines", "A.5").getText());
    }

    /**
     * A cooperative's statement of changes in equity on its page, reached from the navigation: 2024 with members'
     * capital of 6,000 and a surplus of 2,700 (sales 8,000, the members' work 5,000, the FEFP allocation 300), closed;
     * 2025 with 1,350 of the surplus to the Fondo de Reserva Obligatorio, 1,000 as cooperative return and 500 of new
     * capital. Until 2024 is closed the page refuses 2025, saying why. The header has Capital cooperativo over
     * Suscrito; the columns and rows without an amount in either year are left out; both years' rows are there, the
     * balances in bold.
     */
    @Test
    void aCooperativesStatementOfChangesInEquityShowsBothYearsInTheModelsGrid() {
        Keeper keeper = keeper("pgc-cooperativas");
        Books books = keeper.books();
        books.expect(201, books.post("/fiscal-years", "{\"year\":2024}"));
        books.postEntry("2024-01-02", "572", "1000", "6000");
        books.postEntry("2024-02-01", "4300", "700", "8000");
        books.postEntry("2024-02-15", "647", "572", "5000");
        books.postEntry("2024-12-31", "657", "5298", "300");
        open(keeper, "equity-changes.xhtml?date=2025-12-31");
        await(() -> textOf(By.tagName("main")).contains("El estado de cambios en el patrimonio neto de 2025 parte de "
                + "los saldos que el cierre de 2024 traslada a su apertura, y el ejercicio 2024 aún no está cerrado"));
        assertTrue(absent(By.id("grid")));
        books.expect(201, books.post("/fiscal-years/2024/closing", "{}"));
        books.postEntry("2025-02-01", "129", "112", "1350");
        books.postEntry("2025-02-01", "129", "526", "1000");
        books.postEntry("2025-03-01", "572", "1000", "500");
        open(keeper, "balance-sheet.xhtml");
        WebElement entry = browser.findElement(By.xpath("//a[contains(@id,'navEquityChanges')]"));
        assertEquals("Cambios en el patrimonio neto", entry.getAttribute("textContent").strip());
        assertTrue(entry.getAttribute("href").contains("/org/accounting/equity-changes.xhtml"),
                entry.getAttribute("href"));
        open(keeper, "equity-changes.xhtml");

        await(() -> !browser.findElements(By.id("grid")).isEmpty());
        String header = textOf(By.cssSelector("#grid thead"));
        assertTrue(header.contains("Capital cooperativo") && header.contains("Suscrito") && header.contains("Reservas")
                && header.contains("Resultado del ejercicio") && header.contains("TOTAL"), header);
        assertFalse(header.contains("No exigido") || header.contains("Fondos capitalizados"), header);
        String previous = ungrouped(textOf(By.id("row-C")));
        // Suscrito 6,000, Reservas 0, Resultado 2,700, TOTAL 8,700
        assertEquals("C. SALDO, FINAL DEL AÑO 2024 6000,00 0,00 2700,00 8700,00", previous);
        assertEquals("I. Resultado de la cuenta de pérdidas y ganancias 0,00 0,00 2700,00 2700,00",
                ungrouped(textOf(By.id("row-B.I"))));
        assertEquals("3. Otras operaciones con socios y partícipes 0,00 0,00 -1000,00 -1000,00",
                ungrouped(textOf(By.id("row-D.III.3"))));
        assertEquals("IV. Otras variaciones del patrimonio neto 0,00 1350,00 -1350,00 0,00",
                ungrouped(textOf(By.id("row-D.IV"))));
        assertEquals("E. SALDO, FINAL DEL AÑO 2025 6500,00 1350,00 350,00 8200,00", ungrouped(textOf(By.id("row-E"))));
        assertTrue(absent(By.id("row-D.II")), "a change without an amount in either year is left out");
        assertEquals("700", browser.findElement(By.cssSelector("#row-E td")).getCssValue("font-weight"));
        assertEquals("400", browser.findElement(By.cssSelector("#row-D\\.IV td")).getCssValue("font-weight"));
    }

    /** A text with the amounts' grouping points left out (the Spanish format groups only from five digits). */
    private static String ungrouped(String text) {
        return text.replaceAll("(?<=\\d)\\.(?=\\d{3})", "");
    }

    /** The digits and decimal comma of a text, without grouping separators or other characters. */
    private static String digits(String text) {
        return text.replaceAll("[^0-9,]", "");
    }

    @Test
    void theGrantExecutionShowsBudgetSpentAndRemaining() {
        Keeper keeper = keeper();
        Books books = keeper.books();
        books.expect(201,
                books.post("/grants", "{\"code\":\"G1\",\"name\":\"Empleo 2025\",\"funder\":\"Comunidad\","
                        + "\"awarded\":500,\"eligibleFrom\":\"2025-01-01\",\"eligibleTo\":\"2025-12-31\","
                        + "\"budget\":[{\"account\":\"62\",\"amount\":100},{\"account\":\"64\",\"amount\":300}]}"));
        books.postEntry("2025-01-02", "572", "100", "900");
        books.expect(201, books.post("/entries", "{\"date\":\"2025-02-01\",\"journal\":\"GENERAL\","
                + "\"description\":\"Nómina\",\"lines\":[{\"account\":\"640\",\"debit\":120,"
                + "\"analytic\":[{\"dimension\":\"GRANT\",\"code\":\"G1\"}]},{\"account\":\"572\",\"credit\":120}]}"));
        open(keeper, "grant-execution.xhtml");

        WebElement personnel = row("report:lines", "64");
        assertTrue(personnel.getText().contains("300,00") && personnel.getText().contains("120,00")
                && personnel.getText().contains("180,00"), personnel.getText());
        assertEquals("400,00", textOf(By.id("report:lines:totalBudget")));
        assertEquals("120,00", textOf(By.id("report:lines:totalActual")));
        assertEquals("280,00", textOf(By.id("report:lines:totalRemaining")));
    }

    @Test
    void theConsolidatedTrialBalanceSumsTwoOrganisationsOfTheSameUser() {
        Keeper keeper = keeper();
        Books other = Books.open(base);
        HubClient client = other.client();
        client.grant(client.adminToken(), other.orgId(), keeper.username(), "auditor");
        keeper.books().postEntry("2025-05-10", "572", "721", "300");
        other.postEntry("2025-05-11", "572", "721", "150");
        open(keeper, "consolidated.xhtml");

        typeDate("report:date", "31/12/2025");
        browser.findElement(By.xpath("//input[@value='" + other.orgId()
                + "']/ancestor::div[contains(@class,'ui-chkbox')][1]//div[contains(@class,'ui-chkbox-box')]")).click();
        browser.findElement(By.id("report:show")).click();

        await(() -> !browser.findElements(By.id("report:rows")).isEmpty());
        WebElement bank = row("report:rows", "572");
        assertTrue(bank.getText().contains("450,00"), bank.getText());
        assertEquals("450,00", textOf(By.id("report:rows:totalDebit")));
    }

    @Test
    void theConsolidatedTrialBalanceOverAConsortiumSumsOnlyTheMembersWhoseBooksTheKeeperKeeps() {
        Keeper keeper = keeper();
        Books partner = Books.open(base);
        HubClient client = partner.client();
        String admin = client.adminToken();
        String token = client.token(keeper.username(), PASSWORD);
        String consortia = "api/v1/orgs/" + keeper.books().orgId() + "/consortia";
        HubClient.Reply created = client.post(consortia, token, "{\"name\":\"UTE Portal\",\"share\":70}");
        assertEquals(201, created.status(), created.body());
        JsonObject partnerOrg = client.get("api/v1/organisations/" + partner.orgId(), admin).json();
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals(201, client.post(consortia + "/" + id + "/invitations", token,
                "{\"taxId\":\"" + partnerOrg.getString("taxId") + "\",\"share\":30}").status());
        String invitations = "api/v1/orgs/" + partner.orgId() + "/consortium-invitations";
        long invitation = client.get(invitations, partner.token()).array().getJsonObject(0).getJsonNumber("id")
                .longValue();
        assertEquals(200, client.post(invitations + "/" + invitation + "/acceptance", partner.token(), "").status());
        keeper.books().postEntry("2025-05-10", "572", "721", "300");
        partner.postEntry("2025-05-11", "572", "721", "150");
        open(keeper, "consolidated.xhtml");

        browser.findElement(By.xpath("//input[@value='CONSORTIUM']/ancestor::div[contains(@class,'ui-radiobutton')][1]"
                + "//div[contains(@class,'ui-radiobutton-box')]")).click();
        await(() -> !browser.findElements(By.id("report:consortium")).isEmpty());
        assertTrue(textOf(By.id("report:consortium")).contains("UTE Portal"), textOf(By.id("report:consortium")));
        typeDate("report:date", "31/12/2025");
        browser.findElement(By.id("report:show")).click();

        await(() -> !browser.findElements(By.id("report:rows")).isEmpty());
        assertEquals("300,00", textOf(By.id("report:rows:totalDebit")));
        String members = textOf(By.id("report:members"));
        assertTrue(members.contains("constituido") && members.contains(partnerOrg.getString("name")), members);
    }

    @Test
    void theIntegrityPageSaysTheBooksAreIntactAndTheBalancesMatch() {
        Keeper keeper = keeper();
        keeper.books().postEntry("2025-03-10", "629", "572", "80");
        keeper.books().postEntry("2025-03-11", "572", "721", "100");
        open(keeper, "integrity.xhtml");

        browser.findElement(By.id("chain:check")).click();
        await(() -> textOf(By.id("chain:result")).contains("íntegros"));
        assertTrue(textOf(By.id("chain:result")).contains("2 asientos"), textOf(By.id("chain:result")));
        assertTrue(textOf(By.id("chain:audit")).contains("registro de auditoría está íntegro"),
                textOf(By.id("chain:audit")));
        assertTrue(textOf(By.id("chain:notAnchored")).contains("ningún anclaje"), textOf(By.id("chain:result")));
        browser.findElement(By.id("balances:verify")).click();
        await(() -> textOf(By.id("balances:result")).contains("coinciden"));
        browser.findElement(By.id("balances:rebuild")).click();
        WebElement yes = browser.findElement(By.cssSelector(".ui-confirmdialog-yes"));
        await(yes::isDisplayed);
        yes.click();
        await(() -> textOf(By.id("balances:result")).contains("Saldos reconstruidos"));
        assertTrue(textOf(By.id("balances:result")).contains("coinciden"));
    }

    @Test
    void aLineSplitSixtyFortyAcrossTwoProjectsIsPostedWithExactlyThoseShares() {
        Keeper keeper = keeper();
        Books books = keeper.books();
        project(books, "P-1", "Huerto urbano");
        project(books, "P-2", "Comedor social");
        open(keeper, "new-entry.xhtml");

        fillHeader("15/03/2025", "Semillas y menaje");
        account(0, "629");
        amount(0, "debit", "250");
        openAnalytic(0);
        share(PROJECT, 0, "P-1", "60");
        splitAnother(PROJECT);
        share(PROJECT, 1, "P-2", "40");
        await(() -> "100".equals(textOf(By.id("entry:dimensions:" + PROJECT + ":total"))));
        applyAnalytic();
        await(() -> textOf(By.id("entry:lines:0:shares")).contains("P-1 60")
                && textOf(By.id("entry:lines:0:shares")).contains("P-2 40"));
        account(1, "572");
        amount(1, "credit", "250");
        await(() -> "0,00".equals(textOf(By.id("entry:difference"))));

        browser.findElement(By.id("entry:post")).click();

        await(() -> textOf(By.id("messages")).contains("Asiento 1/2025 contabilizado"));
        var list = books.expect(200, books.get("/entries")).json();
        long id = list.getJsonArray("entries").getJsonObject(0).getJsonNumber("id").longValue();
        var lines = books.expect(200, books.get("/entries/" + id)).json().getJsonArray("lines");
        var split = lines.getJsonObject(0).getJsonArray("analytic");
        assertEquals(2, split.size(), split.toString());
        assertShare(split.getJsonObject(0), "P-1", "60", "150.00");
        assertShare(split.getJsonObject(1), "P-2", "40", "100.00");
        assertTrue(lines.getJsonObject(1).getJsonArray("analytic").isEmpty(), lines.toString());
    }

    @Test
    void aSplitTotallingNinetyPercentIsRefusedNextToItsLineAndNothingIsPosted() {
        Keeper keeper = keeper();
        Books books = keeper.books();
        project(books, "P-1", "Huerto urbano");
        project(books, "P-2", "Comedor social");
        open(keeper, "new-entry.xhtml");

        fillHeader("15/03/2025", "Reparto incompleto");
        account(0, "629");
        amount(0, "debit", "100");
        openAnalytic(0);
        share(PROJECT, 0, "P-1", "60");
        splitAnother(PROJECT);
        share(PROJECT, 1, "P-2", "30");
        await(() -> "90".equals(textOf(By.id("entry:dimensions:" + PROJECT + ":total"))));
        assertTrue(browser.findElement(By.id("entry:dimensions:" + PROJECT + ":total")).getDomAttribute("class")
                .contains("hub-unbalanced"));
        applyAnalytic();
        account(1, "572");
        amount(1, "credit", "100");
        await(() -> "0,00".equals(textOf(By.id("entry:difference"))));
        browser.findElement(By.id("entry:post")).click();

        await(() -> textOf(messageOf("entry:lines:0:analytic")).contains("suman 90 %"));
        assertTrue(absent(messageOf("entry:lines:1:analytic")), "the second line has no shares");
        assertEquals(0, books.get("/entries").json().getJsonNumber("total").intValue());
    }

    @Test
    void aDraftIsSavedReopenedChangedAndPosted() {
        Keeper keeper = keeper();
        Books books = keeper.books();
        open(keeper, "new-entry.xhtml");
        fillHeader("20/03/2025", "Alquiler de marzo");
        account(0, "629");
        amount(0, "debit", "50");
        account(1, "572");
        amount(1, "credit", "50");
        await(() -> "0,00".equals(textOf(By.id("entry:difference"))));

        browser.findElement(By.id("entry:saveDraft")).click();

        await(() -> textOf(By.id("entry:openDraft")).contains("Borrador"));
        var saved = books.expect(200, books.get("/drafts")).array();
        assertEquals(1, saved.size(), saved.toString());
        long id = saved.getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals("Alquiler de marzo", saved.getJsonObject(0).getJsonObject("entry").getString("description"));

        open(keeper, "drafts.xhtml");
        await(() -> draftRow(0).getText().contains("Alquiler de marzo"));
        browser.findElement(By.id("list:drafts:0:open")).click();
        await(() -> browser.findElements(By.id("entry:openDraft")).size() == 1);
        assertTrue(browser.getCurrentUrl().contains("draft=" + id), browser.getCurrentUrl());
        assertEquals("Alquiler de marzo", browser.findElement(By.id("entry:description")).getDomProperty("value"));
        assertEquals("50,00", browser.findElement(By.id("entry:lines:0:debit")).getDomProperty("value"));
        replaceAmount(0, "debit", "75");
        replaceAmount(1, "credit", "75");
        await(() -> "75,00".equals(textOf(By.id("entry:totalCredit"))));
        await(() -> "0,00".equals(textOf(By.id("entry:difference"))));

        browser.findElement(By.id("entry:post")).click();

        await(() -> textOf(By.id("messages")).contains("Asiento 1/2025 contabilizado"));
        assertTrue(books.expect(200, books.get("/drafts")).array().isEmpty());
        books.expect(404, books.get("/drafts/" + id));
        var posted = books.expect(200, books.get("/entries")).json();
        assertEquals(1, posted.getJsonNumber("total").intValue(), posted.toString());
        var entry = posted.getJsonArray("entries").getJsonObject(0);
        assertEquals("Alquiler de marzo", entry.getString("description"));
        assertEquals(0, entry.getJsonNumber("total").bigDecimalValue().compareTo(new BigDecimal("75")));
    }

    @Test
    void theConfirmationOfAPostingStaysWhenTheTotalsOfTheLastKeystrokeArriveAfterIt() {
        Keeper keeper = keeper();
        open(keeper, "new-entry.xhtml");
        fillHeader("21/03/2025", "Luz de marzo");
        account(0, "628");
        amount(0, "debit", "40");
        account(1, "572");
        amount(1, "credit", "40");

        // posted at once: the totals the credit's last key asks for, 250 ms after it, answer after the posting
        browser.findElement(By.id("entry:post")).click();

        await(() -> textOf(By.id("messages")).contains("Asiento 1/2025 contabilizado"));
        pause(Duration.ofMillis(750));
        assertTrue(textOf(By.id("messages")).contains("Asiento 1/2025 contabilizado"), textOf(By.id("messages")));
        assertEquals(1, keeper.books().get("/entries").json().getJsonNumber("total").intValue());
    }

    @Test
    void draftsArePostedAndDiscardedFromTheirList() {
        Keeper keeper = keeper();
        Books books = keeper.books();
        books.expect(201, books.post("/drafts", entry("2025-04-01", "BANK", "Comisión de abril", "629", "572", "4.5")));
        books.expect(201, books.post("/drafts", entry("2025-04-02", "GENERAL", "Aún sin cuadrar", "629", "572", "9")));
        open(keeper, "drafts.xhtml");
        assertEquals(2, draftRows().size());

        browser.findElement(By.id("list:drafts:0:post")).click();
        confirm();

        await(() -> textOf(By.id("messages")).contains("Asiento 1/2025 contabilizado"));
        await(() -> draftRows().size() == 1);
        await(() -> textOf(By.id("list:drafts")).contains("Aún sin cuadrar"));
        browser.findElement(By.id("list:drafts:0:discard")).click();
        confirm();

        await(() -> textOf(By.id("messages")).contains("eliminado"));
        await(() -> textOf(By.id("list:drafts")).contains("No hay borradores"));
        assertTrue(books.expect(200, books.get("/drafts")).array().isEmpty());
        assertEquals(1, books.get("/entries").json().getJsonNumber("total").intValue());
    }

    @Test
    void anAuditorReadsTheDraftsButFindsNothingToChange() {
        Books books = Books.open(base);
        books.expect(201, books.post("/drafts", entry("2025-04-01", "BANK", "Comisión de abril", "629", "572", "4.5")));
        HubClient client = books.client();
        String admin = client.adminToken();
        String auditor = HubClient.unique("auditor");
        client.createUser(admin, auditor, PASSWORD);
        client.grant(admin, books.orgId(), auditor, "auditor");
        signIn(auditor);
        browser.get(base + "org/accounting/drafts.xhtml?org=" + books.orgId());

        await(() -> draftRow(0).getText().contains("Comisión de abril"));
        WebElement draft = draftRow(0);
        assertTrue(absent(By.id("list:drafts:0:open")));
        assertTrue(absent(By.id("list:drafts:0:post")));
        assertTrue(absent(By.id("list:drafts:0:discard")));
        assertTrue(absent(By.id("list:new")));
        assertFalse(textOf(By.cssSelector("nav.hub-nav")).contains("Nuevo asiento"));
        draft.findElement(By.cssSelector(".ui-row-toggler")).click();
        await(() -> textOf(By.id("list:drafts")).contains("629"));

        long id = books.get("/drafts").array().getJsonObject(0).getJsonNumber("id").longValue();
        browser.get(base + "org/accounting/new-entry.xhtml?draft=" + id + "&org=" + books.orgId());
        // the refusal, in the language of the browser (the page's texts follow the portal's choice)
        await(() -> !textOf(By.id("messages")).isBlank());
        assertTrue(absent(By.id("entry")));
    }

    @Test
    void anotherOrganisationsDraftAnswersNotFound() {
        Keeper keeper = keeper();
        Books other = Books.open(base);
        long foreign = other.expect(201, other.post("/drafts", Books.entry("2025-04-01", "629", "572", "12"))).json()
                .getJsonNumber("id").longValue();

        open(keeper, "new-entry.xhtml?draft=" + foreign);

        await(() -> browser.getTitle().contains("No encontrado"));
        assertTrue(absent(By.id("entry")));
        open(keeper, "drafts.xhtml");
        await(() -> textOf(By.id("list:drafts")).contains("No hay borradores"));
        assertEquals(1, other.get("/drafts").array().size(), "the other organisation's draft is untouched");
    }

    /**
     * Issue 16, item 4: Tab leaves the account as typed (a heading, then refused by name, as with the mouse), Enter
     * with no suggestion highlighted chooses none, and the arrow keys with Enter choose one.
     */
    @Test
    void theAccountFieldTakesOnlyASuggestionTheUserChose() {
        Keeper keeper = keeper();
        open(keeper, "new-entry.xhtml");
        fillHeader("15/03/2025", "Factura de proveedor");

        WebElement first = browser.findElement(By.id("entry:lines:0:account_input"));
        typeKeyByKey(first, "400");
        awaitSuggestions(0, "400");
        first.sendKeys(Keys.TAB);
        await(() -> !browser.findElement(By.id("entry:lines:0:account_panel")).isDisplayed());
        assertEquals("400", first.getDomProperty("value"), "Tab keeps the text typed");
        assertEquals("entry:lines:0:debit", focusedId());
        amount(0, "debit", "50");

        WebElement second = browser.findElement(By.id("entry:lines:1:account_input"));
        typeKeyByKey(second, "400");
        awaitSuggestions(1, "400");
        second.sendKeys(Keys.ENTER);
        await(() -> !browser.findElement(By.id("entry:lines:1:account_panel")).isDisplayed());
        assertEquals("400", second.getDomProperty("value"), "Enter with nothing highlighted chooses nothing");
        second.sendKeys(Keys.BACK_SPACE, "0");
        String offered = awaitSuggestions(1, "400").get(0);
        second.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        await(() -> offered.equals(second.getDomProperty("value")));
        amount(1, "credit", "50");
        browser.findElement(By.id("entry:post")).click();

        await(() -> textOf(messageOf("entry:lines:0:account")).contains("es una cuenta de título"));
        assertTrue(absent(messageOf("entry:lines:1:account")), "the chosen account is a posting account");
        assertEquals("400", browser.findElement(By.id("entry:lines:0:account_input")).getDomProperty("value"));
        assertEquals(0, keeper.books().get("/entries").json().getJsonNumber("total").intValue());
    }

    /**
     * Issue 16, item 6: a refusal leaves every field as the user left it, the one it names included, so that ticking
     * the override of the soft lock and posting again posts the same entry.
     */
    @Test
    void afterASoftLockRefusalEveryFieldKeepsItsInputAndTheOverridePosts() {
        Keeper keeper = keeper();
        Books books = keeper.books();
        books.expect(200, books.put("/locks", "{\"softLock\":\"2025-03-31\",\"hardLock\":null,\"version\":0}"));
        open(keeper, "new-entry.xhtml");
        fillHeader("15/03/2025", "Factura atrasada");
        account(0, "629");
        amount(0, "debit", "40");
        account(1, "572");
        amount(1, "credit", "40");
        browser.findElement(By.id("entry:post")).click();

        await(() -> !textOf(messageOf("entry:date")).isBlank());
        assertEquals("15/03/2025", browser.findElement(By.id("entry:date_input")).getDomProperty("value"));
        assertEquals("Factura atrasada", browser.findElement(By.id("entry:description")).getDomProperty("value"));
        assertTrue(browser.findElement(By.id("entry:lines:0:account_input")).getDomProperty("value").startsWith("629"));
        assertTrue(browser.findElement(By.id("entry:lines:1:account_input")).getDomProperty("value").startsWith("572"));
        assertEquals("40,00", browser.findElement(By.id("entry:lines:0:debit")).getDomProperty("value"));
        browser.findElement(By.cssSelector("[id='entry:overrideSoftLock'] .ui-chkbox-box")).click();
        browser.findElement(By.id("entry:overrideReason")).sendKeys("Factura recibida tarde");
        browser.findElement(By.id("entry:post")).click();

        await(() -> textOf(By.id("messages")).contains("Asiento 1/2025 contabilizado"));
        var list = books.expect(200, books.get("/entries")).json();
        long id = list.getJsonArray("entries").getJsonObject(0).getJsonNumber("id").longValue();
        var entry = books.expect(200, books.get("/entries/" + id)).json();
        assertEquals("2025-03-15", entry.getString("date"));
        assertTrue(entry.getBoolean("softLockOverride"), entry.toString());
    }

    /**
     * Issue 16, item 20: a double click on "Contabilizar" while the last amount is still being totalled posts once, and
     * the form shows that posting, not a refusal of the emptied form.
     */
    @Test
    void aDoubleClickOnPostPostsOnceWithoutAFalseRefusal() {
        Keeper keeper = keeper();
        open(keeper, "new-entry.xhtml");
        fillHeader("15/03/2025", "Doble clic");
        account(0, "629");
        amount(0, "debit", "25");
        account(1, "572");
        amount(1, "credit", "25");

        new Actions(browser).doubleClick(browser.findElement(By.id("entry:post"))).perform();

        // the notice stays; the message of the posting may already be gone when the page settles
        await(() -> textOf(By.id("entry:posted")).contains("1/2025"));
        await(() -> Boolean.TRUE
                .equals(((JavascriptExecutor) browser).executeScript("return PrimeFaces.ajax.Queue.isEmpty()")));
        assertTrue(textOf(By.id("entry:posted")).contains("1/2025"), textOf(By.id("entry:posted")));
        assertTrue(absent(By.cssSelector(".ui-messages-error, .ui-message-error")), textOf(By.id("messages")));
        assertEquals(1, keeper.books().get("/entries").json().getJsonNumber("total").intValue());
    }

    /** Issue 16, item 23: the date's calendar button is named in the user's language and sits on the date's line. */
    @Test
    void theCalendarButtonIsNamedAndSitsOnTheDatesLine() {
        Keeper keeper = keeper();
        open(keeper, "new-entry.xhtml");

        WebElement input = browser.findElement(By.id("entry:date_input"));
        WebElement button = browser.findElement(By.cssSelector("[id='entry:date'] .ui-datepicker-trigger"));
        await(() -> "Abrir calendario".equals(button.getDomAttribute("aria-label")));
        int middle = button.getRect().getY() + button.getRect().getHeight() / 2;
        assertTrue(middle > input.getRect().getY() && middle < input.getRect().getY() + input.getRect().getHeight(),
                "the button " + button.getRect() + " is beside the field " + input.getRect());
        assertTrue(button.getRect().getX() >= input.getRect().getX() + input.getRect().getWidth() - 1,
                "the button " + button.getRect() + " follows the field " + input.getRect());
    }

    /**
     * Issue 16, done when "a new accountant can key a five-line VAT invoice with a two-way analytic split in the portal
     * using only the keyboard": key events only, from the date to posting, and the entry posted is exactly the one
     * keyed.
     */
    @Test
    void aFiveLineInvoiceWithATwoWaySplitIsKeyedWithTheKeyboardOnly() {
        Keeper keeper = keeper();
        Books books = keeper.books();
        project(books, "P-1", "Huerto urbano");
        project(books, "P-2", "Comedor social");
        open(keeper, "new-entry.xhtml");

        await(() -> "entry:date_input".equals(focusedId()));
        replaceFocusedText("15/03/2025");
        keys(Keys.ESCAPE);
        assertEquals("15/03/2025", browser.findElement(By.id("entry:date_input")).getDomProperty("value"));
        tabTo("entry:journal_label");
        keys("Compras");
        await(() -> "Compras".equals(textOf(By.id("entry:journal_label"))));
        tabTo("entry:document");
        keys("F-117");
        tabTo("entry:description");
        keys("Factura de la asesoría y compras del huerto");

        tabTo("entry:lines:0:account_input");
        chooseAccount(0, "600");
        tabTo("entry:lines:0:debit");
        keys("1000");
        tabTo("entry:lines:0:analytic");
        keys(Keys.ENTER);
        await(() -> browser.findElement(By.id("entry:analyticDialog")).isDisplayed()
                && textOf(By.id("entry:analyticEditor")).contains("Línea 1"));
        await(() -> focusedId().startsWith("entry:dimensions:" + PROJECT + ":shares:0:code"));
        keys("P-1");
        await(() -> textOf(By.id("entry:dimensions:" + PROJECT + ":shares:0:code_label")).startsWith("P-1"));
        tabTo("entry:dimensions:" + PROJECT + ":shares:0:percent_input");
        replaceFocusedText("60");
        await(() -> "60".equals(textOf(By.id("entry:dimensions:" + PROJECT + ":total"))));
        tabTo("entry:dimensions:" + PROJECT + ":split");
        keys(Keys.ENTER);
        await(() -> focusedId().startsWith("entry:dimensions:" + PROJECT + ":shares:1:code"));
        keys("P-2");
        await(() -> textOf(By.id("entry:dimensions:" + PROJECT + ":shares:1:code_label")).startsWith("P-2"));
        tabTo("entry:dimensions:" + PROJECT + ":shares:1:percent_input");
        replaceFocusedText("40");
        await(() -> "100".equals(textOf(By.id("entry:dimensions:" + PROJECT + ":total"))));
        keys(Keys.ENTER);
        await(() -> !browser.findElement(By.id("entry:analyticDialog")).isDisplayed());
        await(() -> textOf(By.id("entry:lines:0:shares")).contains("P-1 60")
                && textOf(By.id("entry:lines:0:shares")).contains("P-2 40"));
        await(() -> "entry:lines:0:analytic".equals(focusedId()));

        tabTo("entry:lines:1:account_input");
        typeAccount(1, "629");
        tabTo("entry:lines:1:debit");
        keys("200");
        addLineByKeyboard(2);
        chooseAccount(2, "472");
        tabTo("entry:lines:2:debit");
        keys("252");
        addLineByKeyboard(3);
        typeAccount(3, "4751");
        tabTo("entry:lines:3:credit");
        keys("30");
        addLineByKeyboard(4);
        chooseAccount(4, "4000");
        tabTo("entry:lines:4:credit");
        keys("1422");
        await(() -> "0,00".equals(textOf(By.id("entry:difference"))));
        tabTo("entry:post");
        keys(Keys.ENTER);

        await(() -> textOf(By.id("messages")).contains("Asiento 1/2025 contabilizado"));
        var list = books.expect(200, books.get("/entries")).json();
        assertEquals(1, list.getJsonNumber("total").intValue(), list.toString());
        long id = list.getJsonArray("entries").getJsonObject(0).getJsonNumber("id").longValue();
        var entry = books.expect(200, books.get("/entries/" + id)).json();
        assertEquals("2025-03-15", entry.getString("date"));
        assertEquals("PURCHASES", entry.getString("journal"));
        assertEquals("F-117", entry.getString("document"));
        var lines = entry.getJsonArray("lines");
        assertEquals(5, lines.size(), lines.toString());
        String[][] expected = { { "600", "1000", "0" }, { "629", "200", "0" }, { "472", "252", "0" },
                { "4751", "0", "30" }, { "4000", "0", "1422" } };
        for (int i = 0; i < expected.length; i++) {
            JsonObject line = lines.getJsonObject(i);
            assertEquals(expected[i][0], line.getString("account"), line.toString());
            assertEquals(0, line.getJsonNumber("debit").bigDecimalValue().compareTo(new BigDecimal(expected[i][1])),
                    line.toString());
            assertEquals(0, line.getJsonNumber("credit").bigDecimalValue().compareTo(new BigDecimal(expected[i][2])),
                    line.toString());
        }
        var split = lines.getJsonObject(0).getJsonArray("analytic");
        assertEquals(2, split.size(), split.toString());
        assertShare(split.getJsonObject(0), "P-1", "60", "600.00");
        assertShare(split.getJsonObject(1), "P-2", "40", "400.00");
        for (int i = 1; i < expected.length; i++) {
            assertTrue(lines.getJsonObject(i).getJsonArray("analytic").isEmpty(), lines.toString());
        }
    }

    // ---- the entry form

    private void fillHeader(String date, String description) {
        typeDate("entry:date", date);
        browser.findElement(By.id("entry:description")).sendKeys(description);
    }

    /** Replaces the date picker's date (today) by typing, as a person does, and closes its calendar. */
    private void typeDate(String pickerId, String date) {
        WebElement input = browser.findElement(By.id(pickerId + "_input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), date);
        await(() -> date.equals(input.getDomProperty("value")));
        browser.findElement(By.tagName("h1")).click();
        await(() -> browser.findElements(By.id(pickerId + "_panel")).stream().noneMatch(WebElement::isDisplayed));
    }

    /** Types a date into a picker of a dialog, then leaves it for another input of the dialog, closing its calendar. */
    private void typeDateIn(String pickerId, String date, String elsewhere) {
        WebElement input = browser.findElement(By.id(pickerId + "_input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), date);
        await(() -> date.equals(input.getDomProperty("value")));
        browser.findElement(By.id(elsewhere)).click();
        await(() -> browser.findElements(By.id(pickerId + "_panel")).stream().noneMatch(WebElement::isDisplayed));
    }

    /** Types the code key by key, then picks the suggestion that starts with it. */
    private void account(int row, String code) {
        String id = "entry:lines:" + row + ":account";
        WebElement input = browser.findElement(By.id(id + "_input"));
        input.click();
        for (char key : code.toCharArray()) {
            input.sendKeys(String.valueOf(key));
            pause(Duration.ofMillis(60));
        }
        By suggestion = By.cssSelector("[id='" + id + "_panel'] li[data-item-label^='" + code + " ']");
        await(() -> browser.findElement(suggestion).isDisplayed());
        // under load a keystroke may start its own search: wait for the answer to the whole code, or it could open the
        // list again after the pick
        By items = By.cssSelector("[id='" + id + "_panel'] li[data-item-label]");
        await(() -> browser.findElements(items).stream()
                .allMatch(item -> item.getDomAttribute("data-item-label").startsWith(code)));
        // a later keystroke's answer may replace the list between finding and clicking: find it again and retry
        await(() -> {
            browser.findElement(suggestion).click();
            return true;
        });
        await(() -> !browser.findElement(By.id(id + "_panel")).isDisplayed());
    }

    /** Types the text key by key into the element that has the focus, as a person does. */
    private void keys(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    /** Selects the focused field's text with Ctrl+A and types over it. */
    private void replaceFocusedText(String text) {
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(text).perform();
    }

    private String focusedId() {
        String id = browser.switchTo().activeElement().getDomAttribute("id");
        return id == null ? "" : id;
    }

    /** Presses Tab until the element of that id has the focus: the order of the form, as a keyboard user meets it. */
    private void tabTo(String id) {
        List<String> passed = new ArrayList<>();
        for (int i = 0; i < 12 && !id.equals(focusedId()); i++) {
            passed.add(focusedId());
            keys(Keys.TAB);
        }
        assertEquals(id, focusedId(), "Tab went through " + passed);
    }

    private void typeKeyByKey(WebElement input, String text) {
        for (char key : text.toCharArray()) {
            input.sendKeys(String.valueOf(key));
            pause(Duration.ofMillis(60));
        }
    }

    /** Waits for the suggestions of the whole code (not of a keystroke before it) and answers their labels. */
    private List<String> awaitSuggestions(int row, String code) {
        String panel = "entry:lines:" + row + ":account_panel";
        By items = By.cssSelector("[id='" + panel + "'] li[data-item-label]");
        await(() -> browser.findElement(By.id(panel)).isDisplayed() && !browser.findElements(items).isEmpty()
                && browser.findElements(items).stream()
                        .allMatch(item -> item.getDomAttribute("data-item-label").startsWith(code)));
        return browser.findElements(items).stream().map(item -> item.getDomAttribute("data-item-label")).toList();
    }

    /** In the focused account field: types the code, then takes the first suggestion with the arrow key and Enter. */
    private void chooseAccount(int row, String code) {
        assertEquals("entry:lines:" + row + ":account_input", focusedId());
        typeKeyByKey(browser.switchTo().activeElement(), code);
        String first = awaitSuggestions(row, code).get(0);
        keys(Keys.ARROW_DOWN, Keys.ENTER);
        await(() -> first
                .equals(browser.findElement(By.id("entry:lines:" + row + ":account_input")).getDomProperty("value")));
    }

    /** In the focused account field: types the code in full and leaves it as typed, with Tab (done by the caller). */
    private void typeAccount(int row, String code) {
        assertEquals("entry:lines:" + row + ":account_input", focusedId());
        typeKeyByKey(browser.switchTo().activeElement(), code);
        awaitSuggestions(row, code);
    }

    /** Tabs to "Añadir línea", presses Enter, and finds the focus in the new line's account. */
    private void addLineByKeyboard(int row) {
        tabTo("entry:addLine");
        keys(Keys.ENTER);
        await(() -> ("entry:lines:" + row + ":account_input").equals(focusedId()));
    }

    private void amount(int row, String side, String amount) {
        browser.findElement(By.id("entry:lines:" + row + ":" + side)).sendKeys(amount);
    }

    private void replaceAmount(int row, String side, String amount) {
        WebElement input = browser.findElement(By.id("entry:lines:" + row + ":" + side));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), amount, Keys.TAB);
    }

    private static void project(Books books, String code, String name) {
        books.expect(201, books.post("/projects", "{\"code\":\"" + code + "\",\"name\":\"" + name + "\"}"));
    }

    private void openAnalytic(int row) {
        browser.findElement(By.id("entry:lines:" + row + ":analytic")).click();
        await(() -> browser.findElement(By.id("entry:analyticDialog")).isDisplayed()
                && textOf(By.id("entry:analyticEditor")).contains("Línea " + (row + 1)));
    }

    /** Chooses a value of a dimension in the dialog's share row and types its percentage. */
    private void share(int dimension, int index, String code, String percent) {
        String at = "entry:dimensions:" + dimension + ":shares:" + index + ":";
        choose(at + "code", code);
        WebElement input = browser.findElement(By.id(at + "percent_input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), percent);
        await(() -> input.getDomProperty("value").startsWith(percent));
    }

    private void splitAnother(int dimension) {
        String at = "entry:dimensions:" + dimension + ":shares:";
        int rows = browser.findElements(By.cssSelector("[id^='" + at + "'][id$=':code']")).size();
        browser.findElement(By.id("entry:dimensions:" + dimension + ":split")).click();
        await(() -> browser.findElements(By.id(at + rows + ":code")).size() == 1);
    }

    private void applyAnalytic() {
        browser.findElement(By.id("entry:applyAnalytic")).click();
        await(() -> !browser.findElement(By.id("entry:analyticDialog")).isDisplayed());
    }

    /**
     * Picks the item of a select menu whose label starts with {@code label}: opens its panel, waits until the panel has
     * finished appearing (only then does it take clicks), clicks, and waits for the menu to show the choice.
     */
    private void choose(String menuId, String label) {
        browser.findElement(By.id(menuId)).click();
        By panel = By.id(menuId + "_panel");
        await(() -> browser.findElement(panel).getDomAttribute("class").contains("ui-connected-overlay-enter-done"));
        browser.findElement(By.cssSelector("[id='" + menuId + "_items'] li[data-label^='" + label + "']")).click();
        await(() -> textOf(By.id(menuId + "_label")).startsWith(label));
        await(() -> !browser.findElement(panel).isDisplayed());
    }

    private List<WebElement> draftRows() {
        return browser.findElements(By.cssSelector("#list\\:drafts_data > tr[data-ri]"));
    }

    private WebElement draftRow(int index) {
        By locator = By.cssSelector("#list\\:drafts_data > tr[data-ri='" + index + "']");
        await(() -> !browser.findElements(locator).isEmpty());
        return browser.findElement(locator);
    }

    private void confirm() {
        WebElement yes = browser.findElement(By.cssSelector(".ui-confirmdialog-yes"));
        await(yes::isDisplayed);
        yes.click();
    }

    private static void assertShare(JsonObject share, String code, String percent, String amount) {
        assertEquals("PROJECT", share.getString("dimension"), share.toString());
        assertEquals(code, share.getString("code"), share.toString());
        assertEquals(0, share.getJsonNumber("percent").bigDecimalValue().compareTo(new BigDecimal(percent)),
                share.toString());
        assertEquals(0, share.getJsonNumber("amount").bigDecimalValue().compareTo(new BigDecimal(amount)),
                share.toString());
    }

    private static String entry(String date, String journal, String description, String debit, String credit,
            String amount) {
        return "{\"date\":\"" + date + "\",\"journal\":\"" + journal + "\",\"description\":\"" + description
                + "\",\"lines\":[{\"account\":\"" + debit + "\",\"debit\":" + amount + "},{\"account\":\"" + credit
                + "\",\"credit\":" + amount + "}]}";
    }

    // ---- helpers

    private void signIn(String username) {
        Browsers.signIn(browser, base, username, PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
    }

    /** The row of a tree or data table whose first cell is {@code code}. */
    private WebElement row(String tableId, String code) {
        By locator = By.xpath("//*[@id='" + tableId + "']//tr[td[1][normalize-space(.)='" + code + "']]");
        await(() -> !browser.findElements(locator).isEmpty());
        return browser.findElement(locator);
    }

    private List<WebElement> dataRows() {
        return browser.findElements(By.cssSelector("#list\\:entries_data > tr[data-ri]"));
    }

    /** The error message shown next to an input: in its form field, or in its table cell. */
    private static By messageOf(String inputId) {
        return By.xpath("//*[@id='" + inputId + "' or @id='" + inputId + "_input']/ancestor::*[contains(@class,"
                + "'hub-field') or self::td][1]//*[contains(@class,'ui-message-error')]");
    }

    private boolean absent(By locator) {
        return Browsers.absent(browser, locator);
    }

    private String textOf(By locator) {
        return Browsers.textOf(browser, locator);
    }

    private void await(BooleanSupplier condition) {
        Browsers.await(browser, condition);
    }

    private static void pause(Duration duration) {
        Browsers.pause(duration);
    }
}
