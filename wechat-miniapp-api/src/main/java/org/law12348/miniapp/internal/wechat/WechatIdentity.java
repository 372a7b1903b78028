package org.law12348.miniapp.internal.wechat;

/** Who WeChat says signed in: the openid within our mini-program and, when bound, the unionid. */
public record WechatIdentity(String openId, String unionId) {
}
