package org.law12348.ticketing.retention;

import org.law12348.ticketing.internal.CitizenWriteKeys;
import org.springframework.stereotype.Component;

/**
 * Deletes, in every retention run, the web's write keys older than two days: a retry comes within
 * seconds or minutes, and the hash of a follow-up's text has no use after that.
 */
@Component
class OldCitizenWriteKeys implements RetentionParticipant {

    private final CitizenWriteKeys keys;

    OldCitizenWriteKeys(CitizenWriteKeys keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "ticketing.citizenWriteKeys";
    }

    @Override
    public String description() {
        return "市民网上追问、确认和评价的重复提交校验记录（保存两天）";
    }

    @Override
    public int deleteDue(String actor) {
        return keys.deleteOld();
    }
}
