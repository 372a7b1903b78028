package org.law12348.ticketing;

/**
 * The channel-neutral record every channel maps its payload onto. Text fields arrive as the citizen
 * sent them; {@link TicketIntake} validates them all and names each bad field.
 *
 * @param channel      where it came in (set by the channel adapter, never by the citizen)
 * @param channelRef   the channel's own id of this submission (call id, message id, idempotency key);
 *                     the same (channel, channelRef) always yields the same ticket
 * @param kind         {@code CONSULTATION} or {@code SERVICE_REQUEST}; empty derives it from the business type
 * @param businessType one of {@link BusinessType}'s names
 * @param regionCode   a six-digit GB/T 2260 code
 * @param subject      short title; empty derives it from the text
 * @param text         the question or the matter, in the citizen's words
 * @param contactName  optional
 * @param contactPhone optional mobile or fixed-line number
 * @param contactIdNumber optional resident identity card number (18 characters, GB 11643)
 * @param wechatOpenId optional, set by the WeChat channel
 * @param alipayUserId optional, set by the Alipay channel
 */
public record IntakeRequest(Channel channel, String channelRef, String kind, String businessType, String regionCode,
                            String subject, String text, String contactName, String contactPhone,
                            String contactIdNumber, String wechatOpenId, String alipayUserId) {

    /** A record without an identity number, as the phone and mini-program channels send it. */
    public IntakeRequest(Channel channel, String channelRef, String kind, String businessType, String regionCode,
                         String subject, String text, String contactName, String contactPhone,
                         String wechatOpenId, String alipayUserId) {
        this(channel, channelRef, kind, businessType, regionCode, subject, text, contactName, contactPhone, null,
                wechatOpenId, alipayUserId);
    }
}
