package dev.simdata.time;

import dev.simdata.random.RowRandom;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityCalendarTest
{
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void localTimesConvertExactlyEvenOnDaylightSavingDays()
    {
        int from = (int) LocalDate.of(2025, 1, 1).toEpochDay();
        ActivityCalendar calendar = new ActivityCalendar(NEW_YORK, from, from + 400);
        for (LocalDate date : new LocalDate[] {LocalDate.of(2025, 3, 9), LocalDate.of(2025, 11, 2), LocalDate.of(2025, 7, 4), LocalDate.of(2025, 12, 31)}) {
            for (int second = 0; second < 86_400; second += 600) {
                LocalDateTime local = date.atStartOfDay().plusSeconds(second);
                long expected = ZonedDateTime.ofLocal(local, NEW_YORK, null).toEpochSecond();
                assertThat(calendar.localToEpochSecond((int) date.toEpochDay(), second)).as("%s", local).isEqualTo(expected);
            }
        }
    }

    @Test
    void sampledInstantsStayOnTheirLocalDate()
    {
        int from = (int) LocalDate.of(2025, 1, 1).toEpochDay();
        ActivityCalendar calendar = new ActivityCalendar(NEW_YORK, from, from + 400);
        RowRandom random = new RowRandom(42);
        for (LocalDate date : new LocalDate[] {LocalDate.of(2025, 3, 9), LocalDate.of(2025, 11, 2)}) {
            for (int i = 0; i < 20_000; i++) {
                random.reset(1, i);
                long activity = calendar.activityInstant(random, (int) date.toEpochDay());
                long call = calendar.callInstant(random, (int) date.toEpochDay());
                assertThat(Instant.ofEpochSecond(activity).atZone(NEW_YORK).toLocalDate()).isEqualTo(date);
                assertThat(Instant.ofEpochSecond(call).atZone(NEW_YORK).toLocalDate()).isEqualTo(date);
            }
        }
    }
}
