package coop.intercoop.hub.tenders.boundary;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.platform.VersionRequiredException;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenders.control.ServiceRecords;
import coop.intercoop.hub.tenders.entity.ServiceRecord;

/**
 * The services the organisation performed, for the technical solvency of its bids (Ley 9/2017 art. 90.1.a): kept by its
 * org-admins and tender-managers, read by its auditors too; read by the consortia it belongs to only for the years it
 * consents to.
 */
@Path("orgs/{org}/services")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenders")
public class ServicesResource {

    @Inject
    Tenant tenant;

    @Inject
    ServiceRecords services;

    /** A service to keep; {@code version} the version read, to change one. */
    public static class ServiceInput {
        public String title;
        public String recipient;
        public Boolean recipientPublic;
        public String recipientTaxId;
        public List<String> cpvs;
        public BigDecimal amount;
        public LocalDate started;
        public LocalDate ended;
        public String certificate;
        public Integer version;

        ServiceRecords.Input input() {
            return new ServiceRecords.Input(title, recipient, recipientPublic, recipientTaxId, cpvs, amount, started,
                    ended, certificate);
        }
    }

    public record ServiceJson(long id, String title, String recipient, boolean recipientPublic, String recipientTaxId,
            List<String> cpvs, BigDecimal amount, LocalDate started, LocalDate ended, String certificate, int version) {
        static ServiceJson of(ServiceRecord s) {
            return new ServiceJson(s.getId(), s.getTitle(), s.getRecipient(), s.isRecipientPublic(),
                    s.getRecipientTaxId().orElse(null), s.getCpvs(), s.getAmount(), s.getStarted(),
                    s.getEnded().orElse(null), s.getCertificate().orElse(null), s.getVersion());
        }
    }

    @GET
    @Operation(summary = "The services the organisation performed, the latest first (org-admin, tender-manager, "
            + "auditor)")
    @ReadsTenders
    public List<ServiceJson> all() {
        return services.all().stream().map(ServiceJson::of).toList();
    }

    @POST
    @Operation(summary = "Keep a service performed: title, recipient, recipientPublic, recipientTaxId, cpvs (CPV "
            + "codes), amount without taxes, started, ended (none: still going) and the reference of the recipient's "
            + "certificate of good execution (org-admin, tender-manager)")
    @ManagesTenders
    public Response create(@NotNull ServiceInput input) {
        ServiceRecord s = services.create(input.input());
        return Response.created(URI.create("orgs/" + tenant.id() + "/services/" + s.getId())).entity(ServiceJson.of(s))
                .build();
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "One service (org-admin, tender-manager, auditor)")
    @ReadsTenders
    public ServiceJson one(@PathParam("id") long id) {
        return ServiceJson.of(services.find(id));
    }

    @PUT
    @Path("{id: [0-9]+}")
    @Operation(summary = "Change a service, with the version read (org-admin, tender-manager)")
    @ManagesTenders
    public ServiceJson change(@PathParam("id") long id, @NotNull ServiceInput input) {
        if (input.version == null) {
            throw new VersionRequiredException();
        }
        return ServiceJson.of(services.change(id, input.version, input.input()));
    }

    @DELETE
    @Path("{id: [0-9]+}")
    @Operation(summary = "Delete a service (org-admin, tender-manager)")
    @ManagesTenders
    public Response delete(@PathParam("id") long id) {
        services.delete(id);
        return Response.noContent().build();
    }
}
