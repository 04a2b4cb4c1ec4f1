package coop.intercoop.hub.tenancy.boundary;

import java.io.Serializable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import coop.intercoop.hub.tenancy.entity.Organisation;
import coop.intercoop.hub.tenancy.entity.OrganisationType;
import coop.intercoop.hub.tenancy.entity.ValidTaxId;

/** An organisation as the portal's form and the API's registration body take it, with one set of constraints. */
public class OrganisationForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;

    @NotNull
    @ValidTaxId
    private String taxId;

    @NotBlank
    @Size(max = 200)
    private String name;

    @NotNull
    private OrganisationType type;

    public static OrganisationForm of(Organisation organisation) {
        OrganisationForm form = new OrganisationForm();
        form.id = organisation.getId();
        form.taxId = organisation.getTaxId();
        form.name = organisation.getName();
        form.type = organisation.getType();
        return form;
    }

    public Long getId() {
        return id;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public OrganisationType getType() {
        return type;
    }

    public void setType(OrganisationType type) {
        this.type = type;
    }
}
