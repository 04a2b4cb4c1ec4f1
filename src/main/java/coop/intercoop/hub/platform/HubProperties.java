package coop.intercoop.hub.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * {@code config/hub.properties} (or the file {@code HUB_CONFIG} names): the installation's settings. Its ordinal, 250,
 * puts it above the application's defaults (100) and below environment variables (300) and system properties (400).
 */
public class HubProperties implements ConfigSource {

    private final Map<String, String> properties = load();

    private static Map<String, String> load() {
        String file = System.getenv().getOrDefault("HUB_CONFIG", "config/hub.properties");
        Path path = Paths.get(file);
        Map<String, String> values = new HashMap<>();
        if (Files.isRegularFile(path)) {
            Properties loaded = new Properties();
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                loaded.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the configuration file " + path.toAbsolutePath(), e);
            }
            loaded.stringPropertyNames().forEach(name -> values.put(name, loaded.getProperty(name)));
        }
        return Map.copyOf(values);
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "hub.properties";
    }

    @Override
    public int getOrdinal() {
        return 250;
    }
}
