package org.law12348.miniapp.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.law12348.miniapp.MiniappProperties;
import org.law12348.miniapp.internal.alipay.AlipayGateway;
import org.law12348.miniapp.internal.alipay.AlipayPhoneNumbers;
import org.law12348.miniapp.internal.notify.Delivery;
import org.law12348.miniapp.internal.wechat.WechatClient;
import org.springframework.http.HttpStatus;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without credentials a channel answers 503 with a Chinese explanation; sending is postponed, not lost. */
class UnconfiguredChannelsTest {

    private static final MiniappProperties NOTHING = new MiniappProperties(null, null, null, null, null, null, null);

    @Test
    void wechatSignInAnswers503() {
        WechatClient wechat = new WechatClient(NOTHING);

        assertThat(wechat.configured()).isFalse();
        assertThatThrownBy(() -> wechat.signIn("081abc")).isInstanceOfSatisfying(ChannelProblem.class, p -> {
            assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(p.code()).isEqualTo("channel.notConfigured");
            assertThat(p.chineseMessage()).contains("微信小程序服务尚未开通");
        });
        assertThat(wechat.sendSubscribe("o6_x", "TPL", "pages/a", Map.of()).outcome())
                .isEqualTo(Delivery.Outcome.RETRY);
    }

    @Test
    void alipaySignInAndPhoneBindingAnswer503() {
        AlipayGateway alipay = new AlipayGateway(NOTHING, new ObjectMapper());
        AlipayPhoneNumbers phones = new AlipayPhoneNumbers(new ObjectMapper(), NOTHING);

        assertThatThrownBy(() -> alipay.signIn("auth")).isInstanceOfSatisfying(ChannelProblem.class,
                p -> assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        assertThatThrownBy(() -> phones.decrypt("{}")).isInstanceOfSatisfying(ChannelProblem.class,
                p -> assertThat(p.chineseMessage()).contains("支付宝手机号授权"));
    }

    @Test
    void backoffDoublesUpToTheCap() {
        MiniappProperties.Notifications n = NOTHING.notifications();

        assertThat(n.backoffAfter(1)).hasSeconds(30);
        assertThat(n.backoffAfter(2)).hasSeconds(60);
        assertThat(n.backoffAfter(3)).hasSeconds(120);
        assertThat(n.backoffAfter(30)).hasHours(1);
    }
}
