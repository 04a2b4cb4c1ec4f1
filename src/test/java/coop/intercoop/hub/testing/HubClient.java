package coop.intercoop.hub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import coop.intercoop.hub.tenancy.entity.ContributionAccountCode;
import coop.intercoop.hub.tenancy.entity.TaxId;

/** The hub's JSON API as a script sees it, plus the set-up the tests need (as the hub administrator). */
public class HubClient {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    /** How long a request may take: 60 s, or {@code hub.test.http-timeout} seconds (the benchmarks' long actions). */
    private final Duration timeout;

    public HubClient(URL base) {
        this(base, Duration.ofSeconds(Long.getLong("hub.test.http-timeout", 60)));
    }

    private HubClient(URL base, Duration timeout) {
        this.base = URI.create(root(base).toString());
        this.timeout = timeout;
    }

    /**
     * The hub's root, ending in {@code /} so that a page or path can follow it. Arquillian gives a deployment's URL
     * without the slash when the container reports servlets of more than one context root, which the shared hub's
     * Payara Micro does in some runs and not in others.
     */
    public static URL root(URL base) {
        String text = base.toString();
        try {
            return text.endsWith("/") ? base : URI.create(text + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /**
     * The same client, waiting up to {@code timeout} for an answer: for the actions over the whole hub, such as
     * anchoring every chain, whose time grows with what the run's earlier classes wrote into the shared hub.
     */
    public HubClient patient(Duration timeout) {
        try {
            return new HubClient(base.toURL(), timeout);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, headers and body. */
    public record Reply(int status, HttpHeaders headers, String body) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public JsonArray array() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    /** A GET with headers of the caller's choosing, as a browser or a proxy would send them. */
    public Reply get(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET();
        headers.forEach(request::header);
        HttpResponse<String> response = exchange(request, token, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    public Reply post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    public Reply put(String path, String token, String json) {
        return send("PUT", path, token, json);
    }

    public Reply delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    public Reply send(String method, String path, String token, String json) {
        return send(method, path, token, json, false);
    }

    /**
     * With {@code expectContinue}, the body waits for the server's go-ahead, as careful clients send large bodies: a
     * server that refuses from the headers alone answers at once.
     */
    public Reply send(String method, String path, String token, String json, boolean expectContinue) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .expectContinue(expectContinue).method(method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = exchange(request, token, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    /**
     * Sends raw bytes (null for none) with the given headers, e.g. a body that is not valid UTF-8 or Accept-Language.
     */
    public Reply raw(String method, String path, String token, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = exchange(request, token, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    /** Sends a binary body (an xlsx workbook) with its content type. */
    public Reply upload(String path, String token, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        HttpResponse<String> response = exchange(request, token, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    /**
     * Follows the import job at {@code jobPath} until it has succeeded or failed, five minutes at most, and answers its
     * last state; a job still queued or running then fails the test.
     */
    public JsonObject finishedJob(String jobPath, String token) {
        java.time.Instant until = java.time.Instant.now().plus(Duration.ofMinutes(5));
        while (java.time.Instant.now().isBefore(until)) {
            Reply reply = get(jobPath, token);
            JsonObject job = reply.status() == 200 ? reply.json() : null;
            String status = job == null ? "unknown" : job.getString("status");
            if (status.equals("succeeded") || status.equals("failed")) {
                return job;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The import job " + jobPath + " did not end within 5 minutes");
    }

    /** GETs a binary download; fails unless it answers 200. */
    public byte[] download(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET();
        HttpResponse<byte[]> response = exchange(request, token, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        return response.body();
    }

    /** Sends the request, with the token if there is one. */
    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, String token,
            HttpResponse.BodyHandler<T> answer) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST /api/v1/tokens; answers the token's JSON (with its secret in "token"). */
    public Reply requestToken(String username, String password, boolean readOnly) {
        return post("api/v1/tokens", null,
                Json.createObjectBuilder().add("username", username).add("password", password).add("name", "tests")
                        .add("expiresInDays", 7).add("readOnly", readOnly).build().toString());
    }

    public String token(String username, String password) {
        return token(username, password, false);
    }

    public String token(String username, String password, boolean readOnly) {
        Reply reply = requestToken(username, password, readOnly);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("token");
    }

    public String adminToken() {
        return token("admin", TestDatabase.ADMIN_PASSWORD);
    }

    /** Registers an organisation with a fresh, valid tax id; answers its id. */
    public long createOrganisation(String adminToken, String name) {
        Reply reply = post("api/v1/organisations", adminToken, Json.createObjectBuilder().add("taxId", uniqueTaxId())
                .add("name", name).add("type", "ASSOCIATION").build().toString());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonNumber("id").longValue();
    }

    public long createUser(String adminToken, String username, String password) {
        Reply reply = post("api/v1/users", adminToken, Json.createObjectBuilder().add("username", username)
                .add("fullName", "Test " + username).add("password", password).build().toString());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonNumber("id").longValue();
    }

    /** Grants a membership as the hub administrator; answers the membership id. */
    public long grant(String adminToken, long orgId, String username, String... roles) {
        var roleArray = Json.createArrayBuilder();
        Arrays.stream(roles).forEach(roleArray::add);
        Reply reply = post("api/v1/organisations/" + orgId + "/memberships", adminToken,
                Json.createObjectBuilder().add("username", username).add("roles", roleArray).build().toString());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonNumber("id").longValue();
    }

    /** Adds a work centre as a member with org-admin; answers its JSON. */
    public JsonObject createWorkCentre(String token, long orgId, String name) {
        Reply reply = post("api/v1/orgs/" + orgId + "/work-centres", token, workCentreJson(name, uniqueCcc()));
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    public static String workCentreJson(String name, String ccc) {
        return Json.createObjectBuilder().add("name", name).add("address", "Calle Mayor 1").add("postalCode", "28001")
                .add("municipality", "Madrid").add("ccc", ccc).build().toString();
    }

    /** A name no other test run uses. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + ThreadLocalRandom.current().nextInt(1000);
    }

    /** A valid CIF of an association (letter G) that no other test uses. */
    public static String uniqueTaxId() {
        String body = "G" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return body + TaxId.expectedControl(body + "0");
    }

    /** A valid CCC of Madrid (28). */
    public static String uniqueCcc() {
        String body = "28" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return body + ContributionAccountCode.expectedControl(body + "00");
    }

    public static boolean isNull(JsonObject object, String key) {
        return !object.containsKey(key) || object.get(key) == JsonValue.NULL;
    }
}
