package org.law12348.telephony;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.law12348.telephony.TelephonyTestApp.MutableClock;
import org.law12348.telephony.internal.calls.CallRecords;
import org.law12348.telephony.peer.AgiCall;
import org.law12348.telephony.peer.AsteriskAgiPeer;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.clocks.LegalClockService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22, legal clocks: a caller hears the status and legal clocks of their own ticket on the
 * hotline (menu key 6, the digits of the number, #), and only when they call from the ticket's
 * contact phone. Whole calls through the real FastAGI server, as {@link HotlineCallTest} drives them.
 */
class ClockLookupCallTest extends HotlineIntegrationTest {

    /** Monday 30 November 2026, 20:00 in China: after hours, so a call leaves a message and makes a ticket. */
    static final Instant MONDAY_20_00 = Instant.parse("2026-11-30T12:00:00Z");
    private static final StaffMember DISPATCHER = new StaffMember("dispatcher", StaffRole.DISPATCHER, null);
    private static final String OWNER = "13800138111";
    private static final AtomicInteger IDS = new AtomicInteger(100);

    @Autowired MutableClock clock;
    @Autowired CallRecords calls;
    @Autowired LegalClockService clocks;
    @Autowired JdbcTemplate jdbc;

    private String ticket;

    @BeforeEach
    void aTicketWithTwoClocks() throws Exception {
        clock.set(MONDAY_20_00);
        String call = nextId();
        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from(call, OWNER).keys("1"));
        ticket = calls.findByCallId(call).orElseThrow().ticketNumber();
        // one year from 14 March 2026 ends Sunday 14 March 2027, so the period runs to Monday the 15th
        clocks.add(ticket, "LABOUR_ARBITRATION", "2026-03-14", DISPATCHER);
        // ten days from 23 November 2026: Thursday 3 December; a type the IVR has no prompt for
        clocks.add(ticket, TelephonyTestApp.NEW_CLOCK_TYPE, "2026-11-23", DISPATCHER);
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.parse("2026-11-30T02:00:00Z"));
    }

    @Test
    void readsTheCallersOwnTicketsStatusClocksAndDisclaimerAndAgainOnRequest() throws Exception {
        String id = nextId();
        AsteriskAgiPeer peer = new AsteriskAgiPeer(AGI_PORT);

        List<String> commands = peer.call(AgiCall.from(id, OWNER).keys("6", digitsOf(ticket), "1", AgiCall.TIMEOUT));

        assertThat(commands).contains("GET DATA \"custom/lookup-enter-number\" 5000 20");
        List<String> reading = new ArrayList<>(List.of("lookup-status-routed", "pause", "clock-labour-arbitration",
                "pause"));
        // 二零二七年三月十五日截止，还剩一百零五天 (30 November 2026 to 15 March 2027); 2027's holidays as
        // shipped are provisional, which the web notes beside the date
        reading.addAll(List.of("digit-2", "digit-0", "digit-2", "digit-7", "date-year", "digit-3", "date-month",
                "number-10", "digit-5", "date-day", "clock-due", "number-1", "number-100", "digit-0", "digit-5",
                "date-days", "clock-see-notes", "pause", "clock-generic", "pause"));
        // 二零二六年十二月三日截止，还剩三天
        reading.addAll(List.of("digit-2", "digit-0", "digit-2", "digit-6", "date-year", "number-10", "digit-2",
                "date-month", "digit-3", "date-day", "clock-due", "digit-3", "date-days", "pause", "clock-disclaimer"));
        List<String> expected = new ArrayList<>(reading);
        expected.add("clock-repeat");
        expected.addAll(reading);
        expected.addAll(List.of("clock-repeat", "hotline-goodbye"));
        List<String> played = played(commands);
        assertThat(played.subList(played.indexOf("lookup-enter-number") + 1, played.size()))
                .containsExactlyElementsOf(expected);
        assertThat(commands).containsSubsequence("STREAM FILE \"custom/hotline-goodbye\" \"\"",
                "SET VARIABLE \"HOTLINE_ACTION\" \"done\"", "HANGUP");
        assertThat(commands).noneMatch(c -> c.startsWith("SAY ") || c.startsWith("RECORD"));
        assertThat(calls.findByCallId(id).orElseThrow().outcome()).isEqualTo(CallOutcome.SELF_SERVICE);
        assertThat(jdbc.queryForList("select actor, actor_role, call_id, citizen, detail from audit_entry "
                + "where action = 'TICKET_VIEWED' and ticket_number = ?", ticket)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("ACTOR", "citizen").containsEntry("ACTOR_ROLE", "CITIZEN")
                        .containsEntry("CALL_ID", id).containsEntry("CITIZEN", "138****8111"))
                .satisfies(row -> assertThat((String) row.get("DETAIL")).contains("热线", "法律期限2项"));
    }

    @Test
    void takesTheSerialWithoutItsLeadingZerosAndAnotherTryAfterAWrongNumber() throws Exception {
        String id = nextId();
        String digits = digitsOf(ticket);
        String shortForm = digits.substring(0, 8) + Long.parseLong(digits.substring(8));

        List<String> played = played(new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from(id, OWNER)
                .keys("6", "20261130999999", shortForm, AgiCall.TIMEOUT)));

        assertThat(played).containsSubsequence("lookup-enter-number", "lookup-not-found", "lookup-enter-number",
                "lookup-status-routed", "clock-labour-arbitration", "clock-disclaimer", "hotline-goodbye");
    }

    @Test
    void anotherNumbersCallerAWithheldOneAndAnUnknownTicketHearTheSameAndNothingOfTheTicket() throws Exception {
        String number = digitsOf(ticket);
        String stranger = nextId();
        String withheld = nextId();
        String unknown = nextId();

        List<String> strangerHears = played(new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from(stranger, "13900139222")
                .keys("6", number, number, number)));
        List<String> withheldHears = played(new AsteriskAgiPeer(AGI_PORT).call(AgiCall.withheld(withheld)
                .keys("020", "6", number, number, number)));
        List<String> unknownHears = played(new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from(unknown, OWNER)
                .keys("6", "20261130999999", "20261130999998", "20261130999997")));

        List<String> lookUp = List.of("lookup-enter-number", "lookup-not-found", "lookup-enter-number",
                "lookup-not-found", "lookup-enter-number", "lookup-not-found", "hotline-goodbye");
        for (List<String> heard : List.of(strangerHears, withheldHears, unknownHears)) {
            assertThat(heard.subList(heard.indexOf("hotline-menu") + 1, heard.size())).isEqualTo(lookUp);
        }
        assertThat(jdbc.queryForList("select call_id from audit_entry where action = 'TICKET_VIEWED' "
                + "and call_id in (?, ?, ?)", String.class, stranger, withheld, unknown)).isEmpty();
        assertThat(calls.findByCallId(withheld).orElseThrow().outcome()).isEqualTo(CallOutcome.SELF_SERVICE);
    }

    @Test
    void endsTheCallAfterThreeTriesWhateverIsKeyed() throws Exception {
        String id = nextId();
        AsteriskAgiPeer peer = new AsteriskAgiPeer(AGI_PORT);

        List<String> commands = peer.call(AgiCall.from(id, "13900139222")
                .keys("6", "123", AgiCall.TIMEOUT, "20261130999999", digitsOf(ticket)));

        assertThat(commands.stream().filter(c -> c.startsWith("GET DATA \"custom/lookup-enter-number\""))).hasSize(3);
        assertThat(played(commands)).containsSubsequence("hotline-invalid-key", "hotline-invalid-key",
                "lookup-not-found", "hotline-goodbye").doesNotContain("lookup-status-routed");
        assertThat(commands).containsSubsequence("STREAM FILE \"custom/hotline-goodbye\" \"\"",
                "SET VARIABLE \"HOTLINE_ACTION\" \"done\"", "HANGUP");
    }

    @Test
    void aCallerWhoHangsUpInTheLookUpIsNoMissedCall() throws Exception {
        String id = nextId();

        new AsteriskAgiPeer(AGI_PORT).call(AgiCall.from(id, OWNER).keys("6", AgiCall.HANG_UP));

        assertThat(calls.findByCallId(id).orElseThrow().outcome()).isEqualTo(CallOutcome.SELF_SERVICE);
    }

    /** The prompts the call played (STREAM FILE and GET DATA), without {@code custom/}. */
    private static List<String> played(List<String> commands) {
        return commands.stream().filter(c -> c.startsWith("STREAM FILE") || c.startsWith("GET DATA"))
                .map(c -> c.split("\"")[1].replaceFirst("^custom/", "")).toList();
    }

    /** GD20261130-000123 → 20261130000123, as the caller keys it. */
    private static String digitsOf(String number) {
        assertThat(number).matches("GD\\d{8}-\\d{6}");
        return number.substring(2).replace("-", "");
    }

    private static String nextId() {
        return "1795879000." + IDS.incrementAndGet();
    }
}
