package org.law12348.personaldata.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogMaskingTest {

    @Test
    void masksMobileNumbersWithOrWithoutTheCountryCode() {
        assertThat(LogMasking.mask("Caller 13800138000 chose 2")).isEqualTo("Caller 138****8000 chose 2");
        assertThat(LogMasking.mask("from +8613912345678.")).isEqualTo("from 139****5678.");
        assertThat(LogMasking.mask("callerid=8618688886666;")).isEqualTo("callerid=186****6666;");
    }

    @Test
    void leavesLongerDigitRunsAndOrdinaryNumbersAlone() {
        assertThat(LogMasking.mask("ticket id 5000000000123 at 1764468000000"))
                .isEqualTo("ticket id 5000000000123 at 1764468000000");
        assertThat(LogMasking.mask("Loaded 1000 tickets in 12 s")).isEqualTo("Loaded 1000 tickets in 12 s");
    }

    @Test
    void masksIdentityNumbersAlipayIdsOpenidsAndFixedLines() {
        assertThat(LogMasking.mask("id 11010519491231002X ok")).isEqualTo("id 110***********002X ok");
        assertThat(LogMasking.mask("user 2088102150477652")).isEqualTo("user 2088********7652");
        assertThat(LogMasking.mask("openid o6_bmjrPTlm6_2sgVt7hMZOPfL2M signed in"))
                .isEqualTo("openid o6_b****fL2M signed in");
        assertThat(LogMasking.mask("unit phone 02083838383")).isEqualTo("unit phone 020****8383");
    }

    /** Issue 17, item 9: question texts are masked with these rules, and people type numbers in groups. */
    @Test
    void masksNumbersAsPeopleTypeThemInGroups() {
        assertThat(LogMasking.mask("电话138 0013 8000，或138-0013-8000")).isEqualTo("电话138****8000，或138****8000");
        assertThat(LogMasking.mask("+86 139 1234 5678")).isEqualTo("139****5678");
        assertThat(LogMasking.mask("身份证110105 19491231 002X。")).isEqualTo("身份证110***********002X。");
        assertThat(LogMasking.mask("单位电话020-83838383、020 8383 8383")).isEqualTo("单位电话020****8383、020****8383");
        assertThat(LogMasking.mask("2026-01-06 欠薪 3000 元，工作了 12 个月")).isEqualTo("2026-01-06 欠薪 3000 元，工作了 12 个月");
    }

    @Test
    void leavesWordsThatOnlyLookLikeOpenidsAlone() {
        assertThat(LogMasking.mask("outsourcedDeadlineHours=48")).isEqualTo("outsourcedDeadlineHours=48");
    }

    @Test
    void dropsTheRowValuesOfARefusedStatementAndKeepsWhatWasRefused() {
        assertThat(LogMasking.mask("Unique index or primary key violation: \"PUBLIC.MINIAPP_CITIZEN_WECHAT_HASH_UNIQUE_INDEX_A "
                + "ON PUBLIC.MINIAPP_CITIZEN(WECHAT_OPENID_HASH NULLS FIRST) VALUES ( /* 62 */ 'ed6bd4f8bd25' )\"; SQL statement:"))
                .isEqualTo("Unique index or primary key violation: \"PUBLIC.MINIAPP_CITIZEN_WECHAT_HASH_UNIQUE_INDEX_A "
                        + "ON PUBLIC.MINIAPP_CITIZEN(WECHAT_OPENID_HASH NULLS FIRST) VALUES ( /* 62 */ … )\"; SQL statement:");
        assertThat(LogMasking.mask("VALUES ( /* key:1 */ 'WEB', 'retry-8220ad28')\"; SQL statement:"))
                .isEqualTo("VALUES ( /* key:1 */ …)\"; SQL statement:");
        assertThat(LogMasking.mask("  Detail: Key (channel, channel_ref)=(WEB, retry-1) already exists."))
                .isEqualTo("  Detail: Key (channel, channel_ref)=(…) already exists.");
        assertThat(LogMasking.mask("Batch entry 0 insert into ticket (contact_name, text) values (('赵日志'), ('单位拖欠工资')) "
                + "was aborted: ERROR"))
                .isEqualTo("Batch entry 0 insert into ticket … was aborted: ERROR");
        String masked = LogMasking.mask("Key (phone_hash)=(abc) already exists");
        assertThat(LogMasking.mask(masked)).as("masking twice changes nothing").isEqualTo(masked);
    }
}
