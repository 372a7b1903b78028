package org.law12348.miniapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.law12348.miniapp.internal.notify.Delivery;
import org.law12348.miniapp.internal.notify.NotificationSender;
import org.law12348.miniapp.internal.sms.AliyunSms;
import org.law12348.ticketing.CitizenNotice;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.TicketIntake;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketService;
import org.law12348.ticketing.TimelineEntry;
import org.law12348.ticketing.TimelineEventType;
import org.law12348.ticketing.clocks.ClockReminders;
import org.law12348.ticketing.clocks.LegalClockService;
import org.law12348.ticketing.retention.RetentionParticipant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMS port through Alibaba Cloud's own SDK against the local endpoint that checks its request
 * signatures: web sign-in with a one-time code, the limits on codes, and notices by text message to
 * citizens of the hotline and the web.
 */
class SmsTest extends MiniappTestSupport {

    private static final StaffMember DISPATCHER = new StaffMember("dispatcher", StaffRole.DISPATCHER, null);

    @Autowired
    TicketIntake intake;

    @Autowired
    TicketService staff;

    @Autowired
    NotificationSender sender;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MiniappProperties properties;

    @Autowired
    LegalClockService clocks;

    @Autowired
    ClockReminders reminders;

    @Autowired
    List<RetentionParticipant> participants;

    @BeforeEach
    void settleEarlierNotifications() {
        jdbc.update("update miniapp_notification set status = 'SKIPPED' where status = 'PENDING'");
    }

    @Test
    void aWebCitizenSignsInWithTheCodeSentByTextAndSeesEveryTicketUnderTheNumber() {
        String phone = uniquePhone();
        String web = webTicket(phone);
        String hotline = intake.receive(IntakeRequest.fromCall(unique("call-"), "LEGAL_AID", "440106",
                "热线留言：工伤赔偿想申请法律援助", phone)).ticketNumber();

        Response sent = post("/api/v1/miniapp/sms/codes", null, null, "{\"phone\":\"" + phone + "\"}");

        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
        assertThat(sent.body().path("phone").asText()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(sent.body().toString()).doesNotContain(codeSentTo(phone));
        Response session = post("/api/v1/miniapp/sms/sessions", null, null,
                "{\"phone\":\"" + phone + "\",\"code\":\"" + codeSentTo(phone) + "\"}");
        assertThat(session.status()).as(session.body().toString()).isEqualTo(200);
        assertThat(session.body().path("channel").asText()).isEqualTo("WEB");
        assertThat(session.body().path("phoneBound").asBoolean()).isTrue();
        String token = session.body().path("token").asText();

        assertThat(get("/api/v1/miniapp/tickets", token).body().path("items").findValuesAsText("number"))
                .contains(web, hotline);
        assertThat(get("/api/v1/miniapp/tickets/" + web, token).status()).isEqualTo(200);
        String strangers = webTicket(uniquePhone());
        assertThat(get("/api/v1/miniapp/tickets/" + strangers, token).status()).isEqualTo(404);
    }

    @Test
    void aCodeWorksOnceAndNotAfterItExpiresNorForAnotherNumber() {
        String phone = uniquePhone();
        requestCode(phone);
        String code = codeSentTo(phone);

        assertThat(signIn(uniquePhone(), code).status()).isEqualTo(400);
        clock.advance(Duration.ofMinutes(6));
        Response expired = signIn(phone, code);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.body().path("code").asText()).isEqualTo("sms.codeInvalid");
        assertThat(expired.body().path("field").asText()).isEqualTo("code");

        requestCode(phone);
        String fresh = codeSentTo(phone);
        assertThat(signIn(phone, fresh).status()).isEqualTo(200);
        assertThat(signIn(phone, fresh).status()).as("a used code").isEqualTo(400);
    }

    @Test
    void aCodeIsVoidAfterFiveWrongGuesses() {
        String phone = uniquePhone();
        requestCode(phone);
        String code = codeSentTo(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(phone, wrong).status()).isEqualTo(400);
        }

