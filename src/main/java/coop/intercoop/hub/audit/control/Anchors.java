package coop.intercoop.hub.audit.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.crypto.Mac;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.platform.Database.SchemaReady;

/**
 * Anchors: the heads of every keyed chain (each organisation's ledger and audit log, the hub's audit log), each signed
 * with the hub's integrity key and written outside the database, one line per chain, appended to a file per month in
 * {@code hub.integrity.anchor-dir} ({@code anchors} in the data directory by default):
 *
 * <pre>
 * ICH-ANCHOR-1 ledger 42 1234 9f…(digest of the entry at position 1234) 2026-12-06T08:00:00Z 1 5c…(HMAC of the line so far)
 * </pre>
 *
 * The integrity check compares the database with them: an anchored position whose digest changed, or a chain shorter
 * than an anchor says, is evidence of a rewrite even by someone who also holds the key after the anchor was copied
 * away. Anchors are written on the platform's managed scheduler every {@code hub.integrity.anchor-minutes} (60) and at
 * start, and on demand; a chain is anchored only when it moved since its last anchor and only after the records since
 * then verified. {@code hub.integrity.anchor-command}, when set, is run after each write with the file as its argument
 * (to copy it to other storage or have it timestamped, e.g. by an RFC 3161 authority); the hub waits for nothing it
 * sends.
 */
@ApplicationScoped
public class Anchors {

    static final String TAG = "ICH-ANCHOR-1";
    private static final Logger LOG = Logger.getLogger(Anchors.class.getName());
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    @Inject
    @ConfigProperty(name = "hub.integrity.anchor-dir")
    Optional<String> configuredDir;

    @Inject
    @ConfigProperty(name = "hub.data-dir", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "hub.integrity.anchor-minutes", defaultValue = "60")
    long minutes;

    @Inject
    @ConfigProperty(name = "hub.integrity.anchor-command")
    Optional<String> command;

    @Inject
    IntegrityKeys keys;

    @Inject
    @Any
    Instance<KeyedChain> chains;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    /** Whether an anchoring run is under way. */
    private final AtomicBoolean writing = new AtomicBoolean();

    /** The last position anchored of each chain ({@code name/id}), read from the files at the first write. */
    private final Map<String, KeyedChain.Position> anchored = new ConcurrentHashMap<>();
    private volatile boolean read;
    /** Whether no anchor was ever written here: the keyed chains begin with this first write. */
    private boolean genesis;
    private ScheduledFuture<?> ticks;

    /** What an anchor line says. */
    public record Anchor(String chain, long chainId, long seq, String hash, Instant at, int keyId) {
    }

    /** The anchors of one chain whose signature verified, oldest first, and how many lines of it did not verify. */
    public record Found(List<Anchor> anchors, int forged) {
        public Optional<Anchor> latest() {
            return anchors.isEmpty() ? Optional.empty() : Optional.of(anchors.get(anchors.size() - 1));
        }
    }

