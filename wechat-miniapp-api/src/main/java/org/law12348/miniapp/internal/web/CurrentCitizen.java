package org.law12348.miniapp.internal.web;

import org.law12348.miniapp.internal.citizen.CitizenDirectory;
import org.law12348.miniapp.internal.citizen.MiniappCitizen;
import org.law12348.miniapp.internal.session.CitizenSession;
import org.law12348.miniapp.internal.session.SessionRejectedException;
import org.law12348.miniapp.internal.session.SessionTokens;
import org.law12348.ticketing.Channel;
import org.springframework.stereotype.Component;

/** Resolves the {@code Authorization: Bearer} session token of a call to the signed-in citizen, or 401. */
@Component
class CurrentCitizen {

    record Caller(MiniappCitizen citizen, Channel channel) {
    }

    private final SessionTokens tokens;
    private final CitizenDirectory directory;

    CurrentCitizen(SessionTokens tokens, CitizenDirectory directory) {
        this.tokens = tokens;
        this.directory = directory;
    }

    Caller require(String authorization) {
        CitizenSession session = tokens.verify(authorization);
        MiniappCitizen citizen = directory.find(session.citizenId())
                .orElseThrow(() -> new SessionRejectedException("session.invalid", "登录状态无效，请重新登录"));
        return new Caller(citizen, session.channel());
    }
}
