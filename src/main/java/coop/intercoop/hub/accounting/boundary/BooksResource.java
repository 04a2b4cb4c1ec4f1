package coop.intercoop.hub.accounting.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.accounting.control.Balances;
import coop.intercoop.hub.accounting.control.Integrity;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/** Proofs about the organisation's books: the hash chain is intact, the maintained balances equal the lines. */
@Path("orgs/{org}/accounting")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounting")
@Tenanted
public class BooksResource {

    @Inject
    Tenant tenant;

    @Inject
    Integrity integrity;

    @Inject
    Balances balances;

    @GET
    @Path("integrity")
    @Operation(summary = "Recompute the hash chain of the posted entries and name the first entry that no longer "
            + "matches (org-admin, accountant, auditor)")
    @ReadsBooks
    public Integrity.Report integrity() {
        return integrity.check();
    }

    @POST
    @Path("balances/verification")
    @Operation(summary = "Prove the maintained balances equal the sums of the posted lines; lists differences "
            + "(org-admin, accountant, auditor)")
    @ReadsBooks
    public Balances.Verification verify() {
        return balances.verify();
    }

    @POST
    @Path("balances/rebuild")
    @Operation(summary = "Rebuild the maintained balances from the posted lines, then verify them (org-admin, "
            + "accountant)")
    @KeepsBooks
    public Balances.Verification rebuild() {
        return balances.rebuild();
    }
}
