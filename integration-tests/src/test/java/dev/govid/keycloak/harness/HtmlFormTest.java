package dev.govid.keycloak.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HtmlFormTest {
    private static final String PAGE = """
            <form id="f" action="/submit?x=1" method="post">
              <input type="hidden" name="token" value="t1">
              <input name="username" value="">
              <input type="radio" name="level" value="low">
              <input type="radio" name="level" value="high" checked>
              <input type="checkbox" name="remember">
              <select name="lang"><option value="de">Deutsch</option><option value="en" selected>English</option></select>
              <input type="submit" name="login" value="Anmelden">
              <button name="cancel" value="yes">Abbrechen</button>
              <input name="off" value="x" disabled>
            </form>""";

    @Test
    void collectsWhatABrowserWouldSubmit() {
        HtmlForm form = new HtmlForm(Jsoup.parse(PAGE, "http://localhost/page").selectFirst("#f"));

        assertThat(Urls.formEncode(form.fields(Map.of("username", "erika"), "login")))
                .isEqualTo("token=t1&level=high&lang=en&login=Anmelden&username=erika");
        assertThat(form.method()).isEqualTo("POST");
        assertThat(form.action("http://localhost/page")).isEqualTo("http://localhost/submit?x=1");
    }

    @Test
    void clickingANamedButtonSendsItsValue() {
        HtmlForm form = new HtmlForm(Jsoup.parse(PAGE, "http://localhost/page").selectFirst("#f"));

        assertThat(form.fields(Map.of(), "cancel")).anySatisfy(f -> {
            assertThat(f.getKey()).isEqualTo("cancel");
            assertThat(f.getValue()).isEqualTo("yes");
        });
    }
}
