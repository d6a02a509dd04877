package se.tryggkarta.hotspot.emerging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.tryggkarta.common.Lang;

class EmergingClassNamesTest {
  @Test
  void every_class_has_its_own_name_in_swedish_and_english_and_is_found_by_its_slug() {
    for (Lang lang : Lang.values()) {
      Set<String> names = new HashSet<>();
      for (EmergingClass c : EmergingClass.values()) {
        assertThat(names.add(c.displayName(lang))).as("%s %s", lang, c).isTrue();
        assertThat(EmergingClass.ofSlug(c.slug())).contains(c);
      }
    }
    assertThat(EmergingClass.PERSISTENT_HOT.displayName(Lang.SV)).isEqualTo("ihållande hotspot");
    assertThat(EmergingClass.NEW_COLD.displayName(Lang.SV)).isEqualTo("ny kall fläck");
    assertThat(EmergingClass.INTENSIFYING_HOT.displayName(Lang.EN))
        .isEqualTo("intensifying hotspot");
    assertThat(EmergingClass.ofSlug("hotspot")).isEmpty();
  }
}