        Response right = signIn(phone, code);

        assertThat(right.status()).isEqualTo(400);
        assertThat(right.body().path("detail").asText()).contains("次数过多");
    }

    @Test
    void aNumberGetsOneCodeAMinuteAndFiveAnHour() {
        String phone = uniquePhone();
        requestCode(phone);

        Response again = post("/api/v1/miniapp/sms/codes", null, null, "{\"phone\":\"" + phone + "\"}");
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.body().path("code").asText()).isEqualTo("sms.tooSoon");
        assertThat(again.raw().headers().firstValue("Retry-After")).isPresent();
        for (int i = 1; i < 5; i++) {
            clock.advance(Duration.ofSeconds(61));
            requestCode(phone);
        }
        clock.advance(Duration.ofSeconds(61));

        Response sixth = post("/api/v1/miniapp/sms/codes", null, null, "{\"phone\":\"" + phone + "\"}");
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.body().path("code").asText()).isEqualTo("sms.numberLimit");
        assertThat(sms.sentTo(phone)).hasSize(5);
    }

    @Test
    void aCodeTheServiceRefusedCountsForNothingAndTheCitizenIsToldWhy() {
        String phone = uniquePhone();
        sms.failNext("isv.MOBILE_NUMBER_ILLEGAL");

        Response refused = post("/api/v1/miniapp/sms/codes", null, null, "{\"phone\":\"" + phone + "\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("field").asText()).isEqualTo("phone");
        sms.failNext("isv.BUSINESS_LIMIT_CONTROL");
        Response throttled = post("/api/v1/miniapp/sms/codes", null, null, "{\"phone\":\"" + phone + "\"}");
        assertThat(throttled.status()).isEqualTo(429);
        // neither attempt left a code behind that could be used or would count as sent
        requestCode(phone);
        assertThat(sms.sentTo(phone)).hasSize(1);
    }

    @Test
    void badInputNamesTheField() {
        assertThat(post("/api/v1/miniapp/sms/codes", null, null, "{}").body().path("field").asText()).isEqualTo("phone");
        Response fixedLine = post("/api/v1/miniapp/sms/codes", null, null, "{\"phone\":\"02083001234\"}");
        assertThat(fixedLine.status()).isEqualTo(400);
        assertThat(fixedLine.body().path("field").asText()).isEqualTo("phone");
        Response letters = post("/api/v1/miniapp/sms/sessions", null, null, "{\"phone\":\"13800000000\",\"code\":\"abc\"}");
        assertThat(letters.status()).isEqualTo(400);
        assertThat(letters.body().path("field").asText()).isEqualTo("code");
        assertThat(post("/api/v1/miniapp/sms/sessions", null, null, "{\"phone\":\"13800000000\"}").body()
                .path("field").asText()).isEqualTo("code");
        assertThat(sms.sent()).isEmpty();
    }

    @Test
    void anAnsweredWebQuestionIsToldByTextMessageAndAFixedLineGetsNone() {
        String phone = uniquePhone();
        String number = webTicket(phone);
        String fixedLine = intake.receive(IntakeRequest.fromCall(unique("call-"), "LEGAL_AID", "440106", "热线留言：欠薪",
                "02083001234")).ticketNumber();

        staff.answer(number, "可以向劳动监察大队投诉，或申请劳动仲裁。", DISPATCHER);
        staff.answer(fixedLine, "可以向劳动监察大队投诉。", DISPATCHER);
        deliverTicketEvents();
        sender.sendDue();

        assertThat(sms.sentTo(phone)).hasSize(1);
        assertThat(sms.sentTo(phone).get(0).template()).isEqualTo("SMS_480000003");
        assertThat(sms.sentTo(phone).get(0).variables().path("number").asText()).isEqualTo(number);
        assertThat(deliveries(number)).anyMatch(text -> text.startsWith("短信通知已发送"));
        assertThat(jdbc.queryForObject("select count(*) from miniapp_notification where ticket_number = ?",
                Integer.class, fixedLine)).isZero();
    }

    @Test
    void aHotlineCallerIsRemindedOnceByTextMessageBeforeTheirLegalClockRunsOut() {
        String phone = uniquePhone();
        String number = intake.receive(IntakeRequest.fromCall(unique("call-"), "LEGAL_CONSULTATION", "440106",
                "热线留言：2026年3月14日被公司辞退", phone)).ticketNumber();
        // one year from 14 March 2026 ends on Sunday 14 March 2027, so on Monday the 15th
        clocks.add(number, "LABOUR_ARBITRATION", "2026-03-14", DISPATCHER);

        reminders.remind(LocalDate.of(2027, 3, 8));
        reminders.remind(LocalDate.of(2027, 3, 8));
        sender.sendDue();

        assertThat(sms.sentTo(phone)).singleElement().satisfies(sent -> {
            assertThat(sent.template()).isEqualTo("SMS_480000004");
            assertThat(sent.variables().path("number").asText()).isEqualTo(number);
        });
        assertThat(deliveries(number)).anyMatch(text -> text.startsWith("短信通知已发送：法律期限提醒"));
        assertThat(jdbc.queryForObject("select summary from miniapp_notification where ticket_number = ? "
                + "and kind = 'CLOCK_REMINDER'", String.class, number)).isEqualTo("劳动仲裁申请期限：2027年3月15日截止，还剩7天");
    }

    @Test
    void theRetentionRunDeletesCodesOnceTheyCountForNothing() {
        String phone = uniquePhone();
        requestCode(phone);
        String hash = jdbc.queryForObject("select phone_hash from miniapp_sms_code order by id desc limit 1", String.class);
        RetentionParticipant participant = participants.stream()
                .filter(p -> p.name().equals("miniapp.smsSignInCodes")).findFirst().orElseThrow();

        participant.deleteDue("test");
        assertThat(codesOf(hash)).as("a fresh code stays").isEqualTo(1);
        clock.advance(Duration.ofDays(3));
        assertThat(participant.deleteDue("test")).isPositive();
        assertThat(codesOf(hash)).isZero();
    }

    private int codesOf(String phoneHash) {
        return jdbc.queryForObject("select count(*) from miniapp_sms_code where phone_hash = ?", Integer.class, phoneHash);
    }

    @Test
    void theEndpointRefusesARequestSignedWithAnotherSecret() {
        MiniappProperties.Sms real = properties.sms();
        MiniappProperties forged = new MiniappProperties(null, null, null, null, null, null,
                new MiniappProperties.Sms(real.accessKeyId(), "not-the-secret", real.endpoint(), real.protocol(),
                        real.signName(), real.templates(), null, null, null));
        int before = sms.refusedSignatures();

        Delivery delivery = new AliyunSms(forged, new ObjectMapper()).sendNotice(uniquePhone(),
                CitizenNotice.Kind.ANSWERED, "GD20260000001");

        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.GIVE_UP);
        assertThat(sms.refusedSignatures()).isEqualTo(before + 1);
        assertThat(sms.sent()).isEmpty();
    }

    private String webTicket(String phone) {
        return intake.receive(IntakeRequest.fromWeb(unique("web-"), "LEGAL_CONSULTATION", "440106", "公司拖欠工资三个月，怎么办？")
                .withPhone(phone)).ticketNumber();
    }

    private void requestCode(String phone) {
        Response r = post("/api/v1/miniapp/sms/codes", null, null, "{\"phone\":\"" + phone + "\"}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    }

    private String codeSentTo(String phone) {
        return sms.lastCodeTo(phone);
    }

    private Response signIn(String phone, String code) {
        return post("/api/v1/miniapp/sms/sessions", null, null,
                "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}");
    }

    private List<String> deliveries(String number) {
        return staff.view(number, DISPATCHER).timeline().stream()
                .filter(e -> e.type() == TimelineEventType.NOTIFIED).map(TimelineEntry::text).toList();
    }
}
