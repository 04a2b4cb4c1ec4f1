package coop.intercoop.hub.security.boundary;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.control.LoginRefusedException;
import coop.intercoop.hub.security.control.PasswordChanges;
import coop.intercoop.hub.security.control.WrongPasswordException;
import coop.intercoop.hub.security.entity.User;
import coop.intercoop.hub.tenancy.control.Memberships;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.entity.Role;

/** "Who am I": the caller and the organisations they may act in. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@Transactional(dontRollbackOn = { WrongPasswordException.class, LoginRefusedException.class })
public class MeResource {

    @Inject
    Caller caller;

    @Inject
    Memberships memberships;

    @Inject
    Organisations organisations;

    @Inject
    PasswordChanges passwordChanges;

    public record MembershipJson(long orgId, String taxId, String name, List<String> roles) {
    }

    public record MeJson(String username, String fullName, String email, boolean hubAdmin, boolean readOnly,
            List<MembershipJson> memberships) {
    }

    public static class PasswordChange {
        @NotBlank
        public String currentPassword;
        @NotBlank
        public String newPassword;
        /** Also revoke every other personal access token of the caller (the one making this call stays valid). */
        public Boolean revokeTokens;

        public String currentPassword() {
            return currentPassword;
        }

        public String newPassword() {
            return newPassword;
        }

        public boolean revokeTokens() {
            return Boolean.TRUE.equals(revokeTokens);
        }
    }

    @GET
    @Operation(summary = "The caller, their memberships and roles")
    public MeJson me() {
        User user = caller.user();
        List<MembershipJson> of = memberships.of(user).stream().map(m -> {
            var org = organisations.find(m.getOrgId());
            return new MembershipJson(org.getId(), org.getTaxId(), org.getName(),
                    m.getRoles().stream().map(Role::code).sorted().toList());
        }).sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
        return new MeJson(user.getUsername(), user.getFullName(), user.getEmail(), user.isHubAdmin(),
                caller.isReadOnly(), of);
    }

    @PUT
    @Path("password")
    @Operation(summary = "Change the caller's password", description = "Checks the current password (wrong ones count "
            + "towards the login throttle of the caller's name: 5 failures block it for 30 s, doubling up to 1 h, "
            + "answered with 429 and Retry-After) and ends every portal session of the caller. With "
            + "\"revokeTokens\":true it also revokes the caller's other personal access tokens; the token making the "
            + "call stays valid.")
    public Response changePassword(@NotNull @Valid PasswordChange change) {
        passwordChanges.change(caller.user().getId(), change.currentPassword(), change.newPassword(),
                change.revokeTokens(), caller.tokenId().orElse(null));
        return Response.noContent().build();
    }
}
