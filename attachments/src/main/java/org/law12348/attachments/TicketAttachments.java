package org.law12348.attachments;

import java.io.InputStream;

/**
 * The port through which other modules attach files to a ticket — telephony its call recordings, a
 * channel the images a citizen sent with a submission. The file goes through the same checks as an
 * upload in the workspace: size and count limits, type by content, image metadata stripped.
 */
public interface TicketAttachments {

    /**
     * Attaches {@code content} to the ticket as added by {@code addedBy}, a module's automation (e.g.
     * {@code telephony}; audited with the role {@code SYSTEM}) or {@code citizen} for what the ticket's
     * citizen sent through a channel (then the citizen sees it too). The stream is read to its end but
     * not closed.
     *
     * <p>Idempotent: attaching the same content to the same ticket again answers the attachment made
     * the first time. Nothing is left behind when it fails: the file is stored only together with its row.
     *
     * @param fileName the name the file had (only the last path segment is kept; its extension must
     *                 agree with the content, and the proper one is added when it has none)
     * @return the attachment, with its id for the workspace's links
     * @throws AttachmentRefusedException too large, a type not accepted or not the one the name says,
     *                                    an unreadable image, or the ticket holds as many as it may
     * @throws org.law12348.ticketing.TicketNotFoundException no such ticket
     * @throws org.law12348.ticketing.TicketStateException the ticket's personal data has been removed
     */
    Attachment attach(String ticketNumber, AttachmentKind kind, String fileName, InputStream content, String addedBy);
}
