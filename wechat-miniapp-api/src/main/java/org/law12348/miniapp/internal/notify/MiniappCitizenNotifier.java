package org.law12348.miniapp.internal.notify;

import org.law12348.miniapp.internal.Masks;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.CitizenNotice;
import org.law12348.ticketing.CitizenNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The reply port for the mini-program channels. It only stores the notice, in the transaction that
 * delivers the ticket event; {@link NotificationSender} sends it later, so a platform that is down
 * never holds up or undoes the change the citizen is told about.
 */
@Component
class MiniappCitizenNotifier implements CitizenNotifier {

    private static final Logger log = LoggerFactory.getLogger(MiniappCitizenNotifier.class);

    private final MiniappNotifications notifications;
    private final Clock clock;

    MiniappCitizenNotifier(MiniappNotifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public boolean handles(Channel channel) {
        return channel == Channel.WECHAT || channel == Channel.ALIPAY;
    }

    @Override
    public void enqueue(CitizenNotice notice) {
        String recipient = notice.channel() == Channel.WECHAT ? notice.wechatOpenId() : notice.alipayUserId();
        if (recipient == null || recipient.isBlank()) {
            log.debug("Ticket {} has no {} recipient; nothing to notify", notice.ticketNumber(), notice.channel());
            return;
        }
        // the database keeps microseconds: a rounded-up time would not be due at the next run
        notifications.save(new MiniappNotification(notice, recipient, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        log.debug("Queued {} notice of ticket {} for {}", notice.kind(), notice.ticketNumber(), Masks.id(recipient));
    }
}
