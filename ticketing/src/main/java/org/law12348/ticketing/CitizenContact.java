package org.law12348.ticketing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How to reach the citizen behind a ticket. Any part may be missing (an anonymous web question has
 * none); a phone number links tickets from every channel to one citizen.
 */
@Embeddable
public class CitizenContact {

    @Column(name = "contact_name", length = 64)
    private String name;

    @Column(name = "contact_phone", length = 20)
    private String phone;

    @Column(name = "wechat_openid", length = 64)
    private String wechatOpenId;

    @Column(name = "alipay_user_id", length = 64)
    private String alipayUserId;

    protected CitizenContact() {
    }

    public CitizenContact(String name, PhoneNumber phone, String wechatOpenId, String alipayUserId) {
        this.name = name;
        this.phone = phone == null ? null : phone.value();
        this.wechatOpenId = wechatOpenId;
        this.alipayUserId = alipayUserId;
    }

    public static CitizenContact none() {
        return new CitizenContact(null, null, null, null);
    }

    /**
     * The contact of an anonymised ticket: nothing. The one place that clears contact data, so a
     * change of how contacts are stored (encryption, hashes) changes what clearing means here only.
     */
    public static CitizenContact anonymised() {
        return none();
    }

    public String name() {
        return name;
    }

    public PhoneNumber phone() {
        return phone == null ? null : new PhoneNumber(phone);
    }

    public String wechatOpenId() {
        return wechatOpenId;
    }

    public String alipayUserId() {
        return alipayUserId;
    }
}
