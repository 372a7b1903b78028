package org.law12348.telephony.internal.calls;

import org.law12348.telephony.TelephonyProperties;
import org.law12348.ticketing.TicketAnonymised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Clears what the hotline keeps about an anonymised ticket: caller numbers and recordings of its
 * calls, and the numbers of its call backs (a pending one is cancelled). Runs in the anonymising
 * transaction. A recording is deleted when it lies under the configured recording directory on this
 * host (Asterisk writing to a shared or local spool); a failed delete fails the anonymisation, so the
 * next run tries again rather than leaving a voice recording without its reference. A reference
 * outside that directory is only cleared (and logged), never followed.
 */
@Component
class CallDataEraser {

    private static final Logger log = LoggerFactory.getLogger(CallDataEraser.class);

    private final CallRecords records;
    private final CallbackTasks callbacks;
    private final Clock clock;
    private final Path recordingDir;

    CallDataEraser(CallRecords records, CallbackTasks callbacks, TelephonyProperties properties, Clock clock) {
        this.records = records;
        this.callbacks = callbacks;
        this.clock = clock;
        this.recordingDir = Path.of(properties.recordingDir()).toAbsolutePath().normalize();
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TicketAnonymised event) {
        for (CallRecord call : records.findByTicketNumber(event.ticketNumber())) {
            String recording = call.anonymise();
            if (recording != null) {
                delete(recording, event.ticketNumber());
            }
        }
        for (CallbackTask callback : callbacks.findByTicketNumberOrderByCreatedAtDesc(event.ticketNumber())) {
            callback.anonymise(clock.instant());
        }
    }

    private void delete(String recording, String ticket) {
        Path file;
        try {
            file = Path.of(recording).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            file = null;
        }
        if (file == null || !file.startsWith(recordingDir)) {
            log.warn("Recording of anonymised ticket {} lies outside {}: reference cleared, file left", ticket,
                    recordingDir);
            return;
        }
        try {
            if (!Files.deleteIfExists(file)) {
                log.info("Recording of anonymised ticket {} is not on this host; reference cleared", ticket);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the recording of anonymised ticket " + ticket, e);
        }
    }
}
