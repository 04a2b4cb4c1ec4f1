package coop.intercoop.hub.audit.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.platform.Database;

/**
 * The hub's integrity keys: 256-bit HMAC-SHA256 keys, each with a key id, kept in a file outside the database
 * ({@code hub.integrity.key-file}, environment {@code HUB_INTEGRITY_KEY_FILE}; by default {@code keys/integrity.keys}
 * in the hub's data directory). The ledger's and the audit log's chains and the anchors are keyed with them, so someone
 * who can write the database but not read this file cannot forge them.
 * <p>
 * The file holds one {@code <key id>=<key in hex>} a line; the highest id keys new records, the others stay to verify
 * what they keyed. When the file is missing it is created at first use with one random key, readable by its owner only
 * — unless the database already holds keyed records, which a new key could never verify. {@link #rotate()} adds a key
 * with the next id. The keys are read once and kept in memory; a key id this node does not know (another node rotated)
 * makes it read the file again.
 */
@ApplicationScoped
public class IntegrityKeys {

    static final String ALGORITHM = "HmacSHA256";
    private static final Logger LOG = Logger.getLogger(IntegrityKeys.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @Inject
    @ConfigProperty(name = "hub.integrity.key-file")
    Optional<String> configuredFile;

    @Inject
    @ConfigProperty(name = "hub.data-dir", defaultValue = "data")
    String dataDir;

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    private Path file;
    private volatile Ring ring;

    /** The keys read from the file: by id, the highest id current. */
    private record Ring(Map<Integer, SecretKeySpec> keys, int current) {
    }

    protected IntegrityKeys() {
    }

    /** Keys kept in this file (tests). */
    public IntegrityKeys(Path file) {
        this(file, null);
    }

    /** Keys kept in this file, never created over records of this database keyed with another key (tests). */
    public IntegrityKeys(Path file, DataSource dataSource) {
        this.file = file;
        this.dataSource = dataSource;
    }

    /** The file the keys are kept in. */
    public synchronized Path file() {
        if (file == null) {
            file = configuredFile.filter(f -> !f.isBlank()).map(Paths::get)
                    .orElseGet(() -> Paths.get(dataDir, "keys", "integrity.keys")).toAbsolutePath();
        }
        return file;
    }

    /** The id of the key that keys new records. */
    public int currentId() {
        return ring().current;
    }

    /** A MAC with the current key, for a batch of records on one thread; its id is {@link #currentId()}'s. */
    public Keyed current() {
        Ring r = ring();
        return new Keyed(r.current, mac(r.keys.get(r.current)));
    }

    /** A MAC with the key of this id, or none when the hub has no such key (then nothing it keyed can be verified). */
    public Optional<Mac> mac(int keyId) {
        SecretKeySpec key = ring().keys.get(keyId);
        if (key == null) {
            synchronized (this) {
                ring = load();
                key = ring.keys.get(keyId);
            }
        }
        return Optional.ofNullable(key).map(IntegrityKeys::mac);
    }

    /** A MAC and the id of its key. */
    public record Keyed(int keyId, Mac mac) {
        /** The MAC of this text's UTF-8 bytes, in hex. */
        public String hex(String text) {
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * Adds a new random key with the next id and makes it current. The older keys stay in the file, to verify what they
     * keyed.
     */
    public synchronized int rotate() {
        Ring old = load();
        int id = old.current + 1;
        Map<Integer, SecretKeySpec> keys = new TreeMap<>(old.keys);
        keys.put(id, newKey());
        StringBuilder text = new StringBuilder(header());
        keys.forEach(
                (k, v) -> text.append(k).append('=').append(HexFormat.of().formatHex(v.getEncoded())).append('\n'));
        try {
            Path next = file().resolveSibling(file().getFileName() + ".next");
            Files.deleteIfExists(next);
            create(next);
            Files.writeString(next, text, StandardCharsets.UTF_8);
            Files.move(next, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("The integrity key file " + file() + " could not be rewritten", e);
        }
        ring = new Ring(Collections.unmodifiableMap(keys), id);
        LOG.info(() -> "Integrity key " + id + " is now current; older keys are kept to verify what they keyed");
        return id;
    }

    private Ring ring() {
        Ring r = ring;
        if (r == null) {
            synchronized (this) {
                if (ring == null) {
                    ring = load();
                }
                r = ring;
            }
        }
        return r;
    }

    private Ring load() {
        Path path = file();
        try {
            if (!Files.exists(path)) {
                refuseNewKeyOverKeyedRecords(path);
                createWithFirstKey(path);
            }
            warnIfOthersMayRead(path);
            Map<Integer, SecretKeySpec> keys = new TreeMap<>();
            int lineNo = 0;
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                lineNo++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int eq = l.indexOf('=');
                try {
                    int id = Integer.parseInt(l.substring(0, Math.max(eq, 0)).strip());
                    byte[] key = HexFormat.of().parseHex(l.substring(eq + 1).strip());
                    if (id < 1 || id > Short.MAX_VALUE || key.length != 32 || keys.containsKey(id)) {
                        throw new IllegalArgumentException();
                    }
                    keys.put(id, new SecretKeySpec(key, ALGORITHM));
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    throw new IllegalStateException("Line " + lineNo + " of the integrity key file " + path
                            + " is not '<key id 1..32767>=<64 hex digits>' (or a key id repeats)");
                }
            }
            if (keys.isEmpty()) {
                throw new IllegalStateException("The integrity key file " + path + " holds no key");
            }
            return new Ring(Collections.unmodifiableMap(keys), ((TreeMap<Integer, SecretKeySpec>) keys).lastKey());
        } catch (IOException e) {
            throw new UncheckedIOException("The integrity key file " + path + " cannot be read", e);
        }
    }

    /**
     * A missing key file is only created when the database holds nothing keyed yet: over keyed records a new key would
     * make every one of them look forged (a container recreated without its data volume, a wrong path). The hub then
     * stops keying and says what to restore.
     */
    private void refuseNewKeyOverKeyedRecords(Path path) {
        if (dataSource == null) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT 1 FROM audit_chain WHERE last_seq > 0 LIMIT 1");
                ResultSet r = s.executeQuery()) {
            if (r.next()) {
                throw new IllegalStateException("The integrity key file " + path + " is missing, but the database "
                        + "holds records keyed with the hub's key. Restore the key file (or point "
                        + "HUB_INTEGRITY_KEY_FILE at it); the hub does not create a new key over keyed records.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not tell whether the database holds keyed records", e);
        }
    }

    private static void createWithFirstKey(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        try {
            create(path);
        } catch (FileAlreadyExistsException anotherStartWasFirst) {
            return;
        }
        Files.writeString(path, header() + "1=" + HexFormat.of().formatHex(newKey().getEncoded()) + "\n",
                StandardCharsets.UTF_8);
        LOG.info(() -> "Created the integrity key file " + path + " with key 1; back it up and keep it secret");
    }

    private static String header() {
        return "# Intercoop Hub integrity keys (HMAC-SHA256), <key id>=<key in hex>. Keep this file secret, outside the\n"
                + "# database and backed up: without it the ledger's and the audit log's chains cannot be verified.\n"
                + "# The highest id keys new records; older ids verify what they keyed.\n";
    }

    /** Creates an empty file readable and writable by its owner only (where the file system has POSIX modes). */
    private static void create(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            Files.createFile(path, ownerOnly);
        } else {
            Files.createFile(path);
        }
    }

    private static void warnIfOthersMayRead(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")
                && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(path))) {
            LOG.warning(() -> "The integrity key file " + path + " may be read by others than its owner; "
                    + "chmod 600 it");
        }
    }

    private static SecretKeySpec newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, ALGORITHM);
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java platform", e);
        }
    }
}
