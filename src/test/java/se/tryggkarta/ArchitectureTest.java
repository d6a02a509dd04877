package se.tryggkarta;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of STYLE.md, enforced: the analysis core knows nothing of HTTP or SQL, only
 * {@code http} touches Javalin, only {@code store} touches JDBC, {@code common} depends on no
 * feature, and inside {@code http} the route groups ({@code api}) build on the app and the access
 * rules ({@code auth}), never the other way round.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.tryggkarta");
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
  void onlyStoreImportsJdbc() {
    noClasses()
        .that()
        .resideOutsideOfPackage("se.tryggkarta.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer..", "org.flywaydb..")
        .check(classes);
  }

  @Test
  void featureCodeDoesNotDependOnHttpOrStoreImplementations() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "se.tryggkarta.common..",
            "se.tryggkarta.workspace..",
            "se.tryggkarta.layer..",
            "se.tryggkarta.ingest..",
            "se.tryggkarta.hotspot..",
            "se.tryggkarta.route..",
            "se.tryggkarta.lighting..",
            "se.tryggkarta.commitment..",
            "se.tryggkarta.finding..",
            "se.tryggkarta.tiles..",
            "se.tryggkarta.demo..",
            "se.tryggkarta.access..",
            "se.tryggkarta.document..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("se.tryggkarta.http..", "se.tryggkarta.store..", "se.tryggkarta.cli..")
        .check(classes);
  }

  @Test
  void commonDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("se.tryggkarta.common..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "se.tryggkarta.workspace..",
            "se.tryggkarta.layer..",
            "se.tryggkarta.ingest..",
            "se.tryggkarta.hotspot..",
            "se.tryggkarta.route..",
            "se.tryggkarta.lighting..",
            "se.tryggkarta.commitment..")
        .check(classes);
  }
}