    void start(@Observes SchemaReady ready) {
        ticks = scheduler.scheduleAtFixedRate(this::tick, 0, Math.max(1, minutes), TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    /**
     * Hands the anchoring to the managed executor: it verifies every chain, which takes long over large books, and on
     * the scheduler's thread it would hold up the other components' ticks (an import's heartbeat, which other nodes
     * read to tell a running job from a lost one). A run still going when the next is due is not doubled.
     */
    private void tick() {
        if (!writing.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    write();
                } catch (RuntimeException | Error e) {
                    LOG.log(Level.WARNING, "The anchors could not be written; trying again at the next run", e);
                } finally {
                    writing.set(false);
                }
            });
        } catch (RuntimeException e) {
            writing.set(false);
            LOG.log(Level.WARNING, "The anchors could not be started; trying again at the next run", e);
        }
    }

    /** The directory the anchor files are in. */
    public Path dir() {
        return configuredDir.filter(d -> !d.isBlank()).map(Paths::get).orElseGet(() -> Paths.get(dataDir, "anchors"))
                .toAbsolutePath();
    }

    /**
     * Anchors now every chain that moved since its last anchor and verifies up to its head; answers how many lines were
     * written. A chain that does not verify is left out and reported in the log.
     */
    public synchronized int write() {
        if (!read) {
            genesis = !hasFiles();
            for (Anchor a : readAll(null, -1).anchors()) {
                anchored.put(a.chain() + "/" + a.chainId(), new KeyedChain.Position(a.seq(), a.hash()));
            }
            read = true;
        }
        IntegrityKeys.Keyed key = keys.current();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder lines = new StringBuilder();
        int written = 0;
        for (KeyedChain chain : chains) {
            for (long id : chain.chainIds()) {
                String name = chain.name() + "/" + id;
                KeyedChain.Position last = anchored.get(name);
                Optional<KeyedChain.Position> head = chain.verifiedHead(id, last, genesis);
                if (head.isEmpty()) {
                    LOG.severe(() -> "The " + chain.name() + " chain " + id + " no longer verifies since its last "
                            + "anchor; it is not anchored. Run its integrity check.");
                    continue;
                }
                if (last != null && head.get().seq() == last.seq()) {
                    continue;
                }
                lines.append(
                        line(key, new Anchor(chain.name(), id, head.get().seq(), head.get().hash(), now, key.keyId())))
                        .append('\n');
                anchored.put(name, head.get());
                written++;
            }
        }
        if (written > 0 || genesis) {
            // the first file marks when the keyed chains began, even when there is nothing to anchor yet
            Path file = append(now, lines.toString());
            runCommand(file);
            genesis = false;
        }
        return written;
    }

    /** The anchors of this chain, verified against the hub's keys. */
    public Found of(String chain, long chainId) {
        return readAll(chain, chainId);
    }

    static String line(IntegrityKeys.Keyed key, Anchor a) {
        String signed = String.join(" ", TAG, a.chain(), Long.toString(a.chainId()), Long.toString(a.seq()),
                a.hash() == null ? "-" : a.hash(), a.at().toString(), Integer.toString(a.keyId()));
        return signed + " " + key.hex(signed);
    }

    private boolean hasFiles() {
        if (!Files.isDirectory(dir())) {
            return false;
        }
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir(), "anchors-*.txt")) {
            return listing.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException("The anchors in " + dir() + " cannot be read", e);
        }
    }

    private Found readAll(String chain, long chainId) {
        List<Anchor> found = new ArrayList<>();
        int forged = 0;
        Path dir = dir();
        if (!Files.isDirectory(dir)) {
            return new Found(found, 0);
        }
        TreeSet<Path> files = new TreeSet<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir, "anchors-*.txt")) {
            listing.forEach(files::add);
            for (Path file : files) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] f = line.strip().split(" ");
                    if (f.length == 0 || f[0].isEmpty()) {
                        continue;
                    }
                    boolean mine = chain == null
                            || f.length >= 3 && f[1].equals(chain) && f[2].equals(Long.toString(chainId));
                    if (!mine) {
                        continue;
                    }
                    Optional<Anchor> anchor = parse(f);
                    if (anchor.isPresent()) {
                        found.add(anchor.get());
                    } else {
                        forged++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The anchors in " + dir + " cannot be read", e);
        }
        return new Found(found, forged);
    }

    /** The anchor of a line whose signature verifies with the hub's key of its key id. */
    private Optional<Anchor> parse(String[] f) {
        if (f.length != 8 || !TAG.equals(f[0])) {
            return Optional.empty();
        }
        try {
            Anchor a = new Anchor(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), "-".equals(f[4]) ? null : f[4],
                    Instant.parse(f[5]), Integer.parseInt(f[6]));
            Optional<Mac> mac = keys.mac(a.keyId());
            if (mac.isEmpty()) {
                return Optional.empty();
            }
            String expected = line(new IntegrityKeys.Keyed(a.keyId(), mac.get()), a);
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    String.join(" ", f).getBytes(StandardCharsets.UTF_8)) ? Optional.of(a) : Optional.empty();
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Path append(Instant now, String lines) {
        Path file = dir().resolve("anchors-" + MONTH.format(now) + ".txt");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The anchors could not be written to " + file, e);
        }
        return file;
    }

    private void runCommand(Path file) {
        if (command.isEmpty() || command.get().isBlank()) {
            return;
        }
        try {
            List<String> words = new ArrayList<>(List.of(command.get().strip().split("\\s+")));
            words.add(file.toString());
            new ProcessBuilder(words).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            LOG.warning(() -> "The anchor command could not be started: " + e.getMessage());
        }
    }

}
