package org.law12348.personaldata.privacy;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.law12348.personaldata.privacy.PersonalDataCipherTest.KEY_2025;
import static org.law12348.personaldata.privacy.PersonalDataCipherTest.KEY_2026;
import static org.law12348.personaldata.privacy.PersonalDataCipherTest.cipher;

class PersonalDataRekeyingTest {

    private final PersonalDataCipher before = cipher("k2025", Map.of("k2025", KEY_2025));
    private final PersonalDataCipher after = cipher("k2026", Map.of("k2025", KEY_2025, "k2026", KEY_2026));
    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:rekey-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(ds);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(ds));
        jdbc.execute("create table contact (id bigint primary key, phone_enc varchar(200), openid_enc varchar(200))");
    }

    @Test
    void rewritesEveryRowUnderAnOldKeyInBatchesAndLeavesTheValuesReadable() {
        for (long id = 1; id <= 7; id++) {
            jdbc.update("insert into contact values (?, ?, ?)", id, before.encrypt("1380013800" + id),
                    id % 2 == 0 ? null : before.encrypt("o6_openid" + id));
        }
        jdbc.update("insert into contact values (8, ?, null)", after.encrypt("13900139000"));
        String alreadyCurrent = jdbc.queryForObject("select phone_enc from contact where id = 8", String.class);

        PersonalDataRekeying rekeying = new PersonalDataRekeying(jdbc, transactions, after,
                List.of(new PersonalDataRekeying.EncryptedTable("contact", "id", List.of("phone_enc", "openid_enc"))), 3);
        Map<String, Integer> rewritten = rekeying.reencryptAll();

        assertThat(rewritten).containsEntry("contact", 7);
        for (Map<String, Object> row : jdbc.queryForList("select * from contact order by id")) {
            long id = ((Number) row.get("ID")).longValue();
            String phone = (String) row.get("PHONE_ENC");
            String openId = (String) row.get("OPENID_ENC");
            assertThat(phone).startsWith("v1:k2026:");
            if (id < 8) {
                assertThat(after.decrypt(phone)).isEqualTo("1380013800" + id);
            }
            if (id % 2 == 1 && id < 8) {
                assertThat(openId).startsWith("v1:k2026:");
                assertThat(after.decrypt(openId)).isEqualTo("o6_openid" + id);
            } else {
                assertThat(openId).isNull();
            }
        }
        assertThat(jdbc.queryForObject("select phone_enc from contact where id = 8", String.class))
                .isEqualTo(alreadyCurrent);
        // the old key can now leave the configuration
        PersonalDataCipher withoutOldKey = cipher("k2026", Map.of("k2026", KEY_2026));
        jdbc.queryForList("select phone_enc from contact", String.class).forEach(v -> withoutOldKey.decrypt(v));
    }

    @Test
    void aSecondRunFindsNothingLeftToRewrite() {
        jdbc.update("insert into contact values (1, ?, null)", before.encrypt("13800138000"));
        PersonalDataRekeying rekeying = new PersonalDataRekeying(jdbc, transactions, after,
                List.of(new PersonalDataRekeying.EncryptedTable("contact", "id", List.of("phone_enc", "openid_enc"))), 3);

        assertThat(rekeying.reencryptAll()).containsEntry("contact", 1);
        assertThat(rekeying.reencryptAll()).containsEntry("contact", 0);
    }
}
