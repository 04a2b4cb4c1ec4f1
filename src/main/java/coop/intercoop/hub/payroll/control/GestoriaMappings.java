package coop.intercoop.hub.payroll.control;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.accounting.control.Accounts;
import coop.intercoop.hub.accounting.entity.Account;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.payroll.entity.GestoriaAccount;
import coop.intercoop.hub.payroll.entity.PostingAccounts.Concept;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.Refusals;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The checked organisation's saved mappings of a gestoría's monthly summary to its accounts, by name: for each concept
 * of the summary the account that receives it. EclipseLink adds the organisation to every read and write. Accounts are
 * asked of accounting's {@link Accounts} (components meet through controls).
 */
@Dependent
public class GestoriaMappings {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenant tenant;

    @Inject
    AuditTrail audit;

    @Inject
    Accounts accounts;

    /** The names of the organisation's saved mappings, in order. */
    public List<String> names() {
        return em.createNamedQuery(GestoriaAccount.NAMES, String.class).getResultList();
    }

    /** The mapping's accounts by concept; empty when the organisation has no mapping of this name. */
    public Map<Concept, String> of(String name) {
        Map<Concept, String> mapping = new EnumMap<>(Concept.class);
        em.createNamedQuery(GestoriaAccount.OF_MAPPING, GestoriaAccount.class).setParameter("name", name)
                .getResultList().forEach(a -> mapping.put(a.getConcept(), a.getAccount()));
        return mapping;
    }

    /**
     * Replaces the mapping of this name with these accounts, by concept code ({@code gross-pay}).
     *
     * @throws HubException
     *             every refusal at once: a name blank or too long, a concept the summary has not, an account not in the
     *             organisation's chart
     */
    public Map<Concept, String> save(String name, Map<String, String> accountsByConcept) {
        Refusals refusals = new Refusals();
        if (name == null || name.isBlank() || name.length() > GestoriaAccount.MAX_NAME_LENGTH) {
            refusals.add(new InvalidGestoriaMappingException("name", "gestoria.name", GestoriaAccount.MAX_NAME_LENGTH));
        }
        if (accountsByConcept == null || accountsByConcept.isEmpty()) {
            refusals.add(new InvalidGestoriaMappingException("accounts", "gestoria.accounts.empty"));
            refusals.throwIfAny();
        }
        Set<String> chart = accounts.all().stream().map(Account::getCode).collect(Collectors.toSet());
        Map<Concept, String> mapping = new EnumMap<>(Concept.class);
        new TreeSet<>(accountsByConcept.keySet()).forEach(code -> {
            String account = accountsByConcept.get(code);
            Concept concept = Concept.of(code).orElse(null);
            if (concept == null) {
                refusals.add(new InvalidGestoriaMappingException("accounts." + code, "gestoria.concept.unknown", code,
                        Arrays.stream(Concept.values()).map(Concept::code).collect(Collectors.joining(", "))));
            } else if (account == null || !chart.contains(account.strip())) {
                refusals.add(new InvalidGestoriaMappingException("accounts." + code, "gestoria.account.unknown",
                        account, code));
            } else {
                mapping.put(concept, account.strip());
            }
        });
        refusals.throwIfAny();
        em.createNamedQuery(GestoriaAccount.OF_MAPPING, GestoriaAccount.class).setParameter("name", name)
                .getResultList().forEach(em::remove);
        em.flush();
        mapping.forEach((concept, account) -> em.persist(new GestoriaAccount(name, concept, account)));
        em.flush();
        audit.record(tenant.id(), "payroll.gestoria-mapping.saved", "gestoria-mapping", name, mapping.toString());
        return mapping;
    }

    /** A mapping that cannot be saved. */
    public static class InvalidGestoriaMappingException extends HubException {
        private static final long serialVersionUID = 1L;

        InvalidGestoriaMappingException(String field, String key, Object... arguments) {
            super(Kind.INVALID, field, key, arguments);
        }
    }
}
