package org.law12348.ticketing.internal;

import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.ticketing.Channel;
import org.law12348.ticketing.ChannelReferences;
import org.law12348.ticketing.CitizenContact;
import org.law12348.ticketing.internal.IntakeValidator.ValidIntake;
import org.springframework.stereotype.Component;

import java.util.Arrays;

/**
 * What intake's idempotency is decided by, never the values themselves. A channel reference (an
 * {@code Idempotency-Key}, a form's submission id, a call id, a mini-program message id) is kept only
 * as a keyed hash (HMAC with the blind-index key), so neither staff nor a copy of the database learn a
 * key that could be replayed. And every reference is bound to a fingerprint of the request it first
 * came with: the validated content and the caller's identity where the channel knows it (the
 * mini-program account's platform id, the calling number), so a replay with other content is told
 * apart from a retry.
 */
@Component
public class SubmissionKeys implements ChannelReferences {

    static final char SEPARATOR = '\u001f';

    private final PersonalDataCipher cipher;

    SubmissionKeys(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** The stored form of a channel's submission id: what {@code Ticket.channelRef()} holds. */
    @Override
    public String reference(Channel channel, String channelRef) {
        return cipher.blindIndex("channel-ref" + SEPARATOR + channel.name() + SEPARATOR + channelRef.strip());
    }

    /**
     * A request's parts in the form a ticket stores them: validated and normalised (the phone number's
     * digits, the identity number upper-case), the subject derived from the text when none was given.
     * {@code triggerDate} is the citizen's trigger date (yyyy-MM-dd) or null.
     */
    public record RequestParts(Channel channel, String kind, String businessType, String regionCode, String subject,
                               String text, String contactName, String contactPhone, String contactIdNumber,
                               String wechatOpenId, String alipayUserId, String triggerDate) {

        /** A request without a trigger date (those stored before the ask form had one). */
        public RequestParts(Channel channel, String kind, String businessType, String regionCode, String subject,
                            String text, String contactName, String contactPhone, String contactIdNumber,
                            String wechatOpenId, String alipayUserId) {
            this(channel, kind, businessType, regionCode, subject, text, contactName, contactPhone, contactIdNumber,
                    wechatOpenId, alipayUserId, null);
        }

        static RequestParts of(ValidIntake intake) {
            CitizenContact contact = intake.contact();
            return new RequestParts(intake.request().channel(), intake.kind().name(), intake.businessType().name(),
                    intake.region().value(), intake.subject(), intake.text(), contact.name(),
                    contact.phone() == null ? null : contact.phone().value(),
                    contact.idNumber() == null ? null : contact.idNumber().value(), contact.wechatOpenId(),
                    contact.alipayUserId(), intake.triggerDate() == null ? null : intake.triggerDate().toString());
        }
    }

    /** The fingerprint of a validated request. */
    public String fingerprint(ValidIntake intake) {
        return fingerprint(RequestParts.of(intake));
    }

    /**
     * The fingerprint of a request from its parts. The citizen's trigger date is a part only when given, so
     * a request without one keeps the fingerprint it had before the date existed (a retry across the
     * release is still a retry), and the same key with another date is another request.
     */
    public String fingerprint(RequestParts r) {
        String[] parts = {r.channel().name(), r.kind(), r.businessType(), r.regionCode(), r.subject(), r.text(),
                r.contactName(), r.contactPhone(), r.contactIdNumber(), r.wechatOpenId(), r.alipayUserId()};
        if (r.triggerDate() != null) {
            parts = Arrays.copyOf(parts, parts.length + 1);
            parts[parts.length - 1] = "trigger-date:" + r.triggerDate();
        }
        return cipher.blindIndex(canonical("intake-request", parts));
    }

    /**
     * The one text a request's parts make, for hashing: each part length-prefixed (null as "-"), so no two
     * requests share a form.
     */
    static String canonical(String kind, String... parts) {
        StringBuilder canonical = new StringBuilder(kind);
        for (String part : parts) {
            canonical.append(SEPARATOR);
            if (part == null) {
                canonical.append('-');
            } else {
                canonical.append(part.length()).append(':').append(part);
            }
        }
        return canonical.toString();
    }
}
