package coop.intercoop.hub.platform;

import java.util.List;
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
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every failure of the API becomes one RFC 9457 problem: domain refusals with their message and field, invalid bodies
 * with the field that is wrong, concurrent edits as 409, and anything unexpected as a 500 carrying only an error id
 * that is also in the log. No stack trace leaves the server.
 */
@Provider
public class Problems implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());
    private static final Pattern PROPERTY = Pattern.compile("(?:property|field|parameter) '?\"?([A-Za-z_][\\w.]*)");

    @Override
    public Response toResponse(Throwable failure) {
        Response response = problemFor(failure).toResponse();
        if (unwrap(failure) instanceof HubException refusal && refusal.retryAfter() != null) {
            response.getHeaders().putSingle("Retry-After", Math.max(1, refusal.retryAfter().toSeconds()));
        }
        return response;
    }

    static Problem problemFor(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof HubException refusal) {
            return Problem.of(refusal.kind().status, titleOf(refusal.kind().status), refusal.getMessage(),
                    refusal.field());
        }
        if (cause instanceof ConstraintViolationException invalid) {
            List<Problem.FieldError> errors = invalid.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                    .sorted((a, b) -> a.field().compareTo(b.field())).toList();
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                    .orElse("The request is invalid");
            return new Problem("about:blank", "Invalid request", 400, detail,
                    errors.isEmpty() ? null : errors.get(0).field(), errors);
        }
        if (cause instanceof BodyTooLargeException tooLarge) {
            return Problem.of(400, "Request body too large", tooLarge.getMessage(), null);
        }
        if (cause instanceof JsonbException || cause instanceof JsonException) {
            return invalidJson(failure);
        }
        if (cause instanceof OptimisticLockException) {
            return Problem.of(409, "Conflict",
                    "Someone else changed this record after you read it; reload it and apply your change again.", null);
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 400 && web.getCause() != null) {
                return invalidJson(failure);
            }
            String detail = status == 404 ? "Nothing exists at this address, or it is not yours to see."
                    : status == 405 ? "This method is not allowed here." : titleOf(status);
            return Problem.of(status, titleOf(status), detail, null);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, error id " + errorId, failure);
        return Problem.of(500, "Internal error",
                "The hub could not complete the request; nothing was changed. Error id " + errorId + ".", null);
    }

    /** JSON-B's own messages name the property at fault; keep that, drop the Java noise. */
    private static Problem invalidJson(Throwable failure) {
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
            detail = "Unknown field '" + field + "' in the request body.";
        } else if (field != null) {
            detail = "The field '" + field + "' has a value of the wrong type or format.";
        } else {
            detail = "The request body is not valid JSON.";
        }
        return Problem.of(400, "Invalid request body", detail, field);
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                field = node.getName();
            }
        }
        return field == null ? "" : field;
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
            if (t instanceof HubException || t instanceof ConstraintViolationException
                    || t instanceof OptimisticLockException || t instanceof BodyTooLargeException
                    || t instanceof JsonbException || t instanceof JsonException) {
                return t;
            }
        }
        return current;
    }

    static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 415 -> "Unsupported media type";
            case 429 -> "Too many attempts";
            default -> status >= 500 ? "Internal error" : "Request refused";
        };
    }
}
