package org.law12348.ticketing.internal.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.personaldata.privacy.PlaintextEncryption;
import org.law12348.personaldata.privacy.PlaintextEncryption.Column;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Encrypts the contact phone and platform ids tickets stored in clear before V1_90, then drops the
 * clear columns. A Spring bean, so Flyway runs it with the configured keys (Boot hands every
 * {@code JavaMigration} bean to Flyway).
 */
@Component
class V1_91__Encrypt_ticket_contacts extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V1_91__Encrypt_ticket_contacts.class);

    private final PersonalDataCipher cipher;

    V1_91__Encrypt_ticket_contacts(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public void migrate(Context context) throws Exception {
        int rows = new PlaintextEncryption(cipher).encrypt(context.getConnection(), "ticket", "id", List.of(
                new Column("contact_phone", "contact_phone_enc", "contact_phone_hash",
                        V1_91__Encrypt_ticket_contacts::normalisedPhone),
                new Column("wechat_openid", "wechat_openid_enc", "wechat_openid_hash"),
                new Column("alipay_user_id", "alipay_user_id_enc", "alipay_user_id_hash")));
        PlaintextEncryption.execute(context.getConnection(),
                "drop index if exists ticket_contact_phone",
                "alter table ticket drop column contact_phone",
                "alter table ticket drop column wechat_openid",
                "alter table ticket drop column alipay_user_id");
        log.info("Encrypted the contact data of {} existing tickets; clear columns dropped", rows);
    }

    static String normalisedPhone(String stored) {
        try {
            return new PhoneNumber(stored).value();
        } catch (InvalidInputException notAPhoneNumber) {
            return stored;
        }
    }
}
