package org.law12348.attachments;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.ticketing.Ticket;
import org.law12348.ticketing.retention.RetentionParticipant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;

/**
 * Deletes, in every retention run, the files of the attachment storage that no row names and that are
 * older than the grace period: uploads interrupted between storing and committing, staged files of a
 * crashed upload, removals interrupted between commit and deletion. No orphan survives a run.
 */
@Component
class AttachmentFileSweep implements RetentionParticipant {

    private final AttachmentStorage storage;
    private final Attachments attachments;
    private final AttachmentProperties properties;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AttachmentFileSweep(AttachmentStorage storage, Attachments attachments, AttachmentProperties properties,
                        AuditTrail audit, PlatformTransactionManager transactionManager, Clock clock) {
        this.storage = storage;
        this.attachments = attachments;
        this.properties = properties;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "ticketing.attachmentOrphans";
    }

    @Override
    public String description() {
        return "附件存储中没有对应记录的文件（中断的上传或删除留下的）";
    }

    @Override
    public int deleteDue(String actor) {
        Instant before = clock.instant().minus(properties.orphanGrace());
        int deleted = 0;
        try {
            for (AttachmentStorage.Stored file : storage.stored()) {
                boolean orphan = file.leftover() || !attachments.names(file.ticketNumber(), file.sha256());
                if (orphan && file.modifiedAt().isBefore(before) && storage.delete(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sweep the attachment storage", e);
        }
        if (deleted > 0) {
            int count = deleted;
            transactions.executeWithoutResult(tx -> audit.change(actor == null ? Ticket.SYSTEM : actor,
                    AuditAction.ATTACHMENT_DELETED, AuditSubject.none(), "清理无记录的附件文件：" + count + "个"));
        }
        return deleted;
    }
}
