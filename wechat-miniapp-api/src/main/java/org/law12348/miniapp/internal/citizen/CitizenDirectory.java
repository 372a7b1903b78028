package org.law12348.miniapp.internal.citizen;

import org.law12348.personaldata.privacy.PersonalDataCipher;
import org.law12348.ticketing.PhoneNumber;
import org.law12348.ticketing.UniqueViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds or creates the citizen behind a platform identity. Two first sign-ins of the same person
 * may race; the unique key on the identity decides and the loser reads the winner's row.
 */
@Service
public class CitizenDirectory {

    private final MiniappCitizens citizens;
    private final PersonalDataCipher cipher;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AccountEraser eraser;

    CitizenDirectory(MiniappCitizens citizens, PersonalDataCipher cipher, TransactionTemplate transactions,
                     Clock clock, AccountEraser eraser) {
        this.eraser = eraser;
        this.citizens = citizens;
        this.cipher = cipher;
        this.transactions = transactions;
        this.clock = clock;
    }

    public MiniappCitizen wechat(String openId, String unionId) {
        return upsert(() -> byWechat(openId),
                () -> MiniappCitizen.ofWechat(openId, unionId, clock.instant()), unionId);
    }

    public MiniappCitizen alipay(String userId) {
        return upsert(() -> byAlipay(userId),
                () -> MiniappCitizen.ofAlipay(userId, clock.instant()), null);
    }

    /** The web citizen who proved by an SMS code that this number is theirs. */
    public MiniappCitizen sms(PhoneNumber phone) {
        return upsert(() -> citizens.findBySmsPhoneHash(cipher.blindIndex(phone.value())),
                () -> MiniappCitizen.ofSms(phone, clock.instant()), null);
    }

    public Optional<MiniappCitizen> byWechat(String openId) {
        return citizens.findByWechatOpenIdHash(cipher.blindIndex(openId));
    }

    public Optional<MiniappCitizen> byAlipay(String userId) {
        return citizens.findByAlipayUserIdHash(cipher.blindIndex(userId));
    }

    public Optional<MiniappCitizen> find(long id) {
        return citizens.findById(id);
    }

    public MiniappCitizen bindPhone(long id, PhoneNumber phone) {
        return transactions.execute(status -> {
            MiniappCitizen citizen = citizens.findById(id).orElseThrow();
            citizen.bindPhone(phone);
            return citizen;
        });
    }

    /**
     * Deletes the account with its send grants and client message ids, as for an erased citizen: its
     * session tokens stop working, and the next sign-in of the same identity starts a new, empty account.
     */
    @Transactional
    public void delete(long id) {
        eraser.deleteAccount(id);
    }

    private MiniappCitizen upsert(Supplier<Optional<MiniappCitizen>> existing, Supplier<MiniappCitizen> fresh,
                                  String unionId) {
        try {
            return transactions.execute(status -> existing.get()
                    .map(c -> {
                        c.signedIn(unionId, clock.instant());
                        return c;
                    })
                    .orElseGet(() -> citizens.saveAndFlush(fresh.get())));
        } catch (RuntimeException e) {
            if (!UniqueViolation.in(e)) {
                throw e;
            }
            // a concurrent first sign-in of the same identity committed first
            return existing.get().orElseThrow(() -> e);
        }
    }
}
