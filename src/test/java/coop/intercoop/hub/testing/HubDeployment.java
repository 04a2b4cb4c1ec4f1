package coop.intercoop.hub.testing;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The hub as built: the WAR of {@code mvn package}, deployed whole, tested from outside, with one test observer
 * ({@link RefuseMarkedEntries}) that acts only in organisations a test names for it, so that the classes that need it
 * share the one hub of the run with the others.
 */
public final class HubDeployment {

    private HubDeployment() {
    }

    public static WebArchive war() {
        File war = new File(System.getProperty("hub.test.war", "target/intercoop-hub.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Build the WAR first (mvn verify runs package before the tests): " + war);
        }
        return ShrinkWrap.create(ZipImporter.class, "intercoop-hub.war").importFrom(war).as(WebArchive.class)
                .addClass(RefuseMarkedEntries.class);
    }
}
