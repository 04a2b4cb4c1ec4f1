package coop.intercoop.hub.security.boundary;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.control.Users;
import coop.intercoop.hub.security.entity.User;
import coop.intercoop.hub.security.control.HubAdministration;

/** The hub's users, kept by the hub administrator. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@HubAdministration
public class UsersResource {

    @Inject
    Caller caller;

    @Inject
    Users users;

    public static class UserChange {
        @NotBlank
        @Size(max = 200)
        public String fullName;
        @Email
        @Size(max = 254)
        public String email;
        @NotNull
        public Boolean active;
        @NotNull
        public Boolean hubAdmin;

        public String fullName() {
            return fullName;
        }

        public String email() {
            return email;
        }

        public Boolean active() {
            return active;
        }

        public Boolean hubAdmin() {
            return hubAdmin;
        }
    }

    public record UserJson(long id, String username, String fullName, String email, boolean hubAdmin, boolean active,
            Instant createdAt) {
        public static UserJson of(User u) {
            return new UserJson(u.getId(), u.getUsername(), u.getFullName(), u.getEmail(), u.isHubAdmin(), u.isActive(),
                    u.getCreatedAt());
        }
    }

    @GET
    @Operation(summary = "All users (hub administrator)")
    public List<UserJson> all() {
        return users.all().stream().map(UserJson::of).toList();
    }

    @POST
    @Operation(summary = "Create a user (hub administrator)")
    public Response create(@NotNull @Valid UserForm user) {
        User created = users.create(user.getUsername(), user.getFullName(), user.getEmail(), user.getPassword(),
                user.isHubAdmin());
        return Response.created(URI.create("users/" + created.getId())).entity(UserJson.of(created)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One user (hub administrator)")
    public UserJson one(@PathParam("id") long id) {
        return UserJson.of(users.find(id));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a user's name, e-mail, activity or hub administrator flag (hub administrator)")
    public UserJson change(@PathParam("id") long id, @NotNull @Valid UserChange change) {
        User user = users.find(id);
        user.describe(change.fullName(), change.email());
        users.change(caller.user(), user, change.active(), change.hubAdmin());
        return UserJson.of(user);
    }
}
