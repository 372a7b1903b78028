package org.law12348.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Camunda Cockpit and the engine's REST API are for administrators, signed in once through the product. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cockpit;DB_CLOSE_DELAY=-1",
        // Camunda's web apps find engines in a JVM-wide registry by name; the other test contexts
        // register (and, closing, unregister) "default", so this one gets a name of its own
        "camunda.bpm.process-engine-name=cockpit"})
class CockpitAccessTest {

    @LocalServerPort
    int port;

    @Test
    void anAdministratorReachesCockpitWithoutASecondLogin() {
        HttpApi api = new HttpApi(port, true);
        // as a browser does: the page first, whose request signs the admin in to the web apps' session
        assertThat(api.get("/camunda/app/cockpit/cockpit/", HttpApi.basic("admin")).status()).isIn(200, 302);
        HttpApi.Answer user = api.get("/camunda/api/admin/auth/user/cockpit", HttpApi.basic("admin"));
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.text("userId")).isEqualTo("admin");
        assertThat(user.body().path("authorizedApps").toString()).contains("cockpit");
        assertThat(api.get("/engine-rest/engine/cockpit/process-definition?key=consultation", HttpApi.basic("admin")).status())
                .isEqualTo(200);
    }

    @Test
    void otherStaffAndAnonymousCallersAreKeptOut() {
        HttpApi api = new HttpApi(port);
        assertThat(api.get("/camunda/app/cockpit/cockpit/", HttpApi.basic("dispatcher")).status()).isEqualTo(403);
        assertThat(api.get("/engine-rest/process-definition", HttpApi.basic("handler-gz")).status()).isEqualTo(403);
        assertThat(api.get("/engine-rest/process-definition").status()).isIn(302, 401);
    }
}
