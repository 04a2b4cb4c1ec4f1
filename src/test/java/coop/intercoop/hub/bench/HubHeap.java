package coop.intercoop.hub.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap of the hub under measure, which runs in its own Payara Micro JVM, read over JMX: the bench profile starts
 * that JVM with a JMX agent on 127.0.0.1 ({@code hub.test.jmx=true}; {@code TestDatabase} picks the port and passes it
 * in {@code hub.test.jmx-port}).
 * <p>
 * <b>Peak heap</b> ({@link #peakMb()}) is the most heap in use right after a garbage collection during the operation:
 * what the collector could not free, the live set plus whatever garbage the collection left in the old generation — so
 * an upper bound of the memory the operation needs, independent of how lazily the collector runs with the {@code -Xmx}
 * it has. {@link #reset()} collects first, so the figure starts from the hub's live set at rest. The heap pools' peak
 * usage ({@link #highWaterMb()}, garbage included, bounded only by {@code -Xmx}) is reported beside it.
 *
 * <pre>
 * try (HubHeap heap = HubHeap.connect()) {
 *     heap.reset();
 *     // the measured operation
 *     Double peak = heap.peakMb();
 * }
 * </pre>
 */
public final class HubHeap implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HubHeap.class.getName());
    private static final double MB = 1024.0 * 1024.0;

    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final MemoryMXBean memory;
    private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    private final Set<String> heapPoolNames;
    private final List<ObjectName> collectors = new ArrayList<>();
    private final AtomicLong peakAfterGc = new AtomicLong(-1);
    private final AtomicInteger collections = new AtomicInteger();
    private final NotificationListener listener = this::collected;

    private HubHeap(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
        this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        for (MemoryPoolMXBean pool : ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class)) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool);
            }
        }
        this.heapPoolNames = Set.copyOf(heapPools.stream().map(MemoryPoolMXBean::getName).toList());
        try {
            for (ObjectName gc : server
                    .queryNames(new ObjectName(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*"), null)) {
                server.addNotificationListener(gc, listener, null, null);
                collectors.add(gc);
            }
        } catch (javax.management.JMException e) {
            throw new IOException("Cannot follow the hub's garbage collections", e);
        }
    }

    /** Whether this run started the hub with a JMX agent (the bench profile does). */
    public static boolean available() {
        return System.getProperty("hub.test.jmx-port") != null;
    }

    /** Connects to the hub's JMX agent. */
    public static HubHeap connect() throws IOException {
        String port = System.getProperty("hub.test.jmx-port");
        if (port == null) {
            throw new IllegalStateException(
                    "The hub runs without JMX: run with -Dhub.test.jmx=true (the bench profile)");
        }
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        return new HubHeap(JMXConnectorFactory.connect(url));
    }

    /** Starts a measure: a full collection, then the peaks cleared. */
    public void reset() {
        memory.gc();
        sleepForNotifications();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        collections.set(0);
        peakAfterGc.set(memory.getHeapMemoryUsage().getUsed());
    }

    /**
     * The most heap in use right after a collection since {@link #reset()}, in MB; if no collection ran, the heap in
     * use now (an upper bound).
     */
    public double peakMb() {
        sleepForNotifications();
        long peak = peakAfterGc.get();
        if (collections.get() == 0) {
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }
        return peak / MB;
    }

    /** The sum of the heap pools' peak usage since {@link #reset()}, garbage included, in MB. */
    public double highWaterMb() {
        return heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / MB;
    }

    /** The hub's maximum heap ({@code -Xmx}), in MB. */
    public double maxMb() {
        return memory.getHeapMemoryUsage().getMax() / MB;
    }

    /** How many collections ran since {@link #reset()}. */
    public int collections() {
        sleepForNotifications();
        return collections.get();
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData());
        long after = 0;
        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPoolNames.contains(pool.getKey())) {
                MemoryUsage usage = pool.getValue();
                after += usage.getUsed();
            }
        }
        collections.incrementAndGet();
        peakAfterGc.accumulateAndGet(after, Math::max);
    }

    /** Notifications reach this JVM by polling: give the last ones of the operation time to arrive. */
    private static void sleepForNotifications() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (ObjectName gc : collectors) {
            try {
                server.removeNotificationListener(gc, listener);
            } catch (Exception e) {
                LOG.fine(() -> "Listener already gone: " + e);
            }
        }
        try {
            connector.close();
        } catch (IOException e) {
            LOG.fine(() -> "JMX connection already closed: " + e);
        }
    }
}
