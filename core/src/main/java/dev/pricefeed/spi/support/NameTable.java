package dev.pricefeed.spi.support;

import java.util.Arrays;
import java.util.Objects;

/**
 * A fixed list of names (the keys of a message, its type values) that a parser dispatches on by index: the
 * {@link FrameReader} finds the current key or string among them from the frame's characters, so a parser can
 * {@code switch} on an {@code int} with no {@code String} made, hashed or compared per field. Immutable and
 * thread-safe; build one per parser class as a constant.
 */
public final class NameTable {

    private final String[] names;
    private final char[][] chars;
    /** Open addressing on the names' {@code String.hashCode}: the index of a name, or -1 for a free slot. */
    private final int[] slots;
    private final int mask;
    /** The index of each one-character ASCII name by its character, -1 for none: Binance's keys skip the hashing. */
    private final int[] single = new int[128];

    private NameTable(String[] names) {
        this.names = names.clone();
        this.chars = new char[names.length][];
        int size = Integer.highestOneBit(Math.max(4, names.length * 4) - 1) << 1;
        this.slots = new int[size];
        this.mask = size - 1;
        Arrays.fill(slots, -1);
        Arrays.fill(single, -1);
        for (int i = 0; i < names.length; i++) {
            String name = Objects.requireNonNull(names[i], "a name is null");
            if (indexOf(name) >= 0) {
                throw new IllegalArgumentException("the name '" + name + "' is listed twice");
            }
            chars[i] = name.toCharArray();
            int slot = spread(name.hashCode()) & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i;
            if (name.length() == 1 && name.charAt(0) < single.length) {
                single[name.charAt(0)] = i;
            }
        }
    }

    /** A table of these names; a name's index is its position here. */
    public static NameTable of(String... names) {
        return new NameTable(names);
    }

    /** How many names the table holds. */
    public int size() {
        return names.length;
    }

    /** The name at {@code index}. */
    public String name(int index) {
        return names[index];
    }

    /** The index of {@code text}, or -1 when it is null or not one of the names. */
    public int indexOf(String text) {
        if (text == null) {
            return -1;
        }
        int slot = spread(text.hashCode()) & mask;
        int index;
        while ((index = slots[slot]) >= 0) {
            if (names[index].equals(text)) {
                return index;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** The index of the name spelled by {@code text[from, to)}, or -1 when it is not one of the names. */
    public int indexOf(char[] text, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + text[i];
        }
        return indexOf(text, from, to, hash);
    }

    /** The index of the one-character name {@code c}, or -1 when it is not one of the names. */
    int indexOf(char c) {
        if (c < single.length) {
            return single[c];
        }
        return indexOf(new char[] {c}, 0, 1, c);
    }

    /** {@link #indexOf(char[], int, int)} with the range's {@code String.hashCode} already summed by the caller. */
    int indexOf(char[] text, int from, int to, int hash) {
        int slot = spread(hash) & mask;
        int length = to - from;
        int index;
        while ((index = slots[slot]) >= 0) {
            if (sameChars(chars[index], text, from, length)) {
                return index;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Whether {@code name} is spelled by {@code length} characters of {@code text} at {@code from}. */
    private static boolean sameChars(char[] name, char[] text, int from, int length) {
        if (name.length != length) {
            return false;
        }
        // names are short: a plain loop beats Arrays.equals' range checks and call
        for (int i = 0; i < length; i++) {
            if (name[i] != text[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** Mixes the high bits in, so names that differ only in early characters use different slots. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
