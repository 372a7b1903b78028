package org.law12348.app;

import org.law12348.testsupport.FakeAliyunSms;
import org.law12348.testsupport.PostgresDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The product on one fresh PostgreSQL database, with the demo staff accounts and SMS through the real
 * SDK to the local Alibaba Cloud SMS endpoint, for every test class that implements this. Spring keys
 * its context cache on the configuration, and this interface is the whole of it (an interface, so that
 * a class extending shared scenarios can use it too): the application starts once for all of them.
 * Each test makes the tickets and accounts it needs and never counts what others made. A class that
 * adds configuration of its own (the intake scenarios' {@code @Import}) gets an application of its own:
 * an {@code @Import} here would change the cache key but, on an interface, add no bean.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "law12348.demo.accounts=true")
@ActiveProfiles("postgres")
public interface PostgresApp {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "law12348_it_shared");
        FakeAliyunSms sms = FakeAliyunSms.get();
        registry.add("law12348.miniapp.sms.endpoint", sms::endpoint);
        registry.add("law12348.miniapp.sms.protocol", () -> "HTTP");
        registry.add("law12348.miniapp.sms.access-key-id", () -> FakeAliyunSms.ACCESS_KEY_ID);
        registry.add("law12348.miniapp.sms.access-key-secret", () -> FakeAliyunSms.ACCESS_KEY_SECRET);
        registry.add("law12348.miniapp.sms.sign-name", () -> FakeAliyunSms.SIGN_NAME);
        registry.add("law12348.miniapp.sms.templates.sign-in-code", () -> FakeAliyunSms.CODE_TEMPLATE);
    }
}
