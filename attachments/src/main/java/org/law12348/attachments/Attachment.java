package org.law12348.attachments;

import java.time.Instant;

/**
 * One file attached to a ticket, as stored: its name as the sender gave it (cleaned), the type its
 * content has, its size and content hash after image metadata was stripped, and who added it
 * ({@code addedBy} a staff username, {@code citizen} or the name of a module's automation;
 * {@code addedByRole} a staff role, {@code CITIZEN} or {@code SYSTEM}).
 */
public record Attachment(long id, String ticketNumber, AttachmentKind kind, String fileName, String contentType,
                         long size, String sha256, String addedBy, String addedByRole, Instant addedAt) {

    public boolean fromCitizen() {
        return "CITIZEN".equals(addedByRole);
    }
}
