package coop.intercoop.hub.platform;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.bind.JsonbException;
import jakarta.json.JsonException;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.glassfish.jersey.server.ParamException;

/**
 * Every failure of the API becomes one RFC 9457 problem: domain refusals with their message and field, invalid bodies
 * with the field that is wrong, concurrent edits as 409, the database's refusals through {@link DatabaseRefusals}, and
 * anything unexpected as a 500 carrying only an error id that is also in the log. No stack trace leaves the server. The
 * hub's own sentences are in the caller's language ({@link ApiTexts}).
 */
@Provider
public class Problems implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());
    private static final Pattern PROPERTY = Pattern.compile("(?:property|field|parameter) '?\"?([A-Za-z_][\\w.]*)");

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        Response response = problemFor(failure, language(headers)).toResponse();
        if (unwrap(failure) instanceof HubException refusal && refusal.retryAfter() != null) {
            response.getHeaders().putSingle("Retry-After", Math.max(1, refusal.retryAfter().toSeconds()));
        }
        return response;
    }

    /** The caller's language; English when there is no request to ask or its Accept-Language does not parse. */
    public static Locale language(HttpHeaders headers) {
        try {
            return ApiTexts.language(headers == null ? null : headers.getAcceptableLanguages());
        } catch (RuntimeException noRequestOrMalformedHeader) { // a failure here would leave the caller no answer
            return Locale.ENGLISH;
        }
    }

    static Problem problemFor(Throwable failure, Locale language) {
        Throwable cause = unwrap(failure);
        if (cause instanceof HubException refusal) {
            List<HubException> all = refusal.all();
            if (all.size() == 1) {
                return Problem.of(refusal.kind().status, refusal.title(language), refusal.message(language),
                        refusal.field());
            }
            List<Problem.FieldError> errors = all.stream()
                    .map(r -> new Problem.FieldError(r.field(), r.message(language))).toList();
            return new Problem("about:blank", refusal.title(language), refusal.kind().status,
                    String.join(" ", errors.stream().map(Problem.FieldError::message).toList()), refusal.field(),
                    errors);
        }
        if (cause instanceof ConstraintViolationException invalid) {
            List<Violations.Refusal> refusals = invalid.getConstraintViolations().stream()
                    .map(v -> Violations.of(v, language))
                    .sorted(Comparator.comparing(Violations.Refusal::field, Comparator.nullsFirst(String::compareTo)))
                    .toList();
            if (refusals.size() == 1 && refusals.get(0).keyed()) { // as the API's own refusal of that one value
                return Problem.of(400, titleOf(400, language), refusals.get(0).message(), refusals.get(0).field());
            }
            String detail = Violations.detail(refusals).orElse(ApiTexts.format(language, "invalid"));
            return new Problem("about:blank", titleOf(400, language), 400, detail,
                    refusals.isEmpty() ? null : refusals.get(0).field(),
                    refusals.stream().map(Violations.Refusal::error).toList());
        }
        if (cause instanceof BodyTooLargeException tooLarge) {
            return Problem.of(400, ApiTexts.format(language, "title.tooLarge"),
                    ApiTexts.format(language, "body.tooLarge", Long.toString(tooLarge.limit())), null);
        }
        if (cause instanceof JsonbException || cause instanceof JsonException) {
            return invalidJson(failure, language);
        }
        if (cause instanceof OptimisticLockException) {
            return Problem.of(409, titleOf(409, language), ApiTexts.format(language, "conflict.version"), null);
        }
        if (cause instanceof ParamException parameter && !(parameter instanceof ParamException.PathParamException)) {
            // JAX-RS answers 404 for a query parameter that does not convert; the address exists, the value is wrong
            return unconverted(parameter.getParameterName(), parameter.getCause(), language);
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 400 && web.getCause() != null) {
                return invalidJson(failure, language);
            }
            String detail = status == 404 ? ApiTexts.format(language, "notFound")
                    : status == 405 ? ApiTexts.format(language, "methodNotAllowed") : titleOf(status, language);
            return Problem.of(status, titleOf(status, language), detail, null);
        }
        Problem refused = DatabaseRefusals.problemFor(failure, language);
        if (refused != null) {
            return refused;
        }
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, error id " + errorId, failure);
        return Problem.of(500, titleOf(500, language), ApiTexts.format(language, "internal", errorId), null);
    }

    /** JSON-B's own messages name the property at fault; keep that, drop the Java noise. */
    private static Problem invalidJson(Throwable failure, Locale language) {
        String field = null;
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                messages.append(t.getMessage()).append('\n');
            }
        }
        Matcher matcher = PROPERTY.matcher(messages);
        if (matcher.find()) {
            field = matcher.group(1);
        }
        String all = messages.toString();
        String detail;
        if (all.contains("can not be mapped to a class")) {
            detail = ApiTexts.format(language, "json.unknown", field);
        } else if (field != null) {
            detail = ApiTexts.format(language, "json.wrongType", field);
        } else {
            detail = ApiTexts.format(language, "json.malformed");
        }
        return Problem.of(400, ApiTexts.format(language, "title.body"), detail, field);
    }

    /**
     * A query parameter that did not convert. A converter of the hub's ({@link DateParameters}, an enumeration's
     * {@code fromString}) says what is wrong with the value; the runtime, which wraps its refusal, knows which
     * parameter it was.
     */
    static Problem unconverted(String parameter, Throwable failure, Locale language) {
        String detail = converterRefusal(failure).map(refusal -> refusal.message(language))
                .orElseGet(() -> ApiTexts.format(language, "param.invalid", parameter));
        return Problem.of(400, titleOf(400, language), detail, parameter);
    }

    private static Optional<HubException> converterRefusal(Throwable failure) {
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof HubException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof TransactionalException || current instanceof RollbackException
                || current instanceof jakarta.ejb.EJBException
                || current instanceof jakarta.persistence.RollbackException) && current.getCause() != null) {
            current = current.getCause();
        }
        for (Throwable t = current; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return t;
            }
        }
        for (Throwable t = current; t != null; t = t.getCause()) {
            if (t instanceof HubException || t instanceof ConstraintViolationException || t instanceof ParamException
                    || t instanceof OptimisticLockException || t instanceof BodyTooLargeException
                    || t instanceof JsonbException || t instanceof JsonException) {
                return t;
            }
        }
        return current;
    }

    static String titleOf(int status, Locale language) {
        String key = "title." + (status >= 500 ? 500 : status);
        return ApiTexts.format(language, ApiTexts.has(key) ? key : "title.other");
    }
}
