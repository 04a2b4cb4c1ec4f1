package coop.intercoop.hub.security.boundary;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.security.control.ApiTokens;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.control.LoginRefusedException;
import coop.intercoop.hub.security.entity.ApiToken;
import coop.intercoop.hub.security.entity.User;

/** Personal access tokens: made with name and password, listed and revoked by their owner. */
@Path("tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens")
public class TokensResource {

    @Inject
    Authenticator authenticator;

    @Inject
    ApiTokens tokens;

    @Inject
    Caller caller;

    public static class TokenRequest {
        @NotBlank
        public String username;
        @NotBlank
        public String password;
        @NotBlank
        @Size(max = 100)
        public String name;
        @NotNull
        public Integer expiresInDays;
        public Boolean readOnly;

        public String username() {
            return username;
        }

        public String password() {
            return password;
        }

        public String name() {
            return name;
        }

        public Integer expiresInDays() {
            return expiresInDays;
        }

        public Boolean readOnly() {
            return readOnly;
        }
    }

    public record TokenJson(long id, String name, boolean readOnly, Instant createdAt, Instant expiresAt,
            Instant revokedAt, Instant lastUsedAt) {
        static TokenJson of(ApiToken t) {
            return new TokenJson(t.getId(), t.getName(), t.isReadOnly(), t.getCreatedAt(), t.getExpiresAt(),
                    t.getRevokedAt(), t.getLastUsedAt());
        }
    }

    /** The only answer that contains the secret. */
    public record IssuedTokenJson(long id, String name, boolean readOnly, Instant expiresAt, String token) {
    }

    @POST
    @SecurityRequirements
    @Operation(summary = "Make a personal access token", description = "Authenticates with the user's name and "
            + "password (throttled after 5 failures) and answers the token once; the hub keeps only its hash.")
    @Transactional(dontRollbackOn = LoginRefusedException.class)
    public Response create(@NotNull @Valid TokenRequest request) {
        User user = authenticator.login(request.username(), request.password());
        ApiTokens.Issued issued = tokens.issue(user, request.name(), request.expiresInDays(),
                Boolean.TRUE.equals(request.readOnly()));
        ApiToken t = issued.token();
        return Response.created(URI.create("tokens/" + t.getId()))
                .entity(new IssuedTokenJson(t.getId(), t.getName(), t.isReadOnly(), t.getExpiresAt(), issued.secret()))
                .build();
    }

    @GET
    @Operation(summary = "The caller's tokens, without their secrets")
    @Transactional
    public List<TokenJson> mine() {
        return tokens.of(caller.user()).stream().map(TokenJson::of).toList();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke one of the caller's tokens")
    @Transactional
    public TokenJson revoke(@PathParam("id") long id) {
        return TokenJson.of(tokens.revoke(caller.user(), id));
    }
}
