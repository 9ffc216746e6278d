package org.tandem.notification;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * POSTs one delivery to its receiver, with Vert.x's HTTP client and the timeouts of {@link WebhookConfig}.
 * <p>
 * The receiver's host name is resolved once per delivery, the addresses are checked ({@link Destinations}, unless
 * private addresses are allowed), and the connection goes to the address that was checked: a name cannot resolve to
 * a public address for the check and to the service's own network for the connection (DNS rebinding). An address
 * that takes no connection gives way to the next one the name resolved to. The request still names the host, for
 * the {@code Host} header, TLS's server name and the certificate's check. Redirects are not followed; the answer's
 * body is read and dropped.
 */
@Singleton
class WebhookClient {

    /** Looks a host name up: the JDK's resolver, or a test's. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final WebhookConfig config;
    private final Resolver resolver;
    private final HttpClient client;

    @Inject
    WebhookClient(Vertx vertx, WebhookConfig config) {
        this(vertx, config, InetAddress::getAllByName);
    }

    WebhookClient(Vertx vertx, WebhookConfig config, Resolver resolver) {
        this.config = config;
        this.resolver = resolver;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis()).setVerifyHost(true).setForceSni(true)
                .setMaxPoolSize(Math.max(1, config.batchSize())));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * Sends {@code body} with {@code headers} and answers the receiver's status; fails with why it could not (a
     * refused or unknown host, no address that takes a connection, a TLS failure, no answer within the request
     * timeout). Never throws; completes within the request timeout (each connection takes at most the connect
     * timeout of it).
     */
    CompletableFuture<Integer> post(String url, Map<String, String> headers, byte[] body) {
        Target target;
        try {
            target = targetOf(URI.create(url));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Integer> outcome = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        // No handler is set on the answer: Vert.x drops its body. These steps are chained on the caller's thread
        // while the answer may already have ended on the event loop, and a handler set then is refused ("Response
        // already ended"), which turned a receiver's 2xx into a failed attempt.
        CompletableFuture<Integer> answer = connect(target, headers, 0).compose(exchange -> {
            sent.set(exchange);
            if (outcome.isDone()) {
                // Connected after the request timeout, which saw no request to reset, or will: not sent.
                exchange.reset();
                return Future.failedFuture(new TimeoutException("connected too late"));
            }
            return exchange.send(Buffer.buffer(body));
        }).compose(response -> response.end().map(done -> response.statusCode())).toCompletionStage()
                .toCompletableFuture();
        // As the JDK's client did: the request timeout runs from the start, the connections included.
        answer.orTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((status, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                    : failure;
            if (cause == null) {
                outcome.complete(status);
            } else if (cause instanceof TimeoutException) {
                outcome.completeExceptionally(new TimeoutException("no answer within " + config.requestTimeout()));
                if (sent.get() != null) {
                    sent.get().reset();
                }
            } else {
                outcome.completeExceptionally(cause);
            }
        });
        return outcome;
    }

    /**
     * A connection to the target's address {@code next}, or else to the next one that takes it, in the resolver's
     * order: nothing has been sent on a connection that failed, so the next address cannot receive it twice.
     */
    private Future<HttpClientRequest> connect(Target target, Map<String, String> headers, int next) {
        return client.request(target.to(next, headers)).recover(failure -> next + 1 < target.addresses().length
                ? connect(target, headers, next + 1)
                : Future.failedFuture(failure));
    }

    /** A request's host, port, scheme and path and query as sent, and the checked addresses to connect to. */
    private record Target(String host, int port, boolean ssl, String uri, InetAddress[] addresses) {

        /** The request to the address {@code index}, naming the host. */
        RequestOptions to(int index, Map<String, String> headers) {
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setFollowRedirects(false)
                    .setHost(host).setPort(port).setSsl(ssl).setURI(uri)
                    .setServer(SocketAddress.inetSocketAddress(port, addresses[index].getHostAddress()));
            headers.forEach(request::putHeader);
            return request;
        }
    }

    /** Where the request goes: the URL's host, port and path, and the checked addresses to connect to. */
    private Target targetOf(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an http or https URL");
        }
        boolean ssl = scheme.equals("https");
        String host = Destinations.hostOf(url);
        int port = url.getPort() == -1 ? ssl ? 443 : 80 : url.getPort();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("unknown host " + host);
        }
        if (addresses.length == 0) {
            throw new IllegalStateException("unknown host " + host);
        }
        if (!config.allowPrivateAddresses()) {
            Destinations.checkPublic(host, addresses);
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return new Target(host, port, ssl, url.getRawQuery() == null ? path : path + "?" + url.getRawQuery(),
                addresses);
    }
}
