package org.law12348.miniapp.internal.citizen;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

/** Every citizen who signed in through a mini-program. */
public interface MiniappCitizens extends JpaRepository<MiniappCitizen, Long> {

    /** By the blind index of the openid ({@code PersonalDataCipher.blindIndex}); the openid itself is encrypted. */
    Optional<MiniappCitizen> findByWechatOpenIdHash(String openIdHash);

    /** By the blind index of the Alipay user id. */
    Optional<MiniappCitizen> findByAlipayUserIdHash(String userIdHash);

    /** The account an SMS sign-in made for this number (by its blind index). */
    Optional<MiniappCitizen> findBySmsPhoneHash(String phoneHash);
}
