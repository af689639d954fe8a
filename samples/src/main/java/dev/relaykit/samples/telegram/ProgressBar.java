package dev.relaykit.samples.telegram;

import java.util.Locale;

/**
 * A one-line text progress bar for a download: {@code [##########----------]  50%  1.5 / 3.0 MiB}. The console
 * sample redraws it in place ({@code \r}) on each of TDLib's {@code updateFile}s.
 */
final class ProgressBar {
    private ProgressBar() {
    }

    /**
     * @param done bytes so far
     * @param total the size in bytes, or 0 or less when unknown (the bar then shows only the bytes so far)
     * @param width the bar's width in characters, inside the brackets
     * @return the line, without a line break
     */
    static String render(long done, long total, int width) {
        if (total <= 0) {
            return "[" + "?".repeat(width) + "]  " + size(done);
        }
        long clamped = Math.max(0, Math.min(done, total));
        int filled = (int) (clamped * width / total);
        int percent = (int) (clamped * 100 / total);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + String.format(Locale.ROOT, "%3d%%", percent)
                + "  " + size(clamped, total) + " / " + size(total);
    }

    /** Both sizes in the larger one's unit, so the two numbers compare at a glance. */
    private static String size(long bytes, long scale) {
        return number(bytes, unit(scale));
    }

    private static String size(long bytes) {
        int u = unit(bytes);
        return number(bytes, u) + " " + UNITS[u];
    }

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB"};

    private static int unit(long bytes) {
        int u = 0;
        double v = bytes;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return u;
    }

    private static String number(long bytes, int unit) {
        return unit == 0 ? Long.toString(bytes) : String.format(Locale.ROOT, "%.1f", bytes / Math.pow(1024, unit));
    }
}
