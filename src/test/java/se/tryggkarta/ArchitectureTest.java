package se.tryggkarta;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The dependency rules of STYLE.md and ARCHITECTURE.md, enforced. The table {@link #PACKAGES} is an
 * allow-list in the style of OpenTripPlanner's {@code dependsOn}: each top-level package under
 * {@code se.tryggkarta} names the packages it may use, each arrow with its reason, and anything
 * else is refused. Sub-packages inherit their package's arrows ({@code hotspot.kde} may use what
 * {@code hotspot} may), and a package may always use itself. The root package ({@code Main}, {@code
 * Wiring}, the {@code *Ports} adapters) is the composition root and may use everything; no package
 * may use it. Besides the table: no cycles between packages, only {@code http} touches Javalin,
 * only {@code store} touches JDBC, and inside {@code http} the route groups ({@code api}) build on
 * the app and the access rules ({@code auth}), never the other way round.
 */
class ArchitectureTest {
  private static final String ROOT = "se.tryggkarta";

  /**
   * The arrow target for the root package itself ({@code Main}, {@code Wiring}, {@code AppConfig},
   * the {@code *Ports} adapters), which no sub-package's pattern covers.
   */
  static final String COMPOSITION_ROOT = "(composition root)";

  private static JavaClasses classes;

  /** One allowed arrow: the package may depend on {@code target}, because {@code why}. */
  record Arrow(String target, String why) {}

  private static Arrow on(String target, String why) {
    return new Arrow(target, why);
  }

  /**
   * Every top-level package and what it may depend on. The source of truth that ARCHITECTURE.md
   * points at; a new package must be added here before any of its classes compile into the jar.
   */
  static final Map<String, List<Arrow>> PACKAGES = new LinkedHashMap<>();

