package coop.intercoop.hub.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** The runner's settings under their names, under the names they had when imports were the only jobs, or by default. */
class JobSettingsTest {

    private static JobSettings read(Map<String, Integer> values) {
        JobSettings settings = new JobSettings();
        settings.config = (Config) Proxy.newProxyInstance(Config.class.getClassLoader(),
                new Class<?>[] { Config.class }, (self, method, args) -> {
                    if (method.getName().equals("getOptionalValue")) {
                        return Optional.ofNullable(values.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        settings.read();
        return settings;
    }

    @Test
    void theRunnersNamesWinOverTheImportsFormerNames() {
        JobSettings settings = read(
                Map.of("hub.jobs.workers", 4, "hub.import.workers", 1, "hub.import.stale-seconds", 5));
        assertEquals(4, settings.workers());
        assertEquals(5, settings.staleSeconds(), "a hub configured before the runner keeps its setting");
        assertEquals(3, settings.maxAttempts(), "the default");
    }

    @Test
    void withNothingSetTheDefaultsHold() {
        JobSettings settings = read(Map.of());
        assertEquals(2, settings.workers());
        assertEquals(60, settings.staleSeconds());
        assertEquals(3, settings.maxAttempts());
    }
}
