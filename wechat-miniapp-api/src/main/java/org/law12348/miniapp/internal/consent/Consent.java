package org.law12348.miniapp.internal.consent;

import org.law12348.ticketing.Channel;

import java.time.Instant;

/**
 * A citizen's consent to one version of the privacy notice, as recorded: on which channel, under which
 * mini-program account (none on the web, or once the account is deleted), when it was given and when
 * it was withdrawn. Holds nothing that names the citizen.
 */
public record Consent(String id, String noticeVersion, Channel channel, Long accountId, Instant recordedAt,
                      Instant withdrawnAt) {
}
