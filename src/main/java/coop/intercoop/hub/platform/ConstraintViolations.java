package coop.intercoop.hub.platform;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Takes invalid bodies and parameters from the JAX-RS runtime's own mapper, which answers without a body. */
@Provider
public class ConstraintViolations implements ExceptionMapper<ConstraintViolationException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ConstraintViolationException invalid) {
        return Problems.problemFor(invalid, Problems.language(headers)).toResponse();
    }
}
