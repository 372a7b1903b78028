package org.law12348.telephony.peer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulated caller does on one FastAGI call: the caller id Asterisk reports, the keys typed
 * at each GET DATA (in order; {@link #TIMEOUT} for none, {@link #HANG_UP} to hang up there), and the
 * channel variables Asterisk would answer GET VARIABLE with.
 */
public final class AgiCall {

    public static final String TIMEOUT = "";
    public static final String HANG_UP = "-1";

    final String uniqueId;
    final String callerId;
    final String callerIdName;
    final String script;
    final Deque<String> keys = new ArrayDeque<>();
    final Map<String, String> variables = new HashMap<>();
    boolean recordEndsWithHash = true;
    boolean hangsUpWhileRecording;
    /** RECORD FILE's endpos: 15 s of speech at 8000 samples a second unless told otherwise. */
    long recordedSamples = 15 * 8000;
    /** Sound files the PBX does not have ({@link #pbxLacks}, {@link #pbxLacksPrompts}). */
    final java.util.Set<String> missingFiles = new java.util.HashSet<>();
    boolean noCustomPrompts;
    final List<String> args = new java.util.ArrayList<>();
    String pauseAt;
    java.util.concurrent.CountDownLatch paused;
    java.util.concurrent.CountDownLatch resume;

    private AgiCall(String uniqueId, String callerId, String callerIdName, String script) {
        this.uniqueId = uniqueId;
        this.callerId = callerId;
        this.callerIdName = callerIdName;
        this.script = script;
    }

    /** A caller presenting a number, as in agi-03 (name unknown, callingpres 0). */
    public static AgiCall from(String uniqueId, String callerId) {
        return new AgiCall(uniqueId, callerId, "unknown", "hotline");
    }

    /** A withheld number, as in agi-01 (number and name "unknown", callingpres 67). */
    public static AgiCall withheld(String uniqueId) {
        return new AgiCall(uniqueId, "unknown", "unknown", "hotline");
    }

    public AgiCall named(String name) {
        return new AgiCall(uniqueId, callerId, name, script).copyFrom(this);
    }

    public AgiCall script(String name) {
        return new AgiCall(uniqueId, callerId, callerIdName, name).copyFrom(this);
    }

    public AgiCall keys(String... typed) {
        keys.addAll(List.of(typed));
        return this;
    }

    /** Script arguments, sent as agi_arg_1 … after the environment as Asterisk does. */
    public AgiCall args(String... values) {
        args.addAll(List.of(values));
        return this;
    }

    public AgiCall variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /**
     * The PBX lacks these sound files: STREAM FILE answers {@code 200 result=-1 endpos=0} (agi-01) and
     * GET DATA {@code 200 result=-1}, while the channel stays up (no HANGUP notice follows).
     */
    public AgiCall pbxLacks(String... files) {
        missingFiles.addAll(List.of(files));
        return this;
    }

    /** The PBX has none of the product's prompts (nothing installed under {@code custom/}). */
    public AgiCall pbxLacksPrompts() {
        noCustomPrompts = true;
        return this;
    }

    boolean lacks(String file) {
        return missingFiles.contains(file) || noCustomPrompts && file.startsWith("custom/");
    }

    /**
     * Nothing was said: {@code endpos=0}, as in agi-01 and agi-02, where the Local channel carried no
     * audio (on a phone, silence detection leaves about a second, still far under any minimum).
     */
    public AgiCall silentMessage() {
        return recordedSeconds(0);
    }

    /** How long the message Asterisk reports (endpos, 8000 samples a second for wav). */
    public AgiCall recordedSeconds(double seconds) {
        recordedSamples = Math.round(seconds * 8000);
        return this;
    }

    /** The caller hangs up while recording: {@code 200 result=-1 (hangup) endpos=N}, then HANGUP (res_agi.c). */
    public AgiCall hangsUpWhileRecording() {
        hangsUpWhileRecording = true;
        return this;
    }

    /**
     * Holds the call when the script sends a command starting with {@code command}: {@code paused}
     * opens, and Asterisk answers once {@code resume} opens. Meanwhile the caller is on the line.
     */
    public AgiCall pauseAt(String command, java.util.concurrent.CountDownLatch paused,
                           java.util.concurrent.CountDownLatch resume) {
        this.pauseAt = command;
        this.paused = paused;
        this.resume = resume;
        return this;
    }

    /** Asterisk's answer to RECORD FILE: ended by # (agi-02) or by the silence timeout (agi-01). */
    public AgiCall recordEndsBySilence() {
        recordEndsWithHash = false;
        return this;
    }

    private AgiCall copyFrom(AgiCall other) {
        keys.addAll(other.keys);
        variables.putAll(other.variables);
        recordEndsWithHash = other.recordEndsWithHash;
        hangsUpWhileRecording = other.hangsUpWhileRecording;
        recordedSamples = other.recordedSamples;
        missingFiles.addAll(other.missingFiles);
        noCustomPrompts = other.noCustomPrompts;
        args.addAll(other.args);
        pauseAt = other.pauseAt;
        paused = other.paused;
        resume = other.resume;
        return this;
    }
}
