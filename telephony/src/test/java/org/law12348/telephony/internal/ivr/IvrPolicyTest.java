package org.law12348.telephony.internal.ivr;

import org.junit.jupiter.api.Test;
import org.law12348.telephony.TelephonyProperties.Ivr;
import org.law12348.telephony.internal.ivr.IvrPolicy.Chosen;
import org.law12348.telephony.internal.ivr.IvrPolicy.Next;
import org.law12348.telephony.internal.ivr.IvrPolicy.Replay;
import org.law12348.ticketing.BusinessType;

import static org.assertj.core.api.Assertions.assertThat;

class IvrPolicyTest {

    private final IvrPolicy policy = new IvrPolicy(new Ivr(null, null, null, null, null, null, null, null, null, null));

    @Test
    void mapsAMenuKeyToItsServiceAndQueue() {
        Chosen chosen = (Chosen) policy.menuKey("2", 1);
        assertThat(chosen.entry().businessType()).isEqualTo(BusinessType.LEGAL_AID);
        assertThat(chosen.entry().queue()).isEqualTo("legal-aid");
        assertThat(chosen.byDefault()).isFalse();
    }

    @Test
    void replaysTheMenuOnTimeoutOrStarAndExplainsAWrongKey() {
        assertThat(policy.menuKey("", 1)).isEqualTo(new Replay(null));
        assertThat(policy.menuKey("*", 2)).isEqualTo(new Replay(null));
        assertThat(policy.menuKey("8", 1)).isEqualTo(new Replay("hotline-invalid-key"));
    }

    @Test
    void fallsBackToLegalConsultationAfterTheLastAttempt() {
        Chosen chosen = (Chosen) policy.menuKey("8", 3);
        assertThat(chosen.entry().businessType()).isEqualTo(BusinessType.LEGAL_CONSULTATION);
        assertThat(chosen.byDefault()).isTrue();
        assertThat(((Chosen) policy.menuKey("", 3)).byDefault()).isTrue();
    }

    @Test
    void sendsClosedHoursToAMessageAFullQueueToACallbackOfferAndTheRestToTheQueue() {
        assertThat(policy.afterMenu(false, 0).next()).isEqualTo(Next.MESSAGE);
        assertThat(policy.afterMenu(true, 10).next()).isEqualTo(Next.CALLBACK);
        assertThat(policy.afterMenu(true, 9).next()).isEqualTo(Next.QUEUE);
    }

    @Test
    void letsTheCallerSwapWaitingForACallbackOrAMessage() {
        assertThat(policy.queueOption("9")).isEqualTo(Next.CALLBACK);
        assertThat(policy.queueOption("0")).isEqualTo(Next.MESSAGE);
        assertThat(policy.queueOption("")).isEqualTo(Next.QUEUE);
        assertThat(policy.busyOption("1")).isEqualTo(Next.CALLBACK);
        assertThat(policy.busyOption("")).isEqualTo(Next.MESSAGE);
    }

    @Test
    void acceptsOnlyRatingsOneToFive() {
        assertThat(IvrPolicy.rating("5")).isEqualTo(5);
        assertThat(IvrPolicy.rating("0")).isZero();
        assertThat(IvrPolicy.rating("7")).isZero();
        assertThat(IvrPolicy.rating("")).isZero();
    }

    @Test
    void groupsATicketNumberAsLettersDateInFoursAndSerialInThrees() {
        assertThat(IvrPolicy.readBackGroups("GD20261130-000123")).containsExactly(
                java.util.List.of("letter-g", "letter-d"),
                java.util.List.of("digit-2", "digit-0", "digit-2", "digit-6"),
                java.util.List.of("digit-1", "digit-1", "digit-3", "digit-0"),
                java.util.List.of("digit-0", "digit-0", "digit-0"),
                java.util.List.of("digit-1", "digit-2", "digit-3"));
    }

    @Test
    void readsTheNumberAgainOnlyForItsKeyAndAtMostTwice() {
        assertThat(IvrPolicy.repeatNumber("1", 1)).isTrue();
        assertThat(IvrPolicy.repeatNumber("1", 2)).isTrue();
        assertThat(IvrPolicy.repeatNumber("1", 3)).isFalse();
        assertThat(IvrPolicy.repeatNumber("", 1)).isFalse();
        assertThat(IvrPolicy.repeatNumber("9", 1)).isFalse();
    }

    @Test
    void offersTheLookUpOfLegalClocksOnItsOwnKey() {
        assertThat(policy.menuKey("6", 1)).isEqualTo(new IvrPolicy.LookUp());
        assertThat(policy.menuKey("6", 3)).isEqualTo(new IvrPolicy.LookUp());
        IvrPolicy without = new IvrPolicy(new Ivr(null, null, null, null, null, null, null, null, null, ""));
        assertThat(without.menuKey("6", 1)).isEqualTo(new Replay("hotline-invalid-key"));
    }

    @Test
    void refusesALookUpKeyTheMenuAlreadyUses() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IvrPolicy(
                        new Ivr(null, null, null, null, null, null, null, null, null, "2")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clock-lookup-key");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IvrPolicy(
                        new Ivr(null, null, null, null, null, null, null, null, null, "*")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void makesTheKeyedDigitsATicketNumberOfThisDeployment() {
        assertThat(IvrPolicy.lookupNumber("20261130000123", "GD")).contains("GD20261130-000123");
        assertThat(IvrPolicy.lookupNumber("20261130123", "GD")).contains("GD20261130-000123");
        assertThat(IvrPolicy.lookupNumber("202611301234567", "BJ")).contains("BJ20261130-1234567");
        assertThat(IvrPolicy.lookupNumber("2026113", "GD")).isEmpty();
        assertThat(IvrPolicy.lookupNumber("20261130", "GD")).isEmpty();
        assertThat(IvrPolicy.lookupNumber("", "GD")).isEmpty();
        assertThat(IvrPolicy.lookupNumber("2026113012345678901234", "GD")).isEmpty();
        assertThat(IvrPolicy.lookupNumber("20261130*123", "GD")).isEmpty();
    }

    @Test
    void allowsAsManyLookUpsAsMenuAttempts() {
        assertThat(policy.mayRetryLookup(1)).isTrue();
        assertThat(policy.mayRetryLookup(2)).isTrue();
        assertThat(policy.mayRetryLookup(3)).isFalse();
    }
}
