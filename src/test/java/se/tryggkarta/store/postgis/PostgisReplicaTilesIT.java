package se.tryggkarta.store.postgis;

import java.util.List;

/**
 * The tile test of {@link PostgisTilesTwoInstancesIT} with each instance reading through a hot
 * standby: a write through the other instance still changes the ETag and the tile at once.
 */
class PostgisReplicaTilesIT extends PostgisTilesTwoInstancesIT {
  @Override
  protected List<String> readUrls() {
    return List.of(LocalStandby.shared().url());
  }
}
