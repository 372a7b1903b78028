package org.law12348.miniapp;

import org.junit.jupiter.api.Test;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketService;
import org.law12348.ticketing.retention.CitizenData;
import org.law12348.ticketing.retention.CitizenDataExport;
import org.law12348.ticketing.retention.RetentionJob;
import org.law12348.ticketing.retention.RetentionRun;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the mini-programs keep about a citizen goes with the ticket it belongs to (retention, erasure)
 * and, when the citizen is erased, with the citizen: their platform account, bound phone and sessions.
 */
class MiniappErasureTest extends MiniappTestSupport {

    private static final StaffMember DISPATCHER = new StaffMember("dispatcher", StaffRole.DISPATCHER, null);

    @Autowired
    CitizenData citizenData;
    @Autowired
    RetentionJob retention;
    @Autowired
    TicketService staff;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataCipher cipher;

    @Test
    void retentionDeletesATicketsImagesNotificationsAndClientMessagesButKeepsTheAccount() {
        String openId = unique("o6_retained");
        String token = wechatSignIn(openId);
        Response submitted = multipart(token, unique("img"), new byte[][] {JPEG, PNG});
        String number = submitted.body().path("number").asText();
        Path images = imageFolder(token, number);
        post("/api/v1/miniapp/wechat/subscriptions", token, null, "{\"results\":{\"TPL-ANSWERED\":\"accept\"}}");
        staff.answer(number, "工伤可以申请法律援助，请携带身份证和受伤证明。", DISPATCHER);
        deliverTicketEvents();
        Response accepted = post("/api/v1/miniapp/tickets/" + number + "/accept-answer", token, unique("acc"), null);
        assertThat(accepted.body().path("status").asText()).as(accepted.body().toString()).isEqualTo("CLOSED");
        assertThat(images.resolve("1.jpg")).exists();
        assertThat(rowsOf("miniapp_notification", number)).isPositive();
        assertThat(rowsOf("miniapp_client_message", number)).isEqualTo(1);

        clock.advance(Duration.ofDays(3 * 366 + 1));
        // still in use, so the run's deletion of unused accounts leaves it: what goes here goes with the ticket
        wechatSignIn(openId);
        retention.runNow("admin");

        assertThat(images).doesNotExist();
        assertThat(rowsOf("miniapp_notification", number)).isZero();
        assertThat(rowsOf("miniapp_client_message", number)).isZero();
        assertThat(accounts("wechat_openid_hash", openId)).isEqualTo(1);
    }

    @Test
    void anErasedCitizensAccountPhoneAndSessionsGoAndTheNextSignInStartsFresh() {
        String openId = unique("o6_erased");
        String phone = uniquePhone();
        String token = wechatSignIn(openId);
        bindWechatPhone(token, phone);
        post("/api/v1/miniapp/wechat/subscriptions", token, null, "{\"results\":{\"TPL-ANSWERED\":\"accept\"}}");
        Response submitted = multipart(token, unique("img"), new byte[][] {JPEG});
        String number = submitted.body().path("number").asText();
        Path images = imageFolder(token, number);
        long account = jdbc.queryForObject("select id from miniapp_citizen where wechat_openid_hash = ?", Long.class,
                cipher.blindIndex(openId));
        assertThat(jdbc.queryForObject("select count(*) from miniapp_send_grant where citizen_id = ?", Integer.class,
                account)).isEqualTo(1);

        CitizenData.Erasure erasure = citizenData.eraseByTicket(number, "市民通过小程序申请删除个人信息", "admin");

        assertThat(erasure.ticketNumbers()).containsExactly(number);
        assertThat(images).doesNotExist();
        assertThat(accounts("wechat_openid_hash", openId)).isZero();
        assertThat(accounts("phone_hash", phone)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from miniapp_send_grant where citizen_id = ?", Integer.class,
                account)).isZero();
        Response oldSession = get("/api/v1/miniapp/tickets", token);
        assertThat(oldSession.status()).isEqualTo(401);
        assertThat(oldSession.body().path("code").asText()).isEqualTo("session.invalid");

