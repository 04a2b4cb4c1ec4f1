package coop.intercoop.hub.accounting.boundary;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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

import coop.intercoop.hub.accounting.control.Accounts;
import coop.intercoop.hub.accounting.entity.Account;
import coop.intercoop.hub.accounting.entity.AccountKind;
import coop.intercoop.hub.accounting.entity.Nature;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/** The accounts of the organisation's chart, and the subaccounts it adds. */
@Path("orgs/{org}/accounting/accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounting")
@Tenanted
public class AccountsResource {

    @Inject
    Tenant tenant;

    @Inject
    Accounts accounts;

    public static class SubaccountInput {
        /** Checked by {@link Account#checkCode}, whose messages say which rule a code breaks. */
        @NotBlank
        public String code;
        @NotBlank
        @Size(max = Account.MAX_NAME_LENGTH)
        public String name;
    }

    public static class RenameInput {
        @NotBlank
        @Size(max = Account.MAX_NAME_LENGTH)
        public String name;
    }

    public record AccountJson(String code, String name, int group, Nature nature, AccountKind kind, String parentCode,
            boolean fromTemplate) {
        static AccountJson of(Account a) {
            return new AccountJson(a.getCode(), a.getName(), a.getGroup(), a.getNature(), a.getKind(),
                    a.getParentCode(), a.isFromTemplate());
        }
    }

    @GET
    @Operation(summary = "The chart's accounts by code (org-admin, accountant, auditor)")
    @ReadsBooks
    public List<AccountJson> all() {
        return accounts.all().stream().map(AccountJson::of).toList();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One account by its code (org-admin, accountant, auditor)")
    @ReadsBooks
    public AccountJson one(@PathParam("code") String code) {
        return AccountJson.of(accounts.find(code));
    }

    @POST
    @Operation(summary = "Add a subaccount, e.g. 5720001 under 572 (org-admin, accountant); it must extend an "
            + "account of the chart")
    @KeepsBooks
    public Response create(@NotNull @Valid SubaccountInput input) {
        Account created = accounts.addSubaccount(input.code, input.name);
        return Response.created(URI.create("orgs/" + tenant.id() + "/accounting/accounts/" + created.getCode()))
                .entity(AccountJson.of(created)).build();
    }

    @PUT
    @Path("{code}")
    @Operation(summary = "Rename one of the organisation's own subaccounts (org-admin, accountant)")
    @KeepsBooks
    public AccountJson rename(@PathParam("code") String code, @NotNull @Valid RenameInput input) {
        return AccountJson.of(accounts.rename(code, input.name));
    }

    @DELETE
    @Path("{code}")
    @Operation(summary = "Delete one of the organisation's own subaccounts that nothing refers to (org-admin, "
            + "accountant); 409 naming the postings, drafts or grant budget lines that use it")
    @KeepsBooks
    public Response delete(@PathParam("code") String code) {
        accounts.delete(code);
        return Response.noContent().build();
    }
}
