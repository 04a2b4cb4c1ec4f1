package coop.intercoop.hub.tenancy.boundary;

import java.io.Serializable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import coop.intercoop.hub.tenancy.entity.ValidCcc;
import coop.intercoop.hub.tenancy.entity.WorkCentre;
import coop.intercoop.hub.tenancy.entity.PostalCode;

/**
 * A work centre as a person or a script enters it: the portal's form and the API's request body alike, so a field is
 * checked by the same constraints and shows the same message in the browser as in a problem answer. The API's
 * {@code PUT} must carry the {@code version} it read.
 */
public class WorkCentreForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private Integer version;

    @NotBlank
    @Size(max = 200)
    private String name;

    @NotBlank
    @Size(max = 300)
    private String address;

    @NotNull
    @Pattern(regexp = PostalCode.PATTERN, message = "{hub.postalCode}")
    private String postalCode;

    @NotBlank
    @Size(max = 100)
    private String municipality;

    @NotNull
    @ValidCcc
    private String ccc;

    public static WorkCentreForm of(WorkCentre centre) {
        WorkCentreForm form = new WorkCentreForm();
        form.id = centre.getId();
        form.version = centre.getVersion();
        form.name = centre.getName();
        form.address = centre.getAddress();
        form.postalCode = centre.getPostalCode();
        form.municipality = centre.getMunicipality();
        form.ccc = centre.getCcc();
        return form;
    }

    public boolean isNew() {
        return id == null;
    }

    public Long getId() {
        return id;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getMunicipality() {
        return municipality;
    }

    public void setMunicipality(String municipality) {
        this.municipality = municipality;
    }

    public String getCcc() {
        return ccc;
    }

    public void setCcc(String ccc) {
        this.ccc = ccc;
    }
}
