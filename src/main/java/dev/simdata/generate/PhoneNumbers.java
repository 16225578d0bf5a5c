package dev.simdata.generate;

import dev.simdata.random.RowRandom;

/**
 * E.164 US phone numbers, written into a reused 12-character buffer: area code and exchange start with 2–9 and are
 * never N11. A contact's number comes from its own stream, so a call can recompute its caller's number.
 */
final class PhoneNumbers
{
    static final int LENGTH = 12;
    /** Three quarters of contacts have a phone number on file. */
    private static final double CONTACT_SHARE = 0.75;
    /** Tracked numbers: a permutation of the 8,000,000 valid exchange-and-line numbers, so numbers never repeat. */
    private static final long LINE_SPACE = 8_000_000L;
    private static final long LINE_MULTIPLIER = 2_654_437L;
    private static final String[] TRACKING_AREA_CODES = {"844", "855", "866", "877", "888"};

    private PhoneNumbers() {}

    /** Writes contact {@code contact}'s number into {@code digits}; false when the contact has none. */
    static boolean contactPhone(RowRandom random, long contact, char[] digits)
    {
        random.reset(Streams.CONTACT_PHONE, contact);
        if (!random.chance(CONTACT_SHARE)) {
            return false;
        }
        randomNumber(random, digits);
        return true;
    }

    /** Writes a random number, drawn from {@code random}, into {@code digits}. */
    static void randomNumber(RowRandom random, char[] digits)
    {
        digits[0] = '+';
        digits[1] = '1';
        threeDigits(random, digits, 2);
        threeDigits(random, digits, 5);
        for (int i = 8; i < LENGTH; i++) {
            digits[i] = (char) ('0' + random.nextInt(10));
        }
    }

    /** A toll-free tracking number, distinct for each key below 40,000,000. */
    static void trackedNumber(long key, char[] digits)
    {
        String area = TRACKING_AREA_CODES[(int) (key % TRACKING_AREA_CODES.length)];
        long line = 2_000_000L + Math.floorMod((key / TRACKING_AREA_CODES.length) * LINE_MULTIPLIER + 1_234_567L, LINE_SPACE);
        digits[0] = '+';
        digits[1] = '1';
        area.getChars(0, 3, digits, 2);
        for (int i = LENGTH - 1; i >= 5; i--) {
            digits[i] = (char) ('0' + line % 10);
            line /= 10;
        }
    }

    private static void threeDigits(RowRandom random, char[] digits, int offset)
    {
        digits[offset] = (char) ('2' + random.nextInt(8));
        digits[offset + 1] = (char) ('0' + random.nextInt(9));
        digits[offset + 2] = (char) ('0' + random.nextInt(10));
        if (digits[offset + 1] == '1' && digits[offset + 2] == '1') {
            digits[offset + 2] = '2';
        }
    }
}
