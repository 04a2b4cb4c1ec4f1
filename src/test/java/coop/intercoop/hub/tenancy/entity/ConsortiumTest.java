package coop.intercoop.hub.tenancy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.tenancy.entity.Consortium.AlreadyMemberException;
import coop.intercoop.hub.tenancy.entity.Consortium.InvalidConsortiumException;
import coop.intercoop.hub.tenancy.entity.Consortium.InvitationMissingException;
import coop.intercoop.hub.tenancy.entity.Consortium.SharesOverWholeException;
import coop.intercoop.hub.tenancy.entity.ConsortiumMember.InvalidShareException;
import coop.intercoop.hub.tenancy.entity.ConsortiumMember.InvitationAnsweredException;
import coop.intercoop.hub.tenancy.entity.ConsortiumMember.Status;

class ConsortiumTest {

    private static final long LEAD = 1;
    private static final long B = 2;
    private static final long C = 3;
    private static final Instant NOW = Instant.parse("2025-05-01T10:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }

    private static Consortium ledWith(String share) {
        return new Consortium("UTE Limpieza Norte", LEAD, pct(share), 9, NOW);
    }

    @Test
    void theLeadIsAnAcceptedMemberFromTheStart() {
        Consortium consortium = ledWith("60");
        ConsortiumMember lead = consortium.getMembers().get(0);
        assertEquals(LEAD, lead.getOrgId());
        assertEquals(Status.ACCEPTED, lead.getStatus());
        assertEquals(NOW, lead.getRespondedAt());
        assertTrue(consortium.hasMember(LEAD));
        assertTrue(consortium.isLead(LEAD));
        assertEquals(pct("60.00"), consortium.acceptedShares());
        assertEquals("UTE Limpieza Norte", consortium.getName());
    }

    @Test
    void theLeadsShareMustLeaveRoomForAnotherMember() {
        InvalidConsortiumException whole = assertThrows(InvalidConsortiumException.class, () -> ledWith("100"));
        assertEquals("share", whole.field());
        assertThrows(InvalidShareException.class, () -> ledWith("0"));
        assertThrows(InvalidShareException.class, () -> ledWith("-5"));
        assertThrows(InvalidShareException.class, () -> new Consortium("UTE", LEAD, null, 9, NOW));
    }

    @Test
    void aConsortiumWithoutANameIsRefused() {
        InvalidConsortiumException blank = assertThrows(InvalidConsortiumException.class,
                () -> new Consortium("  ", LEAD, pct("50"), 9, NOW));
        assertEquals("name", blank.field());
        assertThrows(InvalidConsortiumException.class, () -> new Consortium("x".repeat(201), LEAD, pct("50"), 9, NOW));
    }

    @Test
    void sharesHaveAtMostTwoDecimalsAndAreNeverRounded() {
        assertEquals(pct("33.33"), ConsortiumMember.share(pct("33.330")));
        assertEquals(pct("12.50"), ConsortiumMember.share(pct("12.5")));
        InvalidShareException third = assertThrows(InvalidShareException.class,
                () -> ConsortiumMember.share(pct("33.333")));
        assertEquals("share", third.field());
        assertThrows(InvalidShareException.class, () -> ConsortiumMember.share(pct("100.01")));
        assertEquals(pct("100.00"), ConsortiumMember.share(pct("100")));
    }

    @Test
    void invitationsMayNotPromiseMoreThanTheWhole() {
        Consortium consortium = ledWith("60");
        consortium.invite(B, pct("30"), NOW);
        SharesOverWholeException over = assertThrows(SharesOverWholeException.class,
                () -> consortium.invite(C, pct("10.01"), NOW));
        assertEquals("share", over.field());
        assertTrue(over.getMessage().contains("10.00 %"), over.getMessage());
        assertEquals(Status.INVITED, consortium.invite(C, pct("10"), NOW).getStatus());
        assertEquals(pct("100.00"), consortium.pledgedShares());
        assertEquals(pct("60.00"), consortium.acceptedShares());
    }

    @Test
    void aMemberOrAnOrganisationStillInvitedCannotBeInvitedAgain() {
        Consortium consortium = ledWith("50");
        assertThrows(AlreadyMemberException.class, () -> consortium.invite(LEAD, pct("10"), NOW));
        consortium.invite(B, pct("20"), NOW);
        assertThrows(AlreadyMemberException.class, () -> consortium.invite(B, pct("20"), NOW));
        consortium.accept(B, LATER);
        assertThrows(AlreadyMemberException.class, () -> consortium.invite(B, pct("20"), NOW));
    }

    @Test
    void itIsFormedOnceTheAcceptedSharesTotalExactlyOneHundred() {
        Consortium consortium = ledWith("60");
        consortium.invite(B, pct("25.50"), NOW);
        consortium.invite(C, pct("14.50"), NOW);
        assertFalse(consortium.isFormed());
        ConsortiumMember b = consortium.accept(B, LATER);
        assertEquals(Status.ACCEPTED, b.getStatus());
        assertEquals(LATER, b.getRespondedAt());
        assertFalse(consortium.isFormed(), "85.50 % accepted");
        consortium.accept(C, LATER);
        assertTrue(consortium.isFormed());
        assertEquals(pct("100.00"), consortium.acceptedShares());
        assertEquals(List.of(LEAD, B, C), consortium.accepted().stream().map(ConsortiumMember::getOrgId).toList());
    }

    @Test
    void aLoneLeadIsNeverFormed() {
        assertFalse(ledWith("99.99").isFormed());
    }

    @Test
    void aDeclinedShareIsFreeAgainAndTheOrganisationMayBeInvitedAgain() {
        Consortium consortium = ledWith("60");
        consortium.invite(B, pct("40"), NOW);
        ConsortiumMember declined = consortium.decline(B, LATER);
        assertEquals(Status.DECLINED, declined.getStatus());
        assertFalse(consortium.hasMember(B));
        assertEquals(pct("60.00"), consortium.pledgedShares());
        consortium.invite(C, pct("30"), NOW);
        ConsortiumMember again = consortium.invite(B, pct("10"), LATER);
        assertEquals(Status.INVITED, again.getStatus());
        assertEquals(pct("10.00"), again.getShare());
        assertEquals(null, again.getRespondedAt());
        assertEquals(3, consortium.getMembers().size());
    }

    @Test
    void anInvitationIsAnsweredOnce() {
        Consortium consortium = ledWith("60");
        consortium.invite(B, pct("40"), NOW);
        consortium.accept(B, LATER);
        assertThrows(InvitationAnsweredException.class, () -> consortium.accept(B, LATER));
        assertThrows(InvitationAnsweredException.class, () -> consortium.decline(B, LATER));
        assertThrows(InvitationAnsweredException.class, () -> consortium.decline(LEAD, LATER));
    }

    @Test
    void anOrganisationNeverInvitedHasNothingToAnswer() {
        Consortium consortium = ledWith("60");
        assertThrows(InvitationMissingException.class, () -> consortium.accept(C, LATER));
        assertThrows(InvitationMissingException.class, () -> consortium.decline(C, LATER));
    }

    @Test
    void aMemberLeavesSeesNothingAndMayBeInvitedAgainButTheLeadCannotLeave() {
        Consortium consortium = ledWith("60");
        consortium.invite(B, pct("40"), NOW);
        consortium.accept(B, LATER);
        assertTrue(consortium.isFormed());
        assertThrows(Consortium.LeadLeavingException.class, () -> consortium.leave(LEAD));
        consortium.leave(B);
        assertFalse(consortium.hasMember(B));
        assertFalse(consortium.isFormed());
        assertEquals(pct("60.00"), consortium.pledgedShares(), "the share of the member who left is free again");
        assertThrows(Consortium.InvitationMissingException.class, () -> consortium.leave(B));
        assertThrows(Consortium.InvitationMissingException.class, () -> consortium.leave(C));
        consortium.invite(B, pct("40"), LATER);
        assertEquals(ConsortiumMember.Status.INVITED, consortium.memberOf(B).orElseThrow().getStatus());
    }
}
