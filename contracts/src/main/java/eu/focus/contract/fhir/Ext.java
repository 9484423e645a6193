package eu.focus.contract.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseExtension;
import org.hl7.fhir.instance.model.api.IBaseHasExtensions;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Type;

/**
 * Writing and reading extensions, simple and complex, on anything that has extensions. Writers skip
 * {@code null} values, so an absent contract member leaves no trace.
 */
final class Ext {

  private Ext() {}

  /** Adds a Focus extension with a value, unless the value is null. */
  static void add(IBaseHasExtensions target, String name, Type value) {
    if (value != null) {
      addUrl(target, FhirNames.sd(name), value);
    }
  }

  /** Adds an extension by full URL with a value, unless the value is null. */
  static void addUrl(IBaseHasExtensions target, String url, Type value) {
    if (value != null) {
      ((Extension) target.addExtension()).setUrl(url).setValue(value);
    }
  }

  /** Adds an empty complex Focus extension, to be filled with {@link #sub}. */
  static Extension complex(IBaseHasExtensions target, String name) {
    return ((Extension) target.addExtension()).setUrl(FhirNames.sd(name));
  }

  /** Adds a sub-extension with a value, unless the value is null. */
  static void sub(Extension parent, String name, Type value) {
    if (value != null) {
      parent.addExtension(name, value);
    }
  }

  /** Adds an empty complex sub-extension. */
  static Extension subComplex(Extension parent, String name) {
    Extension child = new Extension(name);
    parent.addExtension(child);
    return child;
  }

  /** The extensions with a Focus name, in order. */
  static List<Extension> all(IBaseHasExtensions target, String name) {
    return allUrl(target, FhirNames.sd(name));
  }

  /** The extensions with a full URL, in order. */
  static List<Extension> allUrl(IBaseHasExtensions target, String url) {
    List<Extension> result = new ArrayList<>();
    for (IBaseExtension<?, ?> extension : target.getExtension()) {
      if (url.equals(extension.getUrl()) && extension instanceof Extension e) {
        result.add(e);
      }
    }
    return result;
  }

  /** The first extension with a Focus name. */
  static Optional<Extension> first(IBaseHasExtensions target, String name) {
    return all(target, name).stream().findFirst();
  }

  /** The value of the first Focus extension with that name, or null. */
  static Type value(IBaseHasExtensions target, String name) {
    return first(target, name).map(Extension::getValue).orElse(null);
  }

  /** The sub-extensions of a complex extension with a name, in order. */
  static List<Extension> subs(Extension parent, String name) {
    return parent.getExtensionsByUrl(name);
  }

  /** The value of the first sub-extension with that name, or null. */
  static Type subValue(Extension parent, String name) {
    List<Extension> found = parent.getExtensionsByUrl(name);
    return found.isEmpty() ? null : found.get(0).getValue();
  }
}
