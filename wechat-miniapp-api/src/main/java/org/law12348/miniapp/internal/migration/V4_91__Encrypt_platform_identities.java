package org.law12348.miniapp.internal.migration;

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
 * Encrypts the openids, unionids, Alipay user ids and phone numbers of mini-program citizens, and the
 * recipients of queued notifications, stored in clear before V4_90; then drops the clear columns.
 * A Spring bean, so Flyway runs it with the configured keys.
 */
@Component
class V4_91__Encrypt_platform_identities extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V4_91__Encrypt_platform_identities.class);

    private final PersonalDataCipher cipher;

    V4_91__Encrypt_platform_identities(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public void migrate(Context context) throws Exception {
        PlaintextEncryption encryption = new PlaintextEncryption(cipher);
        int citizens = encryption.encrypt(context.getConnection(), "miniapp_citizen", "id", List.of(
                new Column("wechat_openid", "wechat_openid_enc", "wechat_openid_hash"),
                new Column("wechat_unionid", "wechat_unionid_enc", null),
                new Column("alipay_user_id", "alipay_user_id_enc", "alipay_user_id_hash"),
                new Column("phone", "phone_enc", "phone_hash")));
        int notifications = encryption.encrypt(context.getConnection(), "miniapp_notification", "id",
                List.of(new Column("recipient", "recipient_enc", null)));
        PlaintextEncryption.execute(context.getConnection(),
                "alter table miniapp_citizen drop constraint miniapp_citizen_wechat_unique",
                "alter table miniapp_citizen drop constraint miniapp_citizen_alipay_unique",
                "drop index if exists miniapp_citizen_phone",
                "alter table miniapp_citizen drop column wechat_openid",
                "alter table miniapp_citizen drop column wechat_unionid",
                "alter table miniapp_citizen drop column alipay_user_id",
                "alter table miniapp_citizen drop column phone",
                "alter table miniapp_notification drop column recipient",
                "alter table miniapp_notification alter column recipient_enc set not null");
        log.info("Encrypted {} mini-program citizens and {} notifications; clear columns dropped", citizens,
                notifications);
    }
}
