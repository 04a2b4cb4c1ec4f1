package coop.intercoop.hub.tenders.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.payroll.control.Workforce;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.entity.Organisation;
import coop.intercoop.hub.tenancy.entity.OrganisationType;
import coop.intercoop.hub.tenders.control.EspdResponseWriter.Respondent;
import coop.intercoop.hub.tenders.control.EspdResponseWriter.Role;
import coop.intercoop.hub.tenders.control.EspdResponseWriter.Sheltered;
import coop.intercoop.hub.tenders.entity.EspdRefusedException;
import coop.intercoop.hub.tenders.entity.InvalidTenderInputException;

/**
 * A consortium's ESPDs: the buyer's request its members answer, each member's declaration, and each member's response
 * written from the request, the declaration and the figures the member consented to ({@link Solvency}), checked against
 * the model's schema and rules before anyone gets it. Only the consortium's accepted members reach any of it; each
 * member declares for itself.
 */
@Dependent
public class Espds {

    /** The largest request read: the model's request of every criterion is 0.7 MB. */
    public static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;
    /** The sizes a member declares (the model's economic-operator-size list, less its umbrella "sme"). */
    public static final Set<String> SIZES = Set.of("micro", "small", "medium", "large");

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    ConsortiumBids bids;

    @Inject
    Solvency solvency;

    @Inject
    Organisations organisations;

    @Inject
    EspdValidator validator;

    @Inject
    Certificates certificates;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    /** The request a consortium answers: its file's name, who uploaded it when, what it asks, and its bytes. */
    public record Stored(String fileName, long uploadedBy, Instant uploadedAt, EspdRequest request, byte[] content) {
    }

    /** What a member's response answers and what it leaves to complete, each with why. */
    public record MemberPreview(long orgId, boolean lead, Optional<String> declaredSize, List<String> answered,
            List<Missing> toComplete) {
    }

    /** A criterion the hub leaves for the member to complete, and why: a text key of the refusals. */
    public record Missing(String code, String name, String reason) {
    }

    /**
     * Keeps the buyer's request for the consortium's bid, replacing the one before.
     *
     * @throws EspdRefusedException
     *             for a file that is not an ESPD request the hub reads, nothing kept
     */
    public Stored upload(long orgId, long consortiumId, String fileName, byte[] content) {
        bids.find(orgId, consortiumId);
        if (content.length > MAX_REQUEST_BYTES) {
            throw new EspdRefusedException("espd.size", content.length, MAX_REQUEST_BYTES);
        }
        EspdRequest request = EspdRequest.read(content);
        String safe = BidDocuments.safeName(fileName);
        String name = safe.isEmpty() || safe.startsWith(".") ? "espd-request.xml" : safe;
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM espd_request WHERE consortium_id = ?")) {
                s.setLong(1, consortiumId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO espd_request (consortium_id, file_name, content,"
                    + " version, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, consortiumId);
                s.setString(2, name.length() > 255 ? name.substring(0, 255) : name);
                s.setBytes(3, content);
                s.setString(4, request.version());
                s.setLong(5, caller.user().getId());
                s.setTimestamp(6, Timestamp.from(now));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The ESPD request could not be stored", e);
        }
        audit.record(orgId, "espd.request.uploaded", "consortium", String.valueOf(consortiumId),
                name + ", ESPD-EDM " + request.version() + ", " + request.criteria().size() + " criteria");
        return new Stored(name, caller.user().getId(), now, request, content);
    }

    /**
     * @throws NotFoundException
     *             unless the organisation is a member of the consortium's bid and a request was uploaded
     */
    public Stored request(long orgId, long consortiumId) {
        bids.find(orgId, consortiumId);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT file_name, content, uploaded_by, uploaded_at FROM espd_request WHERE consortium_id = ?")) {
            s.setLong(1, consortiumId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new NotFoundException("espdRequest", consortiumId);
                }
                byte[] content = r.getBytes(2);
                return new Stored(r.getString(1), r.getLong(3), r.getTimestamp(4).toInstant(),
                        EspdRequest.read(content), content);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The ESPD request could not be read", e);
        }
    }

