package coop.intercoop.hub.tenancy.boundary;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import coop.intercoop.hub.security.entity.User;
import coop.intercoop.hub.tenancy.entity.Membership;
import coop.intercoop.hub.tenancy.entity.Role;

/** A membership as the API shows it, and the bodies that grant and change one. */
public record MembershipJson(long id, long orgId, long userId, String username, String fullName, List<String> roles,
        Long workCentreId, int version) {

    public static MembershipJson of(Membership m, User user) {
        return new MembershipJson(m.getId(), m.getOrgId(), m.getUserId(), user.getUsername(), user.getFullName(),
                m.getRoles().stream().map(Role::code).sorted().toList(), m.getWorkCentreId(), m.getVersion());
    }

    /** The answer to an invitation: what was asked, and a sentence that is the same whether the user exists or not. */
    public record Invited(String username, List<String> roles, String detail) {
    }

    public static class Grant {
        @NotBlank
        public String username;
        @NotEmpty
        public List<String> roles;
        public Long workCentreId;

        public String username() {
            return username;
        }

        public List<String> roles() {
            return roles;
        }

        public Long workCentreId() {
            return workCentreId;
        }

        public Set<Role> roleSet() {
            return roles.stream().map(Role::of).collect(Collectors.toSet());
        }
    }

    public static class Change {
        @NotEmpty
        public List<String> roles;
        public Long workCentreId;
        @NotNull
        public Integer version;

        public List<String> roles() {
            return roles;
        }

        public Long workCentreId() {
            return workCentreId;
        }

        public Integer version() {
            return version;
        }

        public Set<Role> roleSet() {
            return roles.stream().map(Role::of).collect(Collectors.toSet());
        }
    }
}
