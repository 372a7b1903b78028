package org.law12348.ticketing;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which tickets a staff member sees: for consultants, only what an approved certification covers. */
class StaffMemberTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private static final RouteDecision POOL = new RouteDecision("GD-4400-VOLUNTEERS", RoutingQueue.VOLUNTEER_POOL, 24,
            "R-POOL");

    private static Ticket poolQuestion(String region, BusinessType type) {
        return new Ticket(9, new TicketNumber("GD20261128-000009"), TicketKind.CONSULTATION, Channel.WEB, "ref-9",
                CitizenContact.none(), new RegionCode(region), type, "欠薪", "公司拖欠工资三个月", POOL, "进入咨询池", NOW);
    }

    private static StaffMember consultant(String region, boolean provinceWide) {
        return new StaffMember("vol", StaffRole.CONSULTANT, null, new ConsultantScope(new RegionCode(region),
                Set.of(BusinessType.LEGAL_CONSULTATION), provinceWide));
    }

    @Test
    void aConsultantWithoutACertificationSeesNoTicketAndIsNotClearedForStaffWork() {
        StaffMember applicant = new StaffMember("applicant", StaffRole.CONSULTANT, null);

        assertThat(applicant.canSee(poolQuestion("440106", BusinessType.LEGAL_CONSULTATION))).isFalse();
        assertThat(applicant.cleared()).isFalse();
        assertThat(new StaffMember("dispatcher", StaffRole.DISPATCHER, null).cleared()).isTrue();
    }

    @Test
    void aCertifiedConsultantSeesPoolQuestionsOfTheirFieldsOnly() {
        StaffMember labour = consultant("440100", true);

        assertThat(labour.cleared()).isTrue();
        assertThat(labour.canSee(poolQuestion("440106", BusinessType.LEGAL_CONSULTATION))).isTrue();
        assertThat(labour.canSee(poolQuestion("440106", BusinessType.MEDIATION))).isFalse();
        Ticket unitTicket = new Ticket(10, new TicketNumber("GD20261128-000010"), TicketKind.SERVICE_REQUEST,
                Channel.WEB, "ref-10", CitizenContact.none(), new RegionCode("440106"), BusinessType.LEGAL_CONSULTATION,
                "欠薪", "公司拖欠工资三个月", new RouteDecision("GD-4401-LEGAL-AID", RoutingQueue.UNIT, 72, "R-UNIT"),
                "分派", NOW);
        assertThat(labour.canSee(unitTicket)).isFalse();
    }

    @Test
    void theRegionIsTheConsultantsCityUnlessThePoolIsProvinceWide() {
        Ticket shenzhen = poolQuestion("440305", BusinessType.LEGAL_CONSULTATION);
        Ticket beijing = poolQuestion("110105", BusinessType.LEGAL_CONSULTATION);

        assertThat(consultant("440100", false).canSee(shenzhen)).isFalse();
        assertThat(consultant("440100", false).canSee(poolQuestion("440106", BusinessType.LEGAL_CONSULTATION)))
                .isTrue();
        assertThat(consultant("440100", true).canSee(shenzhen)).isTrue();
        assertThat(consultant("440000", false).canSee(shenzhen)).as("certified for the whole province").isTrue();
        assertThat(consultant("440100", true).canSee(beijing)).isFalse();
    }
}
