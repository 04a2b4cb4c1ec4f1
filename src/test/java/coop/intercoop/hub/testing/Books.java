package coop.intercoop.hub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;

import coop.intercoop.hub.testing.HubClient.Reply;

/**
 * A fresh organisation ready for bookkeeping: an accountant (with org-admin) and an auditor, the PGC ESFL chart (or
 * another template) and the fiscal year 2025 open.
 *
 * @param path
 *            {@code api/v1/orgs/<id>/accounting}
 */
public record Books(HubClient client, long orgId, String token, String auditorToken, String path) {

    public static final String PASSWORD = "a-long-enough-password";

    public static Books open(URL base) {
        return open(base, "pgc-esfl");
    }

    /** A fresh organisation whose chart is built from {@code template}. */
    public static Books open(URL base, String template) {
        return open(base, template, "Books");
    }

    /** A fresh organisation whose chart is built from {@code template} and whose name begins with {@code name}. */
    public static Books open(URL base, String template, String name) {
        HubClient client = new HubClient(base);
        String admin = client.adminToken();
        long org = client.createOrganisation(admin, HubClient.unique(name));
        String accountant = HubClient.unique("accountant");
        String auditor = HubClient.unique("auditor");
        client.createUser(admin, accountant, PASSWORD);
        client.createUser(admin, auditor, PASSWORD);
        client.grant(admin, org, accountant, "accountant", "org-admin");
        client.grant(admin, org, auditor, "auditor");
        Books books = new Books(client, org, client.token(accountant, PASSWORD), client.token(auditor, PASSWORD),
                "api/v1/orgs/" + org + "/accounting");
        books.expect(201, books.post("/chart", "{\"template\":\"" + template + "\"}"));
        books.expect(201, books.post("/fiscal-years", "{\"year\":2025}"));
        return books;
    }

    public Reply post(String subPath, String json) {
        return client.post(path + subPath, token, json);
    }

    public Reply put(String subPath, String json) {
        return client.put(path + subPath, token, json);
    }

    public Reply get(String subPath) {
        return client.get(path + subPath, token);
    }

    public Reply expect(int status, Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        return reply;
    }

    /** A balanced two-line entry in the general journal: debit one account, credit another. */
    public static String entry(String date, String debitAccount, String creditAccount, String amount) {
        return "{\"date\":\"" + date + "\",\"journal\":\"GENERAL\",\"description\":\"Test entry\",\"lines\":["
                + "{\"account\":\"" + debitAccount + "\",\"debit\":" + amount + "}," + "{\"account\":\"" + creditAccount
                + "\",\"credit\":" + amount + "}]}";
    }

    /** Posts {@link #entry} and answers the posted entry's JSON. */
    public Reply postEntry(String date, String debitAccount, String creditAccount, String amount) {
        return expect(201, post("/entries", entry(date, debitAccount, creditAccount, amount)));
    }
}
