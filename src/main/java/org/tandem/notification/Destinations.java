package org.tandem.notification;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where webhooks may be sent. Unless {@code tandem.webhooks.allow-private-addresses} is set, a receiver must be on the
 * public internet: a host that is, or resolves to, a loopback, private, link-local (the cloud metadata address
 * 169.254.169.254 among them), carrier-grade NAT, unique-local, multicast or unspecified address is refused, so that
 * a webhook cannot be turned against the service's own network. A literal address or {@code localhost} is refused
 * when the webhook is saved; a name is resolved again before each delivery, since its addresses may change, and
 * {@link WebhookClient} connects to the address it checked.
 */
final class Destinations {

    private Destinations() {
    }

    /** Why a webhook may not be saved with this URL's host, or null: only what needs no name lookup. */
    static String refusalOfHost(URI url) {
        String host = hostOf(url);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return "must not be this machine (localhost)";
        }
        if (!isLiteral(host)) {
            return null;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            return isPrivate(address) ? "must be a public address, not " + address.getHostAddress() : null;
        } catch (UnknownHostException e) {
            return "is not a valid address";
        }
    }

    /**
     * Refuses (IllegalStateException, recorded as the delivery's error) when any of the addresses {@code host} resolved
     * to is not public.
     */
    static void checkPublic(String host, InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                throw new IllegalStateException("refused: " + host + " resolves to " + address.getHostAddress()
                        + ", which is not a public address (tandem.webhooks.allow-private-addresses)");
            }
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 0.0.0.0/8 (this network), 100.64.0.0/10 (carrier-grade NAT), 192.0.0.0/24 (protocol assignments),
            // 198.18.0.0/15 (benchmarking), 240.0.0.0/4 (reserved, broadcast included)
            return first == 0 || first == 100 && (second & 0xc0) == 64 || first == 192 && second == 0 && bytes[2] == 0
                    || first == 198 && (second & 0xfe) == 18 || first >= 240;
        }
        // fc00::/7: unique local addresses; an IPv4-mapped address is judged as the IPv4 address by InetAddress.
        return (bytes[0] & 0xfe) == 0xfc;
    }

    /** The URL's host as it is looked up: lower case, without an IPv6 literal's brackets or a trailing dot. */
    static String hostOf(URI url) {
        String host = url.getHost();
        if (host == null) {
            return "";
        }
        host = host.toLowerCase(Locale.ROOT);
        // An IPv6 literal comes in brackets; a trailing dot names the same host.
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }
}
