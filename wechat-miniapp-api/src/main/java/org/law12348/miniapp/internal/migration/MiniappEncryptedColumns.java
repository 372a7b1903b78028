package org.law12348.miniapp.internal.migration;

import org.law12348.personaldata.privacy.PersonalDataRekeying.EncryptedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The mini-program channel's encrypted columns, for the re-encryption after a key rotation. */
@Configuration(proxyBeanMethods = false)
class MiniappEncryptedColumns {

    @Bean
    EncryptedTable miniappCitizenColumns() {
        return new EncryptedTable("miniapp_citizen", "id",
                List.of("wechat_openid_enc", "wechat_unionid_enc", "alipay_user_id_enc", "phone_enc"));
    }

    @Bean
    EncryptedTable miniappNotificationColumns() {
        return new EncryptedTable("miniapp_notification", "id", List.of("recipient_enc"));
    }
}
