package coop.intercoop.hub.testing;

import java.util.logging.Logger;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;

/**
 * One Payara Micro for every integration-test class of the run. Payara's managed container starts a Micro process in
 * each deployment and stops it in each undeployment, which costs every class a start-up (35-80 s). This container
 * starts it at the first class's deployment of the hub's WAR, answers every later class's deployment with the same hub,
 * and stops it when Arquillian stops the container at the end of the run. All classes already share one database, so
 * sharing the hub adds no shared data; each class works in organisations and users of its own.
 * <p>
 * With {@code hub.test.shared-hub=false} (the benchmarks, whose heap measures must not carry another class's garbage)
 * every class gets a hub of its own again, as Payara's container does.
 */
public class SharedHub implements DeployableContainer<PayaraMicroContainerConfiguration> {

    private static final Logger LOG = Logger.getLogger(SharedHub.class.getName());

    private final PayaraMicroDeployableContainer payara = new PayaraMicroDeployableContainer();
    private final boolean shared = Boolean.parseBoolean(System.getProperty("hub.test.shared-hub", "true"));
    private PayaraMicroContainerConfiguration configuration;
    private Archive<?> deployed;
    private ProtocolMetaData hub;
    private int classes;
    private PayaraMicroDeployableContainer own;

    /** Puts this container in the place of Payara's, whose extension registers it. */
    public static class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedHub.class);
        }
    }

    @Override
    public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
        return PayaraMicroContainerConfiguration.class;
    }

    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        this.configuration = configuration;
        payara.setup(configuration);
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return payara.getDefaultProtocol();
    }

    @Override
    public void start() throws LifecycleException {
        payara.start();
    }

    @Override
    public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (!HubDeployment.war().getContent().keySet().equals(archive.getContent().keySet())) {
            LOG.info(() -> "A class deploys more than the hub as built: it gets a hub of its own");
            own = new PayaraMicroDeployableContainer();
            own.setup(configuration);
            return own.deploy(archive);
        }
        if (hub == null) {
            hub = payara.deploy(archive);
            deployed = archive;
        }
        classes++;
        return hub;
    }

    @Override
    public synchronized void undeploy(Archive<?> archive) throws DeploymentException {
        if (own != null) {
            own.undeploy(archive);
            own = null;
        } else if (!shared) {
            stopHub();
        }
    }

    @Override
    public synchronized void stop() throws LifecycleException {
        try {
            stopHub();
        } catch (DeploymentException e) {
            throw new LifecycleException("The shared hub did not stop", e);
        }
        payara.stop();
    }

    private void stopHub() throws DeploymentException {
        if (hub != null) {
            int served = classes;
            LOG.info(() -> "Stopping the hub that served " + served + " test class(es)");
            payara.undeploy(deployed);
            hub = null;
            deployed = null;
            classes = 0;
        }
    }

    @Override
    public void deploy(Descriptor descriptor) throws DeploymentException {
        payara.deploy(descriptor);
    }

    @Override
    public void undeploy(Descriptor descriptor) throws DeploymentException {
        payara.undeploy(descriptor);
    }
}
