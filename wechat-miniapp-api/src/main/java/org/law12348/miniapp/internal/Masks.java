package org.law12348.miniapp.internal;

/** How platform identities appear in logs: enough to tell two apart, not enough to use one. */
public final class Masks {

    private Masks() {
    }

    /** o6_b****Ke0s for an openid or Alipay user id. */
    public static String id(String raw) {
        if (raw == null) {
            return null;
        }
        return raw.length() < 10 ? "****" : raw.substring(0, 4) + "****" + raw.substring(raw.length() - 4);
    }
}
