package dev.govid.keycloak.it.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * A person without a mouse: Tab through the page until the wanted control has focus (asserting on the way that
 * focus is visible there), arrow keys inside radio groups, Enter or Space to act. Nothing is clicked.
 */
final class Keyboard {

    private static final int MAX_TABS = 40;
    private final WebDriver driver;

    Keyboard(WebDriver driver) {
        this.driver = driver;
    }

    /** Tabs forward from the start of the page until the element with this id has focus. */
    Keyboard tabTo(String id) {
        for (int i = 0; i < MAX_TABS; i++) {
            press(Keys.TAB);
            if (id.equals(activeId())) {
                return this;
            }
        }
        throw new AssertionError(
                "#" + id + " not reachable with " + MAX_TABS + " Tab presses on " + driver.getCurrentUrl());
    }

    /** Tabs into the radio group {@code name}, then moves with the arrow keys to the radio with this id. */
    Keyboard chooseRadio(String name, String id) {
        for (int i = 0; i < MAX_TABS && !name.equals(activeName()); i++) {
            press(Keys.TAB);
        }
        assertThat(activeName()).as("radio group %s reachable by Tab", name).isEqualTo(name);
        for (int i = 0; i < 20 && !id.equals(activeId()); i++) {
            press(Keys.ARROW_DOWN);
        }
        assertThat(activeId()).as("radio %s reachable by arrow keys", id).isEqualTo(id);
        return this;
    }

    Keyboard press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
        return this;
    }

    /** The focused element shows a ring: an outline of at least 2 px or a box shadow. */
    Keyboard assertFocusVisible() {
        @SuppressWarnings("unchecked")
        Map<String, Object> style = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript("""
                const s = getComputedStyle(document.activeElement);
                return {id: document.activeElement.id, outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow};
                """);
        boolean outline = !"none".equals(style.get("outline")) && parsePx(String.valueOf(style.get("width"))) >= 2;
        boolean shadow = !"none".equals(style.get("shadow"));
        assertThat(outline || shadow)
                .as("visible focus on #%s: %s", style.get("id"), style)
                .isTrue();
        return this;
    }

    String activeId() {
        return String.valueOf(((JavascriptExecutor) driver)
                .executeScript("return document.activeElement ? document.activeElement.id : ''"));
    }

    private String activeName() {
        return String.valueOf(((JavascriptExecutor) driver)
                .executeScript("return document.activeElement ? (document.activeElement.name || '') : ''"));
    }

    private static double parsePx(String value) {
        try {
            return Double.parseDouble(value.replace("px", "").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
