package org.law12348.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestLogScannerTest {

    private static final String PREFIX = "2026-11-30T02:00:00.000Z  INFO 4242 --- [main] o.l.t.i.ivr.HotlineScript : ";

    @Test
    void findsAnUnmaskedMobileNumberInALogLine() {
        assertThat(TestLogScanner.scan("tests.log", 7, PREFIX + "Caller 13912345678 chose LEGAL_AID"))
                .singleElement().satisfies(f -> {
                    assertThat(f.line()).isEqualTo(7);
                    assertThat(f.kind()).isEqualTo("mobile number");
                    assertThat(f.toString()).doesNotContain("13912345678");
                });
    }

    @Test
    void acceptsMaskedNumbersAndLongerDigitRuns() {
        assertThat(TestLogScanner.scan("tests.log", 1, PREFIX + "Caller 139****5678 chose LEGAL_AID")).isEmpty();
        assertThat(TestLogScanner.scan("tests.log", 1, PREFIX + "Loaded ticket 5013912345678 at 1764468000000"))
                .isEmpty();
        assertThat(TestLogScanner.scan("tests.log", 1, PREFIX + "id 110***********002X, user 2088********7652"))
                .isEmpty();
    }

    @Test
    void findsIdentityNumbersAlipayIdsAndFixtureOpenids() {
        assertThat(TestLogScanner.scan("t", 1, PREFIX + "id 11010519491231002X")).extracting(TestLogScanner.Finding::kind)
                .containsExactly("identity number");
        assertThat(TestLogScanner.scan("t", 1, PREFIX + "not an id 110105194912310021 (bad check character)")).isEmpty();
        assertThat(TestLogScanner.scan("t", 1, PREFIX + "user 2088102150477652 signed in"))
                .extracting(TestLogScanner.Finding::kind).containsExactly("Alipay user id");
        assertThat(TestLogScanner.scan("t", 1, PREFIX + "citizen o6_bmjrPTlm6_2sgVt7hMZOPfL12ab34cd signed in"))
                .extracting(TestLogScanner.Finding::kind).containsExactly("WeChat openid");
        assertThat(TestLogScanner.scan("t", 1, PREFIX + "citizen o6_b****34cd signed in")).isEmpty();
    }

    @Test
    void findsRowValuesThatADatabaseErrorCarries() {
        String h2 = "ERROR o.h.engine.jdbc.spi.SqlExceptionHelper : Unique index or primary key violation: "
                + "\"PUBLIC.TICKET_CHANNEL_REF_UNIQUE_INDEX_3 ON PUBLIC.TICKET(CHANNEL NULLS FIRST, CHANNEL_REF NULLS FIRST) "
                + "VALUES ( /* key:1 */ 'WEB', 'retry-8220ad28')\"; SQL statement:";
        String postgres = "ERROR o.h.engine.jdbc.batch.internal.BatchingBatch : Batch entry 0 insert into ticket "
                + "(contact_name, text) values (('赵日志'), ('单位拖欠工资')) was aborted";
        String detail = "  Detail: Key (channel, channel_ref)=(WEB, retry-1) already exists.";
        for (String line : new String[]{h2, postgres, detail}) {
            assertThat(TestLogScanner.scan("t", 1, PREFIX + line)).extracting(TestLogScanner.Finding::kind)
                    .containsExactly("row values of a refused SQL statement");
        }
        assertThat(TestLogScanner.scan("t", 1, PREFIX + "Ticket GD20261207-000001 answered again to a retried submission"))
                .isEmpty();
        // what LogMasking leaves of them
        for (String masked : new String[]{"VALUES ( /* key:1 */ …)\"; SQL statement:",
                "  Detail: Key (channel, channel_ref)=(…) already exists.",
                "Batch entry 0 insert into ticket … was aborted"}) {
            assertThat(TestLogScanner.scan("t", 1, PREFIX + masked)).as(masked).isEmpty();
        }
    }
}
