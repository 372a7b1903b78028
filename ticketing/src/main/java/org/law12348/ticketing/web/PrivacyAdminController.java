package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.personaldata.privacy.PersonalDataRekeying;
import org.law12348.ticketing.CurrentStaff;
import org.law12348.ticketing.StaffRole;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Key rotation for administrators: moves every stored personal value onto the active key. */
@RestController
@Tag(name = "privacy", description = "个人信息加密密钥轮换")
class PrivacyAdminController {

    record ReencryptionResult(String activeKey, Map<String, Integer> rewrittenRows) {
    }

    private final PersonalDataRekeying rekeying;
    private final PersonalDataCipher cipher;
    private final CurrentStaff currentStaff;

    PrivacyAdminController(PersonalDataRekeying rekeying, PersonalDataCipher cipher, CurrentStaff currentStaff) {
        this.rekeying = rekeying;
        this.cipher = cipher;
        this.currentStaff = currentStaff;
    }

    @PostMapping("/api/v1/admin/privacy/re-encryption")
    @Operation(summary = "用当前密钥重新加密所有旧密钥下的个人信息（仅管理员）",
            description = "分批改写；完成后旧密钥即可从配置中移除")
    ReencryptionResult reencrypt() {
        if (!currentStaff.require().hasRole(StaffRole.ADMIN)) {
            throw new AccessDeniedException("只有管理员可以轮换加密密钥");
        }
        return new ReencryptionResult(cipher.activeKeyId(), rekeying.reencryptAll());
    }
}
