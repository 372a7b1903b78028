package org.law12348.miniapp.internal.notify;

import org.law12348.miniapp.MiniappProperties;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.CitizenNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends due notifications, outside any ticket transaction. Each is claimed with a lease (so two
 * nodes never send one twice), sent once, and its outcome recorded on the staff timeline; a failure
 * the platform may get over is retried after a pause that doubles each time, up to the attempt limit.
 */
@Component
public class NotificationSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final MiniappNotifications notifications;
    private final PlatformDispatch dispatch;
    private final CitizenNotifications timeline;
    private final TransactionTemplate transactions;
    private final MiniappProperties.Notifications settings;
    private final Clock clock;
    private volatile ScheduledExecutorService executor;

    NotificationSender(MiniappNotifications notifications, PlatformDispatch dispatch, CitizenNotifications timeline,
                       TransactionTemplate transactions, MiniappProperties properties, Clock clock) {
        this.notifications = notifications;
        this.dispatch = dispatch;
        this.timeline = timeline;
        this.transactions = transactions;
        this.settings = properties.notifications();
        this.clock = clock;
    }

    /** Sends every notification due now; returns how many attempts were made. */
    public int sendDue() {
        Instant now = now();
        List<MiniappNotification> due = notifications.findDue(now, PageRequest.of(0, BATCH));
        int attempts = 0;
        for (MiniappNotification n : due) {
            Integer claimed = transactions.execute(status -> notifications.claim(n.id(), n.nextAttemptAt(), now.plus(LEASE)));
            if (claimed != null && claimed == 1) {
                MDC.put("ticket", n.ticketNumber());
                try {
                    attempt(n);
                } finally {
                    MDC.remove("ticket");
                }
                attempts++;
            }
        }
        return attempts;
    }

    private void attempt(MiniappNotification n) {
        Delivery delivery;
        try {
            delivery = dispatch.send(n);
        } catch (RuntimeException e) {
            log.warn("Sending notification {} of ticket {} failed: {}", n.id(), n.ticketNumber(), e.toString());
            delivery = Delivery.retry("发送出错");
        }
        int attempts = n.attempts() + 1;
        Instant now = now();
        String platform = switch (n.channel()) {
            case WECHAT -> "微信订阅消息";
            case ALIPAY -> "支付宝模板消息";
            default -> "短信通知";
        };
        switch (delivery.outcome()) {
            case SENT -> {
                finish(n, MiniappNotification.Status.SENT, attempts, null, now);
                timeline.recordDelivery(n.ticketNumber(), platform + "已发送：" + n.title());
            }
            case SKIPPED -> {
                finish(n, MiniappNotification.Status.SKIPPED, n.attempts(), delivery.detail(), now);
                timeline.recordDelivery(n.ticketNumber(), platform + "未发送（" + n.title() + "）：" + delivery.detail());
            }
            case GIVE_UP -> {
                finish(n, MiniappNotification.Status.FAILED, attempts, delivery.detail(), now);
                timeline.recordDelivery(n.ticketNumber(), platform + "发送失败，不再重试（" + n.title() + "）："
                        + delivery.detail());
            }
            case RETRY -> retryOrGiveUp(n, attempts, delivery.detail(), platform, now);
        }
    }

    private void retryOrGiveUp(MiniappNotification n, int attempts, String detail, String platform, Instant now) {
        if (attempts >= settings.maxAttempts()) {
            finish(n, MiniappNotification.Status.FAILED, attempts, detail, now);
            timeline.recordDelivery(n.ticketNumber(), platform + "第" + attempts + "次发送失败（" + detail
                    + "），已放弃：" + n.title());
            return;
        }
        Instant next = now.plus(settings.backoffAfter(attempts));
        transactions.executeWithoutResult(status -> notifications.record(n.id(), MiniappNotification.Status.PENDING,
                attempts, next, clip(detail), null));
        timeline.recordDelivery(n.ticketNumber(), platform + "第" + attempts + "次发送失败（" + detail + "），将于"
                + TIME.format(next) + "重试：" + n.title());
    }

    private void finish(MiniappNotification n, MiniappNotification.Status status, int attempts, String detail,
                        Instant now) {
        transactions.executeWithoutResult(tx -> notifications.record(n.id(), status, attempts, now, clip(detail), now));
    }

    /** The database keeps microseconds; what we compare against must not carry more. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String clip(String detail) {
        return detail == null ? null : MiniappNotification.clip(detail, 300);
    }

    private void sendSafely() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Notification run failed; the next run retries: {}", e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "miniapp-notifications");
            t.setDaemon(true);
            return t;
        });
        long every = settings.pollInterval().toMillis();
        started.scheduleWithFixedDelay(this::sendSafely, every, every, TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
