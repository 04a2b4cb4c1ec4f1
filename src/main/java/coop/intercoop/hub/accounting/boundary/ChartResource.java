package coop.intercoop.hub.accounting.boundary;

import java.net.URI;
import java.time.Instant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.accounting.entity.StatementSize;
import coop.intercoop.hub.accounting.control.Accounts;
import coop.intercoop.hub.accounting.control.StatementModels;
import coop.intercoop.hub.accounting.entity.ChartOfAccounts;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/**
 * The organisation's chart of accounts as a whole: built once from a template of {@code config/charts}, with the size
 * of the annual accounts its plan's statements are drawn up in.
 */
@Path("orgs/{org}/accounting/chart")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounting")
@Tenanted
public class ChartResource {

    @Inject
    Tenant tenant;

    @Inject
    Accounts accounts;

    public static class ChartInput {
        @NotBlank
        @Size(max = 40)
        public String template;
    }

    public static class SizeInput {
        @NotNull
        @Pattern(regexp = "abbreviated|normal", flags = Pattern.Flag.CASE_INSENSITIVE, message = "{hub.statementSize}")
        @Schema(type = SchemaType.STRING, enumeration = { "abbreviated", "normal" })
        public String size;

        StatementSize chosen() {
            return StatementSize.of(size);
        }
    }

    /**
     * @param accounts
     *            the accounts created, when the chart has just been built
     * @param size
     *            the size of the annual accounts: abbreviated or normal
     */
    public record ChartJson(String template, Instant appliedAt, Integer accounts,
            @Schema(type = SchemaType.STRING, enumeration = {
                    "abbreviated", "normal" }) String size){
        static ChartJson of(ChartOfAccounts chart, Integer accounts) {
            return new ChartJson(chart.getTemplate(), chart.getAppliedAt(), accounts, chart.getSize().code());
        }
    }

    @GET
    @Operation(summary = "The template the chart was built from and the size of the annual accounts (org-admin, "
            + "accountant, auditor); 404 before that")
    @ReadsBooks
    public ChartJson get() {
        return accounts.chart().map(c -> ChartJson.of(c, null))
                .orElseThrow(() -> new NotFoundException("chart of accounts", "yet"));
    }

    @POST
    @Operation(summary = "Build the chart from a template, once (org-admin, accountant): pgc-esfl, pgc-pymesfl, "
            + "pgc-pymes-2007, pgc-cooperativas")
    @KeepsBooks
    public Response apply(@NotNull @Valid ChartInput input) {
        int created = accounts.applyTemplate(input.template.strip());
        return Response.created(URI.create("orgs/" + tenant.id() + "/accounting/chart"))
                .entity(ChartJson.of(accounts.chart().orElseThrow(), created)).build();
    }

    @PUT
    @Path("size")
    @Operation(summary = "Choose the size of the annual accounts (org-admin, accountant): abbreviated (every "
            + "organisation's until it chooses) or normal", description = "The balance sheet and the results account "
                    + "are drawn up in the models of that size of the chart's plan (config/statements/plans.csv) from "
                    + "then on. A size the plan has no installed models of is refused (400, field size) naming the "
                    + "plan and the size, and so is any choice before the chart is built (409).")
    @KeepsBooks
    public ChartJson chooseSize(@NotNull @Valid SizeInput input) {
        return ChartJson.of(accounts.chooseSize(input.chosen()), null);
    }
}
