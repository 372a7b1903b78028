package org.law12348.telephony.internal.ivr;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.command.RecordFileCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.law12348.telephony.TelephonyProperties.Ivr;

/**
 * The AGI commands the scripts use, with Asterisk's in-band hang-up signals turned into
 * {@link AgiHangupException}: {@code 200 result=-1} from GET DATA or RECORD FILE means the caller
 * is gone (asterisk-java itself only reacts to 511 and to a closed socket).
 */
final class Prompter {

    private static final String HUNG_UP = "-1";

    private final AgiChannel channel;
    private final Ivr ivr;

    Prompter(AgiChannel channel, Ivr ivr) {
        this.channel = channel;
        this.ivr = ivr;
    }

    void play(String prompt) throws AgiException {
        channel.streamFile(ivr.prompt(prompt));
    }

    /** Plays a prompt and collects up to {@code maxDigits}; empty on timeout. */
    String ask(String prompt, int maxDigits) throws AgiException {
        String digits = channel.getData(ivr.prompt(prompt), ivr.keyTimeout().toMillis(), maxDigits);
        if (HUNG_UP.equals(digits)) {
            throw new AgiHangupException();
        }
        return digits == null ? "" : digits.strip();
    }

    /**
     * Records a message after a beep, ended by # or silence; returns true when the caller hung up
     * while recording (the message is kept: many callers hang up instead of pressing #).
     */
    boolean record(String file, int maxMillis) throws AgiException {
        AgiReply reply = channel.sendCommand(new RecordFileCommand(file, "wav", "#", maxMillis, 0, true, 3));
        return reply.getResultCode() == -1;
    }

    void sayAlpha(String text) throws AgiException {
        channel.sayAlpha(text);
    }

    void set(String variable, String value) throws AgiException {
        channel.setVariable(variable, value);
    }

    String get(String variable) throws AgiException {
        return channel.getVariable(variable);
    }
}
