package org.law12348.ticketing.web;

import org.junit.jupiter.api.Test;
import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditQuery;
import org.law12348.ticketing.InvalidInputException;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit page's filters as an administrator types them (ticketing's web layer reads them now). */
class AuditQueryFormTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Test
    void aDateMeansItsWholeDayInChinaAndBlankFiltersAreNone() {
        AuditQuery query = AuditQueryForm.parse(" ", "gd20261208-000001", "TICKET_VIEWED", "2026-12-01", "2026-12-07",
                CHINA);

        assertThat(query.actor()).isNull();
        assertThat(query.ticketNumber()).isEqualTo("GD20261208-000001");
        assertThat(query.action()).isEqualTo(AuditAction.TICKET_VIEWED);
        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-12-07T16:00:00Z"));
    }

    @Test
    void eachMalformedFilterIsRefusedNamingItsField() {
        assertThatThrownBy(() -> AuditQueryForm.parse(null, null, null, "last week", null, CHINA))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("from"));
        assertThatThrownBy(() -> AuditQueryForm.parse(null, "GD-1", null, null, null, CHINA))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo("ticketNumber.malformed"));
        assertThatThrownBy(() -> AuditQueryForm.parse(null, null, "DROP_TABLE", null, null, CHINA))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("action"));
    }
}
