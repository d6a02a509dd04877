package se.tryggkarta.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two-instance tests of {@link PostgisTwoInstancesIT} with each instance reading through a hot
 * standby ({@link LocalStandby}): the layer listings go to the standby, and each instance still
 * reads the other's writes at once.
 */
class PostgisReplicaTwoInstancesIT extends PostgisTwoInstancesIT {
  @Override
  protected List<String> readUrls() {
    return List.of(LocalStandby.shared().url());
  }

  @Test
  void theListingsWentToTheStandby() throws IOException {
    String ws = "{\"id\":\"ale\",\"name\":\"Ale\"}";
    assertThat(send(a, "POST", "/api/workspaces", ws).statusCode()).isEqualTo(201);
    PostgisStore store = (PostgisStore) wiringB.store();
    long before = store.replicaReads();
    HttpResponse<String> list =
        send(b, "GET", "/api/workspaces/ale/layers/incidents?limit=1", null);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(store.replicaReads()).isEqualTo(before + 1);
    assertThat(store.primaryHeavyReads()).isZero();
    assertThat(store.describe()).contains("1 read replica");
  }
}
