package org.law12348.telephony;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.law12348.telephony.TelephonyTestApp.MutableClock;
import org.law12348.telephony.internal.calls.CallRecord;
import org.law12348.telephony.internal.calls.CallRecords;
import org.law12348.telephony.peer.AgiCall;
import org.law12348.telephony.peer.AsteriskAgiPeer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, hotline item 1: on a real Asterisk with the sample configuration every call was dropped
 * after the greeting, because GET DATA on a prompt the PBX lacks answers {@code 200 result=-1} and the
 * IVR took that for a hang-up. A hang-up is followed by Asterisk's HANGUP notice and refused commands;
 * a missing prompt is not.
 */
@ExtendWith(OutputCaptureExtension.class)
class MissingPromptTest extends HotlineIntegrationTest {

    static final Instant MONDAY_10_00 = Instant.parse("2026-11-30T02:00:00Z");

    @Autowired MutableClock clock;
    @Autowired CallRecords calls;

    @AfterEach
    void resetClock() {
        clock.set(MONDAY_10_00);
    }

    @Test
    void aCallStillReachesTheQueueWhenThePbxHasNoneOfThePrompts(CapturedOutput log) throws Exception {
        clock.set(MONDAY_10_00);
        AsteriskAgiPeer peer = new AsteriskAgiPeer(AGI_PORT);

        List<String> commands = peer.call(AgiCall.from("1795877000.1", "13800138000").pbxLacksPrompts());

        assertThat(peer.wire()).containsSubsequence("AGI> GET DATA \"custom/hotline-menu\" 5000 1",
                "AST> 200 result=-1", "AGI> CHANNEL STATUS", "AST> 200 result=6");
        assertThat(commands).contains("SET VARIABLE \"HOTLINE_ACTION\" \"queue\"",
                "SET VARIABLE \"HOTLINE_QUEUE\" \"legal-consultation\"");
        CallRecord call = calls.findByCallId("1795877000.1").orElseThrow();
        assertThat(call.outcome()).isEqualTo(CallOutcome.QUEUED);
        assertThat(log.getOut()).contains("Prompt hotline-greeting (custom/hotline-greeting) could not be played")
                .contains("Prompt hotline-menu (custom/hotline-menu) could not be played");
    }

    @Test
    void aMissingPromptDoesNotHideACallerWhoHangsUpLater() throws Exception {
        clock.set(MONDAY_10_00);
        AsteriskAgiPeer peer = new AsteriskAgiPeer(AGI_PORT);

        peer.call(AgiCall.from("1795877000.2", "13800138000").pbxLacks("custom/hotline-greeting")
                .keys(AgiCall.HANG_UP));

        // agi-03: the -1 of GET DATA, the HANGUP notice, then CHANNEL STATUS refused on the dead channel
        assertThat(peer.wire()).containsSubsequence("AGI> STREAM FILE \"custom/hotline-greeting\" \"\"",
                "AST> 200 result=-1 endpos=0", "AGI> CHANNEL STATUS", "AST> 200 result=6",
                "AGI> GET DATA \"custom/hotline-menu\" 5000 1", "AST> 200 result=-1", "AST> HANGUP",
                "AGI> CHANNEL STATUS", "AST> 511 Command Not Permitted on a dead channel or intercept routine");
        assertThat(calls.findByCallId("1795877000.2").orElseThrow().outcome()).isEqualTo(CallOutcome.MISSED);
    }
}
