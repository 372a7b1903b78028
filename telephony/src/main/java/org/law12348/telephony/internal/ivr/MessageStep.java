package org.law12348.telephony.internal.ivr;

import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.law12348.telephony.CallOutcome;
import org.law12348.telephony.TelephonyProperties;
import org.law12348.telephony.internal.calls.CallLog;
import org.law12348.telephony.internal.calls.CallRecord;
import org.law12348.telephony.internal.calls.HotlineDesk;
import org.law12348.telephony.internal.calls.HotlineDesk.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message step of the {@code hotline} script: a recording after the beep, a ticket, the number
 * read back. Idempotent per call: when the dialplan runs the step again for the same call, a message
 * already taken in is only read back (no second recording, no second ticket, no number drawn), and a
 * new recording never takes the file name of an earlier one of the call.
 */
final class MessageStep {

    private static final Logger log = LoggerFactory.getLogger(MessageStep.class);
    private static final Pattern NUMBERED = Pattern.compile("-(\\d+)\\.wav$");

    private final HotlineDesk desk;
    private final CallLog calls;
    private final TelephonyProperties properties;
    private final Clock clock;

    MessageStep(HotlineDesk desk, CallLog calls, TelephonyProperties properties, Clock clock) {
        this.desk = desk;
        this.calls = calls;
        this.properties = properties;
        this.clock = clock;
    }

    void take(Prompter prompter, Caller caller) throws AgiException {
        Optional<CallRecord> earlier = calls.find(caller.callId());
        if (earlier.filter(c -> c.outcome() == CallOutcome.MESSAGE_LEFT && c.ticketNumber() != null).isPresent()) {
            log.info("The message step ran again for this call; reading back ticket {}", earlier.get().ticketNumber());
            TicketReadBack.readBack(prompter, "hotline-ticket-number-is", earlier.get().ticketNumber());
            return;
        }
        prompter.play("hotline-record-after-beep");
        String file = fileFor(caller.callId(), earlier.map(CallRecord::recordingFile).orElse(null));
        Prompter.Recording recording = prompter.record(file, (int) properties.ivr().maxMessage().toMillis());
        if (recording.failed() || recording.length().compareTo(properties.ivr().minMessage()) < 0) {
            noMessage(prompter, caller, file + ".wav", recording);
            return;
        }
        String ticket;
        try {
            ticket = desk.messageLeft(caller, file + ".wav");
        } catch (RuntimeException intakeFailed) {
            // the recording exists: keep it on the call log so staff can take it in by hand
            log.error("Message {} recorded but no ticket could be made", file, intakeFailed);
            calls.update(caller.callId(), c -> c.messageLeft(file + ".wav", null));
            if (!recording.hungUp()) {
                prompter.play("hotline-goodbye");
                prompter.hangUp();
            }
            return;
        }
        if (recording.hungUp()) {
            throw new AgiHangupException();
        }
        TicketReadBack.readBack(prompter, "hotline-ticket-number-is", ticket);
    }

    /**
     * Silence, a message shorter than {@code min-message} or a recording Asterisk could not write: no
     * ticket (nobody could act on it), but a missed call on the log, with the number, for a call back.
     */
    private void noMessage(Prompter prompter, Caller caller, String file,
                           Prompter.Recording recording) throws AgiException {
        calls.update(caller.callId(), c -> c.messageTooShort(recording.failed() ? null : file, clock.instant()));
        log.info("No usable message ({} recorded{}): a missed call for call-back, no ticket",
                recording.length(), recording.failed() ? ", recording failed" : "");
        if (recording.hungUp()) {
            throw new AgiHangupException();
        }
        prompter.play("hotline-message-empty");
        prompter.set("HOTLINE_ACTION", "done");
        prompter.hangUp();
    }

    /**
     * The recording's path without extension (RECORD FILE adds it): {@code hotline-<call>} for the
     * call's first recording, {@code hotline-<call>-2}, {@code -3} … after that, so nothing is overwritten.
     */
    String fileFor(String callId, String earlierRecording) {
        String base = properties.recordingDir() + "/hotline-" + callId.replaceAll("[^0-9A-Za-z.-]", "_");
        if (earlierRecording == null) {
            return base;
        }
        Matcher numbered = NUMBERED.matcher(earlierRecording);
        boolean ofThisCall = numbered.find() && earlierRecording.startsWith(base + "-");
        return base + "-" + ((ofThisCall ? Integer.parseInt(numbered.group(1)) : 1) + 1);
    }
}
