package org.law12348.miniapp.internal.citizen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.law12348.ticketing.PhoneNumber;

import java.time.Instant;

/**
 * A citizen as a mini-program platform knows them: a WeChat openid or an Alipay user id, and the
 * phone number the platform verified for them once they chose to share it.
 */
@Entity
@Table(name = "miniapp_citizen")
public class MiniappCitizen {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "miniapp_citizen_seq")
    @SequenceGenerator(name = "miniapp_citizen_seq", sequenceName = "miniapp_citizen_seq", allocationSize = 50)
    private Long id;

    @Column(name = "wechat_openid", length = 64)
    private String wechatOpenId;

    @Column(name = "wechat_unionid", length = 64)
    private String wechatUnionId;

    @Column(name = "alipay_user_id", length = 64)
    private String alipayUserId;

    @Column(length = 20)
    private String phone;

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

    void signedIn(String unionId, Instant now) {
        if (unionId != null) {
            wechatUnionId = unionId;
        }
        signedInAt = now;
    }

    void bindPhone(PhoneNumber number) {
        phone = number.value();
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