    /**
     * The organisation declares, for its own response in this consortium, that no exclusion ground applies to it, that
     * it neither relies on other entities nor subcontracts, and its size.
     */
    public void declare(long orgId, long consortiumId, String size) {
        bids.find(orgId, consortiumId);
        if (size == null || !SIZES.contains(size)) {
            throw new InvalidTenderInputException("size", "espd.size.unknown", size == null ? "" : size);
        }
        try (Connection c = dataSource.getConnection()) {
            withdraw(c, orgId, consortiumId);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO espd_declaration (consortium_id, org_id, size,"
                    + " declared_by, declared_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setLong(1, consortiumId);
                s.setLong(2, orgId);
                s.setString(3, size);
                s.setLong(4, caller.user().getId());
                s.setTimestamp(5, Timestamp.from(Instant.now()));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The declaration could not be stored", e);
        }
        audit.record(orgId, "espd.declared", "consortium", String.valueOf(consortiumId),
                "no exclusion ground, no reliance, no subcontracting; size " + size);
    }

    /** The organisation withdraws its declaration: the hub writes no response for it until it declares again. */
    public void withdraw(long orgId, long consortiumId) {
        bids.find(orgId, consortiumId);
        try (Connection c = dataSource.getConnection()) {
            withdraw(c, orgId, consortiumId);
        } catch (SQLException e) {
            throw new IllegalStateException("The declaration could not be withdrawn", e);
        }
        audit.record(orgId, "espd.withdrawn", "consortium", String.valueOf(consortiumId), "");
    }

    private static void withdraw(Connection c, long orgId, long consortiumId) throws SQLException {
        try (PreparedStatement s = c
                .prepareStatement("DELETE FROM espd_declaration WHERE consortium_id = ? AND org_id = ?")) {
            s.setLong(1, consortiumId);
            s.setLong(2, orgId);
            s.executeUpdate();
        }
    }

    private Optional<String> declaration(long consortiumId, long orgId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c
                        .prepareStatement("SELECT size FROM espd_declaration WHERE consortium_id = ? AND org_id = ?")) {
            s.setLong(1, consortiumId);
            s.setLong(2, orgId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The declaration could not be read", e);
        }
    }

    /** What each member's response would answer now and what it would leave to complete. */
    public Preview preview(long orgId, long consortiumId) {
        Stored stored = request(orgId, consortiumId);
        ConsortiumBids.Workspace w = bids.find(orgId, consortiumId);
        List<MemberPreview> members = new ArrayList<>();
        BigDecimal turnover = BigDecimal.ZERO.setScale(2);
        for (long member : w.members()) {
            Optional<String> size = declaration(consortiumId, member);
            Respondent who = respondent(orgId, w, member, size.orElse("micro"), stored.request());
            turnover = turnover.add(who.turnover().map(EspdResponseWriter.Turnover::amount).orElse(BigDecimal.ZERO));
            List<String> answered = size.isEmpty() ? List.of()
                    : EspdResponseWriter.write(stored.request(), who, OffsetDateTime.now()).answered();
            List<Missing> missing = stored.request().criteria().stream().filter(k -> !answered.contains(k.code()))
                    .map(k -> new Missing(k.code(), k.name(), reason(k, who, size.isPresent()))).toList();
            members.add(new MemberPreview(member, w.consortium().isLead(member), size, answered, missing));
        }
        BigDecimal together = turnover;
        List<Requirement> requirements = stored.request().criteria().stream()
                .filter(k -> k.code().equals("gen-year-to") && k.minimumAmount().isPresent())
                .map(k -> new Requirement(k.code(), k.name(), k.minimumAmount().get(), together,
                        together.compareTo(k.minimumAmount().get()) >= 0))
                .toList();
        return new Preview(List.copyOf(members), requirements, lots(stored.request().lots(), w.bid().getLots()));
    }

    /**
     * Each member's preview, the buyer's requirements set against the consortium's figures, and the lots each member
     * answers, one response per lot.
     */
    public record Preview(List<MemberPreview> members, List<Requirement> requirements, List<String> lots) {
    }

    /**
     * A requirement of the buyer's request against the consortium: the least general yearly turnover it asks, and the
     * sum of the members' best consented turnovers (Ley 9/2017 art. 69 and RGLCAP art. 24: a temporary union's solvency
     * is its members' together), whether it meets it.
     */
    public record Requirement(String code, String name, BigDecimal minimum, BigDecimal consortium, boolean met) {
    }

    private static String reason(EspdRequest.Criterion criterion, Respondent who, boolean declared) {
        if (!declared) {
            return "espd.missing.declaration";
        }
        return switch (criterion.code()) {
            case "gen-year-to" -> "espd.missing.turnover";
            case "year-manpower", "shelt-worksh" -> "espd.missing.staff";
            case "service-perform" -> "espd.missing.services";
            default -> "espd.missing.unknown";
        };
    }

    /** A written response: the member's tax id (for the file's name) and the document. */
    public record Response(String taxId, String lot, boolean oneOfSeveral, byte[] xml) {

        /** {@code deuc-<tax id>.xml}, or {@code deuc-<tax id>-lote-<lot>.xml} when the bid has a response per lot. */
        public String fileName() {
            return "deuc-" + taxId + (oneOfSeveral ? "-lote-" + BidDocuments.safeName(lot) : "") + ".xml";
        }
    }

    /**
     * The member's ESPD response to the consortium's request, valid against the model's schema and rules.
     *
     * @throws EspdRefusedException
     *             when the member has not declared, or the written response does not validate (naming the first rule it
     *             breaks)
     */
    public Response response(long orgId, long consortiumId, long memberOrgId, Optional<String> lot) {
        Stored stored = request(orgId, consortiumId);
        ConsortiumBids.Workspace w = bids.find(orgId, consortiumId);
        if (!w.members().contains(memberOrgId)) {
            throw new NotFoundException("organisation", memberOrgId);
        }
        List<String> lots = lots(stored.request().lots(), w.bid().getLots());
        String asked = lot.map(String::strip).orElse(lots.get(0));
        String chosen = lots.stream().filter(l -> sameLot(l, asked)).findFirst()
                .orElseThrow(() -> new EspdRefusedException("espd.lot", asked, String.join(", ", lots)));
        return responses(orgId, w, stored, memberOrgId, List.of(chosen), lots.size() > 1).get(0);
    }

    /**
     * Every member's ESPD response to the consortium's request, the request read once, in the order of the members.
     *
     * @throws EspdRefusedException
     *             for the first member that has not declared, or whose response does not validate
     */
    public List<Response> responses(long orgId, long consortiumId) {
        Stored stored = request(orgId, consortiumId);
        ConsortiumBids.Workspace w = bids.find(orgId, consortiumId);
        List<String> lots = lots(stored.request().lots(), w.bid().getLots());
        return w.members().stream()
                .flatMap(member -> responses(orgId, w, stored, member, lots, lots.size() > 1).stream()).toList();
    }

    /** The member's responses for these lots, its figures read once; each checked before it is given. */
    private List<Response> responses(long orgId, ConsortiumBids.Workspace w, Stored stored, long memberOrgId,
            List<String> lots, boolean several) {
        long consortiumId = w.consortium().getId();
        String size = declaration(consortiumId, memberOrgId).orElseThrow(
                () -> new EspdRefusedException("espd.undeclared", organisations.find(memberOrgId).getName()));
        Respondent member = respondent(orgId, w, memberOrgId, size, stored.request());
        List<Response> responses = new ArrayList<>();
        for (String lot : lots) {
            Respondent who = member.forLot(lot);
            byte[] xml = EspdResponseWriter.write(stored.request(), who, OffsetDateTime.now()).xml();
            EspdValidator.Result result = validator.check(xml);
            if (!result.valid()) {
                EspdValidator.Finding first = result.refusals().get(0);
                throw new EspdRefusedException("espd.invalid", who.name(), first.rule(), first.text());
            }
            responses.add(new Response(who.taxId(), lot, several, xml));
        }
        return responses;
    }

    private Respondent respondent(long orgId, ConsortiumBids.Workspace w, long member, String size,
            EspdRequest request) {
        Organisation org = organisations.find(member);
        Solvency.MemberFigures figures = solvency.figuresOf(orgId, w.consortium().getId(), member);
        Optional<Workforce.Staff> staff = figures.staff().stream().max(Comparator.comparingInt(Workforce.Staff::year));
        boolean shelteredKind = org.getType() == OrganisationType.SPECIAL_EMPLOYMENT_CENTRE
                || org.getType() == OrganisationType.WORK_INTEGRATION_ENTERPRISE;
        Optional<Sheltered> sheltered = !shelteredKind ? Optional.of(new Sheltered(false, BigDecimal.ZERO, ""))
                : staff.map(s -> new Sheltered(true, s.protectedShare(),
                        org.getType() == OrganisationType.SPECIAL_EMPLOYMENT_CENTRE
                                ? "Centro especial de empleo (Real Decreto Legislativo 1/2013, art. 43)"
                                : "Empresa de inserción (Ley 44/2007)"));
        List<String> partners = w.members().stream().filter(m -> m != member).map(organisations::find)
                .map(o -> o.getName() + " (" + o.getTaxId() + ")").toList();
        return new Respondent(org.getName(), org.getTaxId(), size,
                w.consortium().isLead(member) ? Role.LEAD : Role.MEMBER, w.consortium().getName(), partners,
                lots(request.lots(), w.bid().getLots()).get(0),
                figures.best().map(t -> new EspdResponseWriter.Turnover(t.start(), t.end(), t.amount())),
                staff.map(s -> new EspdResponseWriter.Staff(s.year(), s.average(), s.protectedShare())), sheltered,
                figures.services().stream().filter(Solvency.Service::similar).map(Solvency.Service::performed)
                        .map(p -> new EspdResponseWriter.Reference(
                                p.title() + " (CPV " + String.join(", ", p.cpvs()) + ")", p.recipient(), p.amount(),
                                p.started(), p.ended().orElse(w.checkedOn())))
                        .toList(),
                evidence(member, w.checkedOn()));
    }

    /**
     * The member's certificates of being up to date with the tax agency and with Social Security, valid on the
     * deadline, that can be checked at an address: the evidence of its answers on those exclusion grounds.
     */
    private Map<String, EspdResponseWriter.Evidence> evidence(long member, java.time.LocalDate on) {
        Map<String, EspdResponseWriter.Evidence> evidence = new java.util.HashMap<>();
        for (Certificates.Held held : certificates.of(List.of(member))) {
            String code = switch (held.kind()) {
                case TAX_AGENCY -> "tax-pay";
                case SOCIAL_SECURITY -> "socsec-pay";
                default -> null;
            };
            if (code != null && held.uri().isPresent() && held.validOn(on)) {
                evidence.putIfAbsent(code, new EspdResponseWriter.Evidence(held.reference().orElse(held.title()),
                        held.uri().get(), held.issuer()));
            }
        }
        return evidence;
    }

    /**
     * The lots the consortium answers, one response each (the model's rule BR-LOT-10 wants one lot per response): the
     * request's only lot; else the request's lots the bid aims at, all of them for a bid on the whole tender; the
     * request's first when it names none of the bid's; {@code LOT-0000} (the model's "no lots") when it has none.
     */
    static List<String> lots(List<String> requested, List<String> bidLots) {
        if (requested.isEmpty()) {
            return List.of("LOT-0000");
        }
        List<String> aimed = bidLots.isEmpty() ? requested
                : requested.stream().filter(r -> bidLots.stream().anyMatch(b -> sameLot(r, b))).toList();
        return aimed.isEmpty() ? List.of(requested.get(0)) : aimed;
    }

    /**
     * Whether a lot of the request is a lot of the bid: the same identifier, or the same number (the platform's lot
     * {@code 1} is ESPD-EDM's {@code LOT-0001}).
     */
    private static boolean sameLot(String requested, String bid) {
        if (requested.equals(bid)) {
            return true;
        }
        String a = requested.replaceAll("[^0-9]", "").replaceFirst("^0+(?=.)", "");
        String b = bid.replaceAll("[^0-9]", "").replaceFirst("^0+(?=.)", "");
        return !a.isEmpty() && a.equals(b);
    }
}
