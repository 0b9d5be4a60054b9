package dev.govid.simulator.digid;

import java.util.List;
import java.util.Optional;

/**
 * A DigiD test person. A gemachtigde has a represented person (machtiginggever); an expired machtiging makes DigiD
 * Machtigen refuse the login.
 */
public record DigidPersona(String id, String label, String bsn, String representedBsn, boolean machtigingExpired) {

    public static final List<DigidPersona> ALL = List.of(
            new DigidPersona("jan", "Jan Jansen (burger)", "999990007", null, false),
            new DigidPersona("sanne", "Sanne de Vries (burger)", "900029365", null, false),
            new DigidPersona(
                    "eva-voor-vader",
                    "Eva Bakker, gemachtigde voor haar vader Kees Bakker",
                    "999990019",
                    "999990020",
                    false),
            new DigidPersona("verlopen-machtiging", "Piet Smit, machtiging verlopen", "999990032", "999990044", true));

    public static Optional<DigidPersona> byId(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public boolean actsForSomeoneElse() {
        return representedBsn != null;
    }
}
