package coop.intercoop.hub.tenders.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.platform.DatabaseFailure;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.platform.jobs.Claim;
import coop.intercoop.hub.platform.jobs.Job;
import coop.intercoop.hub.platform.jobs.JobStatus;
import coop.intercoop.hub.platform.jobs.JobTransactions;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.entity.ConsortiumMember;
import coop.intercoop.hub.tenancy.entity.Organisation;

/**
 * Builds a consortium's bid package on the job runner ({@link BidPackageWriter}): each member's ESPD written and
 * checked against the model's schema and rules ({@link Espds}), the pricing workbook if the bid is priced
 * ({@link Pricings}), the documents read one at a time ({@link BidDocuments}), the zip written to a file of the job's
 * and then kept ({@link BidPackages}) with its digest. A member without its declaration, or a bid without the buyer's
 * ESPD request, ends the build as failed, saying which; nothing half-built is kept.
 */
@Dependent
public class BidPackageJob implements Job {

    public static final String KIND = "bid-package";

    @Inject
    JobTransactions transactions;

    @Inject
    BidPackages packages;

    @Inject
    ConsortiumBids bids;

    @Inject
    Espds espds;

    @Inject
    Pricings pricings;

    @Inject
    BidDocuments documents;

    @Inject
    Certificates certificates;

    @Inject
    Organisations organisations;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Claim claim) {
        long org = claim.orgId();
        long id = claim.id();
        Path zip = null;
        try {
            BidPackages.Package asked = packages.find(org, id).orElseThrow();
            zip = Files.createTempFile("bid-package-", ".zip");
            Path file = zip;
            String[] digest = new String[1];
            int[] files = new int[1];
            try {
                transactions.inNew(() -> {
                    BidPackageWriter.Contents contents = contents(org, asked);
                    files[0] = BidPackageWriter.files(contents);
                    digest[0] = write(contents, file);
                });
            } catch (HubException refused) {
                transactions.inNew(() -> {
                    packages.end(org, id, language -> refused.message(language));
                    claim.finish(JobStatus.FAILED);
                });
                return;
            }
            long size = Files.size(zip);
            transactions.inNew(() -> {
                packages.built(org, id, file, digest[0]);
                packages.end(org, id, "package.built", files[0], size);
                claim.finish(JobStatus.SUCCEEDED);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException failure) {
            if (DatabaseFailure.of(failure) == DatabaseFailure.OTHER) {
                transactions.inNew(() -> {
                    packages.end(org, id, "package.failed");
                    claim.finish(JobStatus.FAILED);
                });
            }
            throw failure;
        } finally {
            if (zip != null) {
                try {
                    Files.deleteIfExists(zip);
                } catch (IOException e) {
                    // the temporary file stays for the system to clear
                }
            }
        }
    }

    /** What the package holds, read as the member that asked for it. */
    private BidPackageWriter.Contents contents(long org, BidPackages.Package asked) {
        long consortium = asked.consortiumId();
        ConsortiumBids.Workspace w = bids.find(org, consortium);
        Espds.Stored request = espds.request(org, consortium);
        List<BidPackageWriter.File> espdFiles = espds.responses(org, consortium).stream()
                .map(r -> new BidPackageWriter.File(r.fileName(), r.xml())).toList();
        Optional<byte[]> pricing;
        try {
            Pricings.Priced priced = pricings.find(org, consortium);
            java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
            w.members().forEach(m -> names.put(m, organisations.find(m).getName()));
            pricing = Optional.of(pricings.workbook(priced, names));
        } catch (NotFoundException notPriced) {
            pricing = Optional.empty();
        }
        List<BidPackageWriter.Member> members = new ArrayList<>();
        for (ConsortiumMember m : w.consortium().accepted()) {
            Organisation o = organisations.find(m.getOrgId());
            members.add(new BidPackageWriter.Member(o.getName(), o.getTaxId(), m.getShare(),
                    w.consortium().isLead(m.getOrgId())));
        }
        List<BidPackageWriter.Item> checklist = w.bid().getItems().stream()
                .map(i -> new BidPackageWriter.Item(i.getEnvelope(), i.getTitle(),
                        organisations.find(i.getOwnerOrgId()).getName(), i.getDueDate(),
                        Optional.ofNullable(i.getDoneAt()).map(d -> d.atZone(Watches.PENINSULAR).toLocalDate())))
                .toList();
        List<BidPackageWriter.Document> docs = documents.list(org, consortium).stream()
                .map(d -> new BidPackageWriter.Document(d.envelope(), d.fileName(),
                        () -> documents.content(org, consortium, d.id())))
                .toList();
        List<BidPackageWriter.CertificateFile> held = certificates.of(w.members()).stream()
                .filter(h -> h.document().isPresent() && h.validOn(w.checkedOn()))
                .map(h -> new BidPackageWriter.CertificateFile(organisations.find(h.orgId()).getTaxId(),
                        h.document().get(), () -> certificates.content(h.orgId(), h.id()).orElse(new byte[0])))
                .toList();
        return new BidPackageWriter.Contents(w.tender().tender().folderId(), w.tender().tender().title(),
                w.tender().tender().buyer().name(), w.bid().getLots(), w.consortium().getName(), members,
                asked.representative(), checklist, espdFiles,
                new BidPackageWriter.File(request.fileName(), request.content()), pricing, docs, held,
                ZonedDateTime.now(Watches.PENINSULAR));
    }

    private static String write(BidPackageWriter.Contents contents, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (DigestOutputStream digesting = new DigestOutputStream(out, sha)) {
                BidPackageWriter.write(contents, digesting);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void refused(Claim claim, HubException refusal) {
        transactions.inNew(() -> {
            packages.end(claim.orgId(), claim.id(), refusal::message);
            claim.finish(JobStatus.FAILED);
        });
    }

    @Override
    public void abandoned(long orgId, long jobId, int attempts) {
        packages.end(orgId, jobId, "package.interrupted", attempts);
    }
}
