package io.newswire.enrich.places;

/**
 * One place of the gazetteer.
 *
 * @param featureClass GeoNames feature class: A (country, division), P (populated place), L
 *     (area, continent)
 * @param latitude degrees; NaN when the source gives no coordinates
 */
public record GazetteerEntry(long geonameId, String name, String countryCode, String admin1Code,
    String admin1Name, String featureClass, String featureCode, double latitude,
    double longitude, long population) {

  /** This place at another point. */
  GazetteerEntry withPoint(double newLatitude, double newLongitude) {
    return new GazetteerEntry(geonameId, name, countryCode, admin1Code, admin1Name, featureClass,
        featureCode, newLatitude, newLongitude, population);
  }

  /** One place per geonameId: equal and hashed by it alone, cheaply. */
  @Override
  public boolean equals(Object other) {
    return other instanceof GazetteerEntry entry && entry.geonameId == geonameId
        && entry.featureCode.equals(featureCode);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(geonameId);
  }

  /** Whether this is a country. */
  public boolean isCountry() {
    return featureCode.startsWith("PCL");
  }

  /** Whether this is a first-level division. */
  public boolean isAdmin1() {
    return "ADM1".equals(featureCode);
  }
}
