package org.law12348.telephony.internal.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.personaldata.privacy.PlaintextEncryption;
import org.law12348.personaldata.privacy.PlaintextEncryption.Column;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Encrypts the caller numbers of calls and call backs stored in clear before V3_90, then drops the
 * clear columns (a call back's number becomes mandatory in its encrypted form). A Spring bean, so
 * Flyway runs it with the configured keys.
 */
@Component
class V3_91__Encrypt_caller_numbers extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V3_91__Encrypt_caller_numbers.class);

    private final PersonalDataCipher cipher;

    V3_91__Encrypt_caller_numbers(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public void migrate(Context context) throws Exception {
        PlaintextEncryption encryption = new PlaintextEncryption(cipher);
        int calls = encryption.encrypt(context.getConnection(), "call_record", "id",
                List.of(new Column("caller_phone", "caller_phone_enc", "caller_phone_hash")));
        int callbacks = encryption.encrypt(context.getConnection(), "callback_task", "id",
                List.of(new Column("phone", "phone_enc", "phone_hash")));
        PlaintextEncryption.execute(context.getConnection(),
                "drop index if exists call_record_caller",
                "alter table call_record drop column caller_phone",
                "alter table callback_task drop column phone",
                "alter table callback_task alter column phone_enc set not null",
                "alter table callback_task alter column phone_hash set not null");
        log.info("Encrypted the numbers of {} calls and {} call backs; clear columns dropped", calls, callbacks);
    }
}
