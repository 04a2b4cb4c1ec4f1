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

    /** How long the hubs under test wait for the feed: short, so that a stalled page is given up soon. */
    public static final int TIMEOUT_SECONDS = 5;

    /** The path of the feed's head page. */
    public static final String HEAD = "/sindicacion_643/licitacionesPerfilesContratanteCompleto3.atom";

    private static final int PORT = freePort();
    private static final Map<String, byte[]> PAGES = new ConcurrentHashMap<>();
    /** The paths whose pages stop coming halfway: their first half is sent, then nothing for a minute. */
    private static final java.util.Set<String> STALLING = ConcurrentHashMap.newKeySet();
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
        STALLING.remove(path);
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
                        if (STALLING.contains(exchange.getRequestURI().getPath())) {
                            out.write(body, 0, body.length / 2);
                            out.flush();
                            Thread.sleep(60_000);
                        }
                        out.write(body);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (IOException gone) {
                        // the reader gave up and closed the connection
                    }
                }
                exchange.close();
            });
            // a thread per request: a page that stalls holds its own thread only
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "feed-server");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
        }
        PAGES.put(path, page.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves nothing at {@code path} any more. */
    public static void remove(String path) {
        PAGES.remove(path);
        STALLING.remove(path);
    }

    /** Serves {@code page} at {@code path}, stopping halfway for a minute. */
    public static void serveStalling(String path, String page) {
        serve(path, page);
        STALLING.add(path);
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
