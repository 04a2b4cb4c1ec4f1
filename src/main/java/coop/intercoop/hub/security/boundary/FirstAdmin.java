package coop.intercoop.hub.security.boundary;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.security.control.Users;

/**
 * On a hub without users, creates the hub administrator {@code admin}, with {@code HUB_ADMIN_PASSWORD} or else a random
 * password printed once to the log. There is no default password.
 */
@ApplicationScoped
public class FirstAdmin {

    public static final String USERNAME = "admin";

    /** The first administrator's full name as created; the portal shows it in the reader's language instead. */
    public static final String FULL_NAME = "Hub administrator";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    Users users;

    @Inject
    @ConfigProperty(name = "hub.admin.password")
    Optional<String> configuredPassword;

    @Transactional
    void create(@Observes @jakarta.annotation.Priority(100) Database.SchemaReady ready) {
        if (users.count() > 0) {
            return;
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(FirstAdmin::randomPassword);
        users.create(USERNAME, FULL_NAME, null, password, true);
        if (configuredPassword.isPresent()) {
            LOG.info("Created the hub administrator 'admin' with the password of HUB_ADMIN_PASSWORD");
        } else {
            LOG.warning(() -> "Created the hub administrator 'admin' with the password " + password
                    + " -- it is shown only this once; sign in and change it.");
        }
    }

    public static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
