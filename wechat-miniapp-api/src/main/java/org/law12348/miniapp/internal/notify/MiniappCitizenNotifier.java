package org.law12348.miniapp.internal.notify;

import org.law12348.miniapp.internal.Masks;
import org.law12348.miniapp.internal.sms.AliyunSms;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.CitizenNotice;
import org.law12348.ticketing.CitizenNotifier;
import org.law12348.ticketing.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The reply port for the mini-program channels, and by SMS for the hotline and the web. It only stores the notice, in the transaction that
 * delivers the ticket event; {@link NotificationSender} sends it later, so a platform that is down
 * never holds up or undoes the change the citizen is told about.
 */
@Component
class MiniappCitizenNotifier implements CitizenNotifier {

    private static final Logger log = LoggerFactory.getLogger(MiniappCitizenNotifier.class);

    private final MiniappNotifications notifications;
    private final AliyunSms sms;
    private final Clock clock;

    MiniappCitizenNotifier(MiniappNotifications notifications, AliyunSms sms, Clock clock) {
        this.sms = sms;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public boolean handles(Channel channel) {
        // hotline callers and web users have no mini-program: they are told by SMS
        return channel == Channel.WECHAT || channel == Channel.ALIPAY || channel == Channel.PHONE
                || channel == Channel.WEB;
    }

    /** Only a mobile number can receive a text message; a fixed line or no number gets none. */
    private static String mobileOf(String phone) {
        return phone != null && new PhoneNumber(phone).isMobile() ? phone : null;
    }

    @Override
    public void enqueue(CitizenNotice notice) {
        String recipient = switch (notice.channel()) {
            case WECHAT -> notice.wechatOpenId();
            case ALIPAY -> notice.alipayUserId();
            default -> mobileOf(notice.phone());
        };
        boolean bySms = notice.channel() != Channel.WECHAT && notice.channel() != Channel.ALIPAY;
        if (bySms && !sms.sends(notice.kind())) {
            return; // no SMS service or no template for this kind: nothing to queue
        }
        if (recipient == null || recipient.isBlank()) {
            log.debug("Ticket {} has no {} recipient; nothing to notify", notice.ticketNumber(), notice.channel());
            return;
        }
        // the database keeps microseconds: a rounded-up time would not be due at the next run
        notifications.save(new MiniappNotification(notice, recipient, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        log.debug("Queued {} notice of ticket {} for {}", notice.kind(), notice.ticketNumber(), Masks.id(recipient));
    }
}
