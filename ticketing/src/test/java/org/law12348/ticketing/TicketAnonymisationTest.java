package org.law12348.ticketing;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketAnonymisationTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    private static Ticket closedTicketWithContact() {
        Ticket ticket = new Ticket(8, new TicketNumber("GD20261128-000008"), TicketKind.SERVICE_REQUEST, Channel.WECHAT,
                "ref-8", new CitizenContact("张三", new PhoneNumber("13800138000"), "openid-8", null),
                new RegionCode("440106"), BusinessType.LEGAL_AID, "张三欠薪", "我叫张三，公司拖欠工资三个月",
                new RouteDecision("GD-4401-LEGAL-AID", RoutingQueue.UNIT, 72, "R"), "分派", NOW);
        ticket.answer("handler-gz", "符合法律援助条件", NOW);
        ticket.rate(2, "张三不满意", NOW);
        ticket.close("handler-gz", "办结", NOW);
        return ticket;
    }

    @Test
    void anonymisingAClosedTicketRemovesContactAndTextsButKeepsTheFactsForStatistics() {
        Ticket ticket = closedTicketWithContact();

        boolean changed = ticket.anonymise(AnonymisationReason.RETENTION, NOW.plusSeconds(5));

        assertThat(changed).isTrue();
        assertThat(ticket.contact().name()).isNull();
        assertThat(ticket.contact().phone()).isNull();
        assertThat(ticket.contact().wechatOpenId()).isNull();
        assertThat(ticket.subject()).isEqualTo("（已按保存期限匿名化）");
        assertThat(ticket.text()).isEqualTo("（已按保存期限匿名化）");
        assertThat(ticket.satisfactionComment()).isNull();
        assertThat(ticket.satisfaction()).isEqualTo(2);
        assertThat(ticket.region().value()).isEqualTo("440106");
        assertThat(ticket.businessType()).isEqualTo(BusinessType.LEGAL_AID);
        assertThat(ticket.closedAt()).isEqualTo(NOW);
        assertThat(ticket.anonymisedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void anonymisingTwiceKeepsTheFirstDateAndReportsNoChange() {
        Ticket ticket = closedTicketWithContact();
        ticket.anonymise(AnonymisationReason.ERASURE_REQUEST, NOW.plusSeconds(5));

        boolean again = ticket.anonymise(AnonymisationReason.RETENTION, NOW.plusSeconds(60));

        assertThat(again).isFalse();
        assertThat(ticket.anonymisedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(ticket.text()).isEqualTo("（已应市民要求删除个人信息）");
    }

    @Test
    void anOpenTicketCannotBeAnonymised() {
        Ticket open = new Ticket(9, new TicketNumber("GD20261128-000009"), TicketKind.CONSULTATION, Channel.WEB, "ref-9",
                CitizenContact.none(), new RegionCode("440106"), BusinessType.LEGAL_CONSULTATION, "问", "问题正文",
                new RouteDecision("GD-4401-LEGAL-AID", RoutingQueue.UNIT, 72, "R"), "分派", NOW);

        assertThatThrownBy(() -> open.anonymise(AnonymisationReason.RETENTION, NOW))
                .isInstanceOf(TicketStateException.class);
        assertThat(open.anonymisedAt()).isNull();
    }
}
