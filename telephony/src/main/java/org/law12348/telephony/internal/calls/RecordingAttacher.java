package org.law12348.telephony.internal.calls;

import org.law12348.attachments.Attachment;
import org.law12348.attachments.AttachmentKind;
import org.law12348.attachments.AttachmentRefusedException;
import org.law12348.attachments.TicketAttachments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * Puts a call's recording on the ticket its summary went to, as an attachment staff play and keep with
 * the ticket (its retention and erasure then apply to the copy). Attaching the same recording again
 * answers the first attachment, so a resubmitted summary adds nothing. A recording the attachment
 * rules refuse (too large, not audio) leaves the summary standing: the call log still plays it.
 */
@Component
class RecordingAttacher {

    private static final Logger log = LoggerFactory.getLogger(RecordingAttacher.class);

    private final Recordings recordings;
    private final TicketAttachments attachments;

    RecordingAttacher(Recordings recordings, TicketAttachments attachments) {
        this.recordings = recordings;
        this.attachments = attachments;
    }

    void attach(CallRecord call, String ticketNumber) {
        recordings.of(call).ifPresent(recording -> {
            String name = recording.file().getFileName().toString();
            String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
            String fileName = "call-" + call.callId().replaceAll("[^0-9A-Za-z-]", "-") + extension;
            try (InputStream content = Files.newInputStream(recording.file())) {
                Attachment attached = attachments.attach(ticketNumber, AttachmentKind.CALL_RECORDING, fileName, content,
                        "telephony");
                log.info("Recording of call {} is attachment {} of ticket {}", call.callId(), attached.id(), ticketNumber);
            } catch (AttachmentRefusedException | IOException e) {
                log.warn("Recording of call {} not attached to ticket {}: {}", call.callId(), ticketNumber, e.getMessage());
            }
        });
    }
}
