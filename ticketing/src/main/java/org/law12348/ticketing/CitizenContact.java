package org.law12348.ticketing;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import org.law12348.personaldata.privacy.EncryptedString;
import org.law12348.personaldata.privacy.PersonalDataCipher;

/**
 * How to reach the citizen behind a ticket. Any part may be missing (an anonymous web question has
 * none); a phone number links tickets from every channel to one citizen.
 * <p>
 * The phone number, identity number and platform ids are stored encrypted; beside each sits its
 * blind index (an HMAC of the value), which is what lookups compare. {@link Ticket} recomputes the
 * hashes whenever it is written, so clearing or changing a value here is all a caller does.
 */
@Embeddable
public class CitizenContact {

    @Column(name = "contact_name", length = 64)
    private String name;

    @Convert(converter = EncryptedString.class)
    @Column(name = "contact_phone_enc", length = 200)
    private String phone;

    @Column(name = "contact_phone_hash", length = 64)
    private String phoneHash;

    @Convert(converter = EncryptedString.class)
    @Column(name = "contact_id_number_enc", length = 200)
    private String idNumber;

    @Column(name = "contact_id_number_hash", length = 64)
    private String idNumberHash;

    @Convert(converter = EncryptedString.class)
    @Column(name = "wechat_openid_enc", length = 200)
    private String wechatOpenId;

    @Column(name = "wechat_openid_hash", length = 64)
    private String wechatOpenIdHash;

    @Convert(converter = EncryptedString.class)
    @Column(name = "alipay_user_id_enc", length = 200)
    private String alipayUserId;

    @Column(name = "alipay_user_id_hash", length = 64)
    private String alipayUserIdHash;

    protected CitizenContact() {
    }

    public CitizenContact(String name, PhoneNumber phone, String wechatOpenId, String alipayUserId) {
        this(name, phone, null, wechatOpenId, alipayUserId);
    }

    public CitizenContact(String name, PhoneNumber phone, CitizenIdNumber idNumber, String wechatOpenId,
                          String alipayUserId) {
        this.name = name;
        this.phone = phone == null ? null : phone.value();
        this.idNumber = idNumber == null ? null : idNumber.value();
        this.wechatOpenId = wechatOpenId;
        this.alipayUserId = alipayUserId;
    }

    public static CitizenContact none() {
        return new CitizenContact(null, null, null, null, null);
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

    public CitizenIdNumber idNumber() {
        return idNumber == null ? null : new CitizenIdNumber(idNumber);
    }

    public String wechatOpenId() {
        return wechatOpenId;
    }

    public String alipayUserId() {
        return alipayUserId;
    }

    /** Sets every lookup hash from the value it stands for; a cleared value clears its hash. */
    void refreshBlindIndexes(PersonalDataCipher cipher) {
        phoneHash = cipher.blindIndex(phone);
        idNumberHash = cipher.blindIndex(idNumber);
        wechatOpenIdHash = cipher.blindIndex(wechatOpenId);
        alipayUserIdHash = cipher.blindIndex(alipayUserId);
    }
}
