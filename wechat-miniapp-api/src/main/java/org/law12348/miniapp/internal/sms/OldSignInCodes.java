package org.law12348.miniapp.internal.sms;

import org.law12348.ticketing.retention.RetentionParticipant;
import org.springframework.stereotype.Component;

/**
 * Deletes SMS sign-in codes once they can neither be used nor count against a limit (two days old),
 * in every retention run. They hold only keyed hashes, but a hash of a number still points to a person.
 */
@Component
class OldSignInCodes implements RetentionParticipant {

    private final SignInCodes codes;

    OldSignInCodes(SignInCodes codes) {
        this.codes = codes;
    }

    @Override
    public String name() {
        return "miniapp.smsSignInCodes";
    }

    @Override
    public String description() {
        return "过期的短信登录验证码";
    }

    @Override
    public int deleteDue(String actor) {
        return codes.deleteOld();
    }
}
