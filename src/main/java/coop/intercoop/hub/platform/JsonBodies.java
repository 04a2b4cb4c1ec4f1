package coop.intercoop.hub.platform;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Strict request bodies: an unknown field is an error rather than silently dropped (a mistyped field name must not look
 * like success), a JSON body is read by {@link StrictJson} (valid UTF-8, one JSON value, no duplicate key, every value
 * exactly of its property's type) before JSON-B binds it, and a body is cut off at {@code hub.api.max-body-bytes}
 * whether or not it declares its length. A workbook uploaded to an import (an xlsx or octet-stream body) is bounded by
 * the import's own limit instead.
 */
@Provider
@PreMatching
public class JsonBodies implements ContextResolver<Jsonb>, ContainerRequestFilter, ReaderInterceptor {

    /** Yasson's switch for refusing unknown properties. */
    private static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    /**
     * The API's JSON binding. The JSON-B implementation of the platform predates records: a record's components are
     * made visible through their fields, and input records declare a {@code @JsonbCreator} canonical constructor.
     */
    public static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true)
            .withFormatting(false).withPropertyVisibilityStrategy(new RecordComponents()));

    @Inject
    @ConfigProperty(name = "hub.api.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSON;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (request.getLength() > maxBodyBytes && !isFile(request.getMediaType())) {
            throw new BodyTooLargeException(maxBodyBytes);
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isFile(context.getMediaType())) {
            context.setInputStream(new Limited(context.getInputStream(), maxBodyBytes));
        }
        if (isJson(context.getMediaType()) && StrictJson.binds(context.getType())) {
            byte[] body = context.getInputStream().readAllBytes();
            if (body.length > 0) { // an absent body stays absent: @NotNull on the body refuses it
                StrictJson.read(body, charset(context.getMediaType()), context.getGenericType());
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type != null
                && (MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.getSubtype().endsWith("+json"));
    }

    /** JSON is UTF-8 (RFC 8259, 8.1); a declared charset is honoured, and either way malformed bytes are refused. */
    private static Charset charset(MediaType type) {
        String declared = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * A file sent as the body (a workbook to import, a page of the procurement platform's feed, an ESPD request, a
     * document of a bid): any body but JSON, a form or plain text, which its resource reads and bounds itself
     * ({@link #limited}); a resource that takes no such type answers 415 before any of it is read.
     */
    private static boolean isFile(MediaType type) {
        return type != null && !isJson(type) && !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)
                && !("text".equals(type.getType()) && !"xml".equals(type.getSubtype()));
    }

    /** A file's body cut off at {@code limit} bytes: reading beyond them throws {@link BodyTooLargeException}. */
    public static InputStream limited(InputStream body, long limit) {
        return new Limited(body, limit);
    }

    private static final class RecordComponents implements PropertyVisibilityStrategy {
        @Override
        public boolean isVisible(Field field) {
            return field.getDeclaringClass().isRecord() ? !Modifier.isStatic(field.getModifiers())
                    : Modifier.isPublic(field.getModifiers());
        }

        @Override
        public boolean isVisible(Method method) {
            return !method.getDeclaringClass().isRecord() && Modifier.isPublic(method.getModifiers());
        }
    }

    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
