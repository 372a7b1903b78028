package org.law12348.miniapp;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.law12348.miniapp.internal.notify.NotificationSender;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.testsupport.PostgresDatabase;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketEvent;
import org.law12348.ticketing.TicketService;
import org.law12348.ticketing.Tickets;
import org.law12348.ticketing.internal.OutboxRelay;
import org.law12348.ticketing.retention.CitizenData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's migrations and its native SQL on PostgreSQL 15 (production), in a database of its own
 * at 127.0.0.1:5432. Skipped without a server, except under CI.
 */
@Import(PostgresMiniappTest.HeldClosing.class)
class PostgresMiniappTest extends MiniappTestSupport {

    private static final StaffMember DISPATCHER = new StaffMember("dispatcher", StaffRole.DISPATCHER, null);
    private static String databaseUrl;

    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    TicketService staff;

    @Autowired
    OutboxRelay relay;

    @Autowired
    NotificationSender sender;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CitizenData citizenData;

    @Autowired
    HeldClosing held;

    @BeforeAll
    static void createDatabase() {
        if (databaseUrl != null) {
            return;
        }
        databaseUrl = PostgresDatabase.create("law12348_it_miniapp");
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.use(registry, databaseUrl);
    }

    @Test
    void theWholeWechatPathWorksOnPostgres() {
        String token = wechatCitizen();
        String body = "{\"regionCode\":\"440106\",\"text\":\"拆迁补偿标准不合理怎么办？\"}";
        Response first = post("/api/v1/miniapp/questions", token, "pg-1", body);
        Response retry = post("/api/v1/miniapp/questions", token, "pg-1", body);
        String number = first.body().path("number").asText();
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.body().path("number").asText()).isEqualTo(number);

        post("/api/v1/miniapp/wechat/subscriptions", token, null, "{\"results\":{\"TPL-ANSWERED\":\"accept\"}}");
        staff.answer(number, "可以申请行政复议或者提起行政诉讼。", DISPATCHER);
        relay.relayPending();
        sender.sendDue();
        assertThat(wechat.subscribeMessages()).anyMatch(m -> m.toString().contains(number));

        String path = "/api/v1/miniapp/tickets/" + number;
        post(path + "/follow-ups", token, "pg-f", "{\"text\":\"复议期限是多久？\"}");
        Response again = post(path + "/follow-ups", token, "pg-f", "{\"text\":\"复议期限是多久？\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("timeline").findValuesAsText("type")).containsOnlyOnce("FOLLOW_UP");
        assertThat(get("/api/v1/miniapp/tickets", token).body().path("total").asLong()).isEqualTo(1);
        assertThat(get(path, wechatCitizen()).status()).isEqualTo(404);
    }

