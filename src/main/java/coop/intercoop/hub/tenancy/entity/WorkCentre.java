package coop.intercoop.hub.tenancy.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A physical site of an organisation (centro de trabajo), registered with the Social Security under its own
 * contribution account code (CCC). Tenant-scoped: EclipseLink adds {@code org_id} to every read and write.
 */
@Entity
@Table(name = "work_centre")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "org_id")
@NamedQuery(name = WorkCentre.ALL, query = "SELECT w FROM WorkCentre w ORDER BY w.name")
public class WorkCentre {

    public static final String ALL = "WorkCentre.all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = 200)
    private String name;

    @NotBlank
    @Size(max = 300)
    private String address;

    @NotNull
    @Pattern(regexp = PostalCode.PATTERN, message = "{hub.postalCode}")
    @Column(name = "postal_code")
    private String postalCode;

    @NotBlank
    @Size(max = 100)
    private String municipality;

    @NotNull
    @ValidCcc
    private String ccc;

    @Version
    private int version;

    protected WorkCentre() {
    }

    public WorkCentre(String name, String address, String postalCode, String municipality, String ccc) {
        change(name, address, postalCode, municipality, ccc);
    }

    public final void change(String name, String address, String postalCode, String municipality, String ccc) {
        this.name = strip(name);
        this.address = strip(address);
        this.postalCode = strip(postalCode);
        this.municipality = strip(municipality);
        this.ccc = ContributionAccountCode.of(ccc).value();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getMunicipality() {
        return municipality;
    }

    public String getCcc() {
        return ccc;
    }

    public int getVersion() {
        return version;
    }
}
