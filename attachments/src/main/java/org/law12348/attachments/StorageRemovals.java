package org.law12348.attachments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Deletes attachment files together with their rows: the file is set aside now, under the ticket's row
 * lock the caller holds, deleted when the transaction commits and put back when it rolls back. A crash
 * in between leaves a set-aside file, which the sweep deletes ({@link AttachmentFileSweep}).
 */
@Component
class StorageRemovals {

    private static final Logger log = LoggerFactory.getLogger(StorageRemovals.class);

    private final AttachmentStorage storage;

    StorageRemovals(AttachmentStorage storage) {
        this.storage = storage;
    }

    void afterCommit(String ticketNumber, String sha256) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("An attachment's file is removed only inside the transaction deleting its row");
        }
        AttachmentStorage.Removal removal;
        try {
            removal = storage.remove(ticketNumber, sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set aside an attachment of " + ticketNumber, e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                try {
                    if (status == STATUS_COMMITTED) {
                        removal.complete();
                    } else {
                        removal.undo();
                    }
                } catch (IOException e) {
                    log.warn("Attachment file of {} left for the sweep: {}", ticketNumber, e.toString());
                }
            }
        });
    }
}
