package dev.simdata.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioConfigTest
{
    @Test
    void printedConfigurationsReadBackToTheSameScenario(@TempDir Path temporary)
            throws IOException
    {
        for (Scenario preset : Scenario.PRESETS) {
            for (ScenarioConfig config : new ScenarioConfig[] {ScenarioConfig.of(preset), ScenarioConfig.of(preset).scaled(2.5)}) {
                Path yaml = Files.writeString(temporary.resolve(preset.name() + ".yaml"), config.toYaml());
                Path json = Files.writeString(temporary.resolve(preset.name() + ".json"), config.toJson());
                assertThat(ScenarioConfig.read(yaml, Scenario.DEMO)).isEqualTo(config);
                assertThat(ScenarioConfig.read(json, Scenario.DEMO)).isEqualTo(config);
            }
        }
    }

    @Test
    void overridesApplyOverTheBaseAndScaleAppliesToTheRest(@TempDir Path temporary)
            throws IOException
    {
        Path file = Files.writeString(temporary.resolve("custom.yml"), """
                base: development
                scale: 2
                history_months: 6
                time_zone: America/Chicago
                counts:
                  contacts: 12345
                rates:
                  qr_scanned: 0.5
                """);
        ScenarioConfig config = ScenarioConfig.read(file, Scenario.DEMO);
        assertThat(config.scenario().organizations()).isEqualTo(10);
        assertThat(config.scenario().campaigns()).isEqualTo(200);
        assertThat(config.scenario().contacts()).isEqualTo(12_345);
        assertThat(config.scenario().recipientsPerCampaign()).isEqualTo(150);
        assertThat(config.scenario().historyMonths()).isEqualTo(6);
        assertThat(config.zone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(config.rates().qrScanned()).isEqualTo(0.5);
        assertThat(config.rates().mailed()).isEqualTo(0.95);
        assertThat(config.scenario().name()).isEqualTo("development_custom");
    }

    @Test
    void mistakesNameTheKeyAndTheLine(@TempDir Path temporary)
            throws IOException
    {
        String[][] cases = {
                {"counts:\n  contacts: 10\n  contacs: 5\n", "line 3", "unknown key 'contacs' under counts"},
                {"base: demo\nsize: 3\n", "line 2", "unknown key 'size'"},
                {"counts:\n  campaigns: many\n", "line 2", "counts.campaigns must be a whole number"},
                {"counts:\n  contacts: -5\n", "line 2", "counts.contacts must be at least 1, got -5"},
                {"rates:\n  delivered: 1.2\n", "line 2", "rates.delivered must be between 0 and 1"},
                {"rates:\n  lead_created_per_visit: 0.5\n", "line 2", "must not exceed rates.form_submitted_per_visit"},
                {"time_zone: Mars/Olympus\n", "line 1", "unknown time zone 'Mars/Olympus'"},
                {"base: huge\n", "line 1", "unknown preset 'huge'"},
                {"counts:\n  organizations: 9\n  clients: 3\n", "", "clients (3) must be at least organizations (9)"},
                {"counts: [1, 2\n", "line", "not valid YAML"},
                {"scale: -1\n", "line 1", "scale must be a positive number"},
                {"features:\n  call_center: yes please\n", "line 2", "features.call_center must be true or false"},
                {"features:\n  crm: true\n", "line 2", "unknown key 'crm' under features"},
                {"rates:\n  gift_card_redeemed: 2\n", "line 2", "rates.gift_card_redeemed must be between 0 and 1"},
                {"base: demo\ngrowth_per_year: 12\n", "line 2", "growth_per_year must be between -0.9 and 10"},
                {"growth_per_year: -0.95\n", "line 1", "growth_per_year must be between -0.9 and 10"},
                {"growth_per_year: fast\n", "line 1", "growth_per_year must be a number"},
        };
        for (String[] mistake : cases) {
            Path file = Files.writeString(temporary.resolve("bad.yaml"), mistake[0]);
            assertThatThrownBy(() -> ScenarioConfig.read(file, Scenario.DEMO))
                    .as(mistake[0])
                    .isInstanceOf(ScenarioConfig.ConfigException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(mistake[1])
                    .hasMessageContaining(mistake[2])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThatThrownBy(() -> ScenarioConfig.read(temporary.resolve("absent.yaml"), Scenario.DEMO)).hasMessageContaining("does not exist");
        Path json = Files.writeString(temporary.resolve("bad.json"), "{\"counts\": {\"users\": \"ten\"}}");
        assertThatThrownBy(() -> ScenarioConfig.read(json, Scenario.DEMO)).hasMessageContaining("line 1").hasMessageContaining("counts.users must be a whole number");
    }

    @Test
    void growthIsReadPrintedAndReadBack(@TempDir Path temporary)
            throws IOException
    {
        Path file = Files.writeString(temporary.resolve("growing.yaml"), "base: analytics\ngrowth_per_year: 0.5\n");
        ScenarioConfig config = ScenarioConfig.read(file, Scenario.DEMO);
        assertThat(config.scenario().growthPerYear()).isEqualTo(0.5);
        assertThat(config.scenario().name()).isEqualTo("analytics_custom");
        assertThat(ScenarioConfig.read(Files.writeString(temporary.resolve("again.yaml"), config.toYaml()), Scenario.DEMO)).isEqualTo(config);
        assertThat(ScenarioConfig.read(Files.writeString(temporary.resolve("again.json"), config.toJson()), Scenario.DEMO)).isEqualTo(config);
        assertThat(ScenarioConfig.of(Scenario.ANALYTICS).scenario().growthPerYear()).isZero();
    }

    @Test
    void scalingKeepsTheScenarioConsistent()
    {
        Scenario half = Scenario.DEMO.scaled(0.1);
        assertThat(half.organizations()).isEqualTo(1);
        assertThat(half.clients()).isGreaterThanOrEqualTo(half.organizations());
        assertThat(half.contacts()).isGreaterThanOrEqualTo(half.clients());
        assertThat(Scenario.LOAD_TEST.scaled(4).contacts()).isEqualTo(800_000);
        assertThat(Scenario.LOAD_TEST.scaled(4).name()).isEqualTo("load_test_x4");
    }
}
