package se.tryggkarta.workspace;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The display names every workspace starts with: the Swedish Police's common event types (as the
 * police publish them, "Misshandel", "Stöld/inbrott", …, stored lower case) and the English codes
 * of the synthetic demo and of the unsafe-place categories. A workspace's own table overrides and
 * extends this one.
 */
final class DefaultCategoryNames {
  private DefaultCategoryNames() {}

  static final Map<String, CategoryName> TABLE = build();

  private static Map<String, CategoryName> build() {
    Map<String, CategoryName> m = new LinkedHashMap<>();
    // codes in English (the demo, and many municipal registers)
    put(m, "theft", "Stöld", "Theft");
    put(m, "burglary", "Inbrott", "Burglary");
    put(m, "robbery", "Rån", "Robbery");
    put(m, "violence", "Våld", "Violence");
    put(m, "assault", "Misshandel", "Assault");
    put(m, "vandalism", "Skadegörelse", "Vandalism");
    put(m, "drugs", "Narkotika", "Drugs");
    put(m, "traffic", "Trafik", "Traffic");
    put(m, "harassment", "Ofredande", "Harassment");
    put(m, "threat", "Olaga hot", "Unlawful threat");
    put(m, "fire", "Brand", "Fire");
    put(m, "disorder", "Ordningsstörning", "Disorder");
    // unsafe-place categories (citizen dialogues, surveys, safety walks)
    put(m, "darkness", "Mörker", "Darkness");
    put(m, "deserted", "Folktomt", "Deserted");
    put(m, "littering", "Nedskräpning", "Litter");
    put(m, "vegetation", "Skymd sikt", "Blocked sight lines");
    put(m, "other", "Övrigt", "Other");
    // the Swedish Police's event types, lower case as stored
    put(m, "misshandel", "Misshandel", "Assault");
    put(m, "misshandel, grov", "Grov misshandel", "Aggravated assault");
    put(m, "stöld", "Stöld", "Theft");
    put(m, "stöld/inbrott", "Stöld/inbrott", "Theft/burglary");
    put(m, "stöld, försök", "Stöld, försök", "Attempted theft");
    put(m, "inbrott", "Inbrott", "Burglary");
    put(m, "inbrott, försök", "Inbrott, försök", "Attempted burglary");
    put(m, "rån", "Rån", "Robbery");
    put(m, "rån, försök", "Rån, försök", "Attempted robbery");
    put(m, "rån övrigt", "Rån övrigt", "Other robbery");
    put(m, "skadegörelse", "Skadegörelse", "Vandalism");
    put(m, "narkotikabrott", "Narkotikabrott", "Drug offence");
    put(m, "olaga hot", "Olaga hot", "Unlawful threat");
    put(m, "ofredande/förargelse", "Ofredande/förargelse", "Harassment/offensive conduct");
    put(m, "bråk", "Bråk", "Fight");
    put(m, "skottlossning", "Skottlossning", "Shooting");
    put(m, "mord/dråp", "Mord/dråp", "Murder/manslaughter");
    put(m, "mord/dråp, försök", "Mord/dråp, försök", "Attempted murder");
    put(m, "våldtäkt", "Våldtäkt", "Rape");
    put(m, "sexualbrott", "Sexualbrott", "Sexual offence");
    put(m, "knivlagen", "Knivlagen", "Knife act offence");
    put(m, "vapenlagen", "Vapenlagen", "Weapons act offence");
    put(m, "fylleri/lob", "Fylleri/LOB", "Drunkenness");
    put(m, "rattfylleri", "Rattfylleri", "Drink-driving");
    put(m, "trafikolycka", "Trafikolycka", "Traffic accident");
    put(m, "trafikolycka, personskada", "Trafikolycka, personskada", "Traffic accident, injury");
    put(m, "trafikbrott", "Trafikbrott", "Traffic offence");
    put(m, "trafikkontroll", "Trafikkontroll", "Traffic check");
    put(m, "brand", "Brand", "Fire");
    put(m, "bedrägeri", "Bedrägeri", "Fraud");
    put(m, "motorfordon, stöld", "Motorfordon, stöld", "Vehicle theft");
    put(
        m,
        "våld/hot mot tjänsteman",
        "Våld/hot mot tjänsteman",
        "Violence/threat against an official");
    put(m, "olaga intrång", "Olaga intrång", "Trespass");
    put(m, "explosion", "Explosion", "Explosion");
    put(m, "detonation", "Detonation", "Detonation");
    put(m, "övrigt", "Övrigt", "Other");
    return Map.copyOf(m);
  }

  private static void put(Map<String, CategoryName> m, String code, String sv, String en) {
    m.put(code, new CategoryName(sv, en));
  }
}
