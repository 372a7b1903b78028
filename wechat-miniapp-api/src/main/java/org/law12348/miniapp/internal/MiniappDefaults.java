package org.law12348.miniapp.internal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Defaults of the module that the application may override: the platform SDKs' own loggers are
 * silenced, because the Alipay SDK logs request parameters at INFO ({@code sdk.biz.info}) and whole
 * responses with access tokens and user ids at ERROR ({@code sdk.biz.err}), and WxJava logs request
 * bodies (login codes, openids) with its warnings. The adapters log what matters, masked.
 * Added last, so {@code application.yml}, profiles and the environment all win over these.
 */
public class MiniappDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "law12348-miniapp-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "logging.level.sdk.biz.info", "OFF",
                "logging.level.sdk.biz.err", "OFF",
                "logging.level.sdk.comm.err", "OFF",
                "logging.level.cn.binarywang.wx.miniapp", "ERROR",
                "logging.level.me.chanjar.weixin", "ERROR")));
    }
}
