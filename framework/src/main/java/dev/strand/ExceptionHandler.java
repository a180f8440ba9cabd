package dev.strand;

/**
 * Turns an exception of one type into a response, registered with
 * {@link Strand.Builder#exception(Class, ExceptionHandler)}. The most specific registered type
 * wins. The handler sets status and body on the Context; response middleware still runs after it.
 * If the handler itself throws, the client gets a plain 500. An {@link HttpException} reaches only
 * handlers registered for {@code HttpException} itself (or a subtype), never catch-alls for
 * {@code RuntimeException} or {@code Exception}, so 401s and 404s stay what they are.
 *
 * {@snippet :
 * Strand.builder().exception(NoSuchElementException.class,
 *         (e, ctx) -> ctx.setResponseStatus(404).setResponseBody(Map.of("error", "not found")));
 * }
 *
 * @param <T> the exception type it handles
 */
@FunctionalInterface
public interface ExceptionHandler<T extends Throwable> {
    /**
     * Sets the response for {@code exception} on {@code ctx}; Strand sends it. Runs on the
     * request's thread.
     *
     * @param exception what the handler or a middleware threw
     * @param ctx       the request's Context; its body and {@code Content-Type} were cleared
     * @throws Exception anything; the client then gets a 500 with an error id, the exception goes to the log
     */
    void handle(T exception, Context ctx) throws Exception;
}
