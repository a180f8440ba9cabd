/** The server settings as immutable records with their defaults: {@link dev.strand.config.StrandConfig}, {@link dev.strand.config.Limits}, {@link dev.strand.config.WsConfig}, {@link dev.strand.config.Transport} with {@link dev.strand.config.Tls} and {@link dev.strand.config.Compression}. */
package dev.strand.config;
