package org.law12348.telephony.internal.ivr;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.law12348.telephony.TelephonyProperties;
import org.law12348.telephony.internal.calls.SurveyDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code survey} FastAGI script, run by the dialplan after the duty lawyer hung up: one keypad
 * rating 1..5, asked at most twice. Stateless like every script.
 */
public final class SurveyScript implements AgiScript {

    private static final Logger log = LoggerFactory.getLogger(SurveyScript.class);
    private static final int ATTEMPTS = 2;

    private final SurveyDesk desk;
    private final TelephonyProperties properties;

    public SurveyScript(SurveyDesk desk, TelephonyProperties properties) {
        this.desk = desk;
        this.properties = properties;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String callId = request.getUniqueId();
        MDC.put("callId", callId);
        Prompter prompter = new Prompter(channel, properties.ivr());
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                int rating = IvrPolicy.rating(prompter.ask("survey-rate", 1));
                if (rating > 0) {
                    desk.rated(callId, request.getCallerIdNumber(), rating);
                    prompter.play("survey-thanks");
                    channel.hangup();
                    return;
                }
                if (attempt < ATTEMPTS) {
                    prompter.play("survey-invalid");
                }
            }
            log.info("No rating given");
            channel.hangup();
        } catch (AgiHangupException hangup) {
            log.info("Caller hung up before rating");
        } finally {
            MDC.remove("callId");
        }
    }
}
