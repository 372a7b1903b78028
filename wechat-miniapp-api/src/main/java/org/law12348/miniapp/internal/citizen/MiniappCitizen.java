package org.law12348.miniapp.internal.citizen;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.law12348.personaldata.privacy.BlindIndexListener;
import org.law12348.personaldata.privacy.BlindIndexed;
import org.law12348.personaldata.privacy.EncryptedString;
import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.ticketing.PhoneNumber;

import java.time.Instant;

/**
 * A citizen as a mini-program platform knows them: a WeChat openid or an Alipay user id, and the
 * phone number the platform verified for them once they chose to share it.
 */
@Entity
@Table(name = "miniapp_citizen")
@EntityListeners(BlindIndexListener.class)
public class MiniappCitizen implements BlindIndexed {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "miniapp_citizen_seq")
    @SequenceGenerator(name = "miniapp_citizen_seq", sequenceName = "miniapp_citizen_seq", allocationSize = 50)
    private Long id;

    // Identities and the phone number are encrypted at rest; sign-in and ticket lookups compare the hashes.
    @Convert(converter = EncryptedString.class)
    @Column(name = "wechat_openid_enc", length = 200)
    private String wechatOpenId;

    @Column(name = "wechat_openid_hash", length = 64)
    private String wechatOpenIdHash;

    @Convert(converter = EncryptedString.class)
    @Column(name = "wechat_unionid_enc", length = 200)
    private String wechatUnionId;

    @Convert(converter = EncryptedString.class)
    @Column(name = "alipay_user_id_enc", length = 200)
    private String alipayUserId;

    @Column(name = "alipay_user_id_hash", length = 64)
    private String alipayUserIdHash;

    @Convert(converter = EncryptedString.class)
    @Column(name = "phone_enc", length = 200)
    private String phone;

    @Column(name = "phone_hash", length = 64)
    private String phoneHash;

    // set only for an account made by an SMS sign-in on the web: the number is its identity
    @Column(name = "sms_phone_hash", length = 64)
    private String smsPhoneHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "signed_in_at", nullable = false)
    private Instant signedInAt;

    protected MiniappCitizen() {
    }

    static MiniappCitizen ofWechat(String openId, String unionId, Instant now) {
        MiniappCitizen c = new MiniappCitizen();
        c.wechatOpenId = openId;
        c.wechatUnionId = unionId;
        c.createdAt = now;
        c.signedInAt = now;
        return c;
    }

    static MiniappCitizen ofAlipay(String userId, Instant now) {
        MiniappCitizen c = new MiniappCitizen();
        c.alipayUserId = userId;
        c.createdAt = now;
        c.signedInAt = now;
        return c;
    }

    static MiniappCitizen ofSms(PhoneNumber phone, Instant now) {
        MiniappCitizen c = new MiniappCitizen();
        c.phone = phone.value();
        c.smsPhoneHash = ""; // filled in by refreshBlindIndexes before the row is written
        c.createdAt = now;
        c.signedInAt = now;
        return c;
    }

    void signedIn(String unionId, Instant now) {
        if (unionId != null) {
            wechatUnionId = unionId;
        }
        signedInAt = now;
    }

    void bindPhone(PhoneNumber number) {
        phone = number.value();
    }

    @Override
    public void refreshBlindIndexes(PersonalDataCipher cipher) {
        wechatOpenIdHash = cipher.blindIndex(wechatOpenId);
        alipayUserIdHash = cipher.blindIndex(alipayUserId);
        phoneHash = cipher.blindIndex(phone);
        if (smsPhoneHash != null) {
            smsPhoneHash = phoneHash;
        }
    }

    public Long id() {
        return id;
    }

    public String wechatOpenId() {
        return wechatOpenId;
    }

    public String alipayUserId() {
        return alipayUserId;
    }

    public PhoneNumber phone() {
        return phone == null ? null : new PhoneNumber(phone);
    }
}