        String fresh = wechatSignIn(openId);
        Response mine = get("/api/v1/miniapp/tickets", fresh);
        assertThat(mine.body().path("total").asLong()).isZero();
        assertThat(jdbc.queryForObject("select phone_hash from miniapp_citizen where wechat_openid_hash = ?",
                String.class, cipher.blindIndex(openId))).isNull();
        assertThat(citizenData.eraseByTicket(number, "重复提交", "admin").anonymised()).isZero();
        assertThat(accounts("wechat_openid_hash", openId)).as("a repeated erasure of anonymised tickets finds no ids")
                .isEqualTo(1);
    }

    @Test
    void erasingAPhoneNumberDeletesTheAccountBoundToItEvenWithoutATicketAndNoOtherAccount() throws Exception {
        String phone = uniquePhone();
        String erased = alipayCitizen();
        assertThat(post("/api/v1/miniapp/alipay/phone", erased, null, JSON.createObjectNode()
                .put("response", alipay.phonePayload(phone)).toString()).status()).isEqualTo(200);
        String bystanderPhone = uniquePhone();
        String bystander = wechatCitizen();
        bindWechatPhone(bystander, bystanderPhone);

        CitizenData.Erasure erasure = citizenData.eraseByPhone(new PhoneNumber(phone), "来电申请删除", "admin");

        assertThat(erasure.ticketNumbers()).isEmpty();
        assertThat(accounts("phone_hash", phone)).isZero();
        assertThat(get("/api/v1/miniapp/tickets", erased).status()).isEqualTo(401);
        assertThat(accounts("phone_hash", bystanderPhone)).isEqualTo(1);
        assertThat(get("/api/v1/miniapp/tickets", bystander).status()).isEqualTo(200);
    }

    @Test
    void erasingAPhoneNumberErasesTheTicketsTheBoundAccountSentBeforeBindingIt() throws Exception {
        BoundCitizen citizen = citizenWhoBoundBothAccountsAfterAsking("o6_before");

        CitizenData.Erasure erasure = citizenData.eraseByPhone(new PhoneNumber(citizen.phone()), "来电申请删除",
                "admin");

        List<String> own = List.of(citizen.beforeBinding(), citizen.afterBinding(), citizen.alipayBefore());
        assertThat(erasure.ticketNumbers()).containsExactlyInAnyOrderElementsOf(own);
        for (String number : own) {
            assertThat(anonymised(number)).as(number).isTrue();
        }
        assertThat(anonymised(citizen.bystander())).isFalse();
        assertThat(accounts("wechat_openid_hash", citizen.openId())).isZero();
        assertThat(get("/api/v1/miniapp/tickets", wechatSignIn(citizen.openId())).body().path("total").asLong())
                .isZero();
    }

    @Test
    void staffExportsByPhoneAndByTicketListTheTicketsTheBoundAccountsSentBeforeBindingAsAnErasureWould()
            throws Exception {
        BoundCitizen citizen = citizenWhoBoundBothAccountsAfterAsking("o6_exported");

        CitizenDataExport byPhone = citizenData.exportByPhone(new PhoneNumber(citizen.phone()));
        // the WeChat ticket sent before binding carries no phone: only the bound accounts lead further
        CitizenDataExport byTicket = citizenData.exportByTicket(citizen.beforeBinding());

        assertThat(numbers(byPhone))
                .containsExactlyInAnyOrder(citizen.beforeBinding(), citizen.afterBinding(), citizen.alipayBefore())
                .doesNotContain(citizen.bystander());
        assertThat(byPhone.tickets()).filteredOn(t -> t.number().equals(citizen.beforeBinding())).singleElement()
                .satisfies(t -> {
                    assertThat(t.contact().phone()).isNull();
                    assertThat(t.contact().wechatOpenId()).isEqualTo(citizen.openId());
                });
        assertThat(numbers(byTicket)).containsExactlyInAnyOrderElementsOf(numbers(byPhone));
        assertThat(citizenData.eraseByTicket(citizen.beforeBinding(), "来电申请删除", "admin").ticketNumbers())
                .as("an erasure reaches what the export listed").containsExactlyInAnyOrderElementsOf(numbers(byTicket));
    }

    @Test
    void erasingAPhoneNumberLeavesNoNotificationAddressedToTheBoundAccount() {
        String openId = unique("o6_queued");
        String phone = uniquePhone();
        String token = wechatSignIn(openId);
        String beforeBinding = ask(token, "交通事故对方不赔偿怎么办？");
        post("/api/v1/miniapp/wechat/subscriptions", token, null, "{\"results\":{\"TPL-ANSWERED\":\"accept\"}}");
        staff.answer(beforeBinding, "可以向法院提起诉讼，也可以申请法律援助。", DISPATCHER);
        deliverTicketEvents();
        bindWechatPhone(token, phone);
        assertThat(jdbc.queryForObject("select count(*) from miniapp_notification where ticket_number = ? "
                + "and status = 'PENDING'", Integer.class, beforeBinding)).as("queued, not yet sent").isPositive();

        citizenData.eraseByPhone(new PhoneNumber(phone), "来电申请删除", "admin");

        assertThat(jdbc.queryForList("select recipient_enc from miniapp_notification", String.class))
                .map(cipher::decrypt).doesNotContain(openId);
    }

    @Test
    void anAdministratorsRetentionRunDeletesAccountsNobodySignedInToForThreeYearsOnceAndKeepsTheirTickets() {
        String staleOpenId = unique("o6_stale");
        String stale = wechatSignIn(staleOpenId);
        post("/api/v1/miniapp/wechat/subscriptions", stale, null, "{\"results\":{\"TPL-ANSWERED\":\"accept\"}}");
        String staleTicket = ask(stale, "宅基地纠纷找哪个部门？");
        long staleAccount = jdbc.queryForObject("select id from miniapp_citizen where wechat_openid_hash = ?",
                Long.class, cipher.blindIndex(staleOpenId));
        String returningOpenId = unique("o6_returning");
        wechatSignIn(returningOpenId);

        clock.advance(Duration.ofDays(3 * 366));
        wechatSignIn(returningOpenId);
        int auditedBefore = unusedAccountAudits();
        RetentionRun run = retention.runNow("admin");

        assertThat(run.participants()).extracting(RetentionRun.Participation::name)
                .contains("miniapp.smsSignInCodes", "miniapp.unusedAccounts", "ticketing.attachmentOrphans");
        RetentionRun.Participation accountsPart = run.participants().stream()
                .filter(part -> part.name().equals("miniapp.unusedAccounts")).findFirst().orElseThrow();
        assertThat(accountsPart).satisfies(part -> {
            assertThat(part.name()).isEqualTo("miniapp.unusedAccounts");
            assertThat(part.description()).isEqualTo("长期未登录的小程序账户");
            assertThat(part.failed()).isFalse();
            assertThat(part.deleted()).isPositive();
        });
        int deleted = accountsPart.deleted();
        assertThat(retention.recentRuns(1)).singleElement().extracting(RetentionRun::participants)
                .as("recorded with the run").isEqualTo(run.participants());
        assertThat(unusedAccountAudits()).as("the accounts are deleted once per run").isEqualTo(auditedBefore + 1);
        assertThat(accounts("wechat_openid_hash", staleOpenId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from miniapp_send_grant where citizen_id = ?", Integer.class,
                staleAccount)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from miniapp_client_message where citizen_id = ?",
                Integer.class, staleAccount)).isZero();
        assertThat(accounts("wechat_openid_hash", returningOpenId)).isEqualTo(1);
        assertThat(anonymised(staleTicket)).as("tickets keep to ticket retention").isFalse();
        assertThat(jdbc.queryForObject("select actor || ' ' || detail from audit_entry "
                + "where action = 'UNUSED_ACCOUNTS_DELETED' order by id desc limit 1", String.class))
                .startsWith("admin ").endsWith("删除" + deleted + "个");
        assertThat(get("/api/v1/miniapp/tickets", wechatSignIn(staleOpenId)).body().path("total").asLong())
                .as("a returning citizen finds their tickets by openid").isEqualTo(1);
    }

    /**
     * A citizen who asked from WeChat, bound a phone there and asked again, and asked from Alipay before
     * binding the same phone there; and a bystander who asked from another WeChat account.
     */
    private record BoundCitizen(String openId, String phone, String beforeBinding, String afterBinding,
                                String alipayBefore, String bystander) {
    }

    private BoundCitizen citizenWhoBoundBothAccountsAfterAsking(String openIdPrefix) throws Exception {
        String openId = unique(openIdPrefix);
        String phone = uniquePhone();
        String token = wechatSignIn(openId);
        String beforeBinding = ask(token, "公司拖欠工资三个月，我该怎么办？");
        bindWechatPhone(token, phone);
        String afterBinding = ask(token, "劳动仲裁需要准备哪些材料？");
        String alipayToken = alipayCitizen();
        String alipayBefore = ask(alipayToken, "租房押金不退怎么办？");
        assertThat(post("/api/v1/miniapp/alipay/phone", alipayToken, null, JSON.createObjectNode()
                .put("response", alipay.phonePayload(phone)).toString()).status()).isEqualTo(200);
        String bystander = ask(wechatCitizen(), "邻居装修噪音扰民怎么办？");
        return new BoundCitizen(openId, phone, beforeBinding, afterBinding, alipayBefore, bystander);
    }

    private static List<String> numbers(CitizenDataExport export) {
        return export.tickets().stream().map(CitizenDataExport.TicketData::number).toList();
    }

    private int unusedAccountAudits() {
        return jdbc.queryForObject("select count(*) from audit_entry where action = 'UNUSED_ACCOUNTS_DELETED'",
                Integer.class);
    }

    private boolean anonymised(String number) {
        return jdbc.queryForObject("select anonymised_at is not null from ticket where number = ?", Boolean.class,
                number);
    }

    private int rowsOf(String table, String number) {
        return jdbc.queryForObject("select count(*) from " + table + " where ticket_number = ?", Integer.class, number);
    }

    private int accounts(String hashColumn, String value) {
        return jdbc.queryForObject("select count(*) from miniapp_citizen where " + hashColumn + " = ?", Integer.class,
                cipher.blindIndex(value));
    }

    private void bindWechatPhone(String token, String phone) {
        String code = unique("phonecode");
        wechat.phoneCode(code, phone);
        Response bound = post("/api/v1/miniapp/wechat/phone", token, null, "{\"code\":\"" + code + "\"}");
        assertThat(bound.status()).as(bound.body().toString()).isEqualTo(200);
    }
}
