package org.law12348.miniapp;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Wires the mini-program channels: their settings; the adapters and controllers are components. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MiniappProperties.class)
public class MiniappConfiguration {
}
