package org.law12348.telephony.internal.calls;

import org.law12348.telephony.TelephonyProperties;
import org.law12348.ticketing.CitizenErased;
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
 * calls, and the numbers of its call backs (a pending one is cancelled). When a citizen is erased it
 * does the same for every call from and call back to their numbers, also those no ticket names (a
 * call answered without a ticket, an abandoned one), which the call log would otherwise still find
 * by the number. Runs in the anonymising or erasing transaction. A recording is deleted when it lies under the configured recording directory on this
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
                delete(recording, "ticket " + event.ticketNumber());
            }
        }
        for (CallbackTask callback : callbacks.findByTicketNumberOrderByCreatedAtDesc(event.ticketNumber())) {
            callback.anonymise(clock.instant());
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(CitizenErased event) {
        for (String phoneHash : event.phoneHashes()) {
            for (CallRecord call : records.findByCallerPhoneHash(phoneHash)) {
                String recording = call.anonymise();
                if (recording != null) {
                    delete(recording, "call " + call.callId());
                }
            }
            for (CallbackTask callback : callbacks.findByPhoneHash(phoneHash)) {
                callback.anonymise(clock.instant());
            }
        }
    }

    /** {@code of} names what the recording belonged to, for the log: a ticket or a call. */
    void delete(String recording, String of) {
        Path file;
        try {
            file = Path.of(recording).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            file = null;
        }
        if (file == null || !file.startsWith(recordingDir)) {
            log.warn("Recording of erased {} lies outside {}: reference cleared, file left", of, recordingDir);
            return;
        }
        try {
            if (!Files.deleteIfExists(file)) {
                log.info("Recording of erased {} is not on this host; reference cleared", of);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the recording of erased " + of, e);
        }
    }
}
