package coop.intercoop.hub.tenancy.boundary;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import coop.intercoop.hub.tenancy.entity.Membership;
import coop.intercoop.hub.tenancy.entity.Role;

/** The portal's form to grant a membership or change its roles and usual work centre. */
public class MembershipForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private int version;

    @NotBlank
    @Size(max = 100)
    private String username;

    @NotEmpty
    private Role[] roles = {};

    private Long workCentreId;

    public static MembershipForm of(Membership membership, String username) {
        MembershipForm form = new MembershipForm();
        form.id = membership.getId();
        form.version = membership.getVersion();
        form.username = username;
        form.roles = membership.getRoles().toArray(Role[]::new);
        form.workCentreId = membership.getWorkCentreId();
        return form;
    }

    public Set<Role> roleSet() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(Arrays.asList(roles));
        return set;
    }

    public Long getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public Role[] getRoles() {
        return roles;
    }

    public void setRoles(Role[] roles) {
        this.roles = roles;
    }

    public Long getWorkCentreId() {
        return workCentreId;
    }

    public void setWorkCentreId(Long workCentreId) {
        this.workCentreId = workCentreId;
    }
}
