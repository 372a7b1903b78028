package org.law12348.miniapp.internal.citizen;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

/** Every citizen who signed in through a mini-program. */
public interface MiniappCitizens extends JpaRepository<MiniappCitizen, Long> {

    Optional<MiniappCitizen> findByWechatOpenId(String openId);

    Optional<MiniappCitizen> findByAlipayUserId(String userId);
}