  static {
    PACKAGES.put("common", List.of());
    PACKAGES.put("document", List.of());
    PACKAGES.put("workspace", List.of(on("common", "CRS, time zones and the error base")));
    PACKAGES.put("layer", List.of(on("common", "LonLat, Bbox, TimeRange of the stored records")));
    PACKAGES.put("analysis", List.of(on("common", "the error base for a full pool")));
    PACKAGES.put(
        "access",
        List.of(
            on("common", "the error base"),
            on("document", "keys are kept as stored documents"),
            on("workspace", "a key is scoped to workspaces")));
    PACKAGES.put(
        "ingest",
        List.of(
            on("common", "CRS and field errors"),
            on("layer", "readers turn files into layer records"),
            on("workspace", "imports go into a workspace, in its CRS")));
    PACKAGES.put(
        "place",
        List.of(
            on("common", "LonLat and language"),
            on("layer", "addresses come from the streets and places layers")));
    PACKAGES.put(
        "hotspot",
        List.of(
            on("common", "geometry values and errors"),
            on("layer", "events are the incidents layer"),
            on("workspace", "analyses run in the workspace's CRS and time zone"),
            on("analysis", "analyses go through the shared cache and pool")));
    PACKAGES.put(
        "release",
        List.of(
            on("common", "geometry values and errors"),
            on("layer", "releases count the incidents layer"),
            on("workspace", "releases follow the workspace's privacy settings"),
            on("analysis", "public analyses have their own cache and pool"),
            on("document", "the release ledger and secrets are stored documents"),
            on("hotspot", "a release is a protected hotspot analysis")));
    PACKAGES.put(
        "tiles",
        List.of(
            on("common", "geometry values and errors"),
            on("workspace", "tiles are cut in the workspace's extent"),
            on("layer", "a surface is keyed by the layer it was computed from"),
            on("analysis", "tiles share the analyses' cache and pool"),
            on("hotspot", "tiles are cut from one density surface"),
            on("release", "the public's tiles come from a release")));
    PACKAGES.put(
        "lighting",
        List.of(
            on("common", "geometry values and errors"),
            on("layer", "streets, lamps, incidents and reports are layers"),
            on("workspace", "coverage is computed in the workspace's CRS"),
            on("place", "explanations name the nearest street or place")));
    PACKAGES.put(
        "route",
        List.of(
            on("common", "geometry values and errors"),
            on("layer", "the graph is built from the streets layer"),
            on("workspace", "walks use the workspace's night and settings"),
            on("place", "stops and protocols are named by address"),
            on(
                "ingest",
                "network uploads are read with ingest's hardened readers (SafeXml, GeoPackageFiles,"
                    + " RecordSource) rather than copies of them")));
    PACKAGES.put(
        "commitment",
        List.of(
            on("common", "geometry values and errors"),
            on("layer", "promised places and counted events are layers"),
            on("workspace", "periods run in the workspace's time zone"),
            on("place", "the follow-up report names places"),
            on("document", "commitments are stored documents")));
    PACKAGES.put(
        "finding",
        List.of(
            on("common", "geometry values and errors"),
            on("layer", "every finding is an unsafe place"),
            on("workspace", "walks and findings belong to a workspace"),
            on("document", "walks, findings and actions are stored documents"),
            on("ingest", "the GeoPackage export goes through ingest's GeoPackageFiles port"),
            on("commitment", "done actions count in their commitment"),
            on("lighting", "actions link to lighting work-list items"),
            on("route", "a walk is planned by the walk planner")));
    PACKAGES.put(
        "demo",
        List.of(
            on("common", "geometry values and errors"),
            on("layer", "the demo town is written as layers"),
            on("workspace", "the demo installs its workspace"),
            on("release", "the demo publishes releases"),
            on("commitment", "the demo installs promises (DemoCommitments)"),
            on("finding", "the demo installs a held walk (DemoWalk)"),
            on("lighting", "the demo walk's findings sit on the lighting work list"),
            on("route", "the demo walk is planned by the walk planner")));
    PACKAGES.put(
        "store",
        List.of(
            on("common", "geometry values and errors"),
            on("layer", "implements LayerStore"),
            on("workspace", "implements WorkspaceRepository"),
            on("document", "implements DocumentStore"),
            on("ingest", "implements GeoPackageFiles and reads uploads as RecordSource"),
            on("finding", "implements PhotoStore")));
    PACKAGES.put(
        "http",
        List.of(
            on("common", "errors become problem details"),
            on("layer", "layer routes"),
            on("workspace", "workspace routes"),
            on("access", "keys and roles decide who may call what"),
            on("analysis", "a full pool becomes 503"),
            on("ingest", "import and export routes"),
            on("place", "context and address routes"),
            on("hotspot", "hotspot routes"),
            on("release", "release routes and the public's answers"),
            on("tiles", "tile routes"),
            on("lighting", "lighting routes"),
            on("route", "network, walk and route routes"),
            on("commitment", "commitment routes"),
            on("finding", "finding, action and tip routes"),
            on("store", "the health check pings the store")));
    PACKAGES.put(
        "cli",
        List.of(
            on("common", "errors become one-line messages"),
            on("layer", "layers commands"),
            on("workspace", "workspaces commands"),
            on("access", "keys commands"),
            on("analysis", "bench and hotspots commands use the pool"),
            on("ingest", "import and export commands"),
            on("place", "printed sites, walks and reports name their places"),
            on("hotspot", "hotspots command"),
            on("release", "bench load reports the release pool's counts"),
            on("tiles", "bench load"),
            on("lighting", "lighting command"),
            on("route", "network, walks and routes commands"),
            on("commitment", "commitments command"),
            on("finding", "findings command"),
            on("demo", "demo command"),
            on("store", "store options open a store"),
            on("http", "serve starts the HTTP app"),
            on(
                COMPOSITION_ROOT,
                "every command works on the services Wiring builds from AppConfig")));
  }

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @TestFactory
  Stream<DynamicTest> eachPackageDependsOnlyOnWhatItDeclares() {
    return PACKAGES.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey() + " → " + e.getValue().stream().map(Arrow::target).toList(),
                    () -> {
                      String[] allowed =
                          Stream.concat(
                                  Stream.of(e.getKey()), e.getValue().stream().map(Arrow::target))
                              .map(p -> p.equals(COMPOSITION_ROOT) ? ROOT : ROOT + "." + p + "..")
                              .toArray(String[]::new);
                      noClasses()
                          .that()
                          .resideInAPackage(ROOT + "." + e.getKey() + "..")
                          .should()
                          .dependOnClassesThat(
                              resideInAPackage(ROOT + "..").and(not(resideInAnyPackage(allowed))))
                          .because(
                              e.getKey()
                                  + " declares only "
                                  + Arrays.toString(allowed)
                                  + " in ArchitectureTest.PACKAGES")
                          .check(classes);
                    }));
  }

  @Test
  void everyPackageIsInTheTable() {
    Set<String> found = new TreeSet<>();
    for (JavaClass c : classes) {
      String pkg = c.getPackageName();
      if (pkg.startsWith(ROOT + ".")) {
        found.add(pkg.substring(ROOT.length() + 1).split("\\.")[0]);
      }
    }
    assertThat(found).isNotEmpty();
    assertThat(PACKAGES.keySet())
        .as("top-level packages without a row in ArchitectureTest.PACKAGES")
        .containsAll(found);
  }

  @Test
  void everyArrowPointsAtADeclaredPackageAndSaysWhy() {
    for (Map.Entry<String, List<Arrow>> e : PACKAGES.entrySet()) {
      for (Arrow a : e.getValue()) {
        if (!a.target().equals(COMPOSITION_ROOT)) {
          assertThat(PACKAGES).as("%s → %s", e.getKey(), a.target()).containsKey(a.target());
        }
        assertThat(a.why()).as("%s → %s", e.getKey(), a.target()).isNotBlank();
      }
    }
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void onlyTheCommandLineDependsOnTheCompositionRoot() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT, ROOT + ".cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT)
        .because(
            "only the composition root may know two features at once; the command line runs on"
                + " what it builds")
        .check(classes);
  }

  @Test
  void onlyHttpImportsJavalin() {
    noClasses()
        .that()
        .resideOutsideOfPackage("se.tryggkarta.http..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
        .check(classes);
  }

  @Test
  void accessRulesKnowNothingOfTheAppOrItsRoutes() {
    noClasses()
        .that()
        .resideInAPackage("se.tryggkarta.http.auth..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("se.tryggkarta.http", "se.tryggkarta.http.api..")
        .check(classes);
  }

  @Test
  void theAppFactoryTakesRouteGroupsWithoutKnowingThem() {
    noClasses()
        .that()
        .resideInAPackage("se.tryggkarta.http")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("se.tryggkarta.http.api..")
        .check(classes);
  }

  @Test
  void handlersReadQueryParametersOnlyThroughParams() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("se.tryggkarta.http.Params")
        .should()
        .callMethod(Context.class, "queryParam", String.class)
        .orShould()
        .callMethod(Context.class, "queryParams", String.class)
        .orShould()
        .callMethod(Context.class, "queryParamAsClass", String.class, Class.class)
        .orShould()
        .callMethod(Context.class, "queryParamsAsClass", String.class, Class.class)
        .because(
            "Params refuses reads of parameters the route's OpenAPI operation does not declare")
        .check(classes);
  }

  @Test
  void handlersReadBodiesOnlyThroughTheStrictReaders() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("se.tryggkarta.http.RequestBody")
        .and()
        .doNotHaveFullyQualifiedName("se.tryggkarta.http.UploadBody")
        .should()
        .callMethod(Context.class, "body")
        .orShould()
        .callMethod(Context.class, "bodyAsBytes")
        .orShould()
        .callMethod(Context.class, "bodyAsClass", Class.class)
        .orShould()
        .callMethod(Context.class, "bodyAsClass", java.lang.reflect.Type.class)
        .orShould()
        .callMethod(Context.class, "bodyInputStream")
        .because(
            "RequestBody refuses invalid UTF-8, trailing content and unpaired surrogates, and"
                + " UploadBody holds uploads to the upload limit")
        .check(classes);
  }

  @Test
  void everyXmlParserIsTheHardenedOne() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("se.tryggkarta.ingest.SafeXml")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("javax.xml.parsers.SAXParserFactory")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("javax.xml.parsers.DocumentBuilderFactory")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("javax.xml.stream.XMLInputFactory")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("org.openstreetmap.osmosis.xml.v0_6")
        .because("SafeXml refuses DTDs, entities and external resources (XXE)")
        .check(classes);
  }

  @Test
  void onlyStoreImportsJdbc() {
    noClasses()
        .that()
        .resideOutsideOfPackage("se.tryggkarta.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer..", "org.flywaydb..")
        .check(classes);
  }
}
