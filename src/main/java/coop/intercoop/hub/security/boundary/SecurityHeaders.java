package coop.intercoop.hub.security.boundary;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The response headers that tell a browser how to treat the hub's answers:
 * <ul>
 * <li>everywhere: no MIME sniffing, never inside a frame (clickjacking), the referrer only to the hub itself, and on
 * HTTPS Strict-Transport-Security, so the browser never again reaches the hub over plain HTTP. "HTTPS" is what the
 * container says ({@link HttpServletRequest#isSecure()}): TLS on the listener, or the scheme a trusted TLS proxy
 * forwards when the launcher is told to trust one ({@code HUB_FORWARDED_PROTO_HEADER});</li>
 * <li>the API's answers and the portal's pages, which carry personal and business data: {@code Cache-Control:
 * no-store}, so neither the browser nor a proxy keeps a copy; Faces' static resources stay cacheable;</li>
 * <li>a Content-Security-Policy on everything but the portal's pages, whose policy PrimeFaces writes itself with a
 * fresh nonce for its scripts ({@code primefaces.CSP} in {@code web.xml}).</li>
 * </ul>
 * The authentication mechanism answers some API requests (401, 403) before any filter runs; it applies the same headers
 * through {@link #apply}.
 */
@WebFilter(filterName = "SecurityHeaders", urlPatterns = "/*", dispatcherTypes = { DispatcherType.REQUEST,
        DispatcherType.ERROR })
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** One year, the figure the HSTS preload list asks for. */
    public static final String HSTS = "max-age=31536000";
    /** The API answers JSON and spreadsheets: nothing in them may run, load or be framed. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";
    /** Static pages (the error pages) and resources: their own styles and images at most. */
    public static final String STATIC_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private static final String FACES_RESOURCES = "/jakarta.faces.resource/";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response);
        chain.doFilter(request, response);
    }

    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/");
        // resources are mapped like pages (theme.css.xhtml), so the prefix decides
        boolean page = !api && !path.startsWith(FACES_RESOURCES)
                && (path.endsWith(".xhtml") || path.equals("/") || path.isEmpty());
        if (api || page) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (api) {
            response.setHeader("Content-Security-Policy", API_POLICY);
        } else if (!page) {
            response.setHeader("Content-Security-Policy", STATIC_POLICY);
        }
    }
}
