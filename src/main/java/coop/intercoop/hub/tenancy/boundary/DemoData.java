package coop.intercoop.hub.tenancy.boundary;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.security.boundary.FirstAdmin;
import coop.intercoop.hub.security.control.Users;
import coop.intercoop.hub.tenancy.control.Memberships;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.entity.Organisation;
import coop.intercoop.hub.tenancy.entity.OrganisationType;
import coop.intercoop.hub.tenancy.entity.Role;
import coop.intercoop.hub.tenancy.entity.TaxId;

/**
 * {@code HUB_DEMO=true} (or {@code --demo}): two demo organisations with a user of each role, and a shared-services
 * accountant in both, so a newcomer can click around. Their passwords are random and printed once. Runs once: a hub
 * that already has the first demo organisation is left alone.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "hub.demo", defaultValue = "false")
    boolean demo;

    @Inject
    Organisations organisations;

    @Inject
    Users users;

    @Inject
    Memberships memberships;

    @Transactional
    void seed(@Observes @Priority(200) Database.SchemaReady ready) {
        String alfaTaxId = withControl("G8765432");
        if (!demo || organisations.byTaxId(alfaTaxId).isPresent()) {
            return;
        }
        Organisation alfa = organisations.register(alfaTaxId, "Asociación Alfa (demo)", OrganisationType.ASSOCIATION);
        Organisation beta = organisations.register(withControl("F7654321"), "Cooperativa Beta (demo)",
                OrganisationType.SOCIAL_COOPERATIVE);
        Map<String, String> logins = new LinkedHashMap<>();
        for (Organisation org : new Organisation[] { alfa, beta }) {
            String prefix = org == alfa ? "alfa" : "beta";
            for (Role role : Role.values()) {
                String username = prefix + "." + role.code();
                String password = FirstAdmin.randomPassword();
                users.create(username, role.code() + " of " + org.getName(), null, password, false);
                memberships.grant(org.getId(), username, Set.of(role), null);
                logins.put(username, password);
            }
        }
        String accountant = "gestoria";
        String password = FirstAdmin.randomPassword();
        users.create(accountant, "Shared-services accountant (demo)", null, password, false);
        memberships.grant(alfa.getId(), accountant, EnumSet.of(Role.ACCOUNTANT), null);
        memberships.grant(beta.getId(), accountant, EnumSet.of(Role.ACCOUNTANT), null);
        logins.put(accountant, password);
        StringBuilder text = new StringBuilder("Demo organisations created; these logins are shown only once:");
        logins.forEach((user, pass) -> text.append("\n  ").append(String.format("%-30s %s", user, pass)));
        LOG.warning(text::toString);
    }

    private static String withControl(String body) {
        return body + TaxId.expectedControl(body + "0");
    }
}
