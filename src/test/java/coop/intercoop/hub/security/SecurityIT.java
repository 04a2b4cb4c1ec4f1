package coop.intercoop.hub.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import coop.intercoop.hub.security.control.ApiTokens;
import coop.intercoop.hub.tenancy.entity.TaxId;
import coop.intercoop.hub.testing.HubClient;
import coop.intercoop.hub.testing.HubClient.Reply;
import coop.intercoop.hub.testing.HubDeployment;
import coop.intercoop.hub.testing.TestDatabase;

/** The API's front door on a running hub: authentication, tokens, throttling and the answers to bad input. */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {

    private static final String PASSWORD = "a-long-enough-password";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    /** An organisation with an org-admin, made afresh for each test. */
    record Fixture(HubClient client, String admin, long org, String username, String token) {
    }

    private Fixture fixture() {
        HubClient client = new HubClient(base);
        String admin = client.adminToken();
        long org = client.createOrganisation(admin, HubClient.unique("Security"));
        String username = HubClient.unique("user");
        client.createUser(admin, username, PASSWORD);
        client.grant(admin, org, username, "org-admin");
        return new Fixture(client, admin, org, username, client.token(username, PASSWORD));
    }

    private static void assertProblem(Reply reply, int status) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(status, reply.json().getInt("status"));
        assertFalse(reply.body().contains("Exception"), "no Java internals in " + reply.body());
    }

    @Test
    void requestWithoutCredentialsIsRefusedWith401() {
        Reply reply = new HubClient(base).get("api/v1/me", null);
        assertProblem(reply, 401);
        assertTrue(reply.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void unknownTokenIsRefusedWith401() {
        assertProblem(new HubClient(base).get("api/v1/me", ApiTokens.newSecret()), 401);
    }

    @Test
    void whoAmIListsTheCallersOrganisationsAndRoles() {
        Fixture f = fixture();
        var me = f.client().get("api/v1/me", f.token()).json();
        assertEquals(f.username(), me.getString("username"));
        var membership = me.getJsonArray("memberships").getJsonObject(0);
        assertEquals(f.org(), membership.getJsonNumber("orgId").longValue());
        assertEquals("org-admin", membership.getJsonArray("roles").getString(0));
    }

    @Test
    void anOrganisationTheCallerIsNotMemberOfAnswers404LikeOneThatDoesNotExist() {
        Fixture f = fixture();
        long other = f.client().createOrganisation(f.admin(), HubClient.unique("Other"));
        Reply foreign = f.client().get("api/v1/orgs/" + other + "/work-centres", f.token());
        Reply missing = f.client().get("api/v1/orgs/999999999/work-centres", f.token());
        assertProblem(foreign, 404);
        assertProblem(missing, 404);
        assertEquals(missing.json().getString("title"), foreign.json().getString("title"));
    }

    @Test
    void theHubAdministratorSeesNoOrganisationDataWithoutAMembership() {
        Fixture f = fixture();
        assertProblem(f.client().get("api/v1/orgs/" + f.org() + "/work-centres", f.admin()), 404);
        assertProblem(f.client().get("api/v1/orgs/" + f.org() + "/audit", f.admin()), 404);
    }

    @Test
    void readOnlyTokenReadsButIsRefusedOnWritesAndNothingIsWritten() {
        Fixture f = fixture();
        String readOnly = f.client().token(f.username(), PASSWORD, true);
        String path = "api/v1/orgs/" + f.org() + "/work-centres";
        assertEquals(200, f.client().get(path, readOnly).status());
        assertProblem(f.client().post(path, readOnly, HubClient.workCentreJson("RO", HubClient.uniqueCcc())), 403);
        assertEquals(0, f.client().get(path, f.token()).array().size());
    }

    @Test
    void expiredTokenIsRefused() throws SQLException {
        Fixture f = fixture();
        String token = f.client().token(f.username(), PASSWORD);
        assertEquals(200, f.client().get("api/v1/me", token).status());
        try (var c = TestDatabase.connect();
                var s = c.prepareStatement(
                        "UPDATE api_token SET expires_at = NOW(6) - INTERVAL 1 SECOND " + "WHERE token_hash = ?")) {
            s.setString(1, ApiTokens.hashOf(token));
            assertEquals(1, s.executeUpdate());
        }
        assertProblem(f.client().get("api/v1/me", token), 401);
    }

    @Test
    void revokedTokenIsRefusedAndOnlyItsOwnerCanRevokeIt() {
        Fixture f = fixture();
        Reply issued = f.client().requestToken(f.username(), PASSWORD, false);
        String token = issued.json().getString("token");
        long id = issued.json().getJsonNumber("id").longValue();
        assertProblem(f.client().delete("api/v1/tokens/" + id, f.admin()), 404);
        assertEquals(200, f.client().get("api/v1/me", token).status());
        assertEquals(200, f.client().delete("api/v1/tokens/" + id, f.token()).status());
        assertProblem(f.client().get("api/v1/me", token), 401);
        var listed = f.client().get("api/v1/tokens", f.token()).array();
        assertTrue(listed.toString().contains("\"revokedAt\""));
        assertFalse(listed.toString().contains(token), "the secret is never listed");
    }

    @Test
    void loginIsThrottledAfterFiveFailuresEvenWithTheRightPassword() {
        Fixture f = fixture();
        for (int i = 1; i <= 5; i++) {
            assertProblem(f.client().requestToken(f.username(), "wrong-password-" + i, false), 401);
        }
        Reply throttled = f.client().requestToken(f.username(), PASSWORD, false);
        assertProblem(throttled, 429);
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 30, "Retry-After " + retryAfter);
    }

    @Test
    void malformedJsonIsRefusedWith400() {
        Fixture f = fixture();
        Reply reply = f.client().post("api/v1/orgs/" + f.org() + "/work-centres", f.token(), "{\"name\": ");
        assertProblem(reply, 400);
    }

    @Test
    void unknownFieldIsRefusedNamingItAndNothingIsWritten() {
        Fixture f = fixture();
        String path = "api/v1/orgs/" + f.org() + "/work-centres";
        String body = HubClient.workCentreJson("Typo", HubClient.uniqueCcc()).replace("\"name\"", "\"nmae\"");
        Reply reply = f.client().post(path, f.token(), body);
        assertProblem(reply, 400);
        assertEquals("nmae", reply.json().getString("field"));
        assertEquals(0, f.client().get(path, f.token()).array().size());
    }

    @Test
    void mistypedFieldIsRefusedNamingIt() {
        Fixture f = fixture();
        Reply reply = f.client().post("api/v1/tokens", null, Json.createObjectBuilder().add("username", f.username())
                .add("password", PASSWORD).add("name", "x").add("expiresInDays", "soon").build().toString());
        assertProblem(reply, 400);
        assertEquals("expiresInDays", reply.json().getString("field"));
    }

    @Test
    void oversizedBodyIsRefused() {
        Fixture f = fixture();
        String huge = HubClient.workCentreJson("x".repeat(1_200_000), HubClient.uniqueCcc());
        Reply reply = f.client().send("POST", "api/v1/orgs/" + f.org() + "/work-centres", f.token(), huge, true);
        assertProblem(reply, 400);
        assertTrue(reply.json().getString("detail").contains("larger"), reply.body());
        assertEquals(0, f.client().get("api/v1/orgs/" + f.org() + "/work-centres", f.token()).array().size());
    }

    @Test
    void wrongTaxIdIsRefusedWithItsReasonAndNothingIsWritten() {
        Fixture f = fixture();
        String valid = HubClient.uniqueTaxId();
        String invalid = valid.substring(0, 8) + (valid.charAt(8) == '1' ? '2' : '1');
        String expected = TaxId.expectedControl(invalid);
        Reply reply = f.client().post("api/v1/organisations", f.admin(), Json.createObjectBuilder()
                .add("taxId", invalid).add("name", "Wrong").add("type", "FOUNDATION").build().toString());
        assertProblem(reply, 400);
        assertEquals("taxId", reply.json().getString("field"));
        assertTrue(reply.json().getString("detail").endsWith(" " + expected), reply.body());
        assertFalse(f.client().get("api/v1/organisations", f.admin()).body().contains(invalid));
    }

    @Test
    void wrongCccIsRefusedWithItsReason() {
        Fixture f = fixture();
        String ccc = HubClient.uniqueCcc();
        String wrong = ccc.substring(0, 9) + (ccc.endsWith("00") ? "01" : "00");
        Reply reply = f.client().post("api/v1/orgs/" + f.org() + "/work-centres", f.token(),
                HubClient.workCentreJson("Bad CCC", wrong));
        assertProblem(reply, 400);
        assertEquals("ccc", reply.json().getString("field"));
    }

    @Test
    void onlyHubAdministratorsManageOrganisationsAndUsers() {
        Fixture f = fixture();
        assertProblem(f.client().get("api/v1/organisations", f.token()), 403);
        assertProblem(f.client().get("api/v1/users", f.token()), 403);
    }

    /**
     * The users' rules hold through the API as through the portal: a hub administrator cannot deactivate themselves or
     * take away their own administration (the portal refused it, the API did not), and is told why in their language;
     * another administrator can.
     */
    @Test
    void aHubAdministratorCannotDeactivateThemselvesNorDropTheirOwnAdministration() {
        HubClient client = new HubClient(base);
        String admin = client.adminToken();
        String username = HubClient.unique("admin");
        Reply created = client.post("api/v1/users", admin,
                Json.createObjectBuilder().add("username", username).add("fullName", "Second administrator")
                        .add("password", PASSWORD).add("hubAdmin", true).build().toString());
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        String self = client.token(username, PASSWORD);

        Reply deactivate = client.raw("PUT", "api/v1/users/" + id, self,
                "{\"fullName\":\"Second administrator\",\"active\":false,\"hubAdmin\":true}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Accept-Language", "es");
        assertProblem(deactivate, 409);
        assertEquals("active", deactivate.json().getString("field"));
        assertTrue(deactivate.json().getString("detail").startsWith("No puede desactivarse a sí mismo"),
                deactivate.body());
        Reply demote = client.put("api/v1/users/" + id, self,
                "{\"fullName\":\"Second administrator\",\"active\":true,\"hubAdmin\":false}");
        assertProblem(demote, 409);
        assertEquals("hubAdmin", demote.json().getString("field"));
        JsonObject unchanged = client.get("api/v1/users/" + id, admin).json();
        assertTrue(unchanged.getBoolean("active") && unchanged.getBoolean("hubAdmin"), unchanged.toString());

        Reply byAnother = client.put("api/v1/users/" + id, admin,
                "{\"fullName\":\"Second administrator\",\"active\":false,\"hubAdmin\":false}");
        assertEquals(200, byAnother.status(), byAnother.body());
        assertFalse(byAnother.json().getBoolean("active"));
    }

    @Test
    void writesAndMembershipChangesAreAuditedForOrgAdminsOnly() {
        Fixture f = fixture();
        f.client().createWorkCentre(f.token(), f.org(), "Audited centre");
        String staff = HubClient.unique("staff");
        f.client().createUser(f.admin(), staff, PASSWORD);
        f.client().grant(f.admin(), f.org(), staff, "staff");
        var page = f.client().get("api/v1/orgs/" + f.org() + "/audit", f.token()).json();
        String events = page.getJsonArray("events").toString();
        assertTrue(events.contains("work-centre.created") && events.contains("membership.granted"), events);
        assertTrue(events.contains(f.username()), "the actor is recorded: " + events);
        assertProblem(f.client().get("api/v1/orgs/" + f.org() + "/audit", f.client().token(staff, PASSWORD)), 403);
    }

    @Test
    void concurrentEditOfAWorkCentreIsRefusedWith409() {
        Fixture f = fixture();
        var centre = f.client().createWorkCentre(f.token(), f.org(), "Versioned");
        String path = "api/v1/orgs/" + f.org() + "/work-centres/" + centre.getJsonNumber("id").longValue();
        String change = Json.createObjectBuilder(Json
                .createReader(new java.io.StringReader(HubClient.workCentreJson("Renamed", centre.getString("ccc"))))
                .readObject()).add("version", centre.getInt("version")).build().toString();
        assertEquals(200, f.client().put(path, f.token(), change).status());
        assertProblem(f.client().put(path, f.token(), change), 409);
    }

    // --- what a browser is told: the session cookie and the response headers

    private static final Map<String, String> THROUGH_TLS_PROXY = Map.of(TestDatabase.FORWARDED_PROTO, "https");

    /** The attributes of the session cookie a response sets, lower-cased ("httponly", "samesite=lax", ...). */
    private static List<String> sessionCookie(Reply reply) {
        String cookie = reply.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + reply.headers().map()));
        return Arrays.stream(cookie.split(";")).skip(1).map(a -> a.strip().toLowerCase(Locale.ROOT)).toList();
    }

    private static String header(Reply reply, String name) {
        return reply.headers().firstValue(name).orElse("");
    }

    private static void assertBrowserHardening(Reply reply) {
        assertEquals("nosniff", header(reply, "X-Content-Type-Options"), reply.headers().map().toString());
        assertEquals("DENY", header(reply, "X-Frame-Options"));
        assertEquals("same-origin", header(reply, "Referrer-Policy"));
        assertTrue(header(reply, "Content-Security-Policy").contains("frame-ancestors 'none'"),
                header(reply, "Content-Security-Policy"));
    }

    @Test
    void overPlainHttpTheSessionCookieIsHttpOnlyAndSameSiteButNotSecureAndNoHstsIsSent() {
        Reply login = new HubClient(base).get("login.xhtml", null);
        assertEquals(200, login.status());
        List<String> cookie = sessionCookie(login);
        assertTrue(cookie.contains("httponly"), cookie.toString());
        assertTrue(cookie.contains("samesite=lax"), cookie.toString());
        assertFalse(cookie.contains("secure"), cookie.toString());
        assertTrue(login.headers().firstValue("Strict-Transport-Security").isEmpty());
    }

    @Test
    void throughTheTrustedTlsProxyTheSessionCookieIsSecureAndHstsIsSent() {
        HubClient client = new HubClient(base);
        Reply login = client.get("login.xhtml", null, THROUGH_TLS_PROXY);
        assertEquals(200, login.status());
        List<String> cookie = sessionCookie(login);
        assertTrue(cookie.contains("secure"), cookie.toString());
        assertTrue(cookie.contains("httponly") && cookie.contains("samesite=lax"), cookie.toString());
        assertTrue(header(login, "Strict-Transport-Security").startsWith("max-age=31536000"),
                login.headers().map().toString());
        Fixture f = fixture();
        assertTrue(header(f.client().get("api/v1/me", f.token(), THROUGH_TLS_PROXY), "Strict-Transport-Security")
                .startsWith("max-age="));
    }

    @Test
    void portalPagesAreNotStoredNotFramedAndRunOnlyTheScriptsTheHubWroteForThem() {
        HubClient client = new HubClient(base);
        Reply login = client.get("login.xhtml", null);
        assertBrowserHardening(login);
        assertEquals("no-store", header(login, "Cache-Control"));
        String policy = header(login, "Content-Security-Policy");
        Matcher scripts = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=_-]+)'").matcher(policy);
        assertTrue(scripts.find(), policy);
        assertFalse(policy.contains("unsafe-eval") || policy.contains("script-src 'self' 'unsafe-inline'"), policy);
        assertTrue(policy.contains("object-src 'none'") && policy.contains("form-action 'self'"), policy);
        String nonce = scripts.group(1);
        Matcher tags = Pattern.compile("<script[^>]*>").matcher(login.body());
        int count = 0;
        while (tags.find()) {
            count++;
            assertTrue(tags.group().contains("nonce=\"" + nonce + "\""), "a script without the nonce: " + tags.group());
        }
        assertTrue(count > 0, "the sign-in page has PrimeFaces' scripts");
        assertFalse(login.body().matches("(?s).*\\son[a-z]+=\".*"), "no inline event handler attribute");
        String again = header(client.get("login.xhtml", null), "Content-Security-Policy");
        assertFalse(again.contains(nonce), "a fresh nonce for every page");
    }

    @Test
    void apiAnswersAreNeverStoredAndMayNotRunAnything() {
        Fixture f = fixture();
        for (Reply reply : List.of(f.client().get("api/v1/me", f.token()), f.client().get("api/v1/me", null),
                f.client().get("api/v1/me", ApiTokens.newSecret()),
                f.client().get("api/v1/orgs/999999999/work-centres", f.token()))) {
            assertBrowserHardening(reply);
            assertEquals("no-store", header(reply, "Cache-Control"), reply.status() + " " + reply.headers().map());
            assertTrue(header(reply, "Content-Security-Policy").startsWith("default-src 'none'"));
        }
    }

    @Test
    void facesResourcesStayCacheable() {
        Reply css = new HubClient(base).get("jakarta.faces.resource/css/hub.css.xhtml", null);
        assertEquals(200, css.status());
        assertEquals("nosniff", header(css, "X-Content-Type-Options"));
        assertFalse(header(css, "Cache-Control").contains("no-store"), header(css, "Cache-Control"));
    }

    // --- changing the password

    private static String passwordChange(String current, String next, Boolean revokeTokens) {
        var body = Json.createObjectBuilder().add("currentPassword", current).add("newPassword", next);
        if (revokeTokens != null) {
            body.add("revokeTokens", revokeTokens);
        }
        return body.build().toString();
    }

    @Test
    void wrongCurrentPasswordsAreThrottledLikeLoginsEvenWhenTheRightOneFollows() throws SQLException {
        Fixture f = fixture();
        String newPassword = "another-long-password";
        for (int i = 1; i <= 5; i++) {
            Reply wrong = f.client().put("api/v1/me/password", f.token(),
                    passwordChange("wrong-password-" + i, newPassword, null));
            assertProblem(wrong, 400);
            assertEquals("currentPassword", wrong.json().getString("field"));
        }
        for (int i = 6; i <= 8; i++) {
            assertProblem(f.client().put("api/v1/me/password", f.token(),
                    passwordChange("wrong-password-" + i, newPassword, null)), 429);
        }
        Reply right = f.client().put("api/v1/me/password", f.token(), passwordChange(PASSWORD, newPassword, null));
        assertProblem(right, 429);
        long retryAfter = Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 30, "Retry-After " + retryAfter);
        // one rule, one count: the name's logins are blocked as well
        assertProblem(f.client().requestToken(f.username(), PASSWORD, false), 429);
        try (var c = TestDatabase.connect();
                var s = c.prepareStatement("DELETE FROM login_throttle WHERE username = ?")) {
            s.setString(1, f.username());
            assertEquals(1, s.executeUpdate());
        }
        assertEquals(201, f.client().requestToken(f.username(), PASSWORD, false).status(), "the password is unchanged");
    }

    @Test
    void aPasswordChangeRevokesTheCallersOtherTokensWhenAskedAndKeepsTheCallingOne() {
        Fixture f = fixture();
        String other = f.client().token(f.username(), PASSWORD);
        String readOnly = f.client().token(f.username(), PASSWORD, true);
        String newPassword = "another-long-password";
        assertEquals(204,
                f.client().put("api/v1/me/password", f.token(), passwordChange(PASSWORD, newPassword, false)).status());
        assertEquals(200, f.client().get("api/v1/me", other).status(), "without revokeTokens the tokens stay");
        Reply changed = f.client().put("api/v1/me/password", f.token(),
                passwordChange(newPassword, "a-third-long-password", true));
        assertEquals(204, changed.status(), changed.body());
        assertProblem(f.client().get("api/v1/me", other), 401);
        assertProblem(f.client().get("api/v1/me", readOnly), 401);
        assertEquals(200, f.client().get("api/v1/me", f.token()).status(), "the token that asked stays valid");
        assertProblem(f.client().requestToken(f.username(), newPassword, false), 401);
        assertEquals(201, f.client().requestToken(f.username(), "a-third-long-password", false).status());
    }

    @Test
    void openApiDescribesEveryEndpointAndHealthChecksTheDatabase() {
        HubClient client = new HubClient(base);
        String openapi = client.get("openapi", null).body();
        for (String path : new String[] { "/api/v1/tokens", "/api/v1/tokens/{id}", "/api/v1/me", "/api/v1/me/password",
                "/api/v1/me/invitations", "/api/v1/me/invitations/{id}/acceptance",
                "/api/v1/me/invitations/{id}/refusal", "/api/v1/users", "/api/v1/users/{id}", "/api/v1/organisations",
                "/api/v1/organisations/{id}", "/api/v1/organisations/{id}/memberships", "/api/v1/orgs/{org}",
                "/api/v1/orgs/{org}/work-centres", "/api/v1/orgs/{org}/work-centres/{id}",
                "/api/v1/orgs/{org}/memberships", "/api/v1/orgs/{org}/memberships/{id}", "/api/v1/orgs/{org}/audit",
                "/api/v1/orgs/{org}/accounting/chart", "/api/v1/orgs/{org}/accounting/accounts",
                "/api/v1/orgs/{org}/accounting/accounts/{code}", "/api/v1/orgs/{org}/accounting/fiscal-years",
                "/api/v1/orgs/{org}/accounting/periods", "/api/v1/orgs/{org}/accounting/locks",
                "/api/v1/orgs/{org}/accounting/fiscal-years/{year}/closing", "/api/v1/orgs/{org}/accounting/entries",
                "/api/v1/orgs/{org}/accounting/entries/{id}", "/api/v1/orgs/{org}/accounting/entries/{id}/reversal",
                "/api/v1/orgs/{org}/accounting/drafts", "/api/v1/orgs/{org}/accounting/drafts/{id}",
                "/api/v1/orgs/{org}/accounting/drafts/{id}/posting", "/api/v1/orgs/{org}/accounting/projects",
                "/api/v1/orgs/{org}/accounting/grants", "/api/v1/orgs/{org}/accounting/grants/{code}",
                "/api/v1/orgs/{org}/accounting/integrity", "/api/v1/orgs/{org}/accounting/balances/verification",
                "/api/v1/orgs/{org}/accounting/balances/rebuild", "/api/v1/orgs/{org}/accounting/reports/trial-balance",
                "/api/v1/orgs/{org}/accounting/reports/ledger", "/api/v1/orgs/{org}/accounting/reports/journal",
                "/api/v1/orgs/{org}/accounting/reports/balance-sheet", "/api/v1/orgs/{org}/accounting/reports/results",
                "/api/v1/orgs/{org}/accounting/reports/grant-execution",
                "/api/v1/accounting/consolidated/trial-balance", "/api/v1/orgs/{org}/imports",
                "/api/v1/orgs/{org}/imports/{kind}", "/api/v1/orgs/{org}/import-templates/{kind}",
                "/api/v1/orgs/{org}/consortia", "/api/v1/orgs/{org}/consortia/{id}",
                "/api/v1/orgs/{org}/consortia/{id}/invitations", "/api/v1/orgs/{org}/consortia/{id}/trial-balance",
                "/api/v1/orgs/{org}/consortium-invitations", "/api/v1/orgs/{org}/consortium-invitations/{id}",
                "/api/v1/orgs/{org}/consortium-invitations/{id}/acceptance",
                "/api/v1/orgs/{org}/consortium-invitations/{id}/refusal" }) {
            assertTrue(openapi.contains(path + ":"), "OpenAPI lacks " + path);
        }
        // an import job's id is numeric in its path ({id: [0-9]+}), which the description may keep
        for (String suffix : new String[] { "", "/problems", "/workbook" }) {
            assertTrue(
                    java.util.regex.Pattern.compile("/api/v1/orgs/\\{org\\}/imports/\\{id[^}]*\\}" + suffix + "['\"]?:")
                            .matcher(openapi).find(),
                    "OpenAPI lacks /api/v1/orgs/{org}/imports/{id}" + suffix);
        }
        Reply ready = client.get("health/ready", null);
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("database"));
    }
}
