package se.tryggkarta.finding;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import se.tryggkarta.AppConfig;
import se.tryggkarta.Wiring;
import se.tryggkarta.demo.ExempelbyGenerator;

/** The services as the app wires them, on a GeoPackage file holding the synthetic demo town. */
final class DemoTownWiring {
  static final String WS = ExempelbyGenerator.WORKSPACE_ID;

  private DemoTownWiring() {}

  static Wiring open(Path dir) {
    Wiring w =
        Wiring.open(new AppConfig(dir, 0, Optional.empty(), Optional.empty(), List.of(), 1 << 20));
    ExempelbyGenerator.populate(w.store());
    return w;
  }
}
