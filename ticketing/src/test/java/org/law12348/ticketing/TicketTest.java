package org.law12348.ticketing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private static final RouteDecision LEGAL_AID = new RouteDecision("GD-4401-LEGAL-AID", RoutingQueue.UNIT, 72,
            "R-4401-LEGAL-AID");

    private static Ticket newTicket() {
        return new Ticket(7, new TicketNumber("GD20261128-000007"), TicketKind.SERVICE_REQUEST, Channel.WEB, "ref-7",
                CitizenContact.none(), new RegionCode("440106"), BusinessType.LEGAL_AID, "欠薪", "公司拖欠工资三个月",
                LEGAL_AID, "分派至广州市法律援助中心", NOW);
    }

    @Test
    void aNewTicketIsRoutedWithItsDeadlineAndRecordsCreation() {
        Ticket ticket = newTicket();

        assertThat(ticket.status()).isEqualTo(TicketStatus.ROUTED);
        assertThat(ticket.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(72)));
        assertThat(ticket.timeline()).extracting(TimelineEntry::type)
                .containsExactly(TimelineEventType.CREATED, TimelineEventType.ROUTED);
        assertThat(ticket.drainEvents()).singleElement().isInstanceOf(TicketEvent.TicketCreated.class);
        assertThat(ticket.drainEvents()).isEmpty();
    }

    @Test
    void answeringAnUnacceptedTicketAcceptsItFirst() {
        Ticket ticket = newTicket();
        ticket.drainEvents();

        ticket.answer("handler-gz", "符合法律援助条件", NOW.plusSeconds(60));

        assertThat(ticket.status()).isEqualTo(TicketStatus.ANSWERED);
        assertThat(ticket.firstAnsweredAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(ticket.drainEvents()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("TicketAccepted", "TicketAnswered");
    }

    @Test
    void aCitizenRatesOnceAndASecondRatingChangesNothing() {
        Ticket ticket = newTicket();
        ticket.answer("handler-gz", "符合法律援助条件", NOW.plusSeconds(60));
        ticket.rate(5, "很及时", NOW.plusSeconds(120));

        assertThatThrownBy(() -> ticket.rate(1, "改成差评", NOW.plusSeconds(180)))
                .isInstanceOf(RatingAlreadyGivenException.class)
                .hasMessageContaining(ticket.number());
        assertThat(ticket.satisfaction()).isEqualTo(5);
        assertThat(ticket.satisfactionComment()).isEqualTo("很及时");
        assertThat(ticket.timeline()).extracting(TimelineEntry::type).containsOnlyOnce(TimelineEventType.RATED);
    }

    @Test
    void aClosedTicketCannotBeAnsweredOrReassigned() {
        Ticket ticket = newTicket();
        ticket.close("dispatcher", "重复提交", NOW);

        assertThatThrownBy(() -> ticket.answer("dispatcher", "答复", NOW))
                .isInstanceOf(TicketStateException.class)
                .hasMessageContaining("CLOSED");
        assertThatThrownBy(() -> ticket.reassignTo(LEGAL_AID, "转派", "dispatcher", NOW))
                .isInstanceOf(TicketStateException.class);
    }

    @Test
    void reassignmentClearsTheAssigneeAndRestartsTheDeadline() {
        Ticket ticket = newTicket();
        ticket.accept("handler-gz", NOW);
        RouteDecision shenzhen = new RouteDecision("GD-4403-LEGAL-AID", RoutingQueue.UNIT, 72, "MANUAL");

        ticket.reassignTo(shenzhen, "申请人住在深圳", "dispatcher", NOW.plus(Duration.ofHours(5)));

        assertThat(ticket.handlingUnit()).isEqualTo("GD-4403-LEGAL-AID");
        assertThat(ticket.assignee()).isNull();
        assertThat(ticket.status()).isEqualTo(TicketStatus.ROUTED);
        assertThat(ticket.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(77)));
    }

    /** Issue 19: reassigning to the unit already handling the ticket was accepted and silently changed nothing. */
    @Test
    void reassigningToTheSameUnitIsRefusedAndKeepsTheAssigneeAndDeadline() {
        Ticket ticket = newTicket();
        ticket.accept("handler-gz", NOW);

        assertThatThrownBy(() -> ticket.reassignTo(LEGAL_AID, "再派一次", "dispatcher", NOW.plusSeconds(60)))
                .isInstanceOf(SameUnitException.class)
                .satisfies(e -> assertThat(((SameUnitException) e).unitCode()).isEqualTo("GD-4401-LEGAL-AID"));
        assertThat(ticket.assignee()).isEqualTo("handler-gz");
        assertThat(ticket.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(72)));
    }

    @Test
    void aRerouteThatCorrectsNothingIsRefused() {
        Ticket ticket = newTicket();

        assertThatThrownBy(() -> ticket.reroute(new RegionCode("440106"), BusinessType.LEGAL_AID, LEGAL_AID, "没有变化",
                "dispatcher", NOW)).isInstanceOf(InvalidInputException.class);
        assertThat(ticket.timeline()).extracting(TimelineEntry::type).doesNotContain(TimelineEventType.REROUTED);
    }

    @Test
    void routeTextsGiveTheRuleIdApartFromWhatStaffRead() {
        RouteTexts.Split split = RouteTexts.split("分派至广州市法律援助中心（承办单位），办理时限72小时，规则 R-4401-LEGAL-AID");

        assertThat(split.text()).isEqualTo("分派至广州市法律援助中心（承办单位），办理时限72小时");
        assertThat(split.ruleId()).isEqualTo("R-4401-LEGAL-AID");
        assertThat(RouteTexts.split("已电话联系，规则 待定。")).isEqualTo(new RouteTexts.Split("已电话联系，规则 待定。", null));
    }

    @Test
    void notesAreNotPartOfTheCitizensView() {
        Ticket ticket = newTicket();
        ticket.addNote("dispatcher", "申请人情绪激动，注意沟通方式", NOW);

        assertThat(ticket.timeline()).filteredOn(TimelineEntry::visibleToCitizen).extracting(TimelineEntry::type)
                .doesNotContain(TimelineEventType.NOTE);
    }

    @Test
    void overdueMeansOpenUnansweredAndPastTheDeadline() {
        Ticket ticket = newTicket();
        assertThat(ticket.isOverdue(NOW.plus(Duration.ofHours(71)))).isFalse();
        assertThat(ticket.isOverdue(NOW.plus(Duration.ofHours(73)))).isTrue();
        ticket.answer("handler-gz", "已答复", NOW.plus(Duration.ofHours(73)));
        assertThat(ticket.isOverdue(NOW.plus(Duration.ofHours(80)))).isFalse();
    }
}
