package org.law12348.consultation;

import org.law12348.ticketing.retention.RetentionParticipant;
import org.springframework.stereotype.Component;

/** Deletes, in every retention run, licence photos uploaded on the sign-up page that no registration named. */
@Component
class UnboundLicenceDocuments implements RetentionParticipant {

    private final LicenceDocuments documents;

    UnboundLicenceDocuments(LicenceDocuments documents) {
        this.documents = documents;
    }

    @Override
    public String name() {
        return "consultation.unboundLicenceDocuments";
    }

    @Override
    public String description() {
        return "咨询师注册时上传但未提交注册的执业证照片（保存一天）";
    }

    @Override
    public int deleteDue(String actor) {
        return documents.deleteUnbound();
    }
}
