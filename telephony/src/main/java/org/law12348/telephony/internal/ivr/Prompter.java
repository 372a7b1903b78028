package org.law12348.telephony.internal.ivr;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.command.RecordFileCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.law12348.telephony.TelephonyProperties.Ivr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * The AGI commands the scripts use, with Asterisk's in-band signals sorted out. Asterisk answers
 * {@code result=-1} to STREAM FILE and GET DATA both when it cannot play the file and when the caller
 * hung up while it played. Only a hang-up is followed by Asterisk's {@code HANGUP} notice, after which
 * every command that needs the channel is refused with 511; asterisk-java skips the notice line itself
 * and turns the 511 into {@link AgiHangupException}. So after a -1 the prompter asks CHANNEL STATUS:
 * refused means the caller is gone, answered means the prompt is missing on the PBX, which is logged
 * while the call goes on as if the caller had pressed nothing.
 */
final class Prompter {

    private static final Logger log = LoggerFactory.getLogger(Prompter.class);
    private static final int FAILED_OR_HUNG_UP = -1;
    private static final String NOT_PLAYED = "-1";
    private static final long WAV_SAMPLE_RATE = 8000;

    private final AgiChannel channel;
    private final Ivr ivr;
    /** One prompter serves one call, so it may remember that the script ended that call. */
    private boolean hungUp;

    Prompter(AgiChannel channel, Ivr ivr) {
        this.channel = channel;
        this.ivr = ivr;
    }

    void play(String prompt) throws AgiException {
        String file = ivr.prompt(prompt);
        AgiReply reply = channel.sendCommand(new StreamFileCommand(file));
        if (reply.getResultCode() == FAILED_OR_HUNG_UP) {
            notPlayed(prompt, file);
        }
    }

    /** Plays a prompt and collects up to {@code maxDigits}; empty on timeout or when the prompt is missing. */
    String ask(String prompt, int maxDigits) throws AgiException {
        String file = ivr.prompt(prompt);
        String digits = channel.getData(file, ivr.keyTimeout().toMillis(), maxDigits);
        if (NOT_PLAYED.equals(digits)) {
            notPlayed(prompt, file);
            return "";
        }
        return digits == null ? "" : digits.strip();
    }

    /** Throws {@link AgiHangupException} when the caller is gone; otherwise logs the prompt as missing. */
    private void notPlayed(String prompt, String file) throws AgiException {
        int status = channel.getChannelStatus();
        log.warn("Prompt {} ({}) could not be played on a live channel (status {}); is it installed in the "
                + "PBX's sounds directory? The call goes on without it", prompt, file, status);
    }

    /** How a recording ended, and how long it is. */
    record Recording(boolean hungUp, boolean failed, Duration length) {
    }

    /**
     * Records a message after a beep, ended by #, by 3 s of silence or by {@code maxMillis}. Asterisk
     * answers {@code result=-1 (hangup)} when the caller hung up while recording (the message is kept:
     * many callers hang up instead of pressing #) and {@code result=-1 (writefile)} when it could not
     * write the file; {@code endpos} is the length in samples (8000 a second for wav), silence included.
     */
    Recording record(String file, int maxMillis) throws AgiException {
        AgiReply reply = channel.sendCommand(new RecordFileCommand(file, "wav", "#", maxMillis, 0, true, 3));
        Duration length = Duration.ofMillis(samples(reply.getAttribute("endpos")) * 1000 / WAV_SAMPLE_RATE);
        if (reply.getResultCode() != FAILED_OR_HUNG_UP) {
            return new Recording(false, false, length);
        }
        try {
            int status = channel.getChannelStatus();
            log.warn("Recording {} failed on a live channel (status {}, {})", file, status, reply.getExtra());
            return new Recording(false, true, length);
        } catch (AgiHangupException gone) {
            return new Recording(true, false, length);
        }
    }

    private static long samples(String endpos) {
        return endpos != null && endpos.matches("\\d{1,12}") ? Long.parseLong(endpos) : 0;
    }

    /** Plays each group's prompts one after another, with a short pause between groups. */
    void playGroups(List<List<String>> groups) throws AgiException {
        for (int i = 0; i < groups.size(); i++) {
            if (i > 0) {
                play("pause");
            }
            for (String prompt : groups.get(i)) {
                play(prompt);
            }
        }
    }

    /** The script ends the call (HANGUP). */
    void hangUp() throws AgiException {
        channel.hangup();
        hungUp = true;
    }

    boolean hungUp() {
        return hungUp;
    }

    void set(String variable, String value) throws AgiException {
        channel.setVariable(variable, value);
    }

    String get(String variable) throws AgiException {
        return channel.getVariable(variable);
    }
}
