package dev.simdata.generate;

import dev.simdata.scenario.GenerationSettings;
import dev.simdata.schema.TableSchema;
import dev.simdata.schema.TableSource;
import dev.simdata.time.ActivityCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Monthly series of one generated dataset, straight from the generators (no files): campaigns created, mailed and
 * engagement events per local month, and the status mix. Used by the realism tests over the whole history.
 */
final class MonthlySeries
{
    final GenerationSettings settings;
    final Map<YearMonth, long[]> months = new TreeMap<>();
    final Map<String, Long> statuses = new TreeMap<>();
    long campaigns;
    private LocalDate firstCreated = LocalDate.MAX;
    private LocalDate lastCreated = LocalDate.MIN;
    /** Index into a month's counts. */
    static final int CREATED = 0;
    static final int MAILED = 1;
    static final int ENGAGEMENT = 2;

    private MonthlySeries(GenerationSettings settings)
    {
        this.settings = settings;
    }

    static MonthlySeries of(GenerationSettings settings, boolean events)
    {
        MonthlySeries series = new MonthlySeries(settings);
        ZoneId zone = settings.zone();
        List<TableSource> sources = Generators.sources(settings);
        TableSource campaigns = GeneratedRows.source(sources, "campaigns");
        TableSchema schema = campaigns.schema();
        int status = schema.columnIndex("status");
        int created = schema.columnIndex("created_at");
        GeneratedRows.forEach(campaigns, row -> {
            LocalDate day = Instant.ofEpochSecond(row.longValue(created)).atZone(zone).toLocalDate();
            series.month(day)[CREATED]++;
            series.firstCreated = day.isBefore(series.firstCreated) ? day : series.firstCreated;
            series.lastCreated = day.isAfter(series.lastCreated) ? day : series.lastCreated;
            series.statuses.merge(row.string(status).toString(), 1L, Long::sum);
            series.campaigns++;
        });
        if (events) {
            TableSource eventsTable = GeneratedRows.source(sources, "events");
            int type = eventsTable.schema().columnIndex("event_type");
            int occurred = eventsTable.schema().columnIndex("occurred_at");
            GeneratedRows.forEach(eventsTable, row -> {
                String eventType = row.string(type).toString();
                long[] month = series.month(Instant.ofEpochSecond(row.longValue(occurred)).atZone(zone).toLocalDate());
                if (eventType.equals("mailed")) {
                    month[MAILED]++;
                }
                else if (!eventType.equals("delivered")) {
                    month[ENGAGEMENT]++;
                }
            });
        }
        return series;
    }

    private long[] month(LocalDate date)
    {
        return months.computeIfAbsent(YearMonth.from(date), key -> new long[3]);
    }

    double share(String status)
    {
        return statuses.getOrDefault(status, 0L) / (double) campaigns;
    }

    /** DOMAIN.md's seasonal × weekly weight summed over the days of a month on which campaigns were created. */
    double coveredWeight(YearMonth month)
    {
        double total = 0;
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            LocalDate date = month.atDay(day);
            if (!date.isBefore(firstCreated) && !date.isAfter(lastCreated)) {
                total += ActivityCalendar.dayWeight((int) date.toEpochDay());
            }
        }
        return total;
    }

    double coveredWeight()
    {
        return months.keySet().stream().mapToDouble(this::coveredWeight).sum();
    }

    /** The days of a month from the first to the last campaign created. */
    int coveredDays(YearMonth month)
    {
        LocalDate from = month.atDay(1).isBefore(firstCreated) ? firstCreated : month.atDay(1);
        LocalDate to = month.atEndOfMonth().isAfter(lastCreated) ? lastCreated : month.atEndOfMonth();
        return (int) Math.max(0, to.toEpochDay() - from.toEpochDay() + 1);
    }

    int coveredDays()
    {
        return months.keySet().stream().mapToInt(this::coveredDays).sum();
    }

    /** Per-day counts of one series in Q4 over June–August, over the months of the history window. */
    double q4OverSummer(int series)
    {
        long q4 = 0;
        long summer = 0;
        int q4Days = 0;
        int summerDays = 0;
        YearMonth windowStart = YearMonth.from(settings.asOf().minusMonths(settings.scenario().historyMonths()));
        for (Map.Entry<YearMonth, long[]> entry : months.entrySet()) {
            if (entry.getKey().isBefore(windowStart)) {
                continue;
            }
            int month = entry.getKey().getMonthValue();
            if (month >= 10) {
                q4 += entry.getValue()[series];
                q4Days += entry.getKey().lengthOfMonth();
            }
            else if (month >= 6 && month <= 8) {
                summer += entry.getValue()[series];
                summerDays += entry.getKey().lengthOfMonth();
            }
        }
        return ((double) q4 / q4Days) / ((double) summer / summerDays);
    }

    String table()
    {
        StringBuilder out = new StringBuilder(settings.scenario().name()).append(": month, campaigns created, per day ÷ weight, mailed, engagement\n");
        double perWeight = campaigns / coveredWeight();
        months.forEach((month, counts) -> out.append(String.format(Locale.ROOT, "%s %6d %5.2f %8d %8d%n", month, counts[CREATED],
                counts[CREATED] / (coveredWeight(month) * perWeight), counts[MAILED], counts[ENGAGEMENT])));
        out.append("status ").append(statuses);
        return out.toString();
    }
}
