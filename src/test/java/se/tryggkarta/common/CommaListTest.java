package se.tryggkarta.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommaListTest {
  @Test
  void numbersKeepTheirOrderAndIgnoreSpacesAndATrailingComma() {
    assertThat(CommaList.numbers("mass", " 0.75, 0.25,1e-1,")).containsExactly(0.75, 0.25, 0.1);
  }

  @Test
  void blankOrAbsentNumbersAreTheEmptyList() {
    assertThat(CommaList.numbers("mass", null)).isEmpty();
    assertThat(CommaList.numbers("mass", "  ")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0.5,half", "10,NaN", "10,Infinity", "10,,20"})
  void rejectsAnythingButFiniteNumbersNamingTheField(String text) {
    assertThatThrownBy(() -> CommaList.numbers("levels", text))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
              assertThat(e.field()).contains("levels");
            });
  }

  @Test
  void aSwedishDecimalCommaSeparatesTwoNumbers() {
    assertThat(CommaList.numbers("levels", "0,5")).containsExactly(0.0, 5.0);
  }

  @Test
  void categoriesAreLowerCaseStrippedUniqueAndInTheOrderGiven() {
    assertThat(CommaList.categories(" Violence ,theft,,VIOLENCE, drugs "))
        .containsExactly("violence", "theft", "drugs");
  }

  @Test
  void blankOrAbsentCategoriesAreTheEmptySetThatMeansAll() {
    assertThat(CommaList.categories(null)).isEmpty();
    assertThat(CommaList.categories(" , ")).isEmpty();
  }
}
