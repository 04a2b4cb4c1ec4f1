package coop.intercoop.hub.tenancy.boundary;

import java.time.Instant;

import coop.intercoop.hub.tenancy.entity.Organisation;
import coop.intercoop.hub.tenancy.entity.OrganisationType;

public record OrganisationJson(long id, String taxId, String name, OrganisationType type, Instant createdAt,
        int version) {
    public static OrganisationJson of(Organisation o) {
        return new OrganisationJson(o.getId(), o.getTaxId(), o.getName(), o.getType(), o.getCreatedAt(),
                o.getVersion());
    }
}
