package org.law12348.telephony.internal.ami;

import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.law12348.telephony.internal.calls.CallLog;
import org.law12348.telephony.internal.ivr.RegionResolver;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps AMI events onto call records, the way Zammad's CTI drivers map vendor events onto
 * newCall/answer/hangup. Calls are keyed by the Uniqueid of the caller's channel (the one running
 * the IVR and waiting in the queue); events of other channels (agent legs) find no record and are
 * ignored. Asterisk's odd orders (QueueCallerLeave before AgentConnect, a Cdr before its Hangup,
 * DialEnd CANCEL twice) are harmless because every change keeps what is already known.
 */
public final class CallEventRecorder implements ManagerEventListener {

    private static final Logger log = LoggerFactory.getLogger(CallEventRecorder.class);
    private static final int REMEMBERED_CHANNELS = 10_000;
    /** The CDR userfield extensions.conf's [fallback] context sets. */
    static final String FALLBACK = "HOTLINE_FALLBACK";
    /** The number in a Cdr's CallerID, {@code "张三" <13800138000>}. */
    private static final Pattern CALLER_NUMBER = Pattern.compile("<([^>]+)>");

    private final CallLog calls;
    private final RegionResolver regions;
    private final Clock clock;
    /** When each recent channel appeared, so a call first seen in a queue still gets its true start. */
    private final Map<String, Instant> channelStarts = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                    return size() > REMEMBERED_CHANNELS;
                }
            });

    public CallEventRecorder(CallLog calls, RegionResolver regions, Clock clock) {
        this.calls = calls;
        this.regions = regions;
        this.clock = clock;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        try {
            dispatch(event);
        } catch (RuntimeException e) {
            // one bad event must not stop the event thread; the next events still get recorded
            log.error("Could not record AMI event {}", event.getClass().getSimpleName(), e);
        }
    }

    private void dispatch(ManagerEvent event) {
        Instant now = clock.instant();
        if (event instanceof NewChannelEvent e) {
            channelStarts.put(e.getUniqueId(), now);
        } else if (event instanceof QueueCallerJoinEvent e) {
            String phone = regions.normalise(e.getCallerIdNum()).map(PhoneNumber::value).orElse(null);
            String region = phone == null ? null : regions.fromCallerId(phone).map(RegionCode::value).orElse(null);
            calls.record(e.getUniqueId(), phone, channelStarts.getOrDefault(e.getUniqueId(), now), c -> {
                c.identify(phone, region);
                c.queued(e.getQueue(), now);
            });
            log.info("Call {} from {} joined queue {}", e.getUniqueId(), PhoneNumber.mask(phone), e.getQueue());
        } else if (event instanceof QueueCallerAbandonEvent e) {
            calls.update(e.getUniqueId(), c -> c.abandoned(orZero(e.getHoldTime())));
        } else if (event instanceof AgentConnectEvent e) {
            calls.update(e.getUniqueId(), c -> c.connected(agent(e.getMemberName(), e.getInterface()),
                    orZero(e.getHoldTime()), now));
        } else if (event instanceof AgentCompleteEvent e) {
            calls.update(e.getUniqueId(), c -> c.completed(orZero(e.getHoldTime()), orZero(e.getTalkTime()),
                    agent(e.getMemberName(), e.getInterface())));
        } else if (event instanceof HangupEvent e) {
            channelStarts.remove(e.getUniqueId());
            calls.ended(e.getUniqueId(), now);
        } else if (event instanceof CdrEvent e) {
            if (e.getUserField() != null && e.getUserField().startsWith(FALLBACK)) {
                reachedFallback(e, now);
            }
            // the Cdr may come before the Hangup of its channel; either one closes the call
            calls.ended(e.getUniqueId(), now);
        }
    }

    /**
     * The dialplan's fallback took the call because the application could not be reached (no FastAGI
     * session, so no call record): its Cdr puts the caller on the call log, to be called back unless
     * the fallback queue answered (then QueueCallerJoin and AgentConnect have recorded it already).
     */
    private void reachedFallback(CdrEvent e, Instant now) {
        Matcher number = CALLER_NUMBER.matcher(String.valueOf(e.getCallerId()));
        String phone = number.find() ? regions.normalise(number.group(1)).map(PhoneNumber::value).orElse(null) : null;
        String region = phone == null ? null : regions.fromCallerId(phone).map(RegionCode::value).orElse(null);
        calls.record(e.getUniqueId(), phone, channelStarts.getOrDefault(e.getUniqueId(), now),
                c -> c.identify(phone, region));
        log.info("Call {} from {} reached the dialplan's fallback: the application was unreachable",
                e.getUniqueId(), PhoneNumber.mask(phone));
    }

    private static String agent(String memberName, String iface) {
        return memberName == null || memberName.isBlank() ? iface : memberName;
    }

    private static int orZero(Number n) {
        return n == null ? 0 : n.intValue();
    }
}
