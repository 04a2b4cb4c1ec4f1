package coop.intercoop.hub.platform;

import java.util.List;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problem details, with the extension members {@code field} (the offending request field) and {@code errors}
 * (one entry per invalid field).
 */
@JsonbPropertyOrder({ "type", "title", "status", "detail", "field", "errors" })
@JsonbNillable(false)
public record Problem(String type, String title, int status, String detail, String field, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String title, String detail, String field) {
        return new Problem("about:blank", title, status, detail, field, null);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
