package coop.intercoop.hub.tenders.boundary;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.platform.Xlsx;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenders.control.Pricings;
import coop.intercoop.hub.tenders.entity.Pricing;

/**
 * A consortium's bid priced from the staff it needs, for its members only: the lead sets the lines and rates, every
 * member reads the price and downloads it as a workbook.
 */
@Path("orgs/{org}/consortia/{consortium}/bid/pricing")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenders")
public class PricingResource {

    @Inject
    Tenant tenant;

    @Inject
    Pricings pricings;

    @Inject
    Organisations organisations;

    /**
     * {@code {"annualHours":1720,"overheadRate":8,"marginRate":5,"employerRate":31.4,"lines":[{"lot":"1",
     * "category":"Educador/a social","hours":1000,"source":"MANUAL","hourlyCost":21.37}],"version":0}}; a line of a
     * member's cost names {@code memberOrganisationId}, one of an agreement's table {@code agreement} and
     * {@code agreementCategory}; the version read, once the pricing exists.
     */
    public static class Input {
        public BigDecimal annualHours;
        public BigDecimal overheadRate;
        public BigDecimal marginRate;
        public BigDecimal employerRate;
        public List<LineInput> lines;
        public Integer version;

        public static class LineInput {
            public String lot;
            public String category;
            public Long memberOrganisationId;
            public BigDecimal hours;
            public Pricing.Source source;
            public BigDecimal hourlyCost;
            public String agreement;
            public String agreementCategory;
        }
    }

    public record LineJson(String lot, String category, Long memberOrganisationId, BigDecimal hours,
            Pricing.Source source, String agreement, String agreementCategory, BigDecimal hourlyCost, BigDecimal cost) {
    }

    /** A lot's price; {@code belowBudget} in percentage units, {@code abnormallyLowAlone} per RGLCAP art. 85.1. */
    public record LotJson(String lot, List<LineJson> lines, BigDecimal staffCost, BigDecimal overheads,
            BigDecimal margin, BigDecimal price, BigDecimal budget, BigDecimal belowBudget, boolean overBudget,
            boolean abnormallyLowAlone) {
    }

    public record PartJson(long organisationId, String name, BigDecimal share, BigDecimal amount) {
    }

    public record PricingJson(BigDecimal annualHours, BigDecimal overheadRate, BigDecimal marginRate,
            BigDecimal employerRate, List<LotJson> lots, BigDecimal price, List<PartJson> parts, int version) {
    }

    private PricingJson json(Pricings.Priced p) {
        return new PricingJson(p.parameters().annualHours(), p.parameters().overheadRate(), p.parameters().marginRate(),
                p.parameters().employerRate(),
                p.price().lots().stream().map(l -> new LotJson(l.lot(),
                        l.lines().stream()
                                .map(c -> new LineJson(c.line().lot(), c.line().category(), c.line().memberOrgId(),
                                        c.line().hours(), c.line().source(), c.line().agreement(),
                                        c.line().agreementCategory(), c.hourlyCost(), c.cost()))
                                .toList(),
                        l.staffCost(), l.overheads(), l.margin(), l.price(), l.budget().orElse(null),
                        l.belowBudget().orElse(null), l.overBudget(), l.abnormallyLowAlone())).toList(),
                p.price().price(),
                p.price().parts().stream().map(
                        x -> new PartJson(x.orgId(), organisations.find(x.orgId()).getName(), x.share(), x.amount()))
                        .toList(),
                p.version());
    }

    @GET
    @Operation(summary = "The bid's price from its lines, worked out now: each line's cost of an hour and cost, each "
            + "lot's staff cost, overheads, margin and price without taxes against its budget, and the members' parts "
            + "(members' org-admins, tender-managers and auditors); 404 until the lead prices the bid")
    @ReadsTenders
    public PricingJson one(@PathParam("consortium") long consortium) {
        return json(pricings.find(tenant.id(), consortium));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Price the bid (the lead's org-admin or tender-manager): the full-time hours of a year, "
            + "overheads, margin and employer's contributions in percent, and lines per lot (empty: the whole tender) "
            + "of a category, hours and the cost of an hour entered (MANUAL), a member's real employer cost with its "
            + "consent (MEMBER) or an agreement's salary table (AGREEMENT); every bad field refused at once")
    @ManagesTenders
    public PricingJson price(@PathParam("consortium") long consortium, @NotNull Input input) {
        List<Pricing.Line> lines = input.lines == null ? List.of()
                : input.lines.stream()
                        .map(l -> new Pricing.Line(l.lot == null ? "" : l.lot.strip(), l.category,
                                l.memberOrganisationId, l.hours, l.source, l.hourlyCost, l.agreement,
                                l.agreementCategory))
                        .toList();
        return json(pricings.save(tenant.id(), consortium,
                new Pricing.Parameters(input.annualHours, input.overheadRate, input.marginRate, input.employerRate),
                lines, Optional.ofNullable(input.version)));
    }

    @GET
    @Path("workbook")
    @Produces(Xlsx.MEDIA_TYPE)
    @Operation(summary = "The bid's pricing as a workbook whose formulas reprice it as the members change it "
            + "(members' org-admins, tender-managers and auditors)")
    @ReadsTenders
    public Response workbook(@PathParam("consortium") long consortium) {
        Pricings.Priced priced = pricings.find(tenant.id(), consortium);
        Map<Long, String> names = new LinkedHashMap<>();
        priced.workspace().members().forEach(m -> names.put(m, organisations.find(m).getName()));
        return Response.ok(pricings.workbook(priced, names), Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", Xlsx.attachment("precio-" + consortium)).build();
    }
}
