package org.law12348.miniapp;

import org.junit.jupiter.api.Test;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.clocks.LegalClockService;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in citizen reads the legal clocks of their own tickets, exactly where they may read the ticket. */
class MiniappClocksTest extends MiniappTestSupport {

    private static final StaffMember DISPATCHER = new StaffMember("dispatcher", StaffRole.DISPATCHER, null);

    @Autowired
    LegalClockService clocks;

    @Test
    void theOwnerSeesTheArbitrationClockAndAnotherCitizenSeesNothing() {
        String owner = wechatCitizen();
        String number = ask(owner, "公司2026年3月14日把我辞退了，还能申请劳动仲裁吗？");
        clocks.add(number, "LABOUR_ARBITRATION", "2026-03-14", DISPATCHER);

        Response mine = get("/api/v1/miniapp/tickets/" + number + "/clocks", owner);
        Response theirs = get("/api/v1/miniapp/tickets/" + number + "/clocks", wechatCitizen());

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().path("clocks").get(0).path("name").asText()).isEqualTo("劳动仲裁申请期限");
        // one year from 14 March 2026 is Sunday 14 March 2027: the period runs to Monday the 15th
        assertThat(mine.body().path("clocks").get(0).path("dueDate").asText()).isEqualTo("2027-03-15");
        // the summary says "截止，还剩N天" or "已于…届满" by the test clock, which other tests of this context move
        assertThat(mine.body().path("clocks").get(0).path("summary").asText()).startsWith("劳动仲裁申请期限：")
                .contains("2027年3月15日");
        assertThat(mine.body().path("disclaimer").asText()).contains("不构成法律意见");
        assertThat(theirs.status()).isEqualTo(404);
    }
}
