package dev.strand;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A cookie to set with {@link Context#setCookie(Cookie)}: name, value and the attributes of
 * RFC 6265 §4.1 plus {@code SameSite}. Immutable; the {@code with…} methods return a changed copy.
 *
 * {@snippet :
 * ctx.setCookie(Cookie.of("session", id)
 *         .withMaxAge(Duration.ofHours(8))
 *         .withHttpOnly(true)
 *         .withSecure(true)
 *         .withSameSite(Cookie.SameSite.LAX));
 * }
 *
 * @param name     the name, an RFC 9110 token (letters, digits and {@code !#$%&'*+-.^_`|~})
 * @param value    the value: RFC 6265 cookie octets (printable ASCII but space, {@code " , ; \}),
 *                 optionally in double quotes; may be empty. Encode anything else yourself, e.g.
 *                 with Base64url
 * @param maxAge   how long the browser keeps it ({@code Max-Age} and {@code Expires}), whole
 *                 seconds; {@code null} for a session cookie, gone when the browser closes; zero
 *                 removes it
 * @param path     the {@code Path} it is sent for; default {@code "/"}, the whole site;
 *                 {@code null} leaves it to the browser (the request's directory)
 * @param domain   the {@code Domain} it is sent to, its subdomains included, e.g.
 *                 {@code "example.com"}; {@code null} (the default) for this host only
 * @param secure   whether it is sent over HTTPS only; default {@code false}
 * @param httpOnly whether page scripts are kept from reading it; default {@code false}
 * @param sameSite whether it goes with requests from other sites; {@code null} (the default)
 *                 leaves it to the browser, which treats it as {@link SameSite#LAX}
 */
public record Cookie(String name, String value, Duration maxAge, String path, String domain, boolean secure,
                     boolean httpOnly, SameSite sameSite) {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
    private static final Pattern COOKIE_OCTETS = Pattern.compile("\"?[\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x5B\\x5D-\\x7E]*\"?");
    /** Attribute values (path, domain): any printable ASCII but {@code ;}, which would end them. */
    private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("[\\x20-\\x3A\\x3C-\\x7E]+");

    /** The {@code SameSite} attribute: whether a cookie goes with requests started by other sites. */
    public enum SameSite {
        /** Only with requests from this site. */
        STRICT,
        /** Also with top-level navigations from other sites (following a link). */
        LAX,
        /** With every request; browsers accept it only on a {@code Secure} cookie. */
        NONE
    }

    /**
     * Checks the cookie as RFC 6265 and browsers require.
     *
     * @throws NullPointerException     for a missing name or value
     * @throws IllegalArgumentException for a name that is not a token, a value with characters a
     *                                  cookie cannot carry, a negative {@code maxAge}, a path or
     *                                  domain with {@code ;} or control characters, or
     *                                  {@code SameSite=None} without {@code Secure}
     */
    public Cookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("cookie name '" + name + "' is not an RFC 9110 token: use letters, digits and !#$%&'*+-.^_`|~");
        }
        if (!COOKIE_OCTETS.matcher(value).matches() || value.equals("\"")) {
            throw new IllegalArgumentException("value of cookie '" + name + "' has characters a cookie cannot carry "
                    + "(space, \" , ; \\, controls or non-ASCII); encode it, e.g. with Base64url");
        }
        if (maxAge != null && maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge of cookie '" + name + "' is negative: " + maxAge);
        }
        if (path != null && !ATTRIBUTE_VALUE.matcher(path).matches()) {
            throw new IllegalArgumentException("path of cookie '" + name + "' must be printable ASCII without ';': " + path);
        }
        if (domain != null && !ATTRIBUTE_VALUE.matcher(domain).matches()) {
            throw new IllegalArgumentException("domain of cookie '" + name + "' must be printable ASCII without ';': " + domain);
        }
        if (sameSite == SameSite.NONE && !secure) {
            throw new IllegalArgumentException("cookie '" + name + "' has SameSite=None without Secure; browsers drop it. "
                    + "Add withSecure(true)");
        }
    }

    /**
     * {@return a session cookie for the whole site ({@code Path=/}) with no other attributes}
     *
     * @param name  the name, an RFC 9110 token
     * @param value the value, RFC 6265 cookie octets
     * @throws IllegalArgumentException as the constructor
     */
    public static Cookie of(String name, String value) {
        return new Cookie(name, value, null, "/", null, false, false, null);
    }

    /**
     * {@return this cookie with another {@code maxAge}}
     *
     * @param maxAge how long the browser keeps it, whole seconds; {@code null} for a session cookie
     */
    public Cookie withMaxAge(Duration maxAge) {
        return new Cookie(name, value, maxAge, path, domain, secure, httpOnly, sameSite);
    }

    /**
     * {@return this cookie with another {@code path}}
     *
     * @param path the path it is sent for, e.g. {@code "/app"}; {@code null} to leave it to the browser
     */
    public Cookie withPath(String path) {
        return new Cookie(name, value, maxAge, path, domain, secure, httpOnly, sameSite);
    }

    /**
     * {@return this cookie with another {@code domain}}
     *
     * @param domain the domain it is sent to, e.g. {@code "example.com"}; {@code null} for this host only
     */
    public Cookie withDomain(String domain) {
        return new Cookie(name, value, maxAge, path, domain, secure, httpOnly, sameSite);
    }

    /**
     * {@return this cookie with {@code secure} on or off}
     *
     * @param on whether it is sent over HTTPS only
     */
    public Cookie withSecure(boolean on) {
        return new Cookie(name, value, maxAge, path, domain, on, httpOnly, sameSite);
    }

    /**
     * {@return this cookie with {@code httpOnly} on or off}
     *
     * @param on whether page scripts are kept from reading it
     */
    public Cookie withHttpOnly(boolean on) {
        return new Cookie(name, value, maxAge, path, domain, secure, on, sameSite);
    }

    /**
     * {@return this cookie with another {@code sameSite}}
     *
     * @param sameSite the policy, or {@code null} to leave it to the browser
     * @throws IllegalArgumentException for {@link SameSite#NONE} on a cookie that is not {@code Secure}
     */
    public Cookie withSameSite(SameSite sameSite) {
        return new Cookie(name, value, maxAge, path, domain, secure, httpOnly, sameSite);
    }
}
