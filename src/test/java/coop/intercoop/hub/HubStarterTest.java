package coop.intercoop.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HubStarterTest {

    @Test
    void theTrustedProxysHeaderBecomesTheHttpListenersSchemeMapping() {
        assertArrayEquals(new String[] { "set",
                "configs.config.server-config.network-config.protocols.protocol.http-listener.http.scheme-mapping="
                        + "X-Forwarded-Proto" },
                HubStarter.forwardedProtoCommand(" X-Forwarded-Proto "));
    }

    @Test
    void aHeaderSettingThatIsNotAHeaderNameIsRefusedRatherThanPassedToAsadmin() {
        assertThrows(IllegalArgumentException.class,
                () -> HubStarter.forwardedProtoCommand("X-Forwarded-Proto --enabled=false"));
        assertThrows(IllegalArgumentException.class, () -> HubStarter.forwardedProtoCommand(""));
    }
}
