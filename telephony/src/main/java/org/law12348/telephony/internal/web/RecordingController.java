package org.law12348.telephony.internal.web;

import org.law12348.personaldata.audit.AuditAction;
import org.law12348.personaldata.audit.AuditSubject;
import org.law12348.personaldata.audit.AuditTrail;
import org.law12348.telephony.internal.calls.CallLog;
import org.law12348.telephony.internal.calls.CallRecord;
import org.law12348.telephony.internal.calls.Recordings;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketService;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A call's recording for the browser's audio player, with byte ranges (the player seeks and resumes
 * with them). Spring MVC cuts the ranges out of the returned resource (206 with Content-Range);
 * the range is checked here first, because an unsatisfiable one would otherwise be answered 416
 * with the whole file as its body. Every request that serves bytes is a read of the citizen's voice
 * and is audited, a seek as well as the first play: the audit is there to show who listened to what.
 */
@RestController
class RecordingController {

    private final StaffGate gate;
    private final CallLog calls;
    private final Recordings recordings;
    private final TicketService tickets;
    private final AuditTrail audit;

    RecordingController(StaffGate gate, CallLog calls, Recordings recordings, TicketService tickets, AuditTrail audit) {
        this.gate = gate;
        this.calls = calls;
        this.recordings = recordings;
        this.tickets = tickets;
        this.audit = audit;
    }

    @GetMapping("/api/v1/staff/calls/{callId}/recording")
    ResponseEntity<Resource> recording(@PathVariable String callId,
                                       @RequestHeader(value = HttpHeaders.RANGE, required = false) String range) {
        StaffMember staff = gate.require("收听通话录音");
        CallRecord call = calls.find(callId).orElseThrow(() -> new CallNotFoundException(callId));
        if (staff.role() == StaffRole.UNIT_HANDLER) {
            // the voice belongs with the ticket: a unit handler hears the calls of tickets their unit handles
            if (call.ticketNumber() == null) {
                throw new RecordingNotFoundException(callId);
            }
            tickets.view(call.ticketNumber(), staff);
        }
        Recordings.Recording found = recordings.of(call).orElseThrow(() -> new RecordingNotFoundException(callId));
        Resource file = new FileSystemResource(found.file());
        long length = length(file);
        String served = checkRange(range, file, length);
        audit.read(staff, AuditAction.RECORDING_PLAYED, new AuditSubject(call.ticketNumber(), callId, null)
                        .withCitizen(call.callerPhone() == null ? null : new PhoneNumber(call.callerPhone())),
                "通话录音 " + found.file().getFileName() + "，字节 " + served);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(found.contentType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .body(file);
    }

    /** The bytes the request asks for, for the audit; a malformed or unsatisfiable range is refused. */
    private static String checkRange(String range, Resource file, long length) {
        if (range == null || range.isBlank()) {
            return "0-" + (length - 1) + "/" + length;
        }
        try {
            List<HttpRange> ranges = HttpRange.parseRanges(range);
            HttpRange.toResourceRegions(ranges, file);
            return range.strip() + "/" + length;
        } catch (IllegalArgumentException e) {
            throw new RangeNotSatisfiableException(length);
        }
    }

    private static long length(Resource file) {
        try {
            return file.contentLength();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The call has no recording this caller may hear: none was made, it was erased, or its file is gone. */
    static final class RecordingNotFoundException extends RuntimeException {
        RecordingNotFoundException(String callId) {
            super("No recording for call " + callId);
        }
    }

    /** A Range header that is malformed or lies beyond the file. */
    static final class RangeNotSatisfiableException extends RuntimeException {
        final long length;

        RangeNotSatisfiableException(long length) {
            super("Range not satisfiable");
            this.length = length;
        }
    }
}
