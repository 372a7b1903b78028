package org.law12348.personaldata.privacy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/** The one cipher every module encrypts personal data with, from {@code law12348.privacy.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyConfiguration {

    @Bean
    PersonalDataCipher personalDataCipher(PrivacyProperties properties) {
        return new PersonalDataCipher(properties);
    }

    /** Ticketing's encrypted columns, for the re-encryption after a key rotation. */
    @Bean
    PersonalDataRekeying.EncryptedTable ticketContactColumns() {
        return new PersonalDataRekeying.EncryptedTable("ticket", "id", List.of("contact_phone_enc",
                "contact_id_number_enc", "wechat_openid_enc", "alipay_user_id_enc"));
    }

    @Bean
    PersonalDataRekeying personalDataRekeying(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                              PersonalDataCipher cipher,
                                              List<PersonalDataRekeying.EncryptedTable> tables) {
        return new PersonalDataRekeying(jdbc, new TransactionTemplate(transactions), cipher, tables, 500);
    }
}
