package coop.intercoop.hub.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import jakarta.json.Json;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import coop.intercoop.hub.testing.BrowserConsole;
import coop.intercoop.hub.testing.Browsers;
import coop.intercoop.hub.testing.HubClient;
import coop.intercoop.hub.testing.HubDeployment;
import coop.intercoop.hub.testing.TestDatabase;
import coop.intercoop.hub.testing.Workbooks;

/**
 * The portal as a person uses it, in Debian's headless Chromium: signing in, the organisation switcher, the refusal of
 * another organisation's page, a form field's validation message, and importing a workbook while its job's progress and
 * report come in. Nothing is fetched from the internet: the browser and its driver are the system's, and Selenium
 * Manager never runs.
 */
@ExtendWith(ArquillianExtension.class)
class PortalBrowserIT {

    private static final String PASSWORD = "a-long-enough-password";

    @ArquillianResource
    URL base;

    @TempDir
    Path files;

    /** Skips the class without Chromium; after each test, the Content-Security-Policy check. */
    @RegisterExtension
    static final Browsers BROWSERS = new Browsers("portal-browser-it");
    private WebDriver browser;
    private Path downloads;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    /** The class's browser, without the last test's session and downloads. */
    @BeforeEach
    void emptyBrowser() throws IOException {
        downloads = BROWSERS.downloads();
        browser = BROWSERS.kept(1280, 900);
        // pages are named after the root: base + "login.xhtml"
        base = HubClient.root(base);
    }

    /** A browser of its own (profile, cookies, session), with downloads going to {@link #downloads}. */
    private WebDriver anotherBrowser() throws IOException {
        return BROWSERS.open(1280, 900);
    }

    /** Organisations A, B and C; the user is org-admin of A and staff of C, and has nothing to do with B. */
    record World(HubClient client, String username, String fullName, long a, long b, long c, String nameA, String nameB,
            String nameC, String centreOfB) {
    }

    private World world() {
        HubClient client = new HubClient(base);
        String admin = client.adminToken();
        String nameA = HubClient.unique("Alfa");
        String nameB = HubClient.unique("Beta");
        String nameC = HubClient.unique("Gamma");
        long a = client.createOrganisation(admin, nameA);
        long b = client.createOrganisation(admin, nameB);
        long c = client.createOrganisation(admin, nameC);
        String username = HubClient.unique("portal-user");
        client.createUser(admin, username, PASSWORD);
        client.grant(admin, a, username, "org-admin");
        client.grant(admin, c, username, "staff");
        String adminOfB = HubClient.unique("b-admin");
        client.createUser(admin, adminOfB, PASSWORD);
        client.grant(admin, b, adminOfB, "org-admin");
        String centreOfB = nameB + " secret centre";
        client.createWorkCentre(client.token(adminOfB, PASSWORD), b, centreOfB);
        return new World(client, username, "Test " + username, a, b, c, nameA, nameB, nameC, centreOfB);
    }

    @Test
    void signingInShowsTheShell() {
        World world = world();

        signIn(world.username(), PASSWORD);

        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        assertEquals(world.fullName(), browser.findElement(By.id("shell:userName")).getText());
        assertEquals(world.nameA(), browser.findElement(By.id("organisationName")).getText());
        String navigation = browser.findElement(By.cssSelector("nav.hub-nav")).getText();
        assertTrue(navigation.contains("Centros de trabajo"), navigation);
        assertTrue(navigation.contains("Contabilidad"), navigation);
        assertTrue(navigation.contains("próximamente"), navigation);
        assertFalse(navigation.contains("Usuarios"), "only hub administrators see the administration: " + navigation);
        assertTrue(browser.findElement(By.id("shell:logout")).isDisplayed());
    }

    @Test
    void aWrongPasswordIsRefusedOnTheLoginPage() {
        World world = world();

        signIn(world.username(), "not-the-password-at-all");

        await(() -> textOf(By.cssSelector("#login\\:messages")).contains("Usuario o contraseña incorrectos"));
        assertTrue(browser.getCurrentUrl().endsWith("/login.xhtml"), browser.getCurrentUrl());
        assertTrue(absent(By.id("shell:userName")), "no shell before signing in");
        browser.get(base + "index.xhtml");
        await(() -> browser.getCurrentUrl().contains("/login.xhtml"));
    }

    @Test
    void aScriptSlippedIntoAPageDoesNotRunUnderItsContentSecurityPolicy() {
        browser.get(base + "login.xhtml");
        await(() -> !browser.findElements(By.id("login:username")).isEmpty());
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript("var s = document.createElement('script'); s.textContent = 'window.slipped = true;';"
                + " document.body.appendChild(s);"
                + " var b = document.createElement('button'); b.id = 'slipped'; b.setAttribute('onclick',"
                + " 'window.clicked = true;'); document.body.appendChild(b); b.click();");
        assertEquals(Boolean.FALSE, page.executeScript("return window.slipped === true || window.clicked === true;"));
        List<String> refused = BrowserConsole.policyViolations(browser);
        assertTrue(refused.stream().anyMatch(r -> r.contains("inline script")), refused.toString());
        assertTrue(refused.stream().anyMatch(r -> r.contains("event handler")), refused.toString());
    }

    @Test
    void theSwitcherListsOnlyTheUsersOrganisationsAndSwitches() {
        World world = world();
        signIn(world.username(), PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));

        List<String> choices = browser.findElements(By.cssSelector("#shell\\:orgId_input option")).stream()
                .map(option -> option.getDomProperty("textContent").strip()).sorted().toList();
        assertEquals(List.of(world.nameA(), world.nameC()), choices);
        assertEquals(world.nameA(), browser.findElement(By.id("organisationName")).getText());

        browser.findElement(By.id("shell:orgId")).click();
        WebElement gamma = browser
                .findElement(By.cssSelector("#shell\\:orgId_items li[data-label='" + world.nameC() + "']"));
        await(gamma::isDisplayed);
        pause(Duration.ofMillis(500)); // the panel fades in; a click during the fade may miss
        gamma.click();

