package coop.intercoop.hub.payroll.boundary;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.payroll.control.GestoriaMappings;
import coop.intercoop.hub.payroll.entity.PostingAccounts.Concept;
import coop.intercoop.hub.platform.NotFoundException;

/**
 * The organisation's saved mappings of a gestoría's monthly payroll summary to its accounts, by name: which account
 * receives each concept of the summary when it is imported ({@code payroll-gestoria-summary}). Payroll figures of the
 * whole organisation, so the roles that handle personnel only.
 */
@Path("orgs/{org}/payroll/gestoria-mappings/{name}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payroll")
@HandlesPersonnel
public class GestoriaMappingsResource {

    @Inject
    GestoriaMappings mappings;

    /** A mapping: the account of each concept it sets, by concept code ({@code gross-pay}, {@code net-pay}, ...). */
    public record MappingJson(String name, Map<String, String> accounts) {
        static MappingJson of(String name, Map<Concept, String> mapping) {
            Map<String, String> accounts = new LinkedHashMap<>();
            mapping.forEach((concept, account) -> accounts.put(concept.code(), account));
            return new MappingJson(name, accounts);
        }
    }

    /** What a PUT carries: the account of each concept, by concept code. */
    public static class MappingInput {
        public Map<String, String> accounts;
    }

    @GET
    @Operation(summary = "A saved gestoría mapping: the account of each concept of the summary (org-admin, accountant)")
    public MappingJson one(@PathParam("name") String name) {
        Map<Concept, String> mapping = mappings.of(name);
        if (mapping.isEmpty()) {
            throw new NotFoundException("gestoría mapping", name);
        }
        return MappingJson.of(name, mapping);
    }

    @PUT
    @Operation(summary = "Save a gestoría mapping, replacing the one of that name (org-admin, accountant); each account"
            + " must be in the organisation's chart")
    public MappingJson save(@PathParam("name") String name, @NotNull MappingInput input) {
        return MappingJson.of(name, mappings.save(name, input.accounts));
    }
}
