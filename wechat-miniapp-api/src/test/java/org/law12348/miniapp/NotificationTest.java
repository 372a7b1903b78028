package org.law12348.miniapp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.law12348.miniapp.internal.notify.NotificationSender;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketService;
import org.law12348.ticketing.TimelineEntry;
import org.law12348.ticketing.TimelineEventType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationTest extends MiniappTestSupport {

    private static final StaffMember DISPATCHER = new StaffMember("dispatcher", StaffRole.DISPATCHER, null);

    @Autowired
    TicketService staff;

    @Autowired
    NotificationSender sender;

    @Autowired
    JdbcTemplate jdbc;

    /** Notifications other tests left pending must not take this test's scripted platform answers. */
    @BeforeEach
    void settleEarlierNotifications() {
        jdbc.update("update miniapp_notification set status = 'SKIPPED' where status = 'PENDING'");
    }

    @Test
    void theConfiguredTemplatesAreTheOnesToRequest() {
        Response templates = get("/api/v1/miniapp/wechat/subscription-templates", null);

        assertThat(templates.status()).isEqualTo(200);
        assertThat(templates.body().path("accepted").asText()).isEqualTo("TPL-ACCEPTED");
        assertThat(templates.body().path("answered").asText()).isEqualTo("TPL-ANSWERED");
        assertThat(templates.body().path("closed").asText()).isEqualTo("TPL-CLOSED");
    }

    @Test
    void anAnsweredWechatQuestionSendsTheSubscribeMessageTheCitizenAllowed() {
        String openId = unique("o6_notified");
        String token = wechatSignIn(openId);
        String number = ask(token, "试用期被辞退有补偿吗？");
        Response granted = post("/api/v1/miniapp/wechat/subscriptions", token, null,
                "{\"results\":{\"TPL-ANSWERED\":\"accept\",\"TPL-CLOSED\":\"reject\",\"OTHER\":\"accept\"}}");
        assertThat(granted.body().path("granted").findValuesAsText("")).isEmpty();
        assertThat(granted.body().path("granted").get(0).asText()).isEqualTo("TPL-ANSWERED");

        staff.answer(number, "试用期内用人单位违法解除的，应当支付赔偿金。", DISPATCHER);
        deliverTicketEvents();
        sender.sendDue();

        List<JsonNode> sent = messagesFor(number);
        assertThat(sent).as(deliveries(number).toString()).hasSize(1);
        JsonNode message = sent.get(0);
        assertThat(message.path("touser").asText()).isEqualTo(openId);
        assertThat(message.path("template_id").asText()).isEqualTo("TPL-ANSWERED");
        assertThat(message.path("data").path("character_string1").path("value").asText()).isEqualTo(number);
        assertThat(message.path("data").path("thing2").path("value").asText()).isEqualTo("您的问题已有答复");
        assertThat(message.path("data").path("thing3").path("value").asText().length()).isLessThanOrEqualTo(20);
        assertThat(deliveries(number)).anyMatch(text -> text.startsWith("微信订阅消息已发送"))
                // the ACCEPTED notice of the same answer had no grant: recorded, not sent
                .anyMatch(text -> text.contains("市民未订阅该类消息"));
        assertThat(get("/api/v1/miniapp/tickets/" + number, token).body().toString()).doesNotContain("订阅消息");
    }

    @Test
    void aFailedSendIsRetriedWithDoublingPausesAndTheAnswerStands() {
        String token = wechatCitizen();
        String number = ask(token, "公司不交社保可以辞职要补偿吗？");
        post("/api/v1/miniapp/wechat/subscriptions", token, null, "{\"results\":{\"TPL-ANSWERED\":\"accept\"}}");
        wechat.failSubscribeWith(45011, 45011);

        staff.answer(number, "可以以未依法缴纳社保为由解除合同并要求经济补偿。", DISPATCHER);
        deliverTicketEvents();
        sender.sendDue();
        assertThat(messagesFor(number)).isEmpty();
        assertThat(get("/api/v1/miniapp/tickets/" + number, token).body().path("status").asText()).isEqualTo("ANSWERED");

        clock.advance(Duration.ofSeconds(29));
        sender.sendDue();
        assertThat(failures(number)).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        sender.sendDue();
        assertThat(failures(number)).hasSize(2);
        clock.advance(Duration.ofSeconds(59));
        sender.sendDue();
        assertThat(messagesFor(number)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        sender.sendDue();

        assertThat(messagesFor(number)).hasSize(1);
        assertThat(failures(number)).hasSize(2).allMatch(text -> text.contains("45011") && text.contains("重试"));
    }

    @Test
    void aConnectionWechatDropsWithoutAnswerIsAFailedAttemptRetriedLater() {
        String token = wechatCitizen();
        String number = ask(token, "离职后公司扣着工资不发怎么办？");
        post("/api/v1/miniapp/wechat/subscriptions", token, null, "{\"results\":{\"TPL-ANSWERED\":\"accept\"}}");
        wechat.dropSubscribeCalls(1);

        staff.answer(number, "可以向劳动保障监察机构投诉，或申请劳动仲裁要求支付工资。", DISPATCHER);
        deliverTicketEvents();
        sender.sendDue();
        assertThat(messagesFor(number)).isEmpty();
        assertThat(failures(number)).hasSize(1).allMatch(text -> text.contains("第1次发送失败") && text.contains("重试"));

        clock.advance(Duration.ofSeconds(30));
        sender.sendDue();
        assertThat(messagesFor(number)).hasSize(1);
        assertThat(deliveries(number)).anyMatch(text -> text.startsWith("微信订阅消息已发送"));
    }

    @Test
    void aWechatSendThatGetsNoAnswerInTimeIsAFailedAttemptAndGivenUpAfterTheAttemptLimit() {
        String token = wechatCitizen();
        String number = ask(token, "单位不签劳动合同可以要求双倍工资吗？");
        post("/api/v1/miniapp/wechat/subscriptions", token, null, "{\"results\":{\"TPL-ANSWERED\":\"accept\"}}");
        wechat.hang(FakeWechat.SUBSCRIBE_SEND, 10);

        staff.answer(number, "超过一个月不满一年未签书面劳动合同的，可以要求支付二倍工资。", DISPATCHER);
        deliverTicketEvents();
        for (int i = 0; i < 6; i++) {
            sender.sendDue();
            // the hung call ends unanswered, so no late answer records a message as sent
            wechat.releaseHangingCalls();
            clock.advance(Duration.ofHours(1));
        }

        // one request per attempt, each given up before the fake's late answer, and no more than the limit
        assertThat(wechat.hungCalls(FakeWechat.SUBSCRIBE_SEND)).isEqualTo(4);
        assertThat(messagesFor(number)).isEmpty();
        assertThat(failures(number)).hasSize(4).allMatch(text -> text.contains("微信接口响应超时"));
        assertThat(failures(number).get(0)).contains("第1次发送失败").contains("重试");
        assertThat(deliveries(number)).anyMatch(text -> text.contains("第4次发送失败（微信接口响应超时），已放弃"));
        assertThat(jdbc.queryForObject("select count(*) from miniapp_notification where ticket_number = ? "
                + "and kind = 'ANSWERED' and status = 'FAILED' and attempts = 4", Integer.class, number)).isEqualTo(1);
        wechat.reset();
    }

    @Test
    void anAlipaySendThatGetsNoAnswerInTimeIsRetriedAndSentOnceTheGatewayAnswers() {
        String token = alipayCitizen();
        String number = ask(token, "网购商品质量有问题商家拒绝退货怎么办？");
        post("/api/v1/miniapp/alipay/form-ids", token, null, "{\"formId\":\"MjA4ODAwMjI3MjMyNzUwMl8xNjAy\"}");
        alipay.hang(FakeAlipay.TEMPLATE_SEND, 1);

        staff.answer(number, "可以依据消费者权益保护法要求退货，或向市场监管部门投诉。", DISPATCHER);
        deliverTicketEvents();
        sender.sendDue();
        alipay.releaseHangingCalls();
        assertThat(alipay.hungCalls(FakeAlipay.TEMPLATE_SEND)).isEqualTo(1);
        assertThat(alipay.templateMessages()).isEmpty();
        assertThat(failures(number)).hasSize(1)
                .allMatch(text -> text.contains("第1次发送失败（支付宝网关响应超时）") && text.contains("重试"));

        clock.advance(Duration.ofSeconds(30));
        sender.sendDue();

        assertThat(alipay.templateMessages()).hasSize(1);
        assertThat(deliveries(number)).anyMatch(text -> text.startsWith("支付宝模板消息已发送"));
        alipay.reset();
    }

    @Test
    void givesUpAfterTheAttemptLimit() {
        String token = wechatCitizen();
        String number = ask(token, "邻居占用公共楼道堆放杂物怎么办？");
        post("/api/v1/miniapp/wechat/subscriptions", token, null, "{\"results\":{\"TPL-ANSWERED\":\"accept\"}}");
        wechat.failSubscribeWith(-1, -1, -1, -1, -1, -1, -1, -1);

        staff.answer(number, "可以向物业或街道反映，必要时申请人民调解。", DISPATCHER);
        deliverTicketEvents();
        for (int i = 0; i < 6; i++) {
            sender.sendDue();
            clock.advance(Duration.ofHours(1));
        }

        assertThat(messagesFor(number)).isEmpty();
        assertThat(deliveries(number)).anyMatch(text -> text.contains("第4次发送失败") && text.contains("已放弃"));
        assertThat(jdbc.queryForObject("select count(*) from miniapp_notification where ticket_number = ? "
                + "and kind = 'ANSWERED' and status = 'FAILED' and attempts = 4", Integer.class, number)).isEqualTo(1);
        wechat.reset();
    }

    @Test
    void aCitizenWhoWithdrewTheSubscriptionIsNotRetried() {
        String token = wechatCitizen();
        String number = ask(token, "被狗咬伤狗主人不赔偿怎么办？");
        post("/api/v1/miniapp/wechat/subscriptions", token, null, "{\"results\":{\"TPL-ANSWERED\":\"accept\"}}");
        wechat.failSubscribeWith(43101);

        staff.answer(number, "饲养动物致人损害的，动物饲养人应当承担侵权责任。", DISPATCHER);
        deliverTicketEvents();
        sender.sendDue();
        clock.advance(Duration.ofHours(2));

        assertThat(sender.sendDue()).isZero();
        assertThat(deliveries(number)).anyMatch(text -> text.contains("43101") && text.contains("不再重试"));
    }

    @Test
    void anAnsweredAlipayQuestionSendsATemplateMessageWithTheCitizensFormId() {
        String token = alipayCitizen();
        String number = ask(token, "快递丢件只按运费赔偿合理吗？");
        assertThat(post("/api/v1/miniapp/alipay/form-ids", token, null, "{\"formId\":\"MjA4ODAwMjI3MjMyNzUwMl8xNjAx\"}")
                .status()).isEqualTo(200);
        alipay.failTemplateWith("20000", "isp.unknow-error");

        staff.answer(number, "未保价的，可按实际损失主张赔偿，格式条款不当免责的无效。", DISPATCHER);
        deliverTicketEvents();
        sender.sendDue();
        assertThat(alipay.templateMessages()).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        sender.sendDue();

        assertThat(alipay.templateMessages()).as(deliveries(number).toString()).hasSize(1);
        JsonNode message = alipay.templateMessages().get(0);
        assertThat(message.path("to_user_id").asText()).startsWith("2088");
        assertThat(message.path("form_id").asText()).isEqualTo("MjA4ODAwMjI3MjMyNzUwMl8xNjAx");
        assertThat(message.path("user_template_id").asText()).isEqualTo("ALI-TPL-ANSWERED");
        assertThat(message.path("data").asText()).contains(number).contains("您的问题已有答复");
        assertThat(deliveries(number)).anyMatch(text -> text.startsWith("支付宝模板消息已发送"));
    }

    /** Issue 21: Alipay's subscribe messages, as WeChat's: the template the citizen accepted, no form id needed. */
    @Test
    void anAlipayCitizenWhoSubscribedGetsTheSubscribeMessageWithoutAFormId() {
        Response templates = get("/api/v1/miniapp/alipay/subscription-templates", null);
        assertThat(templates.status()).isEqualTo(200);
        assertThat(templates.body().path("answered").asText()).isEqualTo("ALI-TPL-ANSWERED");
        assertThat(templates.body().path("closed").isNull()).as("not configured: not asked for").isTrue();

        String token = alipayCitizen();
        String number = ask(token, "物业不退装修押金怎么办？");
        Response granted = post("/api/v1/miniapp/alipay/subscriptions", token, null,
                "{\"results\":{\"ALI-TPL-ANSWERED\":\"accept\",\"TPL-ANSWERED\":\"accept\",\"ALI-TPL-X\":\"reject\"}}");
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.body().path("granted").findValuesAsText("")).isEmpty();
        assertThat(granted.body().path("granted")).hasSize(1);
        assertThat(granted.body().path("granted").get(0).asText()).as("only this platform's templates")
                .isEqualTo("ALI-TPL-ANSWERED");
        assertThat(post("/api/v1/miniapp/alipay/subscriptions", token, null, "{}").status()).isEqualTo(400);
        assertThat(post("/api/v1/miniapp/alipay/subscriptions", wechatSignIn(unique("o6_not_alipay")), null,
                "{\"results\":{\"ALI-TPL-ANSWERED\":\"accept\"}}").status()).isEqualTo(401);

        staff.answer(number, "押金约定不明的，可以要求物业返还，协商不成可以起诉。", DISPATCHER);
        deliverTicketEvents();
        sender.sendDue();

        List<JsonNode> sent = alipay.templateMessages().stream()
                .filter(m -> m.path("data").asText().contains(number)).toList();
        assertThat(sent).as(deliveries(number).toString()).hasSize(1);
        assertThat(sent.get(0).path("user_template_id").asText()).isEqualTo("ALI-TPL-ANSWERED");
        assertThat(sent.get(0).has("form_id")).as("a subscribe message has no form id").isFalse();
        assertThat(sent.get(0).path("to_user_id").asText()).startsWith("2088");
        assertThat(deliveries(number)).anyMatch(text -> text.startsWith("支付宝模板消息已发送"));

        // the one accepted message is used up: the next answered notice needs a new subscription
        assertThat(jdbc.queryForObject("select sum(remaining) from miniapp_send_grant where channel = 'ALIPAY' "
                + "and grant_key = 'ALI-TPL-ANSWERED'", Integer.class)).isZero();
    }

    private List<JsonNode> messagesFor(String number) {
        return wechat.subscribeMessages().stream()
                .filter(m -> number.equals(m.path("data").path("character_string1").path("value").asText()))
                .toList();
    }

    private List<String> deliveries(String number) {
        return staff.view(number, DISPATCHER).timeline().stream()
                .filter(e -> e.type() == TimelineEventType.NOTIFIED).map(TimelineEntry::text).toList();
    }

    private List<String> failures(String number) {
        return deliveries(number).stream().filter(text -> text.contains("发送失败")).toList();
    }
}
