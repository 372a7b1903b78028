package org.law12348.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.law12348.ticketing.internal.OutboxRelay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One application (H2, real engine) shared by every console test class, so the context starts once.
 * Tickets are made through the real public intake; each gets a phone number of its own test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:console;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
abstract class ConsoleTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger PHONES = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcTemplate jdbc;

    /** A fresh mobile number, so a test's tickets are only its own. */
    static String newPhone() {
        return "1391" + String.format("%07d", (System.nanoTime() / 1000 + PHONES.incrementAndGet()) % 10_000_000);
    }

    /** Submits a ticket through the public intake and returns its number. */
    String submit(String businessType, String region, String phone, String text) throws Exception {
        return receipt(businessType, region, phone, text).get("number").asText();
    }

    /** The citizen's receipt of a web submission. */
    JsonNode receipt(String businessType, String region, String phone, String text) throws Exception {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("businessType", businessType);
        body.put("regionCode", region);
        body.put("text", text);
        body.put("contactPhone", phone);
        String answer = mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(body)))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode created = JSON.readTree(answer);
        if (!created.hasNonNull("number")) {
            throw new IllegalStateException("Intake refused: " + answer);
        }
        return created;
    }

    String unitOf(String number) {
        return jdbc.queryForObject("select handling_unit from ticket where number = ?", String.class, number);
    }
}
