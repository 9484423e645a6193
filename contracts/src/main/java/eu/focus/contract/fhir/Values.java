package eu.focus.contract.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Contract values as FHIR primitives and back, null in, null out. Date and date-time strings are
 * carried as written (HAPI keeps a primitive's original text), so offsets and precision survive. A
 * contract text ({@code {value, lang}}) is a FHIR string with the core {@code language} extension
 * holding its BCP-47 tag.
 */
final class Values {

  private Values() {}

  static StringType string(String value) {
    return value == null ? null : new StringType(value);
  }

  static CodeType code(String value) {
    return value == null ? null : new CodeType(value);
  }

  static BooleanType bool(Boolean value) {
    return value == null ? null : new BooleanType(value);
  }

  static IntegerType integer(Integer value) {
    return value == null ? null : new IntegerType(value);
  }

  static DateType date(String value) {
    if (value == null) {
      return null;
    }
    DateType date = new DateType();
    date.setValueAsString(value);
    return date;
  }

  static DateTimeType dateTime(String value) {
    if (value == null) {
      return null;
    }
    DateTimeType dateTime = new DateTimeType();
    dateTime.setValueAsString(value);
    return dateTime;
  }

  /** A contract text as a FHIR string with its language; null if the text is absent. */
  static StringType text(JsonNode text) {
    if (text == null || !text.isObject()) {
      return null;
    }
    StringType string = new StringType(Json.str(text, "value"));
    Ext.addUrl(string, FhirNames.EXT_LANGUAGE, code(Json.str(text, "lang")));
    return string;
  }

  /** The text a FHIR string carries; a missing language tag is a problem at {@code location}. */
  static ObjectNode text(Type type, String location, Problems problems) {
    if (!(type instanceof StringType string) || !string.hasValue()) {
      if (type != null) {
        problems.add(location, "must be a string with a value");
      }
      return null;
    }
    String lang =
        Ext.allUrl(string, FhirNames.EXT_LANGUAGE).stream()
            .map(e -> str(e.getValue()))
            .findFirst()
            .orElse(null);
    if (lang == null) {
      problems.add(
          location, "text without its language (extension " + FhirNames.EXT_LANGUAGE + ")");
    }
    return Json.obj().put("value", string.getValue()).put("lang", lang).node();
  }

  /** The text of a primitive as written, or null. */
  static String str(Type type) {
    return type instanceof PrimitiveType<?> p && p.hasValue() ? p.getValueAsString() : null;
  }

  static Boolean bool(Type type) {
    return type instanceof BooleanType b && b.hasValue() ? b.getValue() : null;
  }

  static Integer integer(Type type) {
    return type instanceof IntegerType i && i.hasValue() ? i.getValue() : null;
  }
}
