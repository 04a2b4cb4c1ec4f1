package coop.intercoop.hub.tenancy.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A member organisation of the hub, and the tenant of everything it keeps here. */
@Entity
@Table(name = "organisation")
@NamedQuery(name = Organisation.ALL, query = "SELECT o FROM Organisation o ORDER BY o.name")
@NamedQuery(name = Organisation.BY_TAX_ID, query = "SELECT o FROM Organisation o WHERE o.taxId = :taxId")
public class Organisation {

    public static final String ALL = "Organisation.all";
    public static final String BY_TAX_ID = "Organisation.byTaxId";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotNull
    @ValidTaxId
    @Column(name = "tax_id")
    private String taxId;

    @NotBlank
    @Size(max = 200)
    private String name;

    @NotNull
    @Enumerated(EnumType.STRING)
    private OrganisationType type;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Organisation() {
    }

    public Organisation(String taxId, String name, OrganisationType type) {
        this.taxId = TaxId.of(taxId).value();
        this.name = name == null ? null : name.strip();
        this.type = type;
        this.createdAt = Instant.now();
    }

    public void rename(String newName, OrganisationType newType) {
        this.name = newName == null ? null : newName.strip();
        this.type = newType;
    }

    public Long getId() {
        return id;
    }

    public String getTaxId() {
        return taxId;
    }

    public String getName() {
        return name;
    }

    public OrganisationType getType() {
        return type;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getVersion() {
        return version;
    }
}
