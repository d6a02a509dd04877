package se.tryggkarta.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.DomainException;
import se.tryggkarta.common.HourWindow;

class WorkspaceSettingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void defaultNightIsSixInTheEveningToSixInTheMorning() {
    HourWindow night = WorkspaceSettings.DEFAULT.night();
    assertThat(night.text()).isEqualTo("18-06");
    assertThat(night.contains(18)).isTrue();
    assertThat(night.contains(5)).isTrue();
    assertThat(night.contains(6)).isFalse();
    assertThat(night.contains(12)).isFalse();
  }

  @Test
  void policeEventTypesAndDemoCodesReadInSwedishAndEnglish() {
    WorkspaceSettings s = WorkspaceSettings.DEFAULT;
    assertThat(s.categoryName("theft").in(Locale.forLanguageTag("sv"))).isEqualTo("Stöld");
    assertThat(s.categoryName("Theft").in(Locale.ENGLISH)).isEqualTo("Theft");
    assertThat(s.categoryName("Misshandel").sv()).isEqualTo("Misshandel");
    assertThat(s.categoryName("misshandel").en()).isEqualTo("Assault");
    assertThat(s.categoryName("darkness").sv()).isEqualTo("Mörker");
  }

  @Test
  void aCodeWithoutANameReadsAsItselfCapitalised() {
    assertThat(WorkspaceSettings.DEFAULT.categoryName("klotter").sv()).isEqualTo("Klotter");
  }

  @Test
  void theWorkspacesOwnNamesOverrideTheDefaultsByLowerCaseCode() {
    WorkspaceSettings s =
        WorkspaceSettings.DEFAULT.withCategoryNames(
            Map.of("Theft", new CategoryName("Tillgreppsbrott", "Larceny")));
    assertThat(s.categoryName("theft").sv()).isEqualTo("Tillgreppsbrott");
    assertThat(s.effectiveCategoryNames().get("theft").en()).isEqualTo("Larceny");
    assertThat(s.effectiveCategoryNames()).containsKey("misshandel");
  }

  @Test
  void storedTextRoundTripsAndAbsentTextIsTheDefault() {
    WorkspaceSettings s =
        new WorkspaceSettings(
            new HourWindow(22, 5), Map.of("skadegörelse", new CategoryName("Klotter", "Graffiti")));
    assertThat(WorkspaceSettingsJson.read(WorkspaceSettingsJson.write(s))).isEqualTo(s);
    assertThat(WorkspaceSettingsJson.read(null)).isEqualTo(WorkspaceSettings.DEFAULT);
    assertThat(WorkspaceSettingsJson.read("{}")).isEqualTo(WorkspaceSettings.DEFAULT);
  }

  @Test
  void aClientBodyKeepsWhatItLeavesOut() throws Exception {
    WorkspaceSettings base = WorkspaceSettings.DEFAULT.withNight(new HourWindow(20, 4));
    WorkspaceSettings s =
        WorkspaceSettingsJson.read(
            JSON.readTree("{\"categoryNames\": {\"x\": {\"sv\": \"Ett\", \"en\": \"One\"}}}"),
            base);
    assertThat(s.night()).isEqualTo(new HourWindow(20, 4));
    assertThat(s.categoryName("x").sv()).isEqualTo("Ett");
  }

  @Test
  void badSettingsNameTheFieldAsAPointer() throws Exception {
    assertThatThrownBy(
            () ->
                WorkspaceSettingsJson.read(
                    JSON.readTree("{\"night\": \"25-06\"}"), WorkspaceSettings.DEFAULT))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("settings/night"));
    assertThatThrownBy(
            () ->
                WorkspaceSettingsJson.read(
                    JSON.readTree("{\"categoryNames\": {\"x\": {\"sv\": \"\"}}}"),
                    WorkspaceSettings.DEFAULT))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("settings/categoryNames/x"));
    assertThatThrownBy(
            () ->
                WorkspaceSettingsJson.read(
                    JSON.readTree("{\"nightHours\": \"18-06\"}"), WorkspaceSettings.DEFAULT))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).contains("settings/nightHours"));
  }
}
