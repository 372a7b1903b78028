package org.law12348.telephony;

import org.law12348.ticketing.BusinessType;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the telephony module ({@code law12348.telephony.*}). Every value has a default that
 * fits the sample Asterisk configuration under {@code telephony/asterisk/}.
 *
 * @param fastagi        the FastAGI server Asterisk's dialplan connects to
 * @param ami            the Manager connection; disabled while {@code host} is empty
 * @param ivr            prompts, menu and timeouts of the {@code hotline} script
 * @param hours          when duty lawyers answer the phone
 * @param callback       how callbacks are originated and dispatched
 * @param defaultRegion  the division used when neither caller id nor keyed area code tell the region
 * @param recordingDir   where Asterisk writes hotline messages (a path on the Asterisk box)
 * @param intakeConcurrency how many calls may take a ticket in at once (keep it under the connection pool)
 * @param desk           duty lawyers' phone desks (queue membership, wrap-up)
 */
@ConfigurationProperties("law12348.telephony")
public record TelephonyProperties(FastAgi fastagi, Ami ami, Ivr ivr, Hours hours, Callback callback,
                                  String defaultRegion, String recordingDir, Integer intakeConcurrency, Desk desk) {

    public TelephonyProperties {
        fastagi = fastagi == null ? new FastAgi(null, null, null, null, null, null) : fastagi;
        ami = ami == null ? new Ami(null, null, null, null, null, null) : ami;
        ivr = ivr == null ? new Ivr(null, null, null, null, null, null, null, null, null, null) : ivr;
        hours = hours == null ? new Hours(null, null, null, null) : hours;
        callback = callback == null ? new Callback(null, null, null, null, null, null, null, null, null, null) : callback;
        defaultRegion = blank(defaultRegion) ? "440000" : defaultRegion;
        recordingDir = blank(recordingDir) ? "/var/spool/asterisk/monitor/hotline" : recordingDir;
        intakeConcurrency = intakeConcurrency == null ? 8 : intakeConcurrency;
        desk = desk == null ? new Desk(null, null) : desk;
    }

    /**
     * Phone desks: after each queue call the desk stays paused (reason after-call work) for
     * {@code wrapUp}, then takes calls again unless its person paused or left meanwhile. Interfaces
     * of desks must match {@code interfacePattern} (Asterisk's Tech/resource, e.g. PJSIP/1001).
     */
    public record Desk(Duration wrapUp, String interfacePattern) {
        public Desk {
            wrapUp = wrapUp == null ? Duration.ofSeconds(30) : wrapUp;
            interfacePattern = blank(interfacePattern) ? "(PJSIP|SIP|IAX2|Local)/[0-9A-Za-z_@.-]{1,48}" : interfacePattern;
        }
    }

    /**
     * FastAGI server: {@code port} 0 is not allowed (Asterisk's dialplan names the port). It listens on
     * {@code bindAddress} (loopback unless set: FastAGI has no authentication) and serves only the PBX
     * addresses of {@code allowedPeers} (IP addresses or CIDR blocks).
     */
    public record FastAgi(Boolean enabled, Integer port, String bindAddress, Integer poolSize, Integer maxPoolSize,
                          List<String> allowedPeers) {
        public FastAgi {
            enabled = enabled == null || enabled;
            port = port == null ? 4573 : port;
            bindAddress = blank(bindAddress) ? "127.0.0.1" : bindAddress.strip();
            allowedPeers = allowedPeers == null || allowedPeers.isEmpty() ? List.of("127.0.0.1", "::1")
                    : List.copyOf(allowedPeers);
            poolSize = poolSize == null ? 10 : poolSize;
            maxPoolSize = maxPoolSize == null ? Math.max(200, poolSize) : maxPoolSize;
        }
    }

    /** AMI login; {@code reconnectMax} caps the back-off between failed connection attempts. */
    public record Ami(String host, Integer port, String username, String secret, Duration reconnectMin,
                      Duration reconnectMax) {
        public Ami {
            port = port == null ? 5038 : port;
            username = username == null ? "hotline" : username;
            secret = secret == null ? "" : secret;
            reconnectMin = reconnectMin == null ? Duration.ofSeconds(1) : reconnectMin;
            reconnectMax = reconnectMax == null ? Duration.ofSeconds(60) : reconnectMax;
        }

        public boolean enabled() {
            return !blank(host);
        }
    }

    /**
     * The IVR. {@code menu} maps a keypad digit to a business type and the Asterisk queue that serves it.
     * {@code prompts} maps the logical prompt names (see PROMPTS.md) to sound files. A message shorter
     * than {@code minMessage} (silence included, as Asterisk measures it) is a missed call, not a ticket.
     * {@code clockLookupKey} is the menu digit of the self-service look-up of a ticket's legal clocks
     * ("6" unless set; empty turns the choice off); it must not be a key of {@code menu}.
     */
    public record Ivr(Map<String, MenuEntry> menu, BusinessType defaultBusinessType, Map<String, String> prompts,
                      Duration keyTimeout, Integer menuAttempts, Integer queueWaitLimit, Duration maxMessage,
                      Duration minMessage, String surveyScript, String clockLookupKey) {
        public Ivr {
            menu = menu == null || menu.isEmpty() ? defaultMenu() : Map.copyOf(menu);
            defaultBusinessType = defaultBusinessType == null ? BusinessType.LEGAL_CONSULTATION : defaultBusinessType;
            Map<String, String> merged = new LinkedHashMap<>();
            for (String name : PROMPT_NAMES) {
                merged.put(name, "custom/" + name);
            }
            if (prompts != null) {
                merged.putAll(prompts);
            }
            prompts = Map.copyOf(merged);
            keyTimeout = keyTimeout == null ? Duration.ofSeconds(5) : keyTimeout;
            menuAttempts = menuAttempts == null ? 3 : menuAttempts;
            queueWaitLimit = queueWaitLimit == null ? 10 : queueWaitLimit;
            maxMessage = maxMessage == null ? Duration.ofSeconds(120) : maxMessage;
            minMessage = minMessage == null ? Duration.ofSeconds(3) : minMessage;
            surveyScript = surveyScript == null ? "survey" : surveyScript;
            clockLookupKey = clockLookupKey == null ? "6" : clockLookupKey.strip();
        }

        /** Whether the menu offers the look-up of legal clocks. */
        public boolean offersClockLookup() {
            return !clockLookupKey.isEmpty();
        }

        /** Whether a prompt of that name is configured (clock types the table gained later may have none). */
        public boolean hasPrompt(String name) {
            return prompts.containsKey(name);
        }

        public String prompt(String name) {
            String file = prompts.get(name);
            if (file == null) {
                throw new IllegalArgumentException("No prompt named " + name);
            }
            return file;
        }
    }

    /**
     * The clock types of workflow-models' {@code legal-clock-types} table when this list was written:
     * each has a prompt {@code clock-<type>} that speaks its Chinese name ({@code clock-labour-arbitration});
     * a type added to the table later is read out as {@code clock-generic} (法律期限) until it has one.
     */
    public static final List<String> CLOCK_TYPES = List.of("LABOUR_ARBITRATION", "CIVIL_LIMITATION",
            "APPEAL_JUDGMENT", "APPEAL_RULING", "ENFORCEMENT", "ADMIN_RECONSIDERATION", "ADMIN_LITIGATION",
            "WORK_INJURY", "LEGAL_AID_DECISION", "LEGAL_AID_ASSIGNMENT", "LEGAL_AID_OBJECTION");

    /**
     * Every prompt the scripts play: the spoken ones (PROMPTS.md and {@code asterisk/sounds/prompts.tsv}
     * give the Chinese text of each), then the symbols a ticket number, a number and a date are read with.
     */
    public static final List<String> PROMPT_NAMES = promptNames();

    /** The prompt that speaks a clock type's name: {@code LABOUR_ARBITRATION} → {@code clock-labour-arbitration}. */
    public static String clockPrompt(String type) {
        return "clock-" + type.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static List<String> promptNames() {
        List<String> names = new ArrayList<>(List.of("hotline-greeting", "hotline-enter-area-code",
                "hotline-area-code-invalid", "hotline-menu", "hotline-invalid-key", "hotline-queue-options",
                "hotline-busy", "hotline-after-hours", "hotline-record-after-beep", "hotline-message-empty",
                "hotline-ticket-number-is", "hotline-callback-booked", "hotline-number-repeat", "hotline-goodbye",
                "survey-rate", "survey-invalid", "survey-thanks",
                "lookup-enter-number", "lookup-not-found", "lookup-status-routed", "lookup-status-in-progress",
                "lookup-status-answered", "lookup-status-closed", "lookup-no-clocks", "clock-generic",
                "clock-due", "clock-due-today", "clock-expired", "clock-see-notes", "clock-suspended", "clock-calendar-end",
                "clock-calendar-missing", "clock-due-unknown", "clock-unknown-type", "clock-disclaimer",
                "clock-repeat"));
        CLOCK_TYPES.forEach(type -> names.add(clockPrompt(type)));
        for (char digit = '0'; digit <= '9'; digit++) {
            names.add("digit-" + digit);
        }
        for (char letter = 'a'; letter <= 'z'; letter++) {
            names.add("letter-" + letter);
        }
        names.addAll(List.of("number-1", "number-10", "number-100", "number-1000", "number-10000",
                "date-year", "date-month", "date-day", "date-days"));
        names.add("pause");
        return List.copyOf(names);
    }

    /** One menu key: the business type and the Asterisk queue of its duty lawyers. */
    public record MenuEntry(BusinessType businessType, String queue) {
    }

    static Map<String, MenuEntry> defaultMenu() {
        return Map.of(
                "1", new MenuEntry(BusinessType.LEGAL_CONSULTATION, "legal-consultation"),
                "2", new MenuEntry(BusinessType.LEGAL_AID, "legal-aid"),
                "3", new MenuEntry(BusinessType.NOTARIZATION, "notarization"),
                "4", new MenuEntry(BusinessType.MEDIATION, "mediation"),
                "5", new MenuEntry(BusinessType.COMPLAINT, "complaint"));
    }

    /**
     * Service hours: {@code weekly} maps a day to "08:30-12:00,14:00-18:00"; days missing are closed;
     * {@code holidays} are closed all day; {@code alwaysOpen} makes the line 7x24.
     */
    public record Hours(ZoneId zone, Boolean alwaysOpen, Map<DayOfWeek, String> weekly, List<LocalDate> holidays) {
        public Hours {
            zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
            alwaysOpen = alwaysOpen != null && alwaysOpen;
            if (weekly == null || weekly.isEmpty()) {
                Map<DayOfWeek, String> office = new EnumMap<>(DayOfWeek.class);
                for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                    office.put(d, "08:30-12:00,14:00-18:00");
                }
                weekly = office;
            }
            weekly = Map.copyOf(weekly);
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
        }
    }

    /**
     * Callbacks: the agent leg is {@code agentDialString} with {extension}; the dialplan context
     * {@code context} then dials the citizen's number as its extension. A callback asked for in the IVR
     * is due {@code afterCallDelay} after the caller's call ended (at the next opening when closed then).
     */
    public record Callback(String agentDialString, String defaultAgentExtension, String supervisorExtension,
                           String context, String callerId, Duration ringTimeout, Duration dispatchInterval,
                           Integer maxAttempts, Duration retryDelay, Duration afterCallDelay) {
        public Callback {
            afterCallDelay = afterCallDelay == null ? Duration.ofMinutes(1) : afterCallDelay;
            supervisorExtension = blank(supervisorExtension) ? "8002" : supervisorExtension;
            retryDelay = retryDelay == null ? Duration.ofMinutes(10) : retryDelay;
            agentDialString = blank(agentDialString) ? "PJSIP/{extension}" : agentDialString;
            defaultAgentExtension = blank(defaultAgentExtension) ? "8001" : defaultAgentExtension;
            context = blank(context) ? "callback" : context;
            callerId = blank(callerId) ? "12348" : callerId;
            ringTimeout = ringTimeout == null ? Duration.ofSeconds(30) : ringTimeout;
            dispatchInterval = dispatchInterval == null ? Duration.ofSeconds(30) : dispatchInterval;
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        }

        public String agentChannel(String extension) {
            return agentDialString.replace("{extension}", extension);
        }

        /** The extension a desk interface dials under {@code agentDialString} (PJSIP/1001 → 1001), if it does. */
        public java.util.Optional<String> extensionOf(String memberInterface) {
            int at = agentDialString.indexOf("{extension}");
            String prefix = agentDialString.substring(0, at);
            String suffix = agentDialString.substring(at + "{extension}".length());
            if (!memberInterface.startsWith(prefix) || !memberInterface.endsWith(suffix)
                    || memberInterface.length() <= prefix.length() + suffix.length()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(memberInterface.substring(prefix.length(),
                    memberInterface.length() - suffix.length()));
        }
    }

    /** Parses one "HH:mm-HH:mm" span of the weekly schedule. */
    public record Span(LocalTime from, LocalTime to) {
        public static List<Span> parse(String spec) {
            if (blank(spec)) {
                return List.of();
            }
            return java.util.Arrays.stream(spec.split(",")).map(String::strip).map(s -> {
                String[] parts = s.split("-");
                return new Span(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
            }).toList();
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
