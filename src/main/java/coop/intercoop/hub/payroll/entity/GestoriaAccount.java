package coop.intercoop.hub.payroll.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One line of a gestoría mapping: the account of the organisation's chart that receives one
 * {@link PostingAccounts.Concept} of the gestoría's monthly summary. Tenant-scoped; a mapping is the lines of one name.
 */
@Entity
@Table(name = "payroll_gestoria_mapping")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "org_id")
@NamedQuery(name = GestoriaAccount.OF_MAPPING, query = "SELECT a FROM GestoriaAccount a WHERE a.name = :name"
        + " ORDER BY a.id")
@NamedQuery(name = GestoriaAccount.NAMES, query = "SELECT DISTINCT a.name FROM GestoriaAccount a ORDER BY a.name")
public class GestoriaAccount {

    public static final String OF_MAPPING = "GestoriaAccount.ofMapping";
    public static final String NAMES = "GestoriaAccount.names";

    /** The longest name of a mapping, that of its column. */
    public static final int MAX_NAME_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String concept;
    private String account;

    protected GestoriaAccount() {
    }

    public GestoriaAccount(String name, PostingAccounts.Concept concept, String account) {
        this.name = name;
        this.concept = concept.code();
        this.account = account;
    }

    public String getName() {
        return name;
    }

    public PostingAccounts.Concept getConcept() {
        return PostingAccounts.Concept.of(concept).orElseThrow();
    }

    public String getAccount() {
        return account;
    }
}
