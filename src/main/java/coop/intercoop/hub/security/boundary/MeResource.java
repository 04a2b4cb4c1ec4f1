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

import coop.intercoop.hub.platform.MissingBodyException;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.control.Passwords;
import coop.intercoop.hub.security.control.Users;
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
@Transactional
public class MeResource {

    @Inject
    Caller caller;

    @Inject
    Memberships memberships;

    @Inject
    Organisations organisations;

    @Inject
    Passwords passwords;

    @Inject
    Users users;

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

        public String currentPassword() {
            return currentPassword;
        }

        public String newPassword() {
            return newPassword;
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
    @Operation(summary = "Change the caller's password")
    public Response changePassword(@Valid PasswordChange change) {
        MissingBodyException.require(change);
        User user = caller.user();
        if (!passwords.verify(change.currentPassword(), user.getPasswordHash())) {
            throw new WrongPasswordException();
        }
        users.changePassword(user, change.newPassword());
        return Response.noContent().build();
    }

    public static class WrongPasswordException extends HubException {
        private static final long serialVersionUID = 1L;

        public WrongPasswordException() {
            super(Kind.INVALID, "currentPassword", "The current password is wrong.");
        }
    }
}
