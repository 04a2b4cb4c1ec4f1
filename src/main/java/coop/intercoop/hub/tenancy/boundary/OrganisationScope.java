package coop.intercoop.hub.tenancy.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import coop.intercoop.hub.tenancy.control.OrganisationAccess;

/**
 * Every API request whose path names an organisation ({@code /api/v1/orgs/{org}/...}) is checked against the caller's
 * memberships before any resource runs; a resource cannot forget to. Not a member: 404.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class OrganisationScope implements ContainerRequestFilter {

    public static final String ORG = "org";

    @Inject
    OrganisationAccess access;

    @Override
    public void filter(ContainerRequestContext request) {
        String org = request.getUriInfo().getPathParameters().getFirst(ORG);
        if (org != null) {
            access.enter(org);
        }
    }
}
