package coop.intercoop.hub.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import coop.intercoop.hub.testing.HubClient;
import coop.intercoop.hub.testing.HubClient.Reply;
import coop.intercoop.hub.testing.HubDeployment;

/** The hub's administration pages are the hub administrator's alone, as the API's users and organisations are. */
@ExtendWith(ArquillianExtension.class)
class AdminPagesIT {

    private static final String PASSWORD = "a-long-enough-password";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    @Test
    void anOrgAdminIsRefusedTheAdministrationPagesWith403AndNoPage() {
        HubClient client = new HubClient(base);
        String admin = client.adminToken();
        long org = client.createOrganisation(admin, HubClient.unique("Admin pages"));
        String username = HubClient.unique("orgadmin");
        client.createUser(admin, username, PASSWORD);
        client.grant(admin, org, username, "org-admin");
        String token = client.token(username, PASSWORD);
        for (String page : new String[] { "admin/users.xhtml", "admin/organisations.xhtml" }) {
            Reply reply = client.get(page, token);
            assertEquals(403, reply.status(), page + ": " + reply.body());
            assertTrue(reply.body().contains("Forbidden"), reply.body());
            assertFalse(reply.body().contains(username), "nothing of the page: " + reply.body());
        }
    }

    @Test
    void theHubAdministratorGetsThem() {
        HubClient client = new HubClient(base);
        String admin = client.adminToken();
        for (String page : new String[] { "admin/users.xhtml", "admin/organisations.xhtml" }) {
            Reply reply = client.get(page, admin);
            assertEquals(200, reply.status(), page);
            assertFalse(reply.body().contains("Forbidden"), page);
        }
    }
}
