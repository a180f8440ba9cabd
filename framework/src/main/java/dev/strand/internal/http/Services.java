package dev.strand.internal.http;

import dev.strand.config.StrandConfig;
import dev.strand.internal.json.JsonCodec;

/**
 * What every Context of one server shares: settings, the JSON codec and the error responses.
 *
 * @param config the server's settings
 * @param json   the JSON codec
 * @param errors turns exceptions into responses
 * @param streams the open SSE streams, ended by a graceful stop
 */
public record Services(StrandConfig config, JsonCodec json, ErrorResponses errors, OpenStreams streams) {}