    @Test
    void erasureDeletesTheAccountAndEverythingTheMiniProgramsKeptAboutTheTicketOnPostgres() {
        String openId = unique("o6_pgErased");
        String phone = uniquePhone();
        String token = wechatSignIn(openId);
        String phoneCode = unique("pgphone");
        wechat.phoneCode(phoneCode, phone);
        assertThat(post("/api/v1/miniapp/wechat/phone", token, null, "{\"code\":\"" + phoneCode + "\"}").status())
                .isEqualTo(200);
        post("/api/v1/miniapp/wechat/subscriptions", token, null, "{\"results\":{\"TPL-CLOSED\":\"accept\"}}");
        String number = multipart(token, "pg-img", new byte[][] {JPEG}).body().path("number").asText();
        Path images = imageFolder(token, number);
        staff.answer(number, "可以申请法律援助。", DISPATCHER);
        deliverTicketEvents();
        post("/api/v1/miniapp/tickets/" + number + "/accept-answer", token, "pg-accept", null);
        long account = jdbc.queryForObject("select id from miniapp_citizen where wechat_openid_hash = ?", Long.class,
                cipher.blindIndex(openId));
        assertThat(images).isDirectory();
        assertThat(count("miniapp_notification where ticket_number = ?", number)).isPositive();
        assertThat(count("miniapp_client_message where citizen_id = ?", account)).isEqualTo(1);
        assertThat(count("miniapp_send_grant where citizen_id = ?", account)).isEqualTo(1);

        citizenData.eraseByPhone(new PhoneNumber(phone), "市民来电申请删除个人信息", "admin");

        assertThat(images).doesNotExist();
        assertThat(count("miniapp_notification where ticket_number = ?", number)).isZero();
        assertThat(count("miniapp_client_message where citizen_id = ?", account)).isZero();
        assertThat(count("miniapp_send_grant where citizen_id = ?", account)).isZero();
        assertThat(count("miniapp_citizen where id = ?", account)).isZero();
        assertThat(get("/api/v1/miniapp/tickets", token).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select anonymised_at is not null from ticket where number = ?", Boolean.class,
                number)).isTrue();
    }

    @Test
    void consentIsRecordedAndItsWithdrawalDeletesTheAccountAndAsksForErasureOnPostgres() {
        String web = post("/api/v1/citizen/consents", null, null,
                "{\"noticeVersion\":\"2026-12-06\",\"channel\":\"WEB\"}").body().path("consentId").asText();
        assertThat(send(request("/api/v1/citizen/consents/" + web, null, null).DELETE().build()).status())
                .isEqualTo(204);
        assertThat(send(request("/api/v1/citizen/consents/" + web, null, null).DELETE().build()).status())
                .isEqualTo(404);
        String openId = unique("o6_pgConsent");
        String token = wechatSignIn(openId);
        Response recorded = post("/api/v1/citizen/consents", token, null,
                "{\"noticeVersion\":\"2026-12-06\",\"channel\":\"WECHAT\"}");
        assertThat(recorded.status()).isEqualTo(201);
        String number = ask(token, "离婚后孩子抚养费怎么算？");
        assertThat(post("/api/v1/miniapp/erasure-requests", token, null, null).status()).isEqualTo(202);
        long account = jdbc.queryForObject("select id from miniapp_citizen where wechat_openid_hash = ?", Long.class,
                cipher.blindIndex(openId));

        assertThat(send(request("/api/v1/citizen/consents/current", token, null).DELETE().build()).status())
                .isEqualTo(204);

        assertThat(count("miniapp_citizen where id = ?", account)).isZero();
        assertThat(count("citizen_consent where id = ? and account_id is null and withdrawn_at is not null",
                recorded.body().path("consentId").asText())).isEqualTo(1);
        assertThat(count("audit_entry where ticket_number = ? and action = 'CITIZEN_ERASURE_REQUESTED'", number))
                .as("the request made before is still open: withdrawing adds none").isEqualTo(1);
        assertThat(get("/api/v1/miniapp/tickets", token).status()).isEqualTo(401);
    }

    /**
     * Erasure is one transaction: ticketing's anonymisation and every listener of {@code TicketAnonymised}
     * and {@code CitizenErased} run in it, so the last participant failing undoes what the first did.
     */
    @Test
    void anErasureWhoseLastParticipantFailsErasesNothingAndSucceedsWhenRunAgain() {
        String openId = unique("o6_pgAtomic");
        String phone = uniquePhone();
        String token = wechatSignIn(openId);
        String number = ask(token, "单位不给缴社保怎么办？");
        staff.answer(number, "可以向社保经办机构投诉。", DISPATCHER);
        deliverTicketEvents();
        String phoneCode = unique("pgatomic");
        wechat.phoneCode(phoneCode, phone);
        post("/api/v1/miniapp/wechat/phone", token, null, "{\"code\":\"" + phoneCode + "\"}");
        long account = jdbc.queryForObject("select id from miniapp_citizen where wechat_openid_hash = ?", Long.class,
                cipher.blindIndex(openId));
        int notifications = count("miniapp_notification where ticket_number = ?", number);
        assertThat(notifications).isPositive();
        // the account is deleted last, by AccountEraser, after the ticket was anonymised
        jdbc.execute("create function refuse_account_delete() returns trigger language plpgsql as $$ begin "
                + "if old.id = " + account + " then raise exception 'forced failure'; end if; return old; end $$");
        jdbc.execute("create trigger refuse_account_delete before delete on miniapp_citizen "
                + "for each row execute function refuse_account_delete()");
        try {
            assertThatThrownBy(() -> citizenData.eraseByPhone(new PhoneNumber(phone), "来电申请删除", "admin"))
                    .hasStackTraceContaining("forced failure");
        } finally {
            jdbc.execute("drop trigger refuse_account_delete on miniapp_citizen");
            jdbc.execute("drop function refuse_account_delete()");
        }

        assertThat(jdbc.queryForObject("select anonymised_at is null and wechat_openid_hash is not null "
                + "and status = 'ANSWERED' from ticket where number = ?", Boolean.class, number)).isTrue();
        assertThat(count("outbox_event where ticket_number = ? and event_type = 'TicketClosed'", number)).isZero();
        assertThat(count("timeline_entry e join ticket t on t.id = e.ticket_id where t.number = ? "
                + "and e.text like '%社保经办机构%'", number)).isPositive();
        assertThat(count("miniapp_notification where ticket_number = ?", number)).isEqualTo(notifications);
        assertThat(count("miniapp_citizen where id = ?", account)).isEqualTo(1);
        assertThat(count("audit_entry where ticket_number = ? and action = 'TICKET_ANONYMISED'", number)).isZero();
        assertThat(get("/api/v1/miniapp/tickets", token).status()).isEqualTo(200);

        CitizenData.Erasure again = citizenData.eraseByPhone(new PhoneNumber(phone), "来电申请删除", "admin");

        assertThat(again.ticketNumbers()).containsExactly(number);
        assertThat(jdbc.queryForObject("select anonymised_at is not null from ticket where number = ?", Boolean.class,
                number)).isTrue();
        assertThat(count("miniapp_notification where ticket_number = ?", number)).isZero();
        assertThat(count("miniapp_citizen where id = ?", account)).isZero();
    }

    /**
     * The ticket's closing is being delivered while the ticket is erased. A listener that runs before
     * the notice (the points ledger) has loaded the ticket into the delivery's transaction. The
     * erasure used to commit meanwhile, and the notice then read that entity, from before the
     * erasure, and queued a notice with the citizen's openid that outlived the erasure (CI saw it
     * once). The delivery now holds the ticket's row lock, so the erasure waits for it and deletes
     * the notice it queued.
     */
    @Test
    void aNoticeQueuedWhileItsTicketIsErasedIsErasedToo() throws Exception {
        String openId = unique("o6_pgRace");
        String phone = uniquePhone();
        String token = wechatSignIn(openId);
        String phoneCode = unique("pgrace");
        wechat.phoneCode(phoneCode, phone);
        post("/api/v1/miniapp/wechat/phone", token, null, "{\"code\":\"" + phoneCode + "\"}");
        post("/api/v1/miniapp/wechat/subscriptions", token, null, "{\"results\":{\"TPL-CLOSED\":\"accept\"}}");
        String number = ask(token, "邻居装修噪音扰民怎么办？");
        staff.answer(number, "可以先协商，也可以请物业或者人民调解委员会调解。", DISPATCHER);
        deliverTicketEvents();
        held.hold(number);
        post("/api/v1/miniapp/tickets/" + number + "/accept-answer", token, "pg-race", null);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> delivery = threads.submit(() -> relay.relayPending());
            assertThat(held.entered.await(30, TimeUnit.SECONDS)).as("the closing is being delivered").isTrue();

            Future<CitizenData.Erasure> erasure = threads.submit(
                    () -> citizenData.eraseByPhone(new PhoneNumber(phone), "市民来电申请删除个人信息", "admin"));
            awaitDoneOrWaitingForALock(erasure);
            held.released.countDown();
            delivery.get(30, TimeUnit.SECONDS);
            assertThat(erasure.get(30, TimeUnit.SECONDS).ticketNumbers()).containsExactly(number);
        } finally {
            held.released.countDown();
            threads.shutdownNow();
        }

        assertThat(count("miniapp_notification where ticket_number = ?", number)).isZero();
    }

    /** Until the erasure has finished, or a session of this database waits for a row lock. */
    private void awaitDoneOrWaitingForALock(Future<?> erasure) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!erasure.isDone() && System.nanoTime() < deadline) {
            Integer waiting = jdbc.queryForObject("select count(*) from pg_stat_activity where datname = "
                    + "current_database() and wait_event_type = 'Lock'", Integer.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    /**
     * Holds the delivery of one ticket's closing, inside its transaction, first of its listeners and
     * after loading the ticket as the points ledger does, until released.
     */
    static final class HeldClosing {
        private final Tickets tickets;
        private volatile String ticketNumber;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);

        HeldClosing(Tickets tickets) {
            this.tickets = tickets;
        }

        void hold(String number) {
            ticketNumber = number;
        }

        @EventListener
        @Order(Ordered.HIGHEST_PRECEDENCE)
        void on(TicketEvent.TicketClosed closed) throws InterruptedException {
            if (closed.ticketNumber().equals(ticketNumber)) {
                tickets.findByNumber(closed.ticketNumber());
                entered.countDown();
                released.await(60, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void alipayFormIdsAndPhoneBindingWorkOnPostgres() throws Exception {
        String token = alipayCitizen();

        assertThat(post("/api/v1/miniapp/alipay/form-ids", token, null, "{\"formId\":\"pg-form-1\"}").status())
                .isEqualTo(200);
        assertThat(post("/api/v1/miniapp/alipay/phone", token, null, JSON.createObjectNode()
                .put("response", alipay.phonePayload("13700001111")).toString()).status()).isEqualTo(200);

        assertThat(jdbc.queryForObject("select remaining from miniapp_send_grant where grant_key = 'pg-form-1'",
                Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from miniapp_citizen where phone_hash = ?",
                Integer.class, cipher.blindIndex("13700001111"))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from miniapp_citizen where phone_enc like '%13700001111%'",
                Integer.class)).isZero();
    }

    private int count(String fromWhere, Object value) {
        return jdbc.queryForObject("select count(*) from " + fromWhere, Integer.class, value);
    }
}
