package coop.intercoop.hub.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.audit.control.Anchors;
import coop.intercoop.hub.audit.control.AuditChain;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.audit.control.IntegrityKeys;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.control.HubAdministration;

/**
 * The hub administrator's side of tamper evidence: anchoring every chain now (besides the periodic anchors), rotating
 * the integrity key, and verifying the hub's own audit log (logins and what happens outside any organisation). An
 * organisation's ledger and audit log are verified by its own members ({@code GET /orgs/{org}/accounting/integrity}).
 */
@Path("integrity")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Integrity")
@HubAdministration
public class IntegrityResource {

    @Inject
    Caller caller;

    @Inject
    Anchors anchors;

    @Inject
    IntegrityKeys keys;

    @Inject
    AuditChain chain;

    @Inject
    AuditTrail audit;

    public record AnchorsWritten(int written) {
    }

    public record KeyRotated(int keyId) {
    }

    @POST
    @Path("anchors")
    @Operation(summary = "Anchor now the head of every chain that moved since its last anchor (hub administrator)")
    public AnchorsWritten anchor() {
        int written = anchors.write();
        audit.record(null, "integrity.anchored", "anchors", null, written + " chains anchored");
        return new AnchorsWritten(written);
    }

    @POST
    @Path("keys")
    @Operation(summary = "Rotate the integrity key: new records are keyed with a new key id; the old keys stay to "
            + "verify what they keyed (hub administrator)")
    public KeyRotated rotate() {
        int id = keys.rotate();
        audit.record(null, "integrity.key-rotated", "integrity-key", String.valueOf(id), null);
        return new KeyRotated(id);
    }

    @GET
    @Path("audit")
    @Operation(summary = "Verify the hub's own audit log against its chain and anchors (hub administrator)")
    public AuditChain.Result hubAudit() {
        Anchors.Found found = anchors.of("audit", 0);
        AuditChain.Result result = chain.verify(0, found.anchors());
        if (result.intact() && found.forged() > 0) {
            return new AuditChain.Result(false, result.eventsChecked(), null, found.forged()
                    + " anchor line(s) of the hub's audit log do not carry the hub's signature: the anchor file was "
                    + "tampered with.");
        }
        return result;
    }

}
