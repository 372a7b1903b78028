package org.law12348.ticketing;

/**
 * The channel-neutral record every channel maps its payload onto, made by the factory of its channel
 * ({@link #fromWeb}, {@link #fromCall}, {@link #fromWeChat}, {@link #fromAlipay}), which says what that
 * channel always supplies, and the {@code with…} methods for what it may add. Text fields arrive as the
 * citizen sent them; {@link TicketIntake} validates them all and names each bad field.
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
 * @param consentId    optional: the privacy-notice consent the citizen submitted under, as the channel
 *                     checked it ({@link PrivacyConsents}); stored with the ticket, not part of its fingerprint
 * @param triggerDate  optional: the day the citizen says their legal clock started (yyyy-MM-dd, the ask
 *                     form's "您是哪天被辞退的？"); validated, part of the fingerprint, kept with the ticket and
 *                     offered to staff as a clock suggestion
 */
public record IntakeRequest(Channel channel, String channelRef, String kind, String businessType, String regionCode,
                            String subject, String text, String contactName, String contactPhone,
                            String contactIdNumber, String wechatOpenId, String alipayUserId, String consentId,
                            String triggerDate) {

    /** A web submission (the JSON API, a form): keyed by its {@code Idempotency-Key} or form submission id. */
    public static IntakeRequest fromWeb(String submissionKey, String businessType, String regionCode, String text) {
        return new IntakeRequest(Channel.WEB, submissionKey, null, businessType, regionCode, null, text, null, null,
                null, null, null, null, null);
    }

    /** A hotline call: keyed by the PBX's call id; the calling number is the contact (null when withheld). */
    public static IntakeRequest fromCall(String callId, String businessType, String regionCode, String text,
                                         String callerPhone) {
        return new IntakeRequest(Channel.PHONE, callId, null, businessType, regionCode, null, text, null, callerPhone,
                null, null, null, null, null);
    }

    /** A WeChat mini-program submission: keyed by the client's message id, the citizen known by their openid. */
    public static IntakeRequest fromWeChat(String messageRef, String openId, String businessType, String regionCode,
                                           String text) {
        return new IntakeRequest(Channel.WECHAT, messageRef, null, businessType, regionCode, null, text, null, null,
                null, openId, null, null, null);
    }

    /** An Alipay mini-program submission: keyed by the client's message id, the citizen known by their user id. */
    public static IntakeRequest fromAlipay(String messageRef, String alipayUserId, String businessType,
                                           String regionCode, String text) {
        return new IntakeRequest(Channel.ALIPAY, messageRef, null, businessType, regionCode, null, text, null, null,
                null, null, alipayUserId, null, null);
    }

    /** {@code CONSULTATION} or {@code SERVICE_REQUEST}; null or empty derives it from the business type. */
    public IntakeRequest withKind(String kind) {
        return new IntakeRequest(channel, channelRef, kind, businessType, regionCode, subject, text, contactName,
                contactPhone, contactIdNumber, wechatOpenId, alipayUserId, consentId, triggerDate);
    }

    /** A short title; null or empty derives it from the text. */
    public IntakeRequest withSubject(String subject) {
        return new IntakeRequest(channel, channelRef, kind, businessType, regionCode, subject, text, contactName,
                contactPhone, contactIdNumber, wechatOpenId, alipayUserId, consentId, triggerDate);
    }

    public IntakeRequest withContactName(String contactName) {
        return new IntakeRequest(channel, channelRef, kind, businessType, regionCode, subject, text, contactName,
                contactPhone, contactIdNumber, wechatOpenId, alipayUserId, consentId, triggerDate);
    }

    /** A number to call back: given on a form, or bound to a mini-program account. */
    public IntakeRequest withPhone(String contactPhone) {
        return new IntakeRequest(channel, channelRef, kind, businessType, regionCode, subject, text, contactName,
                contactPhone, contactIdNumber, wechatOpenId, alipayUserId, consentId, triggerDate);
    }

    public IntakeRequest withIdNumber(String contactIdNumber) {
        return new IntakeRequest(channel, channelRef, kind, businessType, regionCode, subject, text, contactName,
                contactPhone, contactIdNumber, wechatOpenId, alipayUserId, consentId, triggerDate);
    }

    /** The privacy-notice consent the channel checked the submission was made under. */
    public IntakeRequest withConsent(String consentId) {
        return new IntakeRequest(channel, channelRef, kind, businessType, regionCode, subject, text, contactName,
                contactPhone, contactIdNumber, wechatOpenId, alipayUserId, consentId, triggerDate);
    }

    /** The day the citizen says their legal clock started (yyyy-MM-dd); null or empty when none. */
    public IntakeRequest withTriggerDate(String triggerDate) {
        return new IntakeRequest(channel, channelRef, kind, businessType, regionCode, subject, text, contactName,
                contactPhone, contactIdNumber, wechatOpenId, alipayUserId, consentId, triggerDate);
    }
}
