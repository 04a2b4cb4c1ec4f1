package coop.intercoop.hub.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * The procurement platform's feed as the hubs under test read it ({@code hub.tenders.feed.url}): a local HTTP server,
 * never the internet, serving the pages a test puts at its paths (the head page at {@link #HEAD}); a path without a
 * page answers 404. Its port is chosen when the hub's options are written, before the hub starts, and the server starts
 * with the first test that serves pages.
 */
public final class FeedServer {

    /** The path of the feed's head page. */
    public static final String HEAD = "/sindicacion_643/licitacionesPerfilesContratanteCompleto3.atom";

    private static final int PORT = freePort();
    private static final Map<String, byte[]> PAGES = new ConcurrentHashMap<>();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static HttpServer server;

    private FeedServer() {
    }

    /** The head page's address, for the hub's options. */
    public static String head() {
        return origin() + HEAD;
    }

    /** Where the pages are served: scheme, host and port. */
    public static String origin() {
        return "http://127.0.0.1:" + PORT;
    }

    /** Serves {@code page} at {@code path} from now on, the server started if it was not. */
    public static synchronized void serve(String path, String page) {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                REQUESTS.incrementAndGet();
                byte[] body = PAGES.get(exchange.getRequestURI().getPath());
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.getResponseHeaders().set("Content-Type", "application/atom+xml");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
                exchange.close();
            });
            server.start();
        }
        PAGES.put(path, page.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves nothing at {@code path} any more. */
    public static void remove(String path) {
        PAGES.remove(path);
    }

    /** How many requests the server has answered. */
    public static int requests() {
        return REQUESTS.get();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
