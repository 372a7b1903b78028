package org.law12348.miniapp.internal.session;

import org.law12348.ticketing.Channel;

import java.time.Instant;

/** Who is calling: the citizen a valid session token names, the platform they signed in on, until when. */
public record CitizenSession(long citizenId, Channel channel, Instant expiresAt) {
}
