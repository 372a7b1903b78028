package org.law12348.telephony;

import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.manager.ManagerEventListener;
import org.law12348.telephony.internal.ami.AmiConnector;
import org.law12348.telephony.internal.ami.CallEventRecorder;
import org.law12348.telephony.internal.ami.CallbackDispatcher;
import org.law12348.telephony.internal.ami.CallbackLegs;
import org.law12348.telephony.internal.ami.CallbackSchedule;
import org.law12348.telephony.internal.ami.ChannelReconciler;
import org.law12348.telephony.internal.ami.QueueBoard;
import org.law12348.telephony.internal.ami.AmiQueueMembers;
import org.law12348.telephony.internal.ami.DeskCallEvents;
import org.law12348.telephony.internal.ami.DeskSchedule;
import org.law12348.telephony.internal.desk.PhoneDesks;
import org.law12348.telephony.internal.calls.CallLog;
import org.law12348.telephony.internal.calls.CallReconciliation;
import org.law12348.telephony.internal.calls.CallbackAttempts;
import org.law12348.telephony.internal.calls.CallbackTasks;
import java.util.ArrayList;
import java.util.List;
import org.law12348.telephony.internal.calls.CallerHistory;
import org.law12348.telephony.internal.calls.HotlineDesk;
import org.law12348.telephony.internal.calls.SurveyDesk;
import org.law12348.telephony.internal.ivr.FastAgiHealth;
import org.law12348.telephony.internal.ivr.FastAgiServer;
import org.law12348.telephony.internal.ivr.HotlineScript;
import org.law12348.telephony.internal.ivr.IvrPolicy;
import org.law12348.telephony.internal.ivr.RegionResolver;
import org.law12348.telephony.internal.ivr.ServiceHours;
import org.law12348.telephony.internal.ivr.SurveyScript;
import org.law12348.ticketing.Regions;
import org.law12348.ticketing.TicketingProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Map;

/** Wires the hotline: IVR decisions, the FastAGI scripts and their server. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelephonyProperties.class)
public class TelephonyConfiguration {

    @Bean
    IvrPolicy ivrPolicy(TelephonyProperties properties) {
        return new IvrPolicy(properties.ivr());
    }

    @Bean
    ServiceHours serviceHours(TelephonyProperties properties) {
        return new ServiceHours(properties.hours());
    }

    @Bean
    RegionResolver regionResolver(Regions regions, TelephonyProperties properties) {
        regions.require(properties.defaultRegion(), "law12348.telephony.default-region");
        return new RegionResolver(regions);
    }

    @Bean
    HotlineScript hotlineScript(IvrPolicy policy, ServiceHours hours, RegionResolver resolver, CallLog calls,
                                CallerHistory history, HotlineDesk desk, TelephonyProperties properties, Clock clock,
                                TicketingProperties ticketing) {
        return new HotlineScript(policy, hours, resolver, calls, history, desk, properties, clock,
                ticketing.numberPrefix());
    }

    @Bean
    SurveyScript surveyScript(SurveyDesk desk, TelephonyProperties properties) {
        return new SurveyScript(desk, properties);
    }

    @Bean
    @ConditionalOnProperty(name = "law12348.telephony.fastagi.enabled", havingValue = "true", matchIfMissing = true)
    FastAgiServer fastAgiServer(TelephonyProperties properties, HotlineScript hotline, SurveyScript survey) {
        Map<String, AgiScript> scripts = Map.of("hotline", hotline, properties.ivr().surveyScript(), survey);
        return new FastAgiServer(properties.fastagi(), scripts);
    }

    /** Named so that the health endpoint shows it as {@code fastAgi}. */
    @Bean
    @ConditionalOnProperty(name = "law12348.telephony.fastagi.enabled", havingValue = "true", matchIfMissing = true)
    FastAgiHealth fastAgiHealthIndicator(FastAgiServer server) {
        return new FastAgiHealth(server);
    }

    /** AMI: only when law12348.telephony.ami.host is set. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "law12348.telephony.ami.host")
    static class AmiWiring {

        @Bean
        CallEventRecorder callEventRecorder(CallLog calls, RegionResolver resolver, Clock clock) {
            return new CallEventRecorder(calls, resolver, clock);
        }

        @Bean
        CallbackLegs callbackLegs(CallbackAttempts attempts) {
            return new CallbackLegs(attempts);
        }

        @Bean
        QueueBoard queueBoard(Clock clock) {
            return new QueueBoard(clock);
        }

        @Bean
        DeskCallEvents deskCallEvents(PhoneDesks desks) {
            return new DeskCallEvents(desks);
        }

        @Bean
        AmiConnector amiConnector(TelephonyProperties properties, CallEventRecorder recorder, CallbackLegs legs,
                                  QueueBoard board, DeskCallEvents deskEvents) {
            List<ManagerEventListener> listeners = new ArrayList<>();
            listeners.add(recorder);
            listeners.add(legs);
            listeners.add(board);
            // after the recorder, so the screen pop finds the call record already connected
            listeners.add(deskEvents);
            AmiConnector connector = new AmiConnector(properties.ami(), listeners);
            board.attach(connector);
            return connector;
        }

        @Bean
        AmiQueueMembers amiQueueMembers(AmiConnector ami, PhoneDesks desks) {
            // after every login the PBX learns the stored desk states again
            ami.afterEachLogin(desks::reapplyAll);
            return new AmiQueueMembers(ami);
        }

        @Bean
        DeskSchedule deskSchedule(PhoneDesks desks) {
            return new DeskSchedule(desks);
        }

        @Bean
        CallbackDispatcher callbackDispatcher(AmiConnector ami, CallbackTasks tasks, CallbackAttempts attempts,
                                              ServiceHours hours, TelephonyProperties properties, Clock clock) {
            return new CallbackDispatcher(ami, tasks, attempts, hours, properties.callback(), clock);
        }

        @Bean
        ChannelReconciler channelReconciler(AmiConnector ami, CallReconciliation reconciliation, Clock clock) {
            return new ChannelReconciler(ami, reconciliation, clock);
        }

        @Bean
        CallbackSchedule callbackSchedule(CallbackDispatcher dispatcher, TelephonyProperties properties) {
            return new CallbackSchedule(dispatcher, properties.callback().dispatchInterval());
        }
    }
}
