package dev.strand.demo;

import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.Middleware;
import java.util.regex.Pattern;

/**
 * Answers 400 for a room, board or poll name in the path, or a {@code name} query parameter, that
 * the demo does not accept. As middleware it runs before a WebSocket upgrade, so a browser never
 * opens a socket it cannot use and the answer is a plain HTTP error a person can read.
 */
public final class ValidNames implements Middleware {
    /** Room, board and poll names: short, and safe to show and to use in a URL without escaping. */
    static final Pattern PLACE = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");
    /** The longest user name, in characters. */
    static final int MAX_USER = 32;

    @Override
    public void handle(Context ctx, Chain chain) throws Exception {
        for (var param : ctx.pathParams().entrySet()) {
            if (!PLACE.matcher(param.getValue()).matches()) {
                throw new HttpException(400, "'" + param.getKey() + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
            }
        }
        var name = ctx.queryParam("name");
        if (name != null && (name.strip().length() > MAX_USER || name.chars().anyMatch(Character::isISOControl))) {
            throw new HttpException(400, "'name' must be at most " + MAX_USER + " characters, without control characters");
        }
        chain.proceed();
    }
}
