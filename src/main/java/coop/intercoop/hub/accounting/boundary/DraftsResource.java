package coop.intercoop.hub.accounting.boundary;

import java.net.URI;
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

import coop.intercoop.hub.accounting.control.Drafts;
import coop.intercoop.hub.accounting.control.Ledger;
import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.platform.VersionRequiredException;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/** Draft entries: saved, changed and discarded freely; posted with every check of the ledger. */
@Path("orgs/{org}/accounting/drafts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounting")
@Tenanted
public class DraftsResource {

    @Inject
    Tenant tenant;

    @Inject
    Drafts drafts;

    /** A draft's new content and the version read. */
    public static class DraftUpdate extends EntryDraft {
        public Integer version;
    }

    @GET
    @Operation(summary = "The draft entries (org-admin, accountant, auditor)")
    @ReadsBooks
    public List<Drafts.Draft> all() {
        return drafts.all();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One draft entry (org-admin, accountant, auditor)")
    @ReadsBooks
    public Drafts.Draft find(@PathParam("id") long id) {
        return drafts.find(id);
    }

    @POST
    @Operation(summary = "Save a draft entry (org-admin, accountant); it needs a date, journal and description")
    @KeepsBooks
    public Response create(@NotNull EntryDraft input) {
        Drafts.Draft draft = drafts.create(input);
        return Response.created(URI.create("orgs/" + tenant.id() + "/accounting/drafts/" + draft.id())).entity(draft)
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a draft entry (org-admin, accountant); 'version' must be the one read")
    @KeepsBooks
    public Drafts.Draft update(@PathParam("id") long id, @NotNull DraftUpdate input) {
        if (input.version == null) {
            throw new VersionRequiredException();
        }
        return drafts.update(id, input.version, input);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Discard a draft entry (org-admin, accountant)")
    @KeepsBooks
    public Response discard(@PathParam("id") long id) {
        drafts.discard(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/posting")
    @Operation(summary = "Post a draft entry (org-admin, accountant) with every check of the ledger; the draft is "
            + "removed")
    @KeepsBooks
    public Response post(@PathParam("id") long id, OverrideInput input) {
        Ledger.Posted posted = drafts.post(id, OverrideInput.of(input));
        return Response.created(URI.create("orgs/" + tenant.id() + "/accounting/entries/" + posted.id()))
                .entity(EntriesResource.PostedJson.of(posted)).build();
    }
}
