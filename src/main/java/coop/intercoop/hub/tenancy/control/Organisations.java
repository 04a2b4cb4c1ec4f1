package coop.intercoop.hub.tenancy.control;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.entity.Organisation;
import coop.intercoop.hub.tenancy.entity.OrganisationType;
import coop.intercoop.hub.tenancy.entity.TaxId;

/** The register of member organisations, kept by the hub administrator. */
@Dependent
public class Organisations {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    public List<Organisation> all() {
        return em.createNamedQuery(Organisation.ALL, Organisation.class).getResultList();
    }

    public Organisation find(long id) {
        return Optional.ofNullable(em.find(Organisation.class, id))
                .orElseThrow(() -> new NotFoundException("organisation", id));
    }

    public Optional<Organisation> byTaxId(String taxId) {
        return em.createNamedQuery(Organisation.BY_TAX_ID, Organisation.class)
                .setParameter("taxId", TaxId.normalise(taxId)).getResultStream().findFirst();
    }

    public Organisation register(String taxId, String name, OrganisationType type) {
        Organisation organisation = new Organisation(taxId, name, type);
        if (byTaxId(organisation.getTaxId()).isPresent()) {
            throw new DuplicateOrganisationException(organisation.getTaxId());
        }
        em.persist(organisation);
        em.flush();
        audit.record(organisation.getId(), "organisation.registered", "organisation",
                String.valueOf(organisation.getId()), organisation.getTaxId() + " " + organisation.getName());
        return organisation;
    }

    public Organisation change(long id, String name, OrganisationType type) {
        Organisation organisation = find(id);
        organisation.rename(name, type);
        audit.record(id, "organisation.changed", "organisation", String.valueOf(id), name + ", " + type);
        return organisation;
    }

    public static class DuplicateOrganisationException extends HubException {
        private static final long serialVersionUID = 1L;

        public DuplicateOrganisationException(String taxId) {
            super(Kind.CONFLICT, "taxId", "organisation.duplicate", new Object[] { taxId });
        }
    }
}
