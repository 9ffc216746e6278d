package org.tandem.notification;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which receivers a webhook may reach while private addresses are not allowed: a table of addresses. */
class DestinationsTest {

    @ParameterizedTest(name = "{0} private: {1}")
    @CsvSource({
            "127.0.0.1, true", "127.8.9.10, true", "10.1.2.3, true", "172.16.0.1, true", "172.31.255.255, true",
            "192.168.1.1, true", "169.254.169.254, true", "0.0.0.0, true", "100.64.0.1, true", "100.127.255.255, true",
            "198.18.0.1, true", "224.0.0.1, true", "255.255.255.255, true", "::1, true", "fe80::1, true",
            "fd00::1, true", "fc00::1, true", "::, true", "::ffff:127.0.0.1, true",
            "8.8.8.8, false", "172.32.0.1, false", "100.128.0.1, false", "192.169.0.1, false", "203.0.113.9, false",
            "2001:4860:4860::8888, false" })
    void addresses(String address, boolean isPrivate) throws UnknownHostException {
        assertEquals(isPrivate, Destinations.isPrivate(InetAddress.getByName(address)));
    }

    @ParameterizedTest(name = "{0} refused when saved")
    @CsvSource({ "http://localhost:8080/hook", "http://LOCALHOST./hook", "http://a.localhost/hook",
            "http://127.0.0.1:9/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]:8080/hook",
            "http://10.0.0.7/hook", "https://[fd12::7]/hook" })
    void literalPrivateHostsAreRefusedWhenSaved(String url) {
        assertTrue(Destinations.refusalOfHost(URI.create(url)) != null, url);
    }

    @ParameterizedTest(name = "{0} accepted when saved")
    @CsvSource({ "https://hooks.example.org/tandem", "http://8.8.8.8/hook", "https://[2001:4860:4860::8888]/hook" })
    void publicOrNamedHostsAreAcceptedWhenSaved(String url) {
        assertNull(Destinations.refusalOfHost(URI.create(url)), url);
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsNotPublic() throws UnknownHostException {
        InetAddress[] mixed = { InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.1.2.3") };
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Destinations.checkPublic("hooks.example.org", mixed));
        assertTrue(refused.getMessage().contains("10.1.2.3, which is not a public address"), refused.getMessage());
        assertDoesNotThrow(() -> Destinations.checkPublic("hooks.example.org", new InetAddress[] { mixed[0] }));
    }

    @ParameterizedTest(name = "{0} is looked up as {1}")
    @CsvSource({ "https://Hooks.Example.ORG./tandem, hooks.example.org", "http://[2001:db8::1]:8443/, 2001:db8::1",
            "http://8.8.8.8/hook, 8.8.8.8", "http:/no-host, ''" })
    void theHostIsLookedUpInLowerCaseWithoutBracketsOrATrailingDot(String url, String host) {
        assertEquals(host, Destinations.hostOf(URI.create(url)));
    }
}
