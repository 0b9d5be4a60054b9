import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Fallback for ./mvnw on machines without curl or wget: run with the JDK's single-file source launcher,
 * so a bare JDK is enough to bootstrap Maven.
 *
 * <pre>
 *   java Download.java URL FILE      download URL to FILE
 *   java Download.java --sha512 FILE print the SHA-512 of FILE (for machines without sha512sum)
 * </pre>
 */
public class Download {
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--sha512")) {
            System.out.println(sha512(Path.of(args[1])));
        } else if (args.length == 2) {
            download(URI.create(args[0]), Path.of(args[1]));
        } else {
            System.err.println("usage: java Download.java URL FILE | --sha512 FILE");
            System.exit(2);
        }
    }

    private static void download(URI url, Path target) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<InputStream> response =
                client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " for " + url);
        }
        try (InputStream body = response.body()) {
            Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String sha512(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-512");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
