package io.newswire.enrich;

import io.newswire.avro.CountrySignal;
import io.newswire.avro.Place;
import java.util.List;

/**
 * The place step of enrichment: finds the places an article names and resolves them. Mention
 * offsets are code points into the field they name ({@code headline}, {@code body},
 * {@code caption}, {@code subheading}). Implementations are thread-safe.
 */
public interface PlaceTagger {

  /** The texts of an article that places are looked for in. */
  record ArticleText(String headline, String dateline, List<String> captions,
      List<String> subheadings, String body) {
    public ArticleText {
      captions = List.copyOf(captions);
      subheadings = List.copyOf(subheadings);
    }
  }

  /**
   * What tagging found.
   *
   * @param places every place named, the focus one with role FOCUS
   * @param focusGeonameId GeoNames id of the focus place, or null
   * @param focusCountryCode ISO code of the focus country, or null
   * @param aboutCountries countries named only through demonyms
   */
  record PlaceTags(List<Place> places, Long focusGeonameId, String focusCountryCode,
      List<CountrySignal> aboutCountries) {
    public PlaceTags {
      places = List.copyOf(places);
      aboutCountries = List.copyOf(aboutCountries);
    }

    /** Nothing found. */
    public static final PlaceTags NONE = new PlaceTags(List.of(), null, null, List.of());
  }

  /** Finds and resolves the places of one article. */
  PlaceTags tag(ArticleText text);

  /** Which gazetteer resolves places, for provenance (source and date), or null. */
  String gazetteerId();

  /** A tagger that finds nothing: enrichment without place tagging. */
  static PlaceTagger none() {
    return new PlaceTagger() {
      @Override
      public PlaceTags tag(ArticleText text) {
        return PlaceTags.NONE;
      }

      @Override
      public String gazetteerId() {
        return null;
      }
    };
  }
}
