package dev.govid.keycloak.harness;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.nodes.Element;

/** What a browser would submit for an HTML form: successful controls in document order (HTML 4.01 §17.13.2). */
final class HtmlForm {
    private final Element form;

    HtmlForm(Element form) {
        this.form = form;
    }

    String method() {
        String method = form.attr("method");
        return method.isBlank() ? "GET" : method.toUpperCase(Locale.ROOT);
    }

    /** An empty action means "post back to this page". */
    String action(String pageUrl) {
        return form.attr("action").isBlank() ? pageUrl : form.absUrl("action");
    }

    /**
     * @param overrides     values replacing same-named controls, or added if the form has no such control
     * @param submitButton  name of the submit button to "click" (its value is sent), or {@code name=value},
     *                      or null to submit without a button (what JavaScript's form.submit() does)
     */
    List<Map.Entry<String, String>> fields(Map<String, String> overrides, String submitButton) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Element control : form.select("input, select, textarea, button")) {
            if (control.hasAttr("disabled") || control.attr("name").isEmpty()) {
                continue;
            }
            addControl(control, fields);
        }
        if (submitButton != null) {
            fields.add(buttonField(submitButton));
        }
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            // Unknown names are added, not rejected: tests may send what a page script would have added.
            fields.removeIf(f -> f.getKey().equals(override.getKey()));
            fields.add(new SimpleEntry<>(override.getKey(), override.getValue()));
        }
        return fields;
    }

    private static void addControl(Element control, List<Map.Entry<String, String>> fields) {
        String name = control.attr("name");
        switch (control.tagName()) {
            case "select" -> {
                List<Element> selected = control.select("option[selected]");
                if (selected.isEmpty() && !control.hasAttr("multiple")) {
                    Element first = control.selectFirst("option");
                    if (first != null) {
                        selected = List.of(first);
                    }
                }
                selected.forEach(option -> fields.add(new SimpleEntry<>(name, optionValue(option))));
            }
            case "textarea" -> fields.add(new SimpleEntry<>(name, control.wholeText()));
            case "button" -> {
                // buttons count only when clicked, see buttonField
            }
            default -> {
                String type = control.attr("type").toLowerCase(Locale.ROOT);
                switch (type) {
                    case "submit", "button", "image", "reset", "file" -> {
                        // not successful unless clicked
                    }
                    case "checkbox", "radio" -> {
                        if (control.hasAttr("checked")) {
                            fields.add(new SimpleEntry<>(name, control.hasAttr("value") ? control.val() : "on"));
                        }
                    }
                    default -> fields.add(new SimpleEntry<>(name, control.val()));
                }
            }
        }
    }

    private Map.Entry<String, String> buttonField(String submitButton) {
        int eq = submitButton.indexOf('=');
        if (eq > 0) {
            return new SimpleEntry<>(submitButton.substring(0, eq), submitButton.substring(eq + 1));
        }
        Element button =
                form.selectFirst("button[name=" + submitButton + "], input[type=submit][name=" + submitButton + "]");
        return new SimpleEntry<>(submitButton, button == null ? "" : button.val());
    }

    private static String optionValue(Element option) {
        return option.hasAttr("value") ? option.attr("value") : option.text();
    }
}
