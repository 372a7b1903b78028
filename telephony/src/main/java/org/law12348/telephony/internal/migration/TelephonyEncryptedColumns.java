package org.law12348.telephony.internal.migration;

import org.law12348.personaldata.privacy.PersonalDataRekeying.EncryptedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The hotline's encrypted columns, for the re-encryption after a key rotation. */
@Configuration(proxyBeanMethods = false)
class TelephonyEncryptedColumns {

    @Bean
    EncryptedTable callRecordColumns() {
        return new EncryptedTable("call_record", "id", List.of("caller_phone_enc"));
    }

    @Bean
    EncryptedTable callbackTaskColumns() {
        return new EncryptedTable("callback_task", "id", List.of("phone_enc"));
    }
}
