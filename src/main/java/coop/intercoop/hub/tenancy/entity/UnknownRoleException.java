package coop.intercoop.hub.tenancy.entity;

import java.util.Arrays;
import java.util.stream.Collectors;

import coop.intercoop.hub.platform.HubException;

public class UnknownRoleException extends HubException {

    private static final long serialVersionUID = 1L;

    public UnknownRoleException(String code) {
        super(Kind.INVALID, "roles", "role.unknown",
                new Object[] { code, Arrays.stream(Role.values()).map(Role::code).collect(Collectors.joining(", ")) });
    }
}
