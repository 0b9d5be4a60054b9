package dev.govid.simulator.web;

/** HTML escaping and the shared page frame. */
final class Html {
    private Html() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String page(String lang, String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"" + escape(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<style>body{font-family:sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}"
                + "fieldset{margin:1rem 0}.choice{margin:.3rem 0}.hint{color:#555;font-size:.9em}"
                + "button{margin-right:1rem;padding:.4rem 1.2rem}</style>\n"
                + "</head>\n<body>\n" + body + "</body>\n</html>\n";
    }
}
