package dev.strand.internal.micrometer;

/** The UTF-8 size of text, counted without encoding it. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * {@return how many bytes {@code text} takes in UTF-8, as {@code String.getBytes(UTF_8)} writes
     * it: an unpaired surrogate is the one byte of its replacement {@code ?}}
     */
    static long length(String text) {
        long bytes = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
