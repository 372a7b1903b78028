package org.law12348.miniapp;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.law12348.ticketing.IntakeRequest;
import org.law12348.ticketing.StaffMember;
import org.law12348.ticketing.StaffRole;
import org.law12348.ticketing.TicketIntake;
import org.law12348.ticketing.TicketService;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class TicketApiTest extends MiniappTestSupport {

    private static final StaffMember DISPATCHER = new StaffMember("dispatcher", StaffRole.DISPATCHER, null);

    @Autowired
    TicketService staff;

    @Autowired
    TicketIntake intake;

    @Autowired
    org.law12348.ticketing.Tickets tickets;

    @Test
    void aQuestionBecomesAConsultationTicketOfTheWechatChannel() {
        String token = wechatCitizen();

        String number = ask(token, "公司拖欠工资三个月，我该怎么维权？");

        Response ticket = get("/api/v1/miniapp/tickets/" + number, token);
        assertThat(ticket.status()).isEqualTo(200);
        assertThat(ticket.body().path("kind").asText()).isEqualTo("CONSULTATION");
        assertThat(ticket.body().path("channel").asText()).isEqualTo("WECHAT");
        assertThat(ticket.body().path("businessType").asText()).isEqualTo("LEGAL_CONSULTATION");
        assertThat(ticket.body().path("regionName").asText()).contains("天河区");
        assertThat(ticket.body().path("timeline").findValuesAsText("type")).containsExactly("CREATED", "ROUTED");
        assertThat(get("/api/v1/miniapp/tickets", token).body().path("items").findValuesAsText("number"))
                .containsExactly(number);
    }

    @Test
    void aRetriedQuestionAnswersTheSameTicketAndCreatesNoOther() {
        String token = wechatCitizen();
        String body = "{\"regionCode\":\"440106\",\"text\":\"房东不退押金怎么办？\"}";

        Response first = post("/api/v1/miniapp/questions", token, "msg-retry-1", body);
        Response retry = post("/api/v1/miniapp/questions", token, "msg-retry-1", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.body().path("number").asText()).isEqualTo(first.body().path("number").asText());
        assertThat(get("/api/v1/miniapp/tickets", token).body().path("total").asLong()).isEqualTo(1);
    }

    /** Issue 17, item 2: the same client message id with another question answered the first ticket. */
    @Test
    void aClientMessageIdReusedForAnotherQuestionIsRefusedAndRevealsNothing() {
        String token = wechatCitizen();
        Response first = post("/api/v1/miniapp/questions", token, "msg-reused-1",
                "{\"regionCode\":\"440106\",\"text\":\"房东不退押金怎么办？\"}");

        Response other = post("/api/v1/miniapp/questions", token, "msg-reused-1",
                "{\"regionCode\":\"440106\",\"text\":\"公司不签劳动合同怎么办？\"}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().path("code").asText()).isEqualTo("idempotencyKey.reused");
        assertThat(other.body().path("field").asText()).isEqualTo("clientMessageId");
        assertThat(other.body().toString()).doesNotContain(first.body().path("number").asText());
        assertThat(get("/api/v1/miniapp/tickets", token).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void twoCitizensUsingTheSameClientMessageIdGetTwoTickets() {
        String body = "{\"regionCode\":\"440106\",\"text\":\"交通事故对方不赔偿怎么办？\"}";

        Response a = post("/api/v1/miniapp/questions", wechatCitizen(), "1", body);
        Response b = post("/api/v1/miniapp/questions", alipayCitizen(), "1", body);

        assertThat(a.status()).isEqualTo(201);
        assertThat(b.status()).isEqualTo(201);
        assertThat(a.body().path("number").asText()).isNotEqualTo(b.body().path("number").asText());
    }

    @Test
    void aWriteWithoutClientMessageIdIsRefused() {
        Response r = post("/api/v1/miniapp/questions", wechatCitizen(), null,
                "{\"regionCode\":\"440106\",\"text\":\"离婚后孩子抚养权如何确定？\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("field").asText()).isEqualTo("X-Client-Message-Id");
    }

    /** Issue 22: the ask form's trigger date goes with the question, and is part of the request a key names. */
    @Test
    void theCitizensTriggerDateTravelsWithTheQuestionAndBelongsToItsKey() {
        String token = wechatCitizen();
        String key = unique("clock");
        String withDate = "{\"regionCode\":\"440106\",\"text\":\"公司把我辞退了，没有任何补偿。\",\"triggerDate\":\"2026-03-05\"}";

        Response first = post("/api/v1/miniapp/questions", token, key, withDate);
        Response retry = post("/api/v1/miniapp/questions", token, key, withDate);
        Response otherDate = post("/api/v1/miniapp/questions", token, key, withDate.replace("2026-03-05", "2026-03-06"));
        Response noDate = post("/api/v1/miniapp/questions", token, key,
                "{\"regionCode\":\"440106\",\"text\":\"公司把我辞退了，没有任何补偿。\"}");

        assertThat(first.status()).isEqualTo(201);
        String number = first.body().path("number").asText();
        assertThat(tickets.findByNumber(number).orElseThrow().citizenTriggerDate()).hasToString("2026-03-05");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().path("number").asText()).isEqualTo(number);
        assertThat(otherDate.status()).isEqualTo(422);
        assertThat(otherDate.body().path("field").asText()).isEqualTo("clientMessageId");
        assertThat(noDate.status()).isEqualTo(422);
    }

    @Test
    void aFutureOrMalformedTriggerDateIsRefusedNamingTheFieldAndNothingIsTakenIn() {
        String token = wechatCitizen();
        String future = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(2).toString();

        Response inFuture = post("/api/v1/miniapp/questions", token, unique("clock"),
                "{\"regionCode\":\"440106\",\"text\":\"公司把我辞退了怎么办？\",\"triggerDate\":\"" + future + "\"}");
        Response malformed = post("/api/v1/miniapp/service-requests", token, unique("clock"),
                "{\"regionCode\":\"440106\",\"businessType\":\"LEGAL_AID\",\"text\":\"被辞退了想申请法律援助。\","
                        + "\"triggerDate\":\"3月5日\"}");

        assertThat(inFuture.status()).isEqualTo(400);
        assertThat(inFuture.body().path("field").asText()).isEqualTo("triggerDate");
        assertThat(inFuture.body().path("detail").asText()).contains("不能晚于今天");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("field").asText()).isEqualTo("triggerDate");
        assertThat(get("/api/v1/miniapp/tickets", token).body().path("total").asLong()).isZero();
    }

    @Test
    void badInputNamesTheField() {
        Response r = post("/api/v1/miniapp/questions", wechatCitizen(), unique("m"),
                "{\"regionCode\":\"999999\",\"text\":\"离婚后孩子抚养权如何确定？\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("field").asText()).isEqualTo("regionCode");
    }

    @Test
    void anotherCitizensTicketDoesNotExistForYou() {
        String owner = wechatCitizen();
        String number = ask(owner, "劳动合同到期不续签有补偿吗？");
        staff.answer(number, "合同期满用人单位不续签的，应当支付经济补偿。", DISPATCHER);
        String other = wechatCitizen();
        String web = intake.receive(IntakeRequest.fromWeb(unique("web-"), "LEGAL_AID", "440106",
                "网上提交：申请法律援助的条件是什么")).ticketNumber();

        for (String path : new String[] {number, web}) {
            assertThat(get("/api/v1/miniapp/tickets/" + path, other).status()).isEqualTo(404);
            assertThat(post("/api/v1/miniapp/tickets/" + path + "/follow-ups", other, unique("m"),
                    "{\"text\":\"请问补偿怎么算？\"}").status()).isEqualTo(404);
            assertThat(post("/api/v1/miniapp/tickets/" + path + "/accept-answer", other, unique("m"), null).status())
                    .isEqualTo(404);
            assertThat(post("/api/v1/miniapp/tickets/" + path + "/rating", other, unique("m"),
                    "{\"score\":1}").status()).isEqualTo(404);
        }
        assertThat(get("/api/v1/miniapp/tickets", other).body().path("total").asLong()).isZero();
        assertThat(get("/api/v1/miniapp/tickets/" + number, owner).body().path("status").asText())
                .isEqualTo("ANSWERED");
    }

    @Test
    void theCitizenSeesAnswersButNoInternalNotes() {
        String token = wechatCitizen();
        String number = ask(token, "被公司无故辞退能要求赔偿吗？");
        staff.addNote(number, "内部备注：疑似重复来电", DISPATCHER);
        staff.answer(number, "违法解除劳动合同的，可以要求双倍经济补偿。", DISPATCHER);

        Response ticket = get("/api/v1/miniapp/tickets/" + number, token);

        assertThat(ticket.body().path("answers").findValuesAsText("text"))
                .containsExactly("违法解除劳动合同的，可以要求双倍经济补偿。");
        assertThat(ticket.body().toString()).doesNotContain("内部备注").doesNotContain("dispatcher");
        assertThat(ticket.body().path("timeline").findValuesAsText("actor")).contains("工作人员");
    }

    @Test
    void followUpAcceptAndRateAreEachDoneOnceHoweverOftenRetried() {
        String token = wechatCitizen();
        String number = ask(token, "借钱不还，没有借条能起诉吗？");
        staff.answer(number, "可以凭转账记录、聊天记录等证据起诉。", DISPATCHER);
        String path = "/api/v1/miniapp/tickets/" + number;

        assertThat(post(path + "/follow-ups", token, "f-1", "{\"text\":\"微信聊天记录算证据吗？\"}").status())
                .isEqualTo(200);
        Response again = post(path + "/follow-ups", token, "f-1", "{\"text\":\"微信聊天记录算证据吗？\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("timeline").findValuesAsText("type")).containsOnlyOnce("FOLLOW_UP");

        staff.answer(number, "聊天记录可以作为电子证据。", DISPATCHER);
        assertThat(post(path + "/accept-answer", token, "a-1", null).status()).isEqualTo(200);
        Response acceptedAgain = post(path + "/accept-answer", token, "a-1", null);
        assertThat(acceptedAgain.status()).isEqualTo(200);
        assertThat(acceptedAgain.body().path("status").asText()).isEqualTo("CLOSED");

        assertThat(post(path + "/rating", token, "r-1", "{\"score\":5,\"comment\":\"很有帮助\"}").status())
                .isEqualTo(200);
        Response ratedAgain = post(path + "/rating", token, "r-1", "{\"score\":5,\"comment\":\"很有帮助\"}");
        assertThat(ratedAgain.body().path("satisfaction").asInt()).isEqualTo(5);
        assertThat(ratedAgain.body().path("timeline").findValuesAsText("type")).containsOnlyOnce("RATED");
        // a new rating (not a retry of the first) is refused: each consultation is rated once
        Response second = post(path + "/rating", token, "r-2", "{\"score\":1,\"comment\":\"改成差评\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().path("code").asText()).isEqualTo("rating.alreadyGiven");
        assertThat(get(path, token).body().path("satisfaction").asInt()).isEqualTo(5);
    }

    /** Issue 17, item 7: the retry that lost the race was logged at ERROR with the refused row's values. */
    @Test
    void concurrentRetriesOfOneFollowUpAddItOnce() throws Exception {
        String token = wechatCitizen();
        String number = ask(token, "公司要求签放弃社保声明有效吗？");
        staff.answer(number, "放弃缴纳社保的约定无效。", DISPATCHER);
        String path = "/api/v1/miniapp/tickets/" + number + "/follow-ups";

        List<Callable<Integer>> retries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            retries.add(() -> post(path, token, "f-race", "{\"text\":\"已经签了怎么办？\"}").status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try {
            for (Future<Integer> status : pool.invokeAll(retries)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
            root.detachAppender(log);
        }

        assertThat(get("/api/v1/miniapp/tickets/" + number, token).body().path("timeline").findValuesAsText("type"))
                .containsOnlyOnce("FOLLOW_UP");
        synchronized (log) {
            assertThat(log.list).filteredOn(e -> e.getThreadName().startsWith("http-nio"))
                    .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
        }
    }

    @Test
    void aClientMessageIdCannotBeReusedForAnotherWrite() {
        String token = wechatCitizen();
        String number = ask(token, "物业费不交会有什么后果？");
        staff.answer(number, "物业公司可以起诉要求支付物业费。", DISPATCHER);
        String path = "/api/v1/miniapp/tickets/" + number;
        post(path + "/rating", token, "same-id", "{\"score\":4}");

        Response r = post(path + "/follow-ups", token, "same-id", "{\"text\":\"要付滞纳金吗？\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("code").asText()).isEqualTo("clientMessageId.reused");
    }

    @Test
    void acceptingBeforeAnyAnswerIsAConflict() {
        String token = wechatCitizen();
        String number = ask(token, "遗嘱需要公证才有效吗？");

        Response r = post("/api/v1/miniapp/tickets/" + number + "/accept-answer", token, unique("m"), null);

        assertThat(r.status()).isEqualTo(409);
    }

    @Test
    void callbackTasksAreEmptyUntilTheHotlineProvidesThem() {
        Response r = get("/api/v1/miniapp/callbacks", wechatCitizen());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().isArray()).isTrue();
        assertThat(r.body()).isEmpty();
    }
}