        await(() -> world.nameC().equals(textOf(By.id("organisationName"))));
        assertTrue(textOf(By.id("roles")).contains("Personal"), textOf(By.id("roles")));
        browser.findElement(By.id("navWorkCentres")).click();
        await(() -> browser.getCurrentUrl().contains("org=" + world.c())
                && !browser.findElements(By.id("list:centres")).isEmpty());
        assertTrue(absent(By.id("list:add")), "staff of C reads work centres only");
    }

    @Test
    void anotherOrganisationsPageIsRefusedAndShowsNothingOfIt() {
        World world = world();
        signIn(world.username(), PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));

        browser.get(base + "org/work-centres.xhtml?org=" + world.b());

        await(() -> browser.getTitle().contains("No encontrado"));
        String page = browser.getPageSource();
        assertFalse(page.contains(world.nameB()), page);
        assertFalse(page.contains(world.centreOfB()), page);
        assertTrue(absent(By.id("list:centres")));
        browser.get(base + "org/work-centres.xhtml");
        await(() -> browser.findElements(By.id("list:centres")).size() == 1);
        assertFalse(browser.getPageSource().contains(world.centreOfB()), "the session still acts in A, not B");
    }

    @Test
    void changingThePasswordSignsOutTheUsersOtherSessionsAndRevokesTheirTokensWhenAsked() throws IOException {
        World world = world();
        String token = world.client().token(world.username(), PASSWORD);
        String newPassword = "a-brand-new-password";
        WebDriver first = browser;
        signIn(world.username(), PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        WebDriver second = anotherBrowser();
        browser = second;
        signIn(world.username(), PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));

        browser = first;
        browser.findElement(By.id("navPassword")).click();
        await(() -> browser.getCurrentUrl().endsWith("/account/password.xhtml"));
        changePassword("not-the-password-at-all", newPassword);
        By messageOfCurrent = By.xpath("//input[@id='change:currentPassword']/ancestor::div"
                + "[contains(@class,'hub-field')][1]//*[contains(@class,'ui-message-error')]");
        await(() -> !browser.findElements(messageOfCurrent).isEmpty());
        assertEquals("La contraseña actual no es correcta.", textOf(messageOfCurrent));
        browser = second;
        browser.get(base + "org/work-centres.xhtml?org=" + world.a());
        await(() -> browser.findElements(By.id("list:centres")).size() == 1);
        assertEquals(world.fullName(), textOf(By.id("shell:userName")), "a wrong current password ends nothing");

        browser = first;
        browser.findElement(By.xpath("//input[@id='change:revokeTokens_input']/ancestor::div"
                + "[contains(@class,'ui-chkbox')][1]//div[contains(@class,'ui-chkbox-box')]")).click();
        changePassword(PASSWORD, newPassword);
        await(() -> textOf(By.id("messages")).contains("Contraseña cambiada"));
        assertTrue(textOf(By.id("messages")).contains("se ha revocado 1 token"), textOf(By.id("messages")));
        browser.get(base + "org/work-centres.xhtml?org=" + world.a());
        await(() -> browser.findElements(By.id("list:centres")).size() == 1);
        assertEquals(world.fullName(), textOf(By.id("shell:userName")), "this session goes on");

        browser = second;
        // a button of the page the other session still shows: its ajax request goes to the sign-in page
        browser.findElement(By.id("list:add")).click();
        await(() -> browser.getCurrentUrl().contains("/login.xhtml"));
        assertTrue(absent(By.id("shell:userName")), "the other session is signed out");
        browser.get(base + "org/work-centres.xhtml?org=" + world.a());
        await(() -> browser.getCurrentUrl().contains("/login.xhtml"));
        signIn(world.username(), PASSWORD);
        await(() -> textOf(By.cssSelector("#login\\:messages")).contains("Usuario o contraseña incorrectos"));
        signIn(world.username(), newPassword);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        assertEquals(401, world.client().get("api/v1/me", token).status(), "the token was revoked");
    }

    @Test
    void aPasswordChangedThroughTheApiSignsOutThePortal() {
        World world = world();
        String token = world.client().token(world.username(), PASSWORD);
        signIn(world.username(), PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));

        var changed = world.client().put("api/v1/me/password", token, Json.createObjectBuilder()
                .add("currentPassword", PASSWORD).add("newPassword", "a-brand-new-password").build().toString());
        assertEquals(204, changed.status(), changed.body());

        browser.get(base + "index.xhtml");
        await(() -> browser.getCurrentUrl().contains("/login.xhtml"));
        assertEquals(200, world.client().get("api/v1/me", token).status(), "tokens stay unless revoked");
    }

    private void changePassword(String current, String next) {
        WebElement currentField = browser.findElement(By.id("change:currentPassword"));
        currentField.clear();
        currentField.sendKeys(current);
        WebElement nextField = browser.findElement(By.id("change:newPassword"));
        nextField.clear();
        nextField.sendKeys(next);
        browser.findElement(By.id("change:submit")).click();
    }

    @Test
    void aWorkCentreWithAWrongCccIsRefusedNextToTheFieldAndNotSaved() {
        World world = world();
        signIn(world.username(), PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        browser.get(base + "org/work-centres.xhtml?org=" + world.a());

        browser.findElement(By.id("list:add")).click();
        await(() -> browser.findElement(By.id("edit:name")).isDisplayed());
        browser.findElement(By.id("edit:name")).sendKeys("Taller de Vallecas");
        browser.findElement(By.id("edit:address")).sendKeys("Calle Mayor 1");
        browser.findElement(By.id("edit:postalCode")).sendKeys("28001");
        browser.findElement(By.id("edit:municipality")).sendKeys("Madrid");
        String ccc = HubClient.uniqueCcc();
        String wrong = ccc.substring(0, 9) + (ccc.charAt(9) == '9' ? "0" : "9") + ccc.charAt(10);
        browser.findElement(By.id("edit:ccc")).sendKeys(wrong);
        browser.findElement(By.id("edit:save")).click();

        By messageOfCcc = By.xpath("//input[@id='edit:ccc']/ancestor::div[contains(@class,'hub-field')][1]"
                + "//*[contains(@class,'ui-message-error')]");
        await(() -> !browser.findElements(messageOfCcc).isEmpty());
        String message = browser.findElement(messageOfCcc).getText();
        assertTrue(message.startsWith("Los dígitos de control del CCC son incorrectos"), message);
        assertTrue(browser.findElement(By.id("edit:name")).isDisplayed(), "the dialog stays open to correct it");
        String token = world.client().token(world.username(), PASSWORD);
        var centres = world.client().get("api/v1/orgs/" + world.a() + "/work-centres", token);
        assertEquals(200, centres.status(), centres.body());
        assertTrue(centres.array().isEmpty(), centres.body());
    }

    /**
     * An org-admin registers an employee on the employees page: a wrong NIF is refused next to its field, in Spanish,
     * by the same rule as the API's, and nothing is saved; corrected, the employee is listed; showing their data and
     * contracts is recorded in the audit log as two reads naming the employee.
     */
    @Test
    void anEmployeeRegisteredOnTheEmployeesPageIsRefusedAWrongNifAndTheirDataIsReadAudited() {
        World world = world();
        signIn(world.username(), PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        browser.get(base + "org/payroll/employees.xhtml?org=" + world.a());

        browser.findElement(By.id("list:add")).click();
        await(() -> browser.findElement(By.id("edit:nif")).isDisplayed());
        browser.findElement(By.id("edit:nif")).sendKeys("12345678A");
        browser.findElement(By.id("edit:naf")).sendKeys("281234567840");
        browser.findElement(By.id("edit:firstName")).sendKeys("Ana");
        browser.findElement(By.id("edit:lastName")).sendKeys("Pérez");
        browser.findElement(By.id("edit:birthDate_input")).sendKeys("14/02/1990");
        browser.findElement(By.id("edit:address")).sendKeys("Calle Mayor 1");
        browser.findElement(By.id("edit:postalCode")).sendKeys("28001");
        browser.findElement(By.id("edit:municipality")).sendKeys("Madrid");
        browser.findElement(By.id("edit:iban")).sendKeys("ES9121000418450200051332");
        browser.findElement(By.id("edit:familySituation")).click();
        await(() -> browser.findElement(By.id("edit:familySituation_3")).isDisplayed());
        pause(Duration.ofMillis(500)); // the panel fades in; a click during the fade may miss
        browser.findElement(By.id("edit:familySituation_3")).click();
        browser.findElement(By.id("edit:save")).click();

        By messageOfNif = By.xpath("//input[@id='edit:nif']/ancestor::div[contains(@class,'hub-field')][1]"
                + "//*[contains(@class,'ui-message-error')]");
        await(() -> !browser.findElements(messageOfNif).isEmpty());
        assertEquals("12345678A no es un NIF o NIE válido: su letra de control debería ser Z.",
                browser.findElement(messageOfNif).getText());
        String token = world.client().token(world.username(), PASSWORD);
        String employees = "api/v1/orgs/" + world.a() + "/payroll/employees";
        assertTrue(world.client().get(employees, token).array().isEmpty(), "nothing saved");

        browser.findElement(By.id("edit:nif")).clear();
        browser.findElement(By.id("edit:nif")).sendKeys("12345678Z");
        browser.findElement(By.id("edit:save")).click();
        await(() -> textOf(By.id("list:employees")).contains("12345678Z"));
        assertEquals(1, world.client().get(employees, token).array().size());

        browser.findElement(By.id("list:employees:0:show")).click();
        await(() -> !browser.findElements(By.id("shownNaf")).isEmpty());
        assertEquals("281234567840", textOf(By.id("shownNaf")));
        String audit = world.client().get("api/v1/orgs/" + world.a() + "/audit?max=50", token).body();
        assertTrue(audit.contains("\"employee.read\"") && audit.contains("\"employee.contracts.read\""), audit);
        assertFalse(audit.contains("281234567840"), "the audit log holds no personal data");
    }

    /**
     * A tender-manager finds a tender read from the feed on the tenders page, by words and a lot's CPV prefix, and sees
     * it whole with its lots; a CPV prefix that cannot filter is refused next to its field by the API's rule; the
     * search saved as a watch shows the tender as new and its deadline, three days ahead, warned about on the calendar.
     */
    @Test
    void aTenderManagerFindsATenderSavesTheSearchAsAWatchAndSeesItsDeadlineWarnedAbout() throws IOException {
        World world = world();
        String mark = HubClient.unique("Portal");
        String admin = world.client().adminToken();
        String manager = HubClient.unique("tender-manager");
        world.client().createUser(admin, manager, PASSWORD);
        world.client().grant(admin, world.a(), manager, "tender-manager");
        signIn(manager, PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        // the watch is saved before the tender is read, so that the tender is new to it
        browser.get(base + "org/tenders/opportunities.xhtml?org=" + world.a());
        // the page looks for tenders open for submission (PUB) until told otherwise; this one is pending award (EV)
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("PrimeFaces.getWidgetById('filter:status').uncheckAll();");
        browser.findElement(By.id("filter:q")).sendKeys(mark);
        browser.findElement(By.id("filter:cpv")).sendKeys("85-31");
        browser.findElement(By.id("filter:search")).click();
        By messageOfCpv = By.xpath("//input[@id='filter:cpv']/ancestor::div[contains(@class,'hub-field')][1]"
                + "//*[contains(@class,'ui-message-error')]");
        await(() -> !browser.findElements(messageOfCpv).isEmpty());
        assertTrue(browser.findElement(messageOfCpv).getText().startsWith("'85-31' no es un prefijo CPV"),
                browser.findElement(messageOfCpv).getText());
        browser.findElement(By.id("filter:cpv")).clear();
        browser.findElement(By.id("filter:cpv")).sendKeys("3414");
        browser.findElement(By.id("filter:name")).sendKeys("Vehículos " + mark);
        browser.findElement(By.id("filter:saveWatch")).click();
        await(() -> textOf(By.tagName("body")).contains("Alerta «Vehículos " + mark + "» guardada"));

        String page;
        try (java.io.InputStream in = PortalBrowserIT.class
                .getResourceAsStream("/coop/intercoop/hub/tenders/643-2026-08-05-head-page.atom")) {
            page = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        java.time.LocalDate soon = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Madrid")).plusDays(3);
        String marked = page.replace("licitacionesPerfilContratante/", "licitacionesPerfilContratante/" + mark + "/")
                .replace("<cbc:ContractFolderID>", "<cbc:ContractFolderID>" + mark + " ")
                .replace("<cbc:EndDate>2026-07-17</cbc:EndDate>", "<cbc:EndDate>" + soon + "</cbc:EndDate>");
        // the page of the feed read on the tenders page, as the API reads it
        Path feed = Files.writeString(files.resolve("feed.atom"), marked);
        WebElement pick = new WebDriverWait(browser, Browsers.PATIENCE)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("upload:page_input")));
        pick.sendKeys(feed.toAbsolutePath().toString());
        browser.findElement(By.id("upload:send")).click();
        await(() -> textOf(By.tagName("body")).contains("Página leída: 21 licitaciones nuevas"));
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("PrimeFaces.getWidgetById('filter:status').uncheckAll();");
        browser.findElement(By.id("filter:search")).click();
        await(() -> textOf(By.id("list:tenders")).contains(mark + " 13/2026 Alconchel"));
        assertEquals(1, browser.findElements(By.xpath("//tbody[@id='list:tenders_data']/tr")).size());
        assertTrue(textOf(By.id("list:tenders:0:countdown")).startsWith("Quedan"), textOf(By.id("list:tenders")));
        browser.findElement(By.id("list:tenders:0:show")).click();
        await(() -> !browser.findElements(By.id("shownTitle")).isEmpty());
        assertTrue(textOf(By.id("shown")).contains("Furgoneta eléctrica"), textOf(By.id("shown")));
        assertTrue(textOf(By.id("shown")).contains("Pendiente de adjudicación"), textOf(By.id("shown")));

        browser.get(base + "org/tenders/watches.xhtml?org=" + world.a());
        await(() -> textOf(By.id("list:watches")).contains("Vehículos " + mark));
        assertEquals("1", textOf(By.id("list:watches:0:unseen")));
        assertTrue(textOf(By.id("deadlines")).contains(mark + " 13/2026 Alconchel"), textOf(By.id("deadlines")));
        By warned = By.xpath("//*[@id='deadlines']//div[contains(@class,'hub-warning')]");
        await(() -> !browser.findElements(warned).isEmpty());
        assertTrue(browser.findElement(warned).getText().startsWith("Quedan"), browser.findElement(warned).getText());

        // the feed read every 12 hours, as this tender-manager; a week and a day refused next to the field; stopped
        assertEquals("La organización no tiene lectura programada.", textOf(By.id("scheduleState")));
        browser.findElement(By.id("schedule:everyHours")).sendKeys("169");
        browser.findElement(By.id("schedule:saveSchedule")).click();
        By messageOfHours = By.xpath("//input[@id='schedule:everyHours']/ancestor::div[contains(@class,'hub-field')][1]"
                + "//*[contains(@class,'ui-message-error')]");
        await(() -> !browser.findElements(messageOfHours).isEmpty());
        assertEquals("No se puede leer cada 169 horas: de 1 a 168 horas (una semana).", textOf(messageOfHours));
        browser.findElement(By.id("schedule:everyHours"))
                .sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "12");
        browser.findElement(By.id("schedule:saveSchedule")).click();
        await(() -> textOf(By.id("scheduleState")).startsWith("Cada 12 horas; próxima lectura: "));
        assertTrue(textOf(By.id("scheduleState")).endsWith("la hace " + manager + "."), textOf(By.id("scheduleState")));
        browser.findElement(By.id("schedule:stopSchedule")).click();
        await(() -> textOf(By.id("scheduleState")).equals("La organización no tiene lectura programada."));
    }

    /**
     * The lead's org-admin aims the consortium's bid at a tender and one of its lots from the tender's card; on the
     * bids page, an item due after the tender's deadline is refused next to its date, then added and ticked off; the
     * members without certificates are shown so.
     */
    @Test
    void theLeadAimsTheConsortiumsBidFromTheTenderAndItsChecklistIsKeptOnTheBidsPage() throws IOException {
        World world = world();
        HubClient c = world.client();
        String admin = c.adminToken();
        String token = c.token(world.username(), PASSWORD);
        long partner = c.createOrganisation(admin, HubClient.unique("Socia"));
        String partnerAdmin = HubClient.unique("partner-admin");
        c.createUser(admin, partnerAdmin, PASSWORD);
        c.grant(admin, partner, partnerAdmin, "org-admin");
        String partnerToken = c.token(partnerAdmin, PASSWORD);
        String consortiumName = HubClient.unique("UTE Portal");
        long consortium = c.post("api/v1/orgs/" + world.a() + "/consortia", token,
                "{\"name\":\"" + consortiumName + "\",\"share\":70}").json().getJsonNumber("id").longValue();
        String partnerTax = c.get("api/v1/orgs/" + partner, partnerToken).json().getJsonObject("organisation")
                .getString("taxId");
        assertEquals(201, c.post("api/v1/orgs/" + world.a() + "/consortia/" + consortium + "/invitations", token,
                "{\"taxId\":\"" + partnerTax + "\",\"share\":30}").status());
        long invitation = c.get("api/v1/orgs/" + partner + "/consortium-invitations", partnerToken).array()
                .getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(200, c.post("api/v1/orgs/" + partner + "/consortium-invitations/" + invitation + "/acceptance",
                partnerToken, "{}").status());
        String mark = HubClient.unique("Bid");
        String page;
        try (java.io.InputStream in = PortalBrowserIT.class
                .getResourceAsStream("/coop/intercoop/hub/tenders/643-2026-08-05-head-page.atom")) {
            page = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String marked = page.replace("licitacionesPerfilContratante/", "licitacionesPerfilContratante/" + mark + "/")
                .replace("<cbc:ContractFolderID>", "<cbc:ContractFolderID>" + mark + " ");
        assertEquals(
                200, c
                        .upload("api/v1/orgs/" + world.a() + "/tenders/feed", token,
                                marked.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/atom+xml")
                        .status());

        signIn(world.username(), PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        browser.get(base + "org/tenders/opportunities.xhtml?org=" + world.a());
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("PrimeFaces.getWidgetById('filter:status').uncheckAll();");
        browser.findElement(By.id("filter:q")).sendKeys(mark + " 13/2026");
        browser.findElement(By.id("filter:search")).click();
        await(() -> textOf(By.id("list:tenders")).contains(mark + " 13/2026 Alconchel"));
        browser.findElement(By.id("list:tenders:0:show")).click();
        await(() -> !browser.findElements(By.id("aim:aimBid")).isEmpty());
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("PrimeFaces.getWidgetById('aim:consortium').selectValue('" + consortium + "');"
                        + "PrimeFaces.getWidgetById('aim:lots').selectValue('1');");
        browser.findElement(By.id("aim:aimBid")).click();
        await(() -> textOf(By.tagName("body")).contains("La oferta del consorcio se dirige a esta licitación"));

        browser.get(base + "org/tenders/bids.xhtml?org=" + world.a());
        await(() -> textOf(By.id("list:consortia")).contains(consortiumName));
        browser.findElement(By.id("list:consortia:0:show")).click();
        await(() -> !browser.findElements(By.id("bidTender")).isEmpty());
        assertTrue(textOf(By.id("workspace")).contains(mark + " 13/2026 Alconchel"), textOf(By.id("workspace")));
        assertEquals("Falta o caduca antes", textOf(By.id("members:0:tax")));
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("PrimeFaces.getWidgetById('add:envelope').selectValue('ADMINISTRATIVE');"
                        + "PrimeFaces.getWidgetById('add:ownerOrganisationId').selectValue('" + partner + "');");
        browser.findElement(By.id("add:title")).sendKeys("Declaración responsable");
        browser.findElement(By.id("add:dueDate_input")).sendKeys("20/07/2026");
        browser.findElement(By.id("add:addItem")).click();
        By messageOfDue = By.xpath("//input[@id='add:dueDate_input']/ancestor::div[contains(@class,'hub-field')][1]"
                + "//*[contains(@class,'ui-message-error')]");
        await(() -> !browser.findElements(messageOfDue).isEmpty());
        assertTrue(browser.findElement(messageOfDue).getText().contains("17/07/2026"),
                browser.findElement(messageOfDue).getText());
        browser.findElement(By.id("add:dueDate_input"))
                .sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "10/07/2026");
        browser.findElement(By.id("add:addItem")).click();
        By state = By.id("envelopes:0:items:list:0:state");
        await(() -> !browser.findElements(state).isEmpty());
        assertEquals("Retrasada", textOf(state), "due in July 2026 and not done");
        browser.findElement(By.id("envelopes:0:items:list:0:toggle")).click();
        await(() -> "Hecha".equals(textOf(state)));
        String bid = c.get("api/v1/orgs/" + partner + "/consortia/" + consortium + "/bid", partnerToken).body();
        assertTrue(bid.contains("\"done\":true") && bid.contains("\"lots\":[\"1\"]"), bid);

        // the scorecard: two criteria, a weight of nought refused in its row, then (3 × 8 + 1 × 5) / 4 = 7.25
        browser.findElement(By.id("scoreForm:addLine")).click();
        await(() -> !browser.findElements(By.id("scoreForm:scorecard:0:criterion")).isEmpty());
        browser.findElement(By.id("scoreForm:scorecard:0:criterion")).sendKeys("Experiencia");
        browser.findElement(By.id("scoreForm:scorecard:0:weight")).sendKeys("3");
        browser.findElement(By.id("scoreForm:scorecard:0:score")).sendKeys("8");
        browser.findElement(By.id("scoreForm:addLine")).click();
        await(() -> !browser.findElements(By.id("scoreForm:scorecard:1:criterion")).isEmpty());
        assertEquals("Experiencia",
                browser.findElement(By.id("scoreForm:scorecard:0:criterion")).getAttribute("value"));
        browser.findElement(By.id("scoreForm:scorecard:1:criterion")).sendKeys("Precio");
        browser.findElement(By.id("scoreForm:scorecard:1:weight")).sendKeys("0");
        browser.findElement(By.id("scoreForm:scorecard:1:score")).sendKeys("5");
        browser.findElement(By.id("scoreForm:saveScorecard")).click();
        By messageOfWeight = By.xpath("//input[@id='scoreForm:scorecard:1:weight']/ancestor::td[1]"
                + "//*[contains(@class,'ui-message-error')]");
        await(() -> !browser.findElements(messageOfWeight).isEmpty());
        assertEquals("Un peso es mayor que 0, con dos decimales como mucho.", textOf(messageOfWeight));
        browser.findElement(By.id("scoreForm:scorecard:1:weight"))
                .sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "1");
        browser.findElement(By.id("scoreForm:saveScorecard")).click();
        await(() -> "7.25".equals(textOf(By.id("weightedScore"))));
        assertTrue(c.get("api/v1/orgs/" + partner + "/consortia/" + consortium + "/bid", partnerToken).body()
                .contains("\"criterion\":\"Precio\""));

        // the folder: the buyer's ESPD request uploaded and read, the lead's declaration, a document, the solvency
        java.nio.file.Path request = java.nio.file.Files.createTempFile("deuc-", ".xml");
        try (java.io.InputStream in = PortalBrowserIT.class
                .getResourceAsStream("/coop/intercoop/hub/tenders/espd-2.1.1-request.xml")) {
            java.nio.file.Files.write(request, in.readAllBytes());
        }
        browser.findElement(By.id("espdUpload:requestFile_input")).sendKeys(request.toAbsolutePath().toString());
        browser.findElement(By.id("espdUpload:uploadRequest")).click();
        await(() -> !browser.findElements(By.id("espdVersion")).isEmpty());
        assertEquals("ESPD-EDM 2.1.1", textOf(By.id("espdVersion")));
        assertTrue(textOf(By.tagName("body")).contains("Solicitud de DEUC leída: ESPD-EDM 2.1.1, 7 criterios."));
        assertEquals("Sin declarar", textOf(By.id("espdMembers:members:0:declared")));
        assertTrue(textOf(By.id("requirements")).contains("No se llega"), "no member consented to its turnover");
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("PrimeFaces.getWidgetById('espdDeclare:size').selectValue('small');");
        browser.findElement(By.id("espdDeclare:declare")).click();
        await(() -> "Pequeña".equals(textOf(By.id("espdMembers:members:0:declared"))));
        assertTrue(textOf(By.id("espdMembers:members")).contains("El miembro aún no ha hecho su declaración."),
                "the partner has not declared");

        java.nio.file.Path memoria = java.nio.file.Files.createTempFile("memoria-", ".pdf");
        java.nio.file.Files.writeString(memoria, "%PDF-1.4 memoria técnica");
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("PrimeFaces.getWidgetById('documentUpload:envelope').selectValue('TECHNICAL');");
        browser.findElement(By.id("documentUpload:documentFile_input")).sendKeys(memoria.toAbsolutePath().toString());
        browser.findElement(By.id("documentUpload:uploadDocument")).click();
        await(() -> textOf(By.id("documentList:list")).contains(memoria.getFileName().toString()));

        // the lead prices the bid: one line of 100 hours at 20,00 €, 8 % and 5 %: 2.000,00 + 160,00 + 108,00
        browser.findElement(By.id("priceEdit:annualHours")).sendKeys("1720");
        browser.findElement(By.id("priceEdit:overheadRate")).sendKeys("8");
        browser.findElement(By.id("priceEdit:marginRate")).sendKeys("5");
        browser.findElement(By.id("priceEdit:employerRate")).sendKeys("31,4");
        browser.findElement(By.id("priceEdit:addLine")).click();
        await(() -> !browser.findElements(By.id("priceEdit:lines:0:category")).isEmpty());
        browser.findElement(By.id("priceEdit:lines:0:category")).sendKeys("Educador/a social");
        browser.findElement(By.id("priceEdit:lines:0:hours")).sendKeys("100");
        browser.findElement(By.id("priceEdit:lines:0:hourlyCost")).sendKeys("20");
        browser.findElement(By.id("priceEdit:savePrice")).click();
        await(() -> !browser.findElements(By.id("priceForm:parts:totalPrice")).isEmpty());
        assertEquals("2.268,00", textOf(By.id("priceForm:parts:totalPrice")));

        browser.findElement(By.id("solvencyForm:showSolvency")).click();
        await(() -> !browser.findElements(By.id("solvencyForm:solvencyTable")).isEmpty());
        assertEquals(2, browser.findElements(By.cssSelector("#solvencyForm\\:solvencyTable tbody tr")).size());
        // lot 1's 26.942,15 for a month: the law's default solvency, which nobody consented figures towards
        assertEquals("Si los pliegos no fijan otra cosa: volumen de negocios de al menos 40.413,23 € (Ley 9/2017 art. "
                + "87.3.a), no cumplido; servicios similares de al menos 18.859,51 € en el año de mayor ejecución "
                + "(art. 90.2), no cumplido.", textOf(By.id("solvencyDefaults")));

        // the package cannot be built until the partner declares, and says so
        browser.findElement(By.id("packageForm:representative")).sendKeys("María López García (NIF 12345678Z)");
        browser.findElement(By.id("packageForm:askPackage")).click();
        await(() -> textOf(By.id("packageStatus")).startsWith("No se pudo preparar"));
        assertTrue(textOf(By.id("packageStatus")).contains("no ha declarado"), textOf(By.id("packageStatus")));
    }

    /**
     * A tender-manager keeps the organisation's certificates and services performed on their page, through the API's
     * rules: a refusal next to its field, a change with the version read, a deletion confirmed.
     */
    @Test
    void aTenderManagerKeepsTheOrganisationsCertificatesAndServicesPerformed() {
        World world = world();
        String admin = world.client().adminToken();
        String manager = HubClient.unique("tender-manager");
        world.client().createUser(admin, manager, PASSWORD);
        world.client().grant(admin, world.a(), manager, "tender-manager");
        signIn(manager, PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        browser.get(base + "org/tenders/credentials.xhtml?org=" + world.a());
        await(() -> !browser.findElements(By.id("certificateForm:saveCertificate")).isEmpty());

        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("PrimeFaces.getWidgetById('certificateForm:kind').selectValue('SOCIAL_SECURITY');");
        browser.findElement(By.id("certificateForm:validFrom_input")).sendKeys("01/01/2026");
        browser.findElement(By.id("certificateForm:saveCertificate")).click();
        By messageOfTitle = By
                .xpath("//input[@id='certificateForm:title']/ancestor::div[contains(@class,'hub-field')][1]"
                        + "//*[contains(@class,'ui-message-error')]");
        await(() -> !browser.findElements(messageOfTitle).isEmpty());
        assertEquals("Un certificado necesita un título de 1 a 300 caracteres.", textOf(messageOfTitle));
        browser.findElement(By.id("certificateForm:title")).sendKeys("Certificado de la TGSS");
        browser.findElement(By.id("certificateForm:saveCertificate")).click();
        await(() -> textOf(By.id("certificateList:certificates")).contains("Certificado de la TGSS"));
        assertEquals("Vigente hoy", textOf(By.id("certificateList:certificates:0:validity")));

        browser.findElement(By.id("serviceForm:title")).sendKeys("Vigilancia de edificios");
        browser.findElement(By.id("serviceForm:recipient")).sendKeys("Ayuntamiento de Zafra");
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("PrimeFaces.getWidgetById('serviceForm:recipientPublic').selectValue('true');");
        browser.findElement(By.id("serviceForm:cpvs")).sendKeys("79714000-2, 7971");
        browser.findElement(By.id("serviceForm:amount")).sendKeys("100000");
        browser.findElement(By.id("serviceForm:started_input")).sendKeys("01/01/2025");
        browser.findElement(By.id("serviceForm:saveService")).click();
        By messageOfCpvs = By.xpath("//input[@id='serviceForm:cpvs']/ancestor::div[contains(@class,'hub-field')][1]"
                + "//*[contains(@class,'ui-message-error')]");
        await(() -> !browser.findElements(messageOfCpvs).isEmpty());
        assertTrue(textOf(messageOfCpvs).startsWith("'7971' no es un código CPV"), textOf(messageOfCpvs));
        browser.findElement(By.id("serviceForm:cpvs")).clear();
        browser.findElement(By.id("serviceForm:cpvs")).sendKeys("79714000-2");
        browser.findElement(By.id("serviceForm:saveService")).click();
        await(() -> textOf(By.id("serviceList:services")).contains("Vigilancia de edificios"));
        assertEquals("100.000,00", textOf(By.id("serviceList:services:0:amount")));
        assertTrue(textOf(By.id("serviceList:services")).contains("CPV 79714000"),
                textOf(By.id("serviceList:services")));

        browser.findElement(By.id("serviceList:services:0:edit")).click();
        await(() -> textOf(By.id("serviceForm")).contains("Cambiar el servicio"));
        browser.findElement(By.id("serviceForm:amount")).clear();
        browser.findElement(By.id("serviceForm:amount")).sendKeys("120000,50");
        browser.findElement(By.id("serviceForm:saveService")).click();
        await(() -> textOf(By.id("serviceList:services:0:amount")).equals("120.000,50"));
        assertEquals(1, browser.findElements(By.cssSelector("#serviceList\\:services tbody tr")).size());

        browser.findElement(By.id("certificateList:certificates:0:delete")).click();
        await(() -> browser.findElement(By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes")).isDisplayed());
        browser.findElement(By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes")).click();
        await(() -> textOf(By.id("certificateList:certificates")).contains("La organización no tiene certificados."));
        assertEquals(1, world.client()
                .get("api/v1/orgs/" + world.a() + "/services", world.client().token(manager, PASSWORD)).array().size());
    }

    /** Approves the first run of the runs page, confirming. */
    private void approveFirstRun() {
        browser.findElement(By.id("list:runs:0:approve")).click();
        await(() -> browser.findElement(By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes")).isDisplayed());
        browser.findElement(By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes")).click();
    }

    /**
     * Issue 19 item 8: a contract registered on the employee's page, the month's run started and approved on the runs
     * page, its breakdown showing a line with the base, rate and source that check it (issue 19's first example: 23,60
     * % of 2.000,00, Orden PJC/297/2026 art. 4.a) and the warning of the month's overtime above the year's limit, and
     * the employee's payslip downloaded as PDF.
     */
    @Test
    void aContractRegisteredInThePortalIsPaidByARunWhoseBreakdownShowsEachLinesSourceAndWhosePayslipDownloadsForTheLinkedMemberToo()
            throws IOException {
        World world = world();
        HubClient c = world.client();
        String token = c.token(world.username(), PASSWORD);
        String centre = c.createWorkCentre(token, world.a(), "Centro de día").getString("name");
        String employees = "api/v1/orgs/" + world.a() + "/payroll/employees";
        var created = c.post(employees, token,
                Json.createObjectBuilder().add("nif", "12345678Z").add("naf", "281234567840").add("firstName", "Ana")
                        .add("lastName", "García").add("birthDate", "1990-05-17").add("address", "Calle Mayor 1")
                        .add("postalCode", "28013").add("municipality", "Madrid")
                        .add("iban", "ES9121000418450200051332").add("familySituation", 3).build().toString());
        assertEquals(201, created.status(), created.body());
        long employee = created.json().getJsonNumber("id").longValue();
        signIn(world.username(), PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        browser.get(base + "org/payroll/employees.xhtml?org=" + world.a());

        browser.findElement(By.id("list:employees:0:show")).click();
        // the employee's data changed on the page: a descendant without a year is refused in its row, then kept
        await(() -> !browser.findElements(By.id("shownActions:changeEmployee")).isEmpty());
        browser.findElement(By.id("shownActions:changeEmployee")).click();
        await(() -> browser.findElement(By.id("edit:addDescendant")).isDisplayed());
        assertEquals("Datos de la persona empleada", textOf(By.id("employeeDialogHeader")));
        assertEquals("García", browser.findElement(By.id("edit:lastName")).getDomProperty("value"));
        browser.findElement(By.id("edit:addDescendant")).click();
        await(() -> !browser.findElements(By.id("edit:descendants:0:birthYear_input")).isEmpty());
        browser.findElement(By.id("edit:save")).click();
        // the field's constraint (@NotNull), checked by Faces before the control, in the session's language
        await(() -> textOf(By.id("edit:descendants")).contains("no debe ser nulo"));
        assertEquals(0, c.get(employees + "/" + employee, token).json().getJsonArray("descendants").size());
        browser.findElement(By.id("edit:descendants:0:birthYear_input")).sendKeys("2020");
        browser.findElement(By.id("edit:save")).click();
        await(() -> "1".equals(textOf(By.id("shownRelatives"))));
        var changed = c.get(employees + "/" + employee, token).json();
        assertEquals(2020, changed.getJsonArray("descendants").getJsonObject(0).getInt("birthYear"),
                changed.toString());
        assertEquals(1, changed.getInt("version"));
        await(() -> !browser.findElements(By.id("contractList:addContract")).isEmpty());
        browser.findElement(By.id("contractList:addContract")).click();
        await(() -> browser.findElement(By.id("contract:startDate_input")).isDisplayed());
        browser.findElement(By.id("contract:startDate_input")).sendKeys("01/01/2020");
        browser.findElement(By.id("contract:contractType")).click();
        await(() -> browser.findElement(By.id("contract:contractType_1")).isDisplayed());
        browser.findElement(By.id("contract:contractType_1")).click();
        browser.findElement(By.id("contract:contributionGroup_input")).sendKeys("5");
        browser.findElement(By.id("contract:activityCode")).sendKeys("88");
        browser.findElement(By.id("contract:professionalCategory")).sendKeys("Educadora social");
        browser.findElement(By.id("contract:workCentreId")).click();
        await(() -> browser.findElement(By.id("contract:workCentreId_1")).isDisplayed());
        assertTrue(browser.findElement(By.id("contract:workCentreId_1")).getText().contains(centre));
        browser.findElement(By.id("contract:workCentreId_1")).click();
        browser.findElement(By.id("contract:salaryItems:0:name")).sendKeys("Salario base");
        browser.findElement(By.id("contract:salaryItems:0:monthlyAmount_input")).sendKeys("2000");
        // a first month that is not one: refused next to it, in the person's language
        browser.findElement(By.id("contract:salaryItems:0:from")).sendKeys("enero");
        // an allowance not taxed nor contributing: refused next to its row until it names its subkey of key L (modelo
        // 190), then saved with it
        browser.findElement(By.id("contract:addItem")).click();
        await(() -> !browser.findElements(By.id("contract:salaryItems:1:name")).isEmpty());
        browser.findElement(By.id("contract:salaryItems:1:name")).sendKeys("Dietas");
        browser.findElement(By.id("contract:salaryItems:1:monthlyAmount_input")).sendKeys("40");
        ((JavascriptExecutor) browser)
                .executeScript("PrimeFaces.getWidgetById('contract:salaryItems:1:kind').selectValue('OTHER');"
                        + "PrimeFaces.getWidgetById('contract:salaryItems:1:contributes').uncheck();"
                        + "PrimeFaces.getWidgetById('contract:salaryItems:1:taxed').uncheck();");
        browser.findElement(By.id("contract:saveContract")).click();
        await(() -> textOf(By.id("contract:salaryItems")).contains("Dietas no está sujeto a retención"));
        assertTrue(textOf(By.id("contract:salaryItems")).contains("enero no es un mes"),
                textOf(By.id("contract:salaryItems")));
        assertEquals(0, c.get(employees + "/" + employee + "/contracts", token).array().size());
        browser.findElement(By.id("contract:salaryItems:0:from")).clear();
        browser.findElement(By.id("contract:salaryItems:0:from")).sendKeys("2020-01");
        // the extra payments paid whole in June and December (ET art. 31), chosen among the months
        browser.findElement(By.id("contract:addItem")).click();
        await(() -> !browser.findElements(By.id("contract:salaryItems:2:name")).isEmpty());
        browser.findElement(By.id("contract:salaryItems:2:name")).sendKeys("Paga extraordinaria");
        browser.findElement(By.id("contract:salaryItems:2:monthlyAmount_input")).sendKeys("2000");
        ((JavascriptExecutor) browser)
                .executeScript("PrimeFaces.getWidgetById('contract:salaryItems:2:kind').selectValue('EXTRA_PAYMENT');"
                        + "var months = PrimeFaces.getWidgetById('contract:salaryItems:2:paidIn');"
                        + "months.selectValue('6'); months.selectValue('12');");
        ((JavascriptExecutor) browser)
                .executeScript("PrimeFaces.getWidgetById('contract:salaryItems:1:exemptSubkey').selectValue('1');");
        browser.findElement(By.id("contract:saveContract")).click();
        await(() -> textOf(By.id("contractList:contracts")).contains("Educadora social"));
        var contracts = c.get(employees + "/" + employee + "/contracts", token).array();
        assertEquals(1, contracts.size(), contracts.toString());
        assertEquals("100", contracts.getJsonObject(0).getString("contractType"));
        var dietas = contracts.getJsonObject(0).getJsonArray("salaryItems").getJsonObject(1);
        assertEquals("Dietas", dietas.getString("name"));
        assertEquals(false, dietas.getBoolean("taxed"));
        assertEquals(false, dietas.getBoolean("contributes"));
        assertEquals(1, dietas.getInt("exemptSubkey"));
        assertEquals("2020-01",
                contracts.getJsonObject(0).getJsonArray("salaryItems").getJsonObject(0).getString("from"));
        var extra = contracts.getJsonObject(0).getJsonArray("salaryItems").getJsonObject(2);
        assertEquals("EXTRA_PAYMENT", extra.getString("kind"));
        assertEquals("[6,12]", extra.getJsonArray("paidIn").toString());

        // 85 hours of overtime in March entered on the month's items page (above the 80 a year of ET art. 35.2: a
        // warning on the breakdown, paid); overtime without its hours is refused next to the field, nothing kept
        String items = "api/v1/orgs/" + world.a() + "/payroll/items";
        browser.findElement(By.id("navItems")).click();
        await(() -> !browser.findElements(By.id("month:month")).isEmpty());
        browser.findElement(By.id("month:month")).clear();
        browser.findElement(By.id("month:month")).sendKeys("2026-03");
        browser.findElement(By.id("month:add")).click();
        await(() -> !browser.findElements(By.id("edit:employeeId")).isEmpty());
        // the menus chosen through their widgets (a click on an overlay's item was lost now and then); the kind's
        // change,
        // which selectValue leaves silent, is triggered as a click would, and shows its fields
        ((JavascriptExecutor) browser)
                .executeScript("PrimeFaces.getWidgetById('edit:employeeId').selectValue('" + employee + "');");
        ((JavascriptExecutor) browser).executeScript(
                "var kind = PrimeFaces.getWidgetById('edit:kind'); kind.selectValue('overtime'); kind.triggerChange();");
        await(() -> !browser.findElements(By.id("edit:hours_input")).isEmpty());
        assertEquals("Horas extraordinarias", textOf(By.id("edit:kind_label")));
        browser.findElement(By.id("edit:amount_input")).sendKeys("1700");
        browser.findElement(By.id("edit:save")).click();
        await(() -> textOf(By.id("edit")).contains("Una partida de tipo overtime necesita sus horas"));
        assertEquals(0, c.get(items + "?month=2026-03", token).array().size());
        browser.findElement(By.id("edit:hours_input")).sendKeys("85");
        browser.findElement(By.id("edit:save")).click();
        await(() -> textOf(By.id("list:items")).contains("Horas extraordinarias"));
        assertTrue(textOf(By.id("list:items")).contains("Ana García"), textOf(By.id("list:items")));
        var month = c.get(items + "?month=2026-03", token).array();
        assertEquals(1, month.size(), month.toString());
        assertEquals("overtime", month.getJsonObject(0).getString("kind"));
        assertEquals(0, new java.math.BigDecimal("85")
                .compareTo(month.getJsonObject(0).getJsonNumber("hours").bigDecimalValue()));
        browser.findElement(By.id("navRuns")).click();
        await(() -> !browser.findElements(By.id("start:month")).isEmpty());
        browser.findElement(By.id("start:month")).sendKeys("2026-03");
        browser.findElement(By.id("start:startRun")).click();
        // the list follows the run's job until it is calculated
        await(() -> textOf(By.id("list:runs")).contains("Calculada"));
        await(() -> Boolean.TRUE
                .equals(((JavascriptExecutor) browser).executeScript("return !PF('runsPoll').isActive();")));
        // an item of the month added after the calculation: the run is not approved, the page says why, in Spanish
        var late = c.post(items, token, "{\"employeeId\":" + employee
                + ",\"month\":\"2026-03\",\"kind\":\"variable\",\"concept\":\"Bonus\",\"amount\":99}");
        assertEquals(201, late.status(), late.body());
        approveFirstRun();
        await(() -> textOf(By.id("messages")).contains(
                "ya no es lo que dan sus datos y reglas: el mes de Ana García " + "cambió después de calcularla"));
        assertTrue(textOf(By.id("list:runs")).contains("Calculada"));
        assertEquals(204, c.delete(items + "/" + late.json().getJsonNumber("id").longValue(), token).status());
        approveFirstRun();
        await(() -> textOf(By.id("list:runs")).contains("Aprobada"));
        browser.findElement(By.id("list:runs:0:show")).click();
        By common = By
                .xpath("//tbody[@id='employees:0:lines_data']/tr[td[1][normalize-space()='Aportación de la empresa']"
                        + " and td[2][normalize-space()='common']]");
        await(() -> !browser.findElements(common).isEmpty());
        List<WebElement> cells = browser.findElement(common).findElements(By.tagName("td"));
        // the base carries the twelfth of the two extra payments: 2.000,00 + 4.000,00 / 12 = 2.333,33 (Orden
        // PJC/297/2026 art. 1.1 segunda); 23,60 % of it is 550,67
        assertEquals("2.333,33", cells.get(2).getText());
        assertEquals("23,60", cells.get(3).getText());
        assertEquals("550,67", cells.get(5).getText());
        // of which the extras' share, as the payslip prints it: 4.000,00 / 12
        assertEquals("333,33", browser.findElement(By.cssSelector("[id$='employees:0:proratedExtras']")).getText());
        assertEquals("BOE-A-2026-7296 art. 4.a · verificada", cells.get(6).getText());
        // the allowance not taxed says the key L subkey modelo 190 declares it under
        assertEquals("Dietas · no sujeto a retención, modelo 190 clave L subclave 01",
                browser.findElement(By.xpath(
                        "//tbody[@id='employees:0:lines_data']/tr/td[2][starts-with(" + "normalize-space(),'Dietas')]"))
                        .getText());
        assertEquals("85 horas extraordinarias en el año hasta 2026-03 (sin las de fuerza mayor), por encima de las 80 "
                + "horas permitidas: 80 horas al año (BOE-A-2015-11430 art. 35.2), en proporción a los días del "
                + "contrato en el año si no lo cubre entero. Se pagan como constan.",
                browser.findElement(By.cssSelector(".hub-warning")).getText());

        long run = c.get("api/v1/orgs/" + world.a() + "/payroll/runs", token).array().getJsonObject(0)
                .getJsonNumber("id").longValue();
        Path payslip = downloads.resolve("payslip-" + run + "-" + employee + ".pdf");
        Files.deleteIfExists(payslip);
        browser.findElement(By.id("employees:0:payslip:download")).click();
        new WebDriverWait(browser, Browsers.PATIENCE)
                .withMessage(() -> "downloaded: " + listing(downloads) + ", messages: " + textOf(By.id("messages")))
                .until(d -> Files.isRegularFile(payslip)
                        && !Files.exists(downloads.resolve(payslip.getFileName() + ".crdownload")));
        assertTrue(new String(Files.readAllBytes(payslip), java.nio.charset.StandardCharsets.ISO_8859_1)
                .startsWith("%PDF"));
        String audit = c.get("api/v1/orgs/" + world.a() + "/audit?max=50", token).body();
        assertTrue(audit.contains("\"employee.contract.created\"") && audit.contains("\"payroll-run.approved\"")
                && audit.contains("\"payroll-run.read\""), audit);

        // the org-admin links the employee to a member (here themself): My payslips appears, with the approved month
        assertTrue(absent(By.id("navMyPayslips")));
        browser.get(base + "org/payroll/employees.xhtml?org=" + world.a());
        browser.findElement(By.id("list:employees:0:show")).click();
        await(() -> !browser.findElements(By.id("link:username")).isEmpty());
        browser.findElement(By.id("link:username")).sendKeys(world.username());
        browser.findElement(By.id("link:linkUser")).click();
        await(() -> textOf(By.id("linkedUser")).contains(world.username()));
        browser.get(base + "org/payroll/runs.xhtml?org=" + world.a());
        browser.findElement(By.id("navMyPayslips")).click();
        await(() -> textOf(By.id("list:payslips")).contains("2026-03"));
        Path own = downloads.resolve("payslip-" + run + ".pdf");
        Files.deleteIfExists(own);
        browser.findElement(By.id("list:payslips:0:download")).click();
        new WebDriverWait(browser, Browsers.PATIENCE).withMessage(() -> "downloaded: " + listing(downloads)).until(
                d -> Files.isRegularFile(own) && !Files.exists(downloads.resolve(own.getFileName() + ".crdownload")));

        // a gestoría mapping saved on its page with an account of the chart
        applyChart(world, token);
        browser.findElement(By.id("navMappings")).click();
        await(() -> !browser.findElements(By.id("list:add")).isEmpty());
        browser.findElement(By.id("list:add")).click();
        await(() -> !browser.findElements(By.id("edit:name")).isEmpty());
        browser.findElement(By.id("edit:name")).sendKeys("asesoria");
        // net pay, the last concept, to 465 among the chart's several hundred accounts
        ((JavascriptExecutor) browser)
                .executeScript("PrimeFaces.getWidgetById('edit:accounts:7:account').selectValue('465');");
        assertTrue(textOf(By.id("edit:accounts:7:account_label")).startsWith("465 "),
                textOf(By.id("edit:accounts:7:account_label")));
        browser.findElement(By.id("edit:save")).click();
        await(() -> textOf(By.id("list:mappings")).contains("asesoria"));
        var mapping = c.get("api/v1/orgs/" + world.a() + "/payroll/gestoria-mappings/asesoria", token);
        assertEquals(200, mapping.status(), mapping.body());
        assertEquals("465", mapping.json().getJsonObject("accounts").getString("net-pay"));

        // a complementary run paid in April that recalculates March, started on the runs page (the range defaults
        // to its first month, as through the API)
        browser.findElement(By.id("navRuns")).click();
        await(() -> !browser.findElements(By.id("start:from")).isEmpty());
        browser.findElement(By.id("start:month")).sendKeys("2026-04");
        browser.findElement(By.id("start:from")).sendKeys("2026-03");
        browser.findElement(By.id("start:startComplementary")).click();
        await(() -> textOf(By.id("list:runs")).contains("Complementaria 2026-03 – 2026-03"));
        var complementary = c.get("api/v1/orgs/" + world.a() + "/payroll/runs", token).array().getJsonObject(0);
        assertEquals("complementary", complementary.getString("kind"));
        assertEquals("2026-03", complementary.getString("from"));
        assertEquals("2026-03", complementary.getString("to"));

        // deleted from the page once calculated, after a confirmation: the month's approved run stays
        await(() -> !browser.findElements(By.id("list:runs:0:delete")).isEmpty());
        browser.findElement(By.id("list:runs:0:delete")).click();
        await(() -> browser.findElement(By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes")).isDisplayed());
        browser.findElement(By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes")).click();
        await(() -> !textOf(By.id("list:runs")).contains("Complementaria"));
        var left = c.get("api/v1/orgs/" + world.a() + "/payroll/runs", token).array();
        assertEquals(List.of("regular"),
                left.getValuesAs(jakarta.json.JsonObject.class).stream().map(r -> r.getString("kind")).toList());
    }

    /**
     * An org-admin invites a user on the members page; the user is not a member until they accept the invitation on
     * their own page, and then is.
     */
    @Test
    void anInvitationMadeOnTheMembersPageIsAcceptedByTheInvitedUser() {
        World world = world();
        String invited = HubClient.unique("invited");
        world.client().createUser(world.client().adminToken(), invited, PASSWORD);
        signIn(world.username(), PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        browser.get(base + "org/members.xhtml?org=" + world.a());

        browser.findElement(By.id("list:grant")).click();
        await(() -> browser.findElement(By.id("edit:username")).isDisplayed());
        browser.findElement(By.id("edit:username")).sendKeys(invited);
        browser.findElement(By.cssSelector("#edit\\:roles .ui-chkbox-box")).click();
        browser.findElement(By.id("edit:save")).click();
        await(() -> textOf(By.id("messages")).contains("tiene una invitación"));
        String token = world.client().token(world.username(), PASSWORD);
        String members = world.client().get("api/v1/orgs/" + world.a() + "/memberships", token).body();
        assertFalse(members.contains(invited), "not a member before accepting: " + members);

        browser.manage().deleteAllCookies();
        signIn(invited, PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        browser.findElement(By.id("navInvitations")).click();
        await(() -> textOf(By.id("list:invitations")).contains(world.nameA()));
        browser.findElement(By.cssSelector("[id$=':accept']")).click();
        await(() -> textOf(By.id("list:invitations")).contains("No tiene invitaciones pendientes"));
        members = world.client().get("api/v1/orgs/" + world.a() + "/memberships", token).body();
        assertTrue(members.contains(invited), "a member after accepting: " + members);
    }

    /**
     * An org-admin changes an existing member's roles on the members page (the membership's version travels with the
     * form), and cannot drop their own org-admin role while they are the organisation's only org-admin.
     */
    @Test
    void anOrgAdminChangesAMembersRolesButCannotDropTheirOwnLastOrgAdminRole() {
        World world = world();
        String member = HubClient.unique("member");
        String admin = world.client().adminToken();
        world.client().createUser(admin, member, PASSWORD);
        world.client().grant(admin, world.a(), member, "staff");
        signIn(world.username(), PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        browser.get(base + "org/members.xhtml?org=" + world.a());

        browser.findElement(By.id("list:members:1:change")).click();
        await(() -> browser.findElement(By.id("edit:username")).isDisplayed()
                && member.equals(browser.findElement(By.id("edit:username")).getDomProperty("value")));
        roleBox(2).click(); // accountant, besides staff
        browser.findElement(By.id("edit:save")).click();
        await(() -> textOf(By.id("messages")).contains("Roles cambiados"));
        await(() -> textOf(By.id("list:members")).contains("Contabilidad"));
        browser.findElement(By.id("list:members:1:change")).click();
        await(() -> textOf(By.cssSelector(".ui-dialog-title")).contains("Cambiar roles"));
        browser.findElement(By.id("edit:cancel")).click();
        String token = world.client().token(world.username(), PASSWORD);
        String members = world.client().get("api/v1/orgs/" + world.a() + "/memberships", token).body();
        assertTrue(members.contains("[\"accountant\",\"staff\"]"), members);

        browser.findElement(By.id("list:members:0:change")).click();
        await(() -> world.username().equals(browser.findElement(By.id("edit:username")).getDomProperty("value")));
        roleBox(1).click(); // staff
        roleBox(0).click(); // org-admin, off
        browser.findElement(By.id("edit:save")).click();
        By refusal = By.xpath("//*[@id='edit:roles']/ancestor::div[contains(@class,'hub-field')][1]"
                + "//*[contains(@class,'ui-message-error')]");
        await(() -> !textOf(refusal).isEmpty());
        assertEquals(
                "Es la única persona con la administración de la organización: antes de quitarse ese rol, déselo a otro miembro.",
                textOf(refusal));
        members = world.client().get("api/v1/orgs/" + world.a() + "/memberships", token).body();
        assertTrue(members.contains("[\"org-admin\"]"), "nothing changed: " + members);
    }

    /**
     * The Spanish portal speaks Spanish: the home page says what is there (imports are), the audit log names events in
     * words, and the first administrator is not greeted by an English name.
     */
    @Test
    void theHomePageTheAuditLogAndTheHubAdministratorsNameAreInTheReadersLanguage() {
        World world = world();
        signIn(world.username(), PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        String home = textOf(By.cssSelector("main, .hub-body"));
        assertTrue(home.contains("las importaciones de hojas de cálculo ya están en este portal"), home);
        assertFalse(home.contains("llegarán pronto"), home);

        browser.findElement(By.id("navAudit")).click();
        await(() -> textOf(By.id("list:events")).contains("Acceso concedido"));
        assertFalse(textOf(By.id("list:events")).contains("membership.granted"), textOf(By.id("list:events")));

        browser.manage().deleteAllCookies();
        signIn("admin", TestDatabase.ADMIN_PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        assertEquals("Administración del hub", textOf(By.id("shell:userName")));
        assertTrue(textOf(By.tagName("h1")).contains("Administración del hub"), textOf(By.tagName("h1")));
    }

    private WebElement roleBox(int index) {
        return browser.findElements(By.cssSelector("#edit\\:roles .ui-chkbox-box")).get(index);
    }

    @Test
    void aWorkbookUploadedInThePortalIsImportedAndTheSameFileAgainIsRefused() throws IOException {
        World world = world();
        String token = world.client().token(world.username(), PASSWORD);
        applyChart(world, token);
        Path workbook = workbook("subcuentas.xlsx",
                List.of(new Object[] { "5720001", "Banco uno" }, new Object[] { "5720002", "Banco dos" }));
        signIn(world.username(), PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));

        browser.findElement(By.id("navImports")).click();
        upload(workbook);

        WebDriverWait job = new WebDriverWait(browser, Browsers.PATIENCE);
        job.until(ExpectedConditions.urlContains("job="));
        job.until(ExpectedConditions.textToBe(By.id("detail:status"), "Completada"));
        job.until(refreshingStopped());
        assertEquals("2", textOf(By.id("detail:written")));
        assertEquals("0", textOf(By.id("detail:errors")));
        assertTrue(textOf(By.id("detail:outcome")).contains("2 filas escritas"), textOf(By.id("detail:outcome")));
        String row = textOf(By.cssSelector("[id='jobs:list_data'] tr.hub-selected"));
        assertTrue(row.contains("subcuentas.xlsx") && row.contains("Completada") && row.contains("2 / 2 / 2"), row);
        assertEquals(200,
                world.client().get("api/v1/orgs/" + world.a() + "/accounting/accounts/5720002", token).status());

        upload(workbook);

        By refusal = By.xpath("//*[@id='upload:file_input' or @id='upload:file']/ancestor::div"
                + "[contains(@class,'hub-field')][1]//*[contains(@class,'ui-message-error')]");
        job.until(ExpectedConditions.visibilityOfElementLocated(refusal));
        assertTrue(browser.findElement(refusal).getText().startsWith("Este fichero ya se importó"),
                browser.findElement(refusal).getText());
        var jobs = world.client().get("api/v1/orgs/" + world.a() + "/imports", token).json();
        assertEquals(1, jobs.getInt("total"), "the refused upload left no job: " + jobs);
    }

    @Test
    void theImportKindChosenStaysAfterAnUpload() throws IOException {
        World world = world();
        String token = world.client().token(world.username(), PASSWORD);
        applyChart(world, token);
        Path workbook = Files.write(files.resolve("saldos.xlsx"),
                Workbooks.of(List.of("Fecha", "Cuenta", "Debe", "Haber"),
                        List.<Object[]> of(new Object[] { LocalDate.of(2025, 1, 1), "572", new BigDecimal("10"), null },
                                new Object[] { LocalDate.of(2025, 1, 1), "101", null, new BigDecimal("10") })));
        signIn(world.username(), PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        browser.get(base + "org/imports.xhtml?org=" + world.a());
        new WebDriverWait(browser, Browsers.PATIENCE)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("upload:kind_input")));
        assertEquals("Subcuentas del plan", textOf(By.id("upload:kind_label")), "the first kind, before any choice");
        // the menus' own selects are what the form sends
        ((JavascriptExecutor) browser).executeScript("document.getElementById('upload:kind_input').value = "
                + "'opening-balances'; document.getElementById('upload:mode_input').value = 'VALIDATE';");
        upload(workbook);

        WebDriverWait job = new WebDriverWait(browser, Browsers.PATIENCE);
        job.until(ExpectedConditions.urlContains("job="));
        job.until(ExpectedConditions.presenceOfElementLocated(By.id("upload:kind_label")));
        assertEquals("Saldos de apertura", textOf(By.id("upload:kind_label")), "the kind chosen stays chosen");
        assertEquals("opening-balances", browser.findElement(By.id("upload:kind_input")).getAttribute("value"));
    }

    @Test
    void aLongJournalImportShowsTheShareOfItsDeclaredRowsCheckedWhileItRuns() throws IOException {
        HubClient client = new HubClient(base);
        String admin = client.adminToken();
        long org = client.createOrganisation(admin, HubClient.unique("Progreso"));
        String username = HubClient.unique("accountant");
        client.createUser(admin, username, PASSWORD);
        client.grant(admin, org, username, "accountant", "org-admin");
        String token = client.token(username, PASSWORD);
        String books = "api/v1/orgs/" + org + "/accounting";
        assertEquals(201, client.post(books + "/chart", token, "{\"template\":\"pgc-esfl\"}").status());
        assertEquals(201, client.post(books + "/fiscal-years", token, "{\"year\":2025}").status());
        int lines = 150_000;
        List<Object[]> rows = new java.util.ArrayList<>(lines);
        for (int n = 0; n < lines; n++) {
            int entry = n / 2;
            BigDecimal amount = new BigDecimal("12.50");
            rows.add(new Object[] { "A" + entry, LocalDate.of(2025, 1 + entry % 12, 1 + entry % 28), "BANK",
                    n % 2 == 0 ? "629" : "572", "Gasto " + entry, n % 2 == 0 ? amount : null,
                    n % 2 == 0 ? null : amount });
        }
        Path workbook = Files.write(files.resolve("asientos.xlsx"),
                Workbooks.of(List.of("Asiento", "Fecha", "Diario", "Cuenta", "Concepto", "Debe", "Haber"), rows));
        signIn(username, PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        browser.get(base + "org/imports.xhtml?org=" + org);
        new WebDriverWait(browser, Browsers.PATIENCE)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("upload:kind_input")));
        // the menu's own select is what the form sends
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById('upload:kind_input').value = 'journal-entries';");
        upload(workbook);

        // the sheet declares its 150,000 rows: while the job runs, its bar shows a share of them, not a moving bar
        WebDriverWait job = new WebDriverWait(browser, Browsers.PATIENCE);
        By share = By.cssSelector("[id='detail'] .hub-import-bar .ui-progressbar-label");
        job.until(d -> textOf(share).matches("\\d+ %"));
        // the poll replaces the job's panel every second: a read between two updates finds the old, detached one
        By kind = By.cssSelector("[id='detail'] dl.hub-facts > dd");
        job.withMessage(() -> "the journal import, shown as: " + textOf(kind))
                .until(d -> "Asientos".equals(textOf(kind)));
        // 150,000 rows take a while on a busy machine: the end is awaited longer than a page's answer
        new WebDriverWait(browser, Duration.ofMinutes(3))
                .until(ExpectedConditions.textToBe(By.id("detail:status"), "Completada"));
        job.until(refreshingStopped());
        assertEquals(String.valueOf(lines), textOf(By.id("detail:written")).replaceAll("\\D", ""));
    }

    @Test
    void aRowWithAnErrorIsReportedWithItsRowAndColumnAndTheWorkbookWithErrorsDownloads() throws IOException {
        World world = world();
        String token = world.client().token(world.username(), PASSWORD);
        applyChart(world, token);
        Path workbook = workbook("con-error.xlsx",
                List.of(new Object[] { "5720003", "Banco tres" }, new Object[] { "X12", "Mal código" }));
        signIn(world.username(), PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        browser.get(base + "org/imports.xhtml?org=" + world.a());

        upload(workbook);

        WebDriverWait job = new WebDriverWait(browser, Browsers.PATIENCE);
        job.until(ExpectedConditions.textToBe(By.id("detail:status"), "Fallida"));
        job.until(refreshingStopped());
        assertEquals("1", textOf(By.id("detail:errors")));
        assertEquals("0", textOf(By.id("detail:written")));
        List<String> cells = browser.findElements(By.cssSelector("[id='detail:problems_data'] tr td")).stream()
                .map(WebElement::getText).toList();
        assertEquals("Error", cells.get(0), cells.toString());
        assertEquals("3", cells.get(2), "the spreadsheet's own row number: " + cells);
        assertEquals("A (Código)", cells.get(3), cells.toString());
        assertTrue(cells.get(4).contains("X12"), cells.toString());
        assertEquals(404,
                world.client().get("api/v1/orgs/" + world.a() + "/accounting/accounts/5720003", token).status(),
                "all or nothing: the good row is not written either");

        browser.findElement(By.id("detail:errorsWorkbook")).click();

        Path downloaded = downloads.resolve("con-error-errores.xlsx");
        job.withMessage(() -> "downloaded: " + listing(downloads) + ", messages: " + textOf(By.id("messages")))
                .until(d -> Files.isRegularFile(downloaded)
                        && !Files.exists(downloads.resolve("con-error-errores.xlsx.crdownload")));
        try (XSSFWorkbook errors = new XSSFWorkbook(Files.newInputStream(downloaded))) {
            Sheet sheet = errors.getSheetAt(0);
            assertEquals("Errores", sheet.getRow(0).getCell(2).getStringCellValue());
            assertEquals(null, sheet.getRow(1).getCell(2));
            Row bad = sheet.getRow(2);
            assertEquals("X12", bad.getCell(0).getStringCellValue());
            assertTrue(bad.getCell(2).getStringCellValue().startsWith("A (Código)"),
                    bad.getCell(2).getStringCellValue());
        }
    }

    /**
     * A report's workbook downloaded from the portal is titled in the session's language, as the API titles it by
     * Accept-Language, and keeps its file name whichever the language.
     */
    @Test
    void aReportsWorkbookIsTitledInTheSessionsLanguageAndNamedTheSameInBoth() throws IOException {
        World world = world();
        String token = world.client().token(world.username(), PASSWORD);
        applyChart(world, token);
        var year = world.client().post("api/v1/orgs/" + world.a() + "/accounting/fiscal-years", token,
                "{\"year\":2025}");
        assertEquals(201, year.status(), year.body());
        signIn(world.username(), PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));
        String page = base + "org/accounting/trial-balance.xhtml?date=2025-06-30&level=3&org=" + world.a();
        browser.get(page);
        String name = "sumas-y-saldos-" + world.a() + "-nivel-3-2025-06-30.xlsx";

        assertEquals("Balance de sumas y saldos del 01/01/2025 al 30/06/2025, nivel 3", downloadedTitle(name));

        browser.findElement(By.cssSelector(".hub-language a[lang='en']")).click();
        await(() -> "Download xlsx".equals(browser.findElement(By.id("report:download")).getText()));
        browser.get(page);
        assertEquals("Trial balance from 01/01/2025 to 30/06/2025, level 3", downloadedTitle(name));
    }

    /** Clicks the page's download button and reads the title of the workbook saved as {@code name}, then removes it. */
    private String downloadedTitle(String name) throws IOException {
        Path downloaded = downloads.resolve(name);
        Files.deleteIfExists(downloaded);
        browser.findElement(By.id("report:download")).click();
        new WebDriverWait(browser, Browsers.PATIENCE)
                .withMessage(() -> "downloaded: " + listing(downloads) + ", messages: " + textOf(By.id("messages")))
                .until(d -> Files.isRegularFile(downloaded) && !Files.exists(downloads.resolve(name + ".crdownload")));
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(downloaded))) {
            return book.getProperties().getCoreProperties().getTitle();
        } finally {
            Files.delete(downloaded);
        }
    }

    @Test
    void anotherOrganisationsImportJobIsNotShown() {
        World world = world();
        String adminOfB = HubClient.unique("b-importer");
        String admin = world.client().adminToken();
        world.client().createUser(admin, adminOfB, PASSWORD);
        world.client().grant(admin, world.b(), adminOfB, "org-admin");
        String secretFile = "secreto-de-beta.xlsx";
        var accepted = world.client().upload(
                "api/v1/orgs/" + world.b() + "/imports/chart-subaccounts?fileName=" + secretFile,
                world.client().token(adminOfB, PASSWORD), Workbooks.of(List.of("Código", "Nombre"),
                        List.<Object[]> of(new Object[] { "5720009", "Cuenta de Beta" })),
                Workbooks.XLSX);
        assertEquals(202, accepted.status(), accepted.body());
        long jobOfB = accepted.json().getJsonNumber("id").longValue();
        signIn(world.username(), PASSWORD);
        await(() -> browser.getCurrentUrl().endsWith("/index.xhtml"));

        browser.get(base + "org/imports.xhtml?org=" + world.a() + "&job=" + jobOfB);

        new WebDriverWait(browser, Browsers.PATIENCE).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "o no le corresponde verlo."));
        assertTrue(absent(By.id("detail")));
        assertFalse(browser.getPageSource().contains(secretFile), browser.getPageSource());
        browser.get(base + "org/imports.xhtml?org=" + world.b() + "&job=" + jobOfB);
        new WebDriverWait(browser, Browsers.PATIENCE).until(ExpectedConditions.titleContains("No encontrado"));
        assertFalse(browser.getPageSource().contains(secretFile), browser.getPageSource());
    }

    /** The chart the subaccounts hang from, applied by the user (org-admin of A). */
    private static void applyChart(World world, String token) {
        var applied = world.client().post("api/v1/orgs/" + world.a() + "/accounting/chart", token,
                "{\"template\":\"pgc-esfl\"}");
        assertEquals(201, applied.status(), applied.body());
    }

    /** The page refreshes once more after the last job ends, replacing what it shows, then stops. */
    private static ExpectedCondition<Boolean> refreshingStopped() {
        return d -> Boolean.TRUE
                .equals(((JavascriptExecutor) d).executeScript("return !PF('importsPoll').isActive();"));
    }

    private static List<String> listing(Path dir) {
        try (Stream<Path> found = Files.list(dir)) {
            return found.map(f -> f.getFileName().toString()).toList();
        } catch (IOException e) {
            return List.of(e.toString());
        }
    }

    /** A chart-subaccounts workbook (code, name) as a file the browser can pick. */
    private Path workbook(String name, List<Object[]> rows) throws IOException {
        return Files.write(files.resolve(name), Workbooks.of(List.of("Código", "Nombre"), rows));
    }

    /** Picks the file on the imports page (kind chart subaccounts, the first, and mode all or nothing) and sends it. */
    private void upload(Path workbook) {
        WebElement file = new WebDriverWait(browser, Browsers.PATIENCE)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("upload:file_input")));
        file.sendKeys(workbook.toAbsolutePath().toString());
        browser.findElement(By.id("upload:send")).click();
    }

    private void signIn(String username, String password) {
        Browsers.signIn(browser, base, username, password);
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
