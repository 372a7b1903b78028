package org.law12348.miniapp.internal.session;

import jakarta.persistence.EntityManager;
import org.law12348.miniapp.MiniappProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The HMAC key of session tokens: the configured one, or else one generated once and kept in the
 * database, so that every node and every restart accepts the tokens the others issued.
 */
@Component
class SessionSecret {

    private static final Logger log = LoggerFactory.getLogger(SessionSecret.class);
    private static final String NAME = "session-token";
    private static final int MIN_CONFIGURED_LENGTH = 32;

    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final String configured;
    private volatile byte[] key;

    SessionSecret(EntityManager entityManager, TransactionTemplate transactions, MiniappProperties properties) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.configured = properties.session().secret();
        if (!configured.isEmpty() && configured.length() < MIN_CONFIGURED_LENGTH) {
            throw new IllegalStateException("law12348.miniapp.session.secret must have at least "
                    + MIN_CONFIGURED_LENGTH + " characters");
        }
    }

    byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = configured.isEmpty() ? stored() : configured.getBytes(StandardCharsets.UTF_8);
            key = k;
        }
        return k;
    }

    private byte[] stored() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        String candidate = Base64.getEncoder().encodeToString(fresh);
        try {
            transactions.executeWithoutResult(status -> entityManager.createNativeQuery(
                            "insert into miniapp_secret (name, secret_value) select ?, ? where not exists "
                                    + "(select 1 from miniapp_secret where name = ?)")
                    .setParameter(1, NAME).setParameter(2, candidate).setParameter(3, NAME)
                    .executeUpdate());
        } catch (RuntimeException e) {
            log.debug("Another node stored the session secret first: {}", e.toString());
        }
        List<?> rows = transactions.execute(status -> entityManager
                .createNativeQuery("select secret_value from miniapp_secret where name = ?")
                .setParameter(1, NAME).getResultList());
        return Base64.getDecoder().decode((String) rows.get(0));
    }
}
