package eu.focus.demo.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Goal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FhirServerSimulatorTest {

  private FhirServerSimulator server;
  private IGenericClient client;

  @BeforeEach
  void start() {
    server = new FhirServerSimulator(0, 2);
    server.start();
    client = FhirContext.forR4Cached().newRestfulGenericClient(server.baseUrl());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void storesTransactionEntriesOfAnyTypeAndServesThem() {
    Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Goal goal = new Goal();
    goal.getDescription().setText("Rendszeres iskolába járás");
    tx.addEntry().setResource(goal).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Goal");

    Bundle response = client.transaction().withBundle(tx).execute();

    String location = response.getEntryFirstRep().getResponse().getLocation();
    assertThat(location).startsWith("Goal/");
    Goal read = client.read().resource(Goal.class).withId(location.split("/")[1]).execute();
    assertThat(read.getDescription().getText()).isEqualTo("Rendszeres iskolába járás");
  }

  @Test
  void restartsOnTheSamePortWithTheSameContent() {
    String id = server.publish("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}");
    String base = server.baseUrl();
    server.stop();
    assertThatThrownBy(() -> client.read().resource(Bundle.class).withId(id).execute())
        .isInstanceOf(RuntimeException.class);

    server.start();

    assertThat(server.baseUrl()).isEqualTo(base);
    Bundle read = client.read().resource(Bundle.class).withId(id.split("/")[1]).execute();
    assertThat(read.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
  }

  @Test
  void searchesByTagAndLastUpdatedAcrossPages() {
    for (int i = 0; i < 3; i++) {
      server.publish(
          "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"meta\":{\"tag\":"
              + "[{\"system\":\"https://pfsz.example.hu/tag\",\"code\":\"atadhato\"}]}}");
    }
    server.publish("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}");

    Bundle page =
        client
            .search()
            .forResource(Bundle.class)
            .withTag("https://pfsz.example.hu/tag", "atadhato")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(page.getEntry()).hasSize(2);
    assertThat(page.getLink(Bundle.LINK_NEXT)).isNotNull();
    Bundle next = client.loadPage().next(page).execute();
    assertThat(next.getEntry()).hasSize(1);
  }
}
